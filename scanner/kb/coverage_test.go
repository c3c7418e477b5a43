package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ocdCopy is the test copy of the Open Cookie Database (see
// ../shared/data/README.md); PRIVACYSCAN_OCD points elsewhere. The project
// ships no copy, so the measurement is skipped without one.
func ocdCopy(t testing.TB) string {
	if p := os.Getenv("PRIVACYSCAN_OCD"); p != "" {
		return p
	}
	for _, p := range []string{
		filepath.Join("..", "..", "..", "shared", "data", "open-cookie-database", "open-cookie-database.csv"),
		"/work/shared/data/open-cookie-database/open-cookie-database.csv",
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("no copy of the Open Cookie Database; set PRIVACYSCAN_OCD")
	return ""
}

// TestOpenCookieDBCoverage measures how much of the Open Cookie Database the
// embedded knowledge classifies on its own, and how often it agrees with the
// database's category. The database's cookies are looked up by name with the
// domain the database gives, as a scan would see them.
func TestOpenCookieDBCoverage(t *testing.T) {
	path := ocdCopy(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := parseOpenCookieDB(path, f)
	if err != nil {
		t.Fatal(err)
	}
	db := Default()
	var total, known, guessed, agreeKnown, agreeGuess int
	for _, r := range rows {
		name := strings.TrimSuffix(r.Name, "*")
		if name == "" {
			continue
		}
		total++
		domain := strings.TrimSpace(strings.Split(r.Domain, "(")[0])
		m := db.Cookie(name, domain)
		if m.Category == Unknown {
			continue
		}
		// The database files many strictly necessary cookies (sessions,
		// CSRF tokens) under Functional, so essential counts as agreeing
		// with functional and security.
		want := BaseCategory(r.Category)
		got := BaseCategory(m.Category)
		agree := got == want || (got == Essential && (want == Functional || r.Category == Security))
		if m.Guess {
			guessed++
			if agree {
				agreeGuess++
			}
			continue
		}
		known++
		if agree {
			agreeKnown++
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("Open Cookie Database rows: %d", total)
	t.Logf("classified from embedded knowledge: %d (%.1f%%); category agrees on %d (%.1f%%)",
		known, pct(known, total), agreeKnown, pct(agreeKnown, known))
	t.Logf("guessed (from the name's shape, or the vendor owning the cookie's domain): %d (%.1f%%); category agrees on %d (%.1f%%)",
		guessed, pct(guessed, total), agreeGuess, pct(agreeGuess, guessed))
	t.Logf("classified in all: %d (%.1f%%)", known+guessed, pct(known+guessed, total))
	if total < 2000 {
		t.Errorf("only %d rows read from %s", total, path)
	}
	// Floors: a regression in the data or the matcher shows here.
	if pct(known, total) < 30 {
		t.Errorf("embedded knowledge classifies %.1f%%, want at least 30%%", pct(known, total))
	}
	if pct(agreeKnown, known) < 70 {
		t.Errorf("category agrees on %.1f%%, want at least 70%%", pct(agreeKnown, known))
	}
	if pct(known+guessed, total) < 55 {
		t.Errorf("classified in all %.1f%%, want at least 55%%", pct(known+guessed, total))
	}
}
