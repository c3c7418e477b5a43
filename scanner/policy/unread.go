package policy

import (
	"strings"
	"sync"
	"unicode"
)

// unreadWords are, for a few Latin-script languages the analyser does not
// read (it reads the 24 of the EU and Norwegian), their most frequent
// function words and the words their privacy policies use, so such a policy
// is named for what it is instead of being read as an empty policy in a
// language it resembles.
var unreadWords = map[string]string{
	"tr": "ve bir bu için ile olarak veya kişisel verilerin verileriniz verilerinizi gizlilik politikası çerez çerezler sizin bizim tarafından olan değil daha gibi kadar hakkında hakkınız",
	"is": "og að er í á sem við um með fyrir persónuupplýsingar persónuupplýsingum persónuupplýsinga þú þinn þínar okkar ekki eða til frá vefkökur vafrakökur",
	"sq": "dhe të në për që me një nga është të dhënat personale ju juaj ne tona privatësisë mund ose",
	"ca": "els les dels amb per una aquesta aquest dades personals tractament privadesa vostè vostres nostra també són poden",
}

// unreadLetters are letters that only those languages use.
var unreadLetters = map[rune]string{
	'ı': "tr", 'ğ': "tr", 'þ': "is", 'ð': "is", 'ë': "sq",
}

var (
	unreadOnce  sync.Once
	unreadTable map[string]map[string]float32
)

func unreadWordTable() map[string]map[string]float32 {
	unreadOnce.Do(func() {
		unreadTable = map[string]map[string]float32{}
		for l, ws := range unreadWords {
			for _, w := range strings.Fields(ws) {
				if unreadTable[w] == nil {
					unreadTable[w] = map[string]float32{}
				}
				unreadTable[w][l] = 1
			}
		}
		for _, langs := range unreadTable {
			for l := range langs {
				langs[l] = 1 / float32(len(langs))
			}
		}
	})
	return unreadTable
}

// UnreadLanguage names the language of a text the analyser cannot read: an
// ISO 639-1 code from its script or its words, "und" when the text is in a
// script or language not even that much is known of, and "" when the text
// is (or may be) in a language the analyser reads.
func UnreadLanguage(text string) string {
	scripts := map[string]int{}
	latin, letters := 0, 0
	var cyr struct{ uk, ru, bg int }
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Greek, r):
			scripts["el"]++
		case unicode.Is(unicode.Cyrillic, r):
			scripts["cyrillic"]++
			switch unicode.ToLower(r) {
			case 'і', 'ї', 'є', 'ґ':
				cyr.uk++
			case 'ы', 'э', 'ё':
				cyr.ru++
			case 'ъ':
				cyr.bg++
			}
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			scripts["ja"]++
		case unicode.Is(unicode.Han, r):
			scripts["zh"]++
		case unicode.Is(unicode.Hangul, r):
			scripts["ko"]++
		case unicode.Is(unicode.Arabic, r):
			scripts["ar"]++
		case unicode.Is(unicode.Hebrew, r):
			scripts["he"]++
		case unicode.Is(unicode.Thai, r):
			scripts["th"]++
		case unicode.Is(unicode.Devanagari, r):
			scripts["hi"]++
		default:
			scripts["und"]++
		}
	}
	if letters == 0 {
		return ""
	}
	if latin*2 < letters {
		// Mostly another script: name it by the script.
		best, n := "und", 0
		for s, c := range scripts {
			if c > n || (c == n && s < best) {
				best, n = s, c
			}
		}
		if best == "zh" && scripts["ja"] > 0 {
			best = "ja" // Japanese mixes kanji with kana
		}
		if best == "cyrillic" {
			switch {
			case cyr.uk > cyr.ru && cyr.uk > cyr.bg:
				best = "uk"
			case cyr.ru > cyr.bg:
				best = "ru"
			default:
				best = "bg"
			}
		}
		if langIndex(best) >= 0 {
			return "" // Greek and Bulgarian are read
		}
		return best
	}
	// Latin script: the unread languages' words against the read ones'.
	table := unreadWordTable()
	scores := map[string]float32{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }) {
		for l, s := range table[w] {
			scores[l] += s
		}
		for _, r := range w {
			if l, ok := unreadLetters[r]; ok {
				scores[l] += 0.5
				break
			}
		}
	}
	best, n := "", float32(0)
	for l, s := range scores {
		if s > n || (s == n && l < best) {
			best, n = l, s
		}
	}
	if n < 5 {
		return ""
	}
	read := langScores(text)
	top := float32(0)
	for _, s := range read {
		top = max(top, s)
	}
	if n > 2*top {
		return best
	}
	return ""
}
