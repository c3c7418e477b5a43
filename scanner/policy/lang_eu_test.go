package policy

import (
	"strings"
	"testing"
)

// TestDatesEveryLanguage: the "last updated" date as the eleven languages
// of lexicon_eu.go write it, month names and their inflections included.
func TestDatesEveryLanguage(t *testing.T) {
	cases := []struct{ lang, text, want string }{
		{"bg", "Последна актуализация: 15 март 2024 г.", "2024-03-15"},
		{"bg", "В сила от 01.02.2025 г.", "2025-02-01"},
		{"el", "Τελευταία ενημέρωση: 15 Μαρτίου 2024", "2024-03-15"},
		{"ga", "Nuashonraithe: 3 Feabhra 2025", "2025-02-03"},
		{"hr", "Ova izjava opisuje kako obrađujemo vaše osobne podatke i koja su vaša prava. Zadnje ažuriranje: 10. listopada 2024.", "2024-10-10"},
		{"hr", "Na snazi od 1. siječnja 2025.", "2025-01-01"},
		{"hu", "Hatályos: 2024. március 15.", "2024-03-15"},
		{"hu", "Utolsó módosítás: 2025.02.01.", "2025-02-01"},
		{"lt", "Paskutinį kartą atnaujinta 2024 m. kovo 15 d.", "2024-03-15"},
		{"lv", "Pēdējo reizi atjaunināts 2024. gada 15. martā.", "2024-03-15"},
		{"mt", "L-aħħar aġġornament: 15 ta' Marzu 2024", "2024-03-15"},
		{"ro", "Ultima actualizare: 15 martie 2024", "2024-03-15"},
		{"sk", "Posledná aktualizácia: 15. marca 2024", "2024-03-15"},
		{"sl", "Zadnja posodobitev: 15. marca 2024", "2024-03-15"},
		{"sl", "Velja od 1. januarja 2025", "2025-01-01"},
		// "listopad" is November in Czech and Polish.
		{"cs", "Poslední aktualizace: 10. listopadu 2024", "2024-11-10"},
		{"pl", "Ostatnia aktualizacja: 10 listopada 2024", "2024-11-10"},
	}
	for _, c := range cases {
		f := Analyze([]byte(c.text), Options{ContentType: "text/plain"})
		got := ""
		if f.LastUpdated != nil {
			got = *f.LastUpdated
		}
		if got != c.want {
			t.Errorf("%s %q: last updated %q (language %s), want %s", c.lang, c.text, got, f.Language, c.want)
		}
	}
}

// TestLanguageTables: every language has its detection words and its
// lexicon, and the detector's score array is as long as the language list.
func TestLanguageTables(t *testing.T) {
	if len(languages) != nLang {
		t.Fatalf("languages has %d entries, nLang is %d", len(languages), nLang)
	}
	want := []string{"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "nb", "nn"}
	for _, l := range want {
		if langIndex(l) < 0 {
			t.Errorf("%s is not a read language", l)
		}
	}
	for _, l := range euLexicons {
		if len(l.cues) < 40 {
			t.Errorf("%s: only %d cues have words", l.lang, len(l.cues))
		}
		for _, c := range []cue{cDNT, cHonor, cNeg, cController, cPurpose, cLegalBasis, cRetainVerb, cRightWord, cComplaint, cAuthorityGeneric, cRecipient, cThirdParty, cThirdCountry, cDateLabel, cConsent, cDPO} {
			if l.cues[c] == "" {
				t.Errorf("%s: no words for cue %d", l.lang, c)
			}
		}
		var all []string
		for _, ws := range l.cues {
			all = append(all, words(ws)...)
		}
		for _, m := range []map[string]string{l.rights, l.mechanisms, l.authorities, l.countries} {
			for _, ws := range m {
				all = append(all, words(ws)...)
			}
		}
		for _, w := range all {
			if strings.Contains(strings.Trim(w, "*"), "*") {
				t.Errorf("%s: %q: '*' only opens or ends a keyword", l.lang, w)
			}
		}
		if len(l.rights) < 8 {
			t.Errorf("%s: %d rights, want 8", l.lang, len(l.rights))
		}
	}
}
