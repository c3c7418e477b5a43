package policy

import (
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// TestDNTStancesEveryLanguage: Do Not Track and GPC stances with
// negations, conditions and hedges, honoured, refused and not mentioned, in
// every language the analyser reads.
func TestDNTStancesEveryLanguage(t *testing.T) {
	const (
		yes  = model.StanceHonored
		no   = model.StanceNotHonored
		none = model.StanceNotMentioned
	)
	cases := []struct {
		lang, text, dnt, gpc string
	}{
		{"en", "We do not currently respond to DNT signals.", no, none},
		{"en", "As there is no common industry standard for Do Not Track, we do not respond to such signals.", no, none},
		{"en", "Because there is no uniform standard, our website does not currently recognize Do Not Track requests.", no, none},
		{"en", "We honour Do Not Track: when your browser sends it, we do not load analytics.", yes, none},
		{"en", "We treat a Global Privacy Control signal as a valid request to opt out.", none, yes},
		{"en", "We use cookies to remember your cart.", none, none},
		{"fr", "Nous ne répondons pas aux signaux Do Not Track.", no, none},
		{"fr", "Faute de norme commune, nous ne tenons pas compte des signaux « Do Not Track » de votre navigateur.", no, none},
		{"fr", "Nous respectons les signaux Do Not Track envoyés par votre navigateur.", yes, none},
		{"fr", "Nous utilisons des cookies pour mémoriser votre panier.", none, none},
		{"de", "Da es keinen einheitlichen Standard gibt, reagieren wir derzeit nicht auf Do-Not-Track-Signale.", no, none},
		{"de", "Wir berücksichtigen das Do-Not-Track-Signal Ihres Browsers.", yes, none},
		{"de", "Wir verwenden Cookies für den Warenkorb.", none, none},
		{"es", "Actualmente no respondemos a las señales Do Not Track.", no, none},
		{"es", "Respetamos las señales Do Not Track de su navegador.", yes, none},
		{"es", "Utilizamos cookies para recordar su carrito.", none, none},
		{"it", "Al momento non rispondiamo ai segnali Do Not Track.", no, none},
		{"it", "Rispettiamo i segnali Do Not Track inviati dal browser.", yes, none},
		{"it", "Utilizziamo i cookie per ricordare il carrello.", none, none},
		{"nl", "Wij reageren momenteel niet op Do Not Track-signalen.", no, none},
		{"nl", "Wij respecteren Do Not Track-signalen van uw browser.", yes, none},
		{"nl", "Wij gebruiken cookies voor uw winkelwagen.", none, none},
		{"pt", "De momento, não respondemos a sinais Do Not Track.", no, none},
		{"pt", "Respeitamos os sinais Do Not Track do seu navegador.", yes, none},
		{"pt", "Utilizamos cookies para lembrar o seu carrinho.", none, none},
		{"sv", "Eftersom det saknas en gemensam standard svarar vi för närvarande inte på Do Not Track-signaler.", no, none},
		{"sv", "Vi respekterar Do Not Track-signaler från din webbläsare.", yes, none},
		{"sv", "Vi använder cookies för varukorgen.", none, none},
		{"nb", "Vi svarer foreløpig ikke på Do Not Track-signaler.", no, none},
		{"nb", "Vi respekterer Do Not Track-signaler fra nettleseren din.", yes, none},
		{"nb", "Vi bruker informasjonskapsler til handlekurven.", none, none},
		{"nn", "Vi reagerer ikkje på Do Not Track-signal.", no, none},
		{"nn", "Vi respekterer Do Not Track-signal frå nettlesaren din.", yes, none},
		{"da", "Vi reagerer i øjeblikket ikke på Do Not Track-signaler.", no, none},
		{"da", "Vi respekterer Do Not Track-signaler fra din browser.", yes, none},
		{"da", "Vi bruger cookies til indkøbskurven.", none, none},
		{"fi", "Emme tällä hetkellä reagoi Do Not Track -signaaleihin.", no, none},
		{"fi", "Koska yhteistä standardia ei ole, emme vastaa Do Not Track -pyyntöihin.", no, none},
		{"fi", "Kunnioitamme selaimesi Do Not Track -asetusta.", yes, none},
		{"fi", "Käytämme evästeitä ostoskorin muistamiseen.", none, none},
		{"et", "Me ei reageeri praegu Do Not Track signaalidele.", no, none},
		{"et", "Austame teie brauseri Do Not Track signaali.", yes, none},
		{"et", "Kasutame küpsiseid ostukorvi jaoks.", none, none},
		{"pl", "Obecnie nie reagujemy na sygnały Do Not Track.", no, none},
		{"pl", "Respektujemy sygnały Do Not Track wysyłane przez przeglądarkę.", yes, none},
		{"pl", "Używamy plików cookie do obsługi koszyka.", none, none},
		{"cs", "V současné době nereagujeme na signály Do Not Track.", no, none},
		{"cs", "Respektujeme signály Do Not Track z vašeho prohlížeče.", yes, none},
		{"cs", "Používáme soubory cookie pro nákupní košík.", none, none},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{ContentType: "text/plain"})
		if f.DNTStance != c.dnt || f.GPCStance != c.gpc {
			t.Errorf("%s %q: dnt, gpc = %s, %s; want %s, %s", c.lang, c.text, f.DNTStance, f.GPCStance, c.dnt, c.gpc)
		}
	}
}
