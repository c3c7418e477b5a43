package policy

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Language detection is deliberately light: a few dozen frequent function
// words and privacy terms per language, each word weighted by how many
// languages share it, plus a few letters only one family uses. It needs no
// n-gram model, costs tens of kilobytes, and is reliable on the paragraphs a
// policy is made of. Each paragraph is scored on its own so a page written in
// two languages reports both.

// languages lists the supported languages in a fixed order (ISO 639-1).
// The first fifteen have their lexicon in lexicon.go, the other eleven in
// lexicon_eu.go.
var languages = append([]string{"en", "fr", "de", "es", "it", "nl", "pt", "sv", "nb", "nn", "da", "fi", "et", "pl", "cs"}, euLanguageCodes()...)

// langWords are, per language, its most frequent function words and the
// words every privacy policy uses. Overlaps are expected: a word's weight is
// split between the languages that list it.
var langWords = map[string]string{
	"en": "the and of to in is that for with we you your our are this be by on or not as may will from have which it an us can if any such these when personal information data policy privacy use about how who what other more do does only their they been has would should all also where whether through",
	"fr": "le la les de des du et en un une est que qui dans pour par sur avec vous votre vos nous notre nos ne pas au aux ce cette ces ou sont être peut plus leur leurs se son sa ses il elle données personnelles confidentialité informations traitement également afin lorsque ainsi sauf aussi si à été où très cela comme tout tous concernant vie privée l d qu n",
	"de": "der die das und ist in zu den von mit sich des auf für nicht im dem ein eine einer eines als auch es an werden wird aus bei oder sie wir ihre ihrer ihren uns unsere unserer diese dieser durch nach können kann sind zur zum über daten personenbezogenen datenschutz verarbeitung haben wenn sowie dass nur ihnen ihr",
	"es": "el la los las de del que y en un una es se por para con no su sus al lo como más o este esta estos datos personales usted nosotros nuestro nuestra nuestros le les pueden puede tratamiento cuando también sobre entre sin hasta ser son está privacidad si información",
	"it": "il lo la i gli le di del della dei delle che e è in un una per con non sono da al alla si come questo questa dati personali nostro nostra nostri suoi tuoi anche più o nel nella può possono trattamento essere ai degli vostri utente tramite informazioni sul dell nell all",
	"nl": "de het een en van is dat die in te voor met op niet zijn wij we u uw ons onze deze dit als bij of aan ook worden wordt door naar om kunnen kan hebben heeft gegevens persoonsgegevens verwerken er over tot uit geen hun zal meer",
	"pt": "o a os as de do da dos das que e em um uma para com não por se na no nas nos ao é são seus suas seu sua você nós nosso nossa dados pessoais como mais ou também pode podem tratamento quando pelo pela sobre será privacidade está informações",
	"sv": "och att det i en ett som är av för på med till den inte har vi du dig din dina ditt oss vår våra vårt kan om eller de när från personuppgifter uppgifter behandla behandling så också vilka vilket samt även hur här där skulle kommer enligt utan",
	"nb": "og i det er en et som på til av for med ikke har vi du deg din dine ditt oss vår våre vårt kan om eller de når fra personopplysninger opplysninger behandling også hvis hva hvordan skal vil blir være slik noen etter uten gjennom mye bare dette disse hvor personvern",
	"nn": "og i det er ein eit som på til av for med ikkje har vi me du deg din dine ditt oss vår våre kan om eller dei når frå personopplysningar opplysningar handsaming behandling òg også viss kva korleis skal vil vert blir vere slik nokon nokre etter utan gjennom berre dette desse kvar eg dykk dykkar hjå mykje personvern",
	"da": "og i det er en et som på til af for med ikke har vi du dig din dine dit os vores kan om eller de når fra personoplysninger oplysninger behandling også hvis hvad hvordan skal vil bliver være sådan nogle efter uden gennem meget kun dette disse hvor jer jeres",
	"fi": "ja on ei että se tai kun jos ovat myös voi tämä tämän näitä olla kanssa mukaan sekä jotka joka niiden meille sinun sinulle henkilötietoja henkilötietojen tietoja tiedot käsittely käsittelyn voimme emme me he mitä kuten mikäli vain osalta kautta asiakkaan olemme ole tietosuoja käytämme tässä niitä emmekä henkilötietojasi tietojasi joita jossa sinua meidän voit käsittelemme",
	"et": "ja on et ning või ei see kui ka oma mis kes tuleb teie meie isikuandmete isikuandmeid andmete andmeid selle nende välja võib vastavalt seda need mida kas ole oleme samuti kuid ainult alusel töötlemine töötleme teile meile mille sest kõik üle",
	"pl": "i w z na się do nie że jest o lub oraz przez dla są od jak danych osobowych może twoich twoje które który która jeśli także również tym ich te ten ta po przy nas nasz nasza naszej państwa dane przetwarzania przetwarzamy być czy tylko ze",
	"cs": "a v se na je že z o s k do nebo jsou pro jako by osobní osobních údaje údajů které který která také při podle vaše vašich vás vám můžete naše našich nás jsme tyto tento toto jejich zpracování zpracováváme pouze pokud aby však mezi",
}

// langLetters are letters that point to a language family; a word holding
// one adds a little to those languages.
var langLetters = map[rune][]string{
	'ø': {"nb", "nn", "da"}, 'æ': {"nb", "nn", "da"},
	'ł': {"pl"}, 'ą': {"pl"}, 'ę': {"pl"}, 'ś': {"pl"}, 'ź': {"pl"}, 'ż': {"pl"}, 'ń': {"pl"}, 'ć': {"pl"},
	'ř': {"cs"}, 'ě': {"cs"}, 'ů': {"cs"},
	'ñ': {"es"}, 'ß': {"de"}, 'ã': {"pt"},
	'õ': {"et", "pt"}, 'ä': {"sv", "fi", "et", "de"}, 'ö': {"sv", "fi", "et", "de"},
}

// nLang is len(languages); TestLanguageTables checks it.
const nLang = 26

type langScore [nLang]float32

type langTable struct {
	words   map[string]langScore
	letters map[rune]langScore
}

var (
	langOnce sync.Once
	langTab  *langTable
)

func langTables() *langTable {
	langOnce.Do(func() { langTab = buildLangTable() })
	return langTab
}

// buildLangTable turns the word lists into weighted lookup tables.
func buildLangTable() *langTable {
	{
		idx := map[string]int{}
		for i, l := range languages {
			idx[l] = i
		}
		owners := map[string][]int{}
		for l, ws := range langWords {
			for _, w := range strings.Fields(ws) {
				owners[w] = appendUnique(owners[w], idx[l])
			}
		}
		letters := map[rune][]string{}
		for r, ls := range langLetters {
			letters[r] = ls
		}
		for _, l := range euLexicons {
			for _, w := range strings.Fields(l.detect) {
				w = string(lowerSameLen(nil, w))
				owners[w] = appendUnique(owners[w], idx[l.lang])
			}
			for _, r := range l.letters {
				letters[r] = append(letters[r], l.lang)
			}
		}
		t := &langTable{words: make(map[string]langScore, len(owners)), letters: map[rune]langScore{}}
		for w, ls := range owners {
			var s langScore
			for _, i := range ls {
				s[i] = 1 / float32(len(ls))
			}
			t.words[w] = s
		}
		for r, ls := range letters {
			var s langScore
			for _, l := range ls {
				s[idx[l]] = 0.3 / float32(len(ls))
			}
			t.letters[r] = s
		}
		return t
	}
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// scoreText adds the language evidence of text to sc and returns how many
// words counted.
func scoreText(t *langTable, text string, sc *langScore) int {
	var buf [64]byte
	n := 0
	hits := 0
	var letter langScore
	hasLetter := false
	flush := func() {
		if n > 0 && n < len(buf) {
			if s, ok := t.words[string(buf[:n])]; ok {
				for i := range sc {
					sc[i] += s[i]
				}
				hits++
			}
		}
		if hasLetter {
			for i := range sc {
				sc[i] += letter[i]
			}
			letter = langScore{}
			hasLetter = false
		}
		n = 0
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush()
				continue
			}
			if n < len(buf) {
				buf[n] = c
			}
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			flush()
			continue
		}
		r = unicode.ToLower(r)
		if s, ok := t.letters[r]; ok && !hasLetter {
			letter, hasLetter = s, true
		}
		if n+utf8.RuneLen(r) <= len(buf) {
			n += utf8.EncodeRune(buf[n:], r)
		} else {
			n = len(buf)
		}
	}
	flush()
	return hits
}

func best(sc *langScore) (first, second int) {
	first, second = -1, -1
	for i, v := range sc {
		if v <= 0 {
			continue
		}
		if first < 0 || v > sc[first] {
			first, second = i, first
		} else if second < 0 || v > sc[second] {
			second = i
		}
	}
	return first, second
}

// DetectLanguage returns the main language of text (ISO 639-1; "" when the
// text gives too little evidence) and the other languages that make up a
// large share of it: at least a fifth of the text, or at least three
// paragraphs and a tenth of the paragraphs whose language is clear.
func DetectLanguage(text string) (primary string, others []string) {
	t := langTables()
	var total langScore
	var bytesBy [nLang]int
	var parasBy [nLang]int
	clearParas, clearBytes := 0, 0
	for para := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		var sc langScore
		hits := scoreText(t, para, &sc)
		for i := range total {
			total[i] += sc[i]
		}
		f, s := best(&sc)
		if f < 0 || hits < 2 || sc[f] < 1.5 {
			continue
		}
		if s >= 0 && sc[s]*1.5 > sc[f] {
			continue // too close to call
		}
		bytesBy[f] += len(para)
		parasBy[f]++
		clearParas++
		clearBytes += len(para)
	}
	f, _ := best(&total)
	if f < 0 || total[f] < 2 {
		return "", []string{}
	}
	others = []string{}
	type share struct {
		lang  int
		bytes int
	}
	var sh []share
	for i := range languages {
		if i == f || parasBy[i] == 0 {
			continue
		}
		byBytes := float64(bytesBy[i]) >= 0.2*float64(clearBytes)
		byParas := parasBy[i] >= 3 && float64(parasBy[i]) >= 0.1*float64(clearParas)
		if byBytes || byParas {
			sh = append(sh, share{i, bytesBy[i]})
		}
	}
	sort.Slice(sh, func(a, b int) bool { return sh[a].bytes > sh[b].bytes })
	for _, s := range sh {
		others = append(others, languages[s.lang])
	}
	return languages[f], others
}

// langScores returns the document-level scores, for choosing between a
// declared lang attribute and the text.
func langScores(text string) langScore {
	var sc langScore
	scoreText(langTables(), text, &sc)
	return sc
}

// normalizeLangTag maps an HTML lang attribute ("fr-FR", "no", "nb_NO") to a
// supported ISO 639-1 code, or "".
func normalizeLangTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "no", "nob":
		return "nb"
	case "nno":
		return "nn"
	}
	for _, l := range languages {
		if l == tag {
			return l
		}
	}
	return ""
}

func langIndex(code string) int {
	for i, l := range languages {
		if l == code {
			return i
		}
	}
	return -1
}
