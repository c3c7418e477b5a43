package policy

import (
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// monthWords maps month names, abbreviations and inflected forms in all
// supported languages to month numbers.
var monthWords = [12]string{
	"january jan janvier janv januar jänner enero gennaio januari janeiro tammikuu tammikuuta tammikuun jaanuar jaanuari styczeń stycznia leden ledna",
	"february feb février févr fevr februar febrero febbraio februari fevereiro helmikuu helmikuuta helmikuun veebruar veebruari luty lutego únor února",
	"march mar mars märz mär marzo maart março marts maaliskuu maaliskuuta maaliskuun märts märtsi marzec marca březen března",
	"april apr avril abril aprile huhtikuu huhtikuuta huhtikuun aprill aprilli kwiecień kwietnia duben dubna",
	"may mai mayo maggio mei maio maj toukokuu toukokuuta toukokuun maja květen května",
	"june jun juin juni junio giugno junho kesäkuu kesäkuuta kesäkuun juuni juunil czerwiec czerwca červen června",
	"july jul juil juillet juli julio luglio julho heinäkuu heinäkuuta heinäkuun juuli juulil lipiec lipca červenec července",
	"august aug août agosto augustus augusti elokuu elokuuta elokuun augustil sierpień sierpnia srpen srpna",
	"september sep sept septembre septiembre setiembre settembre setembro syyskuu syyskuuta syyskuun septembril wrzesień września září",
	"october oct octobre oktober okt octubre ottobre outubro lokakuu lokakuuta lokakuun oktoober oktoobril październik października říjen října",
	"november nov novembre noviembre novembro marraskuu marraskuuta marraskuun novembril listopad listopada listopadu",
	"december dec déc décembre dezember dez diciembre dicembre dezembro desember joulukuu joulukuuta joulukuun detsember detsembril grudzień grudnia prosinec prosince",
}

var (
	monthOnce sync.Once
	monthMap  map[string]int
)

func months() map[string]int {
	monthOnce.Do(func() {
		monthMap = map[string]int{}
		for i, ws := range monthWords {
			for _, w := range strings.Fields(ws) {
				monthMap[w] = i + 1
			}
		}
		withEUMonths(monthMap)
	})
	return monthMap
}

var (
	reISO = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reNum = regexp.MustCompile(`\b(\d{1,2}) ?[./-] ?(\d{1,2}) ?[./-] ?(\d{4}|\d{2})\b`)
	reDMY = regexp.MustCompile(`\b(\d{1,2})(?:\.|er|st|nd|rd|th|º|°|e)? ?(?:de |di |d'|del |ta' |ta’ )?(\pL+)\.?,? (?:de |del )?(\d{4})\b`)
	reMDY = regexp.MustCompile(`(\pL+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	reMY  = regexp.MustCompile(`(\pL+) (\d{4})\b`)
	reYMD = regexp.MustCompile(`\b(\d{4})\. ?(\pL+) (\d{1,2})\b`)
	// Hungarian "2024.03.15.", Latvian "2024. gada 15. martā", Lithuanian
	// "2024 m. kovo 15 d.".
	reYMDNum = regexp.MustCompile(`\b(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\b`)
	reLV     = regexp.MustCompile(`\b(\d{4})\. gada (\d{1,2})\. (\pL+)`)
	reLT     = regexp.MustCompile(`\b(\d{4}) m\. (\pL+) (\d{1,2}) d\b`)
)

// monthFirst reports whether a language writes ambiguous numeric dates
// month first (US English); the others write the day first.
func monthFirst(lang string) bool { return lang == "en" }

// dateAfter looks for a date starting within 40 bytes of text[from:] and
// returns it as YYYY-MM-DD with the offset where it starts.
func dateAfter(text string, from int, lang string) (string, int, bool) {
	end := from + 100
	if end > len(text) {
		end = len(text)
	}
	win := strings.ToLower(text[from:end])
	win = strings.Join(strings.Fields(win), " ") // one space between tokens
	type cand struct {
		pos     int
		y, m, d int
	}
	var found []cand
	for _, mm := range reISO.FindAllStringSubmatchIndex(win, -1) {
		y, m, d := atoi(win, mm, 1), atoi(win, mm, 2), atoi(win, mm, 3)
		found = append(found, cand{mm[0], y, m, d})
	}
	for _, mm := range reNum.FindAllStringSubmatchIndex(win, -1) {
		a, b, y := atoi(win, mm, 1), atoi(win, mm, 2), atoi(win, mm, 3)
		if y < 100 {
			y += 2000
		}
		d, m := a, b
		switch {
		case a > 12:
		case b > 12:
			d, m = b, a
		case monthFirst(lang):
			d, m = b, a
		}
		found = append(found, cand{mm[0], y, m, d})
	}
	mo := monthsFor(lang)
	for _, mm := range reDMY.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[4]:mm[5]]]; ok {
			found = append(found, cand{mm[0], atoi(win, mm, 3), m, atoi(win, mm, 1)})
		}
	}
	for _, mm := range reMDY.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[2]:mm[3]]]; ok {
			found = append(found, cand{mm[0], atoi(win, mm, 3), m, atoi(win, mm, 2)})
		}
	}
	for _, mm := range reYMD.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[4]:mm[5]]]; ok {
			found = append(found, cand{mm[0], atoi(win, mm, 1), m, atoi(win, mm, 3)})
		}
	}
	for _, mm := range reYMDNum.FindAllStringSubmatchIndex(win, -1) {
		found = append(found, cand{mm[0], atoi(win, mm, 1), atoi(win, mm, 2), atoi(win, mm, 3)})
	}
	for _, mm := range reLV.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[6]:mm[7]]]; ok {
			found = append(found, cand{mm[0], atoi(win, mm, 1), m, atoi(win, mm, 2)})
		}
	}
	for _, mm := range reLT.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[4]:mm[5]]]; ok {
			found = append(found, cand{mm[0], atoi(win, mm, 1), m, atoi(win, mm, 3)})
		}
	}
	for _, mm := range reMY.FindAllStringSubmatchIndex(win, -1) {
		if m, ok := mo[win[mm[2]:mm[3]]]; ok {
			// "Stand: März 2024": the month is all there is; say its first day.
			found = append(found, cand{mm[0] + 1, atoi(win, mm, 2), m, 1})
		}
	}
	bestPos := -1
	var best cand
	for _, c := range found {
		if c.pos > 40 || !validDate(c.y, c.m, c.d) {
			continue
		}
		if bestPos < 0 || c.pos < bestPos {
			bestPos, best = c.pos, c
		}
	}
	if bestPos < 0 {
		return "", 0, false
	}
	return fmt.Sprintf("%04d-%02d-%02d", best.y, best.m, best.d), from + bestPos, true
}

func atoi(s string, m []int, group int) int {
	n, _ := strconv.Atoi(s[m[2*group]:m[2*group+1]])
	return n
}

func validDate(y, m, d int) bool {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// monthsFor is the month words as lang reads them: its own names first.
func monthsFor(lang string) map[string]int {
	l := euLexicon(lang)
	if l == nil {
		return months()
	}
	m := maps.Clone(months())
	for i, ws := range l.months {
		for _, w := range strings.Fields(ws) {
			m[w] = i + 1
		}
	}
	return m
}
