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
		{"bg", "В момента не отговаряме на сигнали Do Not Track, тъй като няма общ стандарт.", no, none},
		{"bg", "Зачитаме сигнала Do Not Track на вашия браузър.", yes, none},
		{"bg", "Използваме бисквитки, за да запомним количката ви.", none, none},
		{"el", "Επί του παρόντος δεν ανταποκρινόμαστε στα σήματα Do Not Track, καθώς δεν υπάρχει κοινό πρότυπο.", no, none},
		{"el", "Σεβόμαστε το σήμα Do Not Track του προγράμματος περιήγησής σας.", yes, none},
		{"el", "Αντιμετωπίζουμε το σήμα Global Privacy Control ως αίτημα εξαίρεσης και το σεβόμαστε.", none, yes},
		{"el", "Χρησιμοποιούμε cookies για το καλάθι αγορών.", none, none},
		{"ga", "Faoi láthair ní fhreagraímid do chomharthaí Do Not Track ó bhrabhsálaithe.", no, none},
		{"ga", "Urramaímid comhartha Do Not Track do bhrabhsálaí.", yes, none},
		{"ga", "Úsáidimid fianáin chun do chiseán a mheabhrú.", none, none},
		{"hr", "Budući da ne postoji zajednički standard, trenutačno ne odgovaramo na signale Do Not Track.", no, none},
		{"hr", "Poštujemo signal Do Not Track vašeg preglednika.", yes, none},
		{"hr", "Koristimo kolačiće za košaricu.", none, none},
		{"hu", "Jelenleg nem reagálunk a böngészők Do Not Track jelzéseire, mivel nincs egységes szabvány.", no, none},
		{"hu", "A Global Privacy Control jelzést nem vesszük figyelembe.", none, no},
		{"hu", "Tiszteletben tartjuk a böngésző Do Not Track jelzését.", yes, none},
		{"hu", "Sütiket használunk a kosár tartalmának megőrzéséhez.", none, none},
		{"lt", "Šiuo metu nereaguojame į naršyklės Do Not Track signalus.", no, none},
		{"lt", "Gerbiame jūsų naršyklės Do Not Track signalą.", yes, none},
		{"lt", "Naudojame slapukus pirkinių krepšeliui.", none, none},
		{"lv", "Pašlaik mēs nereaģējam uz pārlūkprogrammu Do Not Track signāliem.", no, none},
		{"lv", "Mēs ievērojam jūsu pārlūkprogrammas Do Not Track signālu.", yes, none},
		{"lv", "Mēs izmantojam sīkdatnes iepirkumu grozam.", none, none},
		{"mt", "Bħalissa ma nwieġbux għal sinjali Do Not Track mill-browser tiegħek.", no, none},
		{"mt", "Nirrispettaw is-sinjal Do Not Track tal-browser tiegħek.", yes, none},
		{"mt", "Nużaw cookies biex niftakru l-basket tiegħek.", none, none},
		{"ro", "În prezent nu răspundem la semnalele Do Not Track, deoarece nu există un standard comun.", no, none},
		{"ro", "Respectăm semnalele Do Not Track trimise de browserul dumneavoastră.", yes, none},
		{"ro", "Tratăm semnalul Global Privacy Control ca pe o cerere validă de renunțare și îl respectăm.", none, yes},
		{"ro", "Folosim cookie-uri pentru a reține coșul de cumpărături.", none, none},
		{"sk", "V súčasnosti nereagujeme na signály Do Not Track.", no, none},
		{"sk", "Rešpektujeme signál Do Not Track z vášho prehliadača.", yes, none},
		{"sk", "Používame súbory cookie pre nákupný košík.", none, none},
		{"sl", "Ker skupni standard ne obstaja, se trenutno ne odzivamo na signale Do Not Track.", no, none},
		{"sl", "Upoštevamo signal Do Not Track vašega brskalnika.", yes, none},
		{"sl", "Piškotke uporabljamo za nakupovalno košarico.", none, none},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{ContentType: "text/plain"})
		if f.DNTStance != c.dnt || f.GPCStance != c.gpc {
			t.Errorf("%s %q: dnt, gpc = %s, %s; want %s, %s", c.lang, c.text, f.DNTStance, f.GPCStance, c.dnt, c.gpc)
		}
	}
}
