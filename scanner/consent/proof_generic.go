package consent

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// This file reads a consent record whose format is not known: a cookie or
// storage item that looks like a consent record by its name (or appeared
// because of the click) and whose value plainly states categories. The
// value is read here and dropped; only the names of the categories it
// grants and denies are kept. A value that does not clearly state
// categories is ignored: no record is better than a wrong one.

// recordHintJS finds, in the page script, the cookies and storage keys
// that may be a consent record by their name (after accents are removed);
// genericRecord decides. Consent in the EU languages, cookie choices and
// settings, GDPR and privacy, CMP, tracking and opt-in.
const recordHintJS = `consen|konsens|kunsens|einwillig|zustimm|toestemm|samtyk|samtyc|suostum|zgod|souhlas|suhlas|soglas|privol|pristan|acord|consimt|hozzajarul|beleegyez|saglas|sutikim|piekris|nousolek|toiliu|sogla|съглас|συναιν|συγκαταθ|cookie|koek|kolacik|kolacic|piskot|sutik|evast|keks|slapuk|sikdatn|kupsis|ciastecz|biscot|galleta|бисквит|μπισκοτ|choice|choix|scelta|eleccion|escolha|keuze|auswahl|valinta|wybor|volba|izbor|alegere|valasztas|избор|επιλογ|pasirinkim|izvele|valik|ghazla|rogha|gdpr|rgpd|dsgvo|privacy|privacid|datenschutz|cmp|tracking|opt.?in|opt.?out`

// recordHint is recordHintJS for Go.
var recordHint = regexp.MustCompile(`(?i)` + recordHintJS)

// recordAgreeName recognises a name that records an agreement itself (a
// consent, an acceptance, an opt-in), whose yes-or-no value is the choice;
// a name that merely mentions cookies (a notice seen, a banner closed)
// does not.
var recordAgreeName = regexp.MustCompile(`(?i)consen|konsens|kunsens|einwillig|zustimm|toestemm|samtyk|samtyc|suostum|zgod|souhlas|suhlas|soglas|privol|pristan|acord|consimt|hozzajarul|beleegyez|saglas|sutikim|piekris|nousolek|toiliu|съглас|συναιν|συγκαταθ|accept|akzept|agree|allow|opt.?in|tracking|cookies?.?ok$`)

// noticeWords are words of a name that records that a notice was seen or
// closed, or that a choice was made (whichever), or when: a yes or no under
// such a name (consentGiven=true, cookie_banner_seen=1) does not say what
// was chosen.
var noticeWords = []string{"seen", "shown", "closed", "close", "dismiss", "dismissed", "hidden", "hide", "viewed", "displayed", "test", "given", "done", "set", "interaction", "interacted", "answered", "decided", "made", "date", "time", "timestamp", "expiry", "expires", "version", "count", "id", "uuid", "banner", "notice", "popup", "bar", "has", "is"}

func noticeName(name string) bool {
	for _, w := range words(name) {
		if slices.Contains(noticeWords, w) {
			return true
		}
	}
	return false
}

// categoryStems map words for the usual categories, in the 24 EU
// languages (accents removed, lower case), to a category. A stem matches a
// word that starts with it; a word of three letters or fewer must match
// exactly.
var categoryStems = []struct {
	category string
	stems    []string
}{
	{"necessary", []string{
		"necessar", "necesar", "essential", "essentiel", "essenzial", "essencia", "required", "strictly", "strict", "technical", "technisch", "techniq", "tecnic", "mandatory", "security",
		"notwendig", "erforderlich", "noodzak", "nodvandig", "nodvendig", "valttamat", "niezbed", "nezbytn", "nevyhnutn", "nujn", "nuzn", "szukseg", "необходим", "задължител", "απαραιτ", "αναγκαι", "butin", "nepieciesam", "vajalik", "mehtieg", "riachtanach",
	}},
	{"analytics", []string{
		"analytic", "analys", "analiz", "analit", "analyt", "analis", "statist", "statyst", "statiszt", "staitistic", "tilasto", "performance", "measure", "mesure", "medicion", "misurazion", "medicao", "meting", "audience", "audienc",
		"статист", "аналит", "στατιστ", "αναλυτ", "analuus", "anailis", "analitik", "meres", "mereni", "meranie",
	}},
	{"marketing", []string{
		"marketing", "marknadsf", "markeds", "markkinoint", "mercadotec", "advertis", "advert", "ads", "ad", "targeting", "publicit", "publicid", "pubblicit", "reklam", "werbung", "werbe", "mainont", "mainos", "oglas", "hirdet", "διαφημ", "реклам", "reklaam", "riklam", "fograiocht", "remarketing", "retargeting",
	}},
	{"social", []string{"social", "sozial", "sociaal", "socjal", "socialn", "kozossegi", "социал", "κοινωνικ", "sosiaal"}},
	{"preferences", []string{
		"preferen", "functional", "functionality", "funktion", "fonction", "funcional", "funzional", "funkcjonal", "funkcn", "funkcion", "funktsion", "funzjonal", "personaliz", "personalis", "comfort", "komfort", "voorkeur", "praferenz", "preferinte", "preferenc",
		"преференц", "функционал", "προτιμ", "λειτουργ", "toiminnall", "asetuk", "izveles", "eelistus", "nuostat", "feidhm",
	}},
}

// statusWords are whole values that state a choice over every
// non-essential category: all accepted, or necessary only and none.
var statusAll = []string{
	"all", "accepted", "accept", "acceptall", "allowall", "allow", "allowed", "granted", "agree", "agreed", "full", "everything",
	"alle", "akzeptiert", "zugestimmt", "tous", "tout", "toutes", "accepte", "todos", "todas", "todo", "aceptado", "aceptadas", "tutti", "tutto", "tutte", "accettato", "accettati",
	"aceite", "aceito", "aceitos", "alles", "geaccepteerd", "allt", "alla", "godkand", "accepterat", "accepteret", "kaikki", "hyvaksytty", "wszystkie", "zaakceptowane",
	"vse", "vsechny", "vsetky", "prijato", "sve", "svi", "prihvaceno", "sprejeto", "toate", "acceptat", "mind", "osszes", "elfogadva",
	"всички", "приети", "ολα", "αποδεκτα", "visi", "visos", "priimta", "visas", "pienemts", "koik", "noustutud", "kollha", "accettati", "uile", "glactha",
}

var statusNone = []string{
	"none", "reject", "rejected", "rejectall", "deny", "denied", "denyall", "declined", "decline", "refused", "refuse", "minimal", "necessaryonly", "essentialonly",
	"abgelehnt", "keine", "refuse", "refusee", "refuses", "aucun", "aucune", "rechazado", "rechazadas", "ninguno", "ninguna", "rifiutato", "rifiutati", "nessuno", "recusado", "rejeitado", "nenhum",
	"geweigerd", "geen", "afvist", "ingen", "avvisat", "hylatty", "odrzucone", "odrzucono", "zadne", "odmitnuto", "odmietnute", "nic", "nista", "zavrnjeno", "respins", "respinse", "niciunul",
	"elutasitva", "semmi", "отказани", "нищо", "απορριφθηκαν", "κανενα", "atmesta", "nieko", "noraidits", "neviens", "keeldutud", "mxejn", "michud", "diultaithe",
}

// yesNo are values of one yes-or-no choice.
var (
	yesWords = []string{"1", "true", "yes", "y", "on", "ok", "granted", "allow", "allowed", "accept", "accepted", "enabled", "optin", "ja", "oui", "si", "sim", "kylla", "tak", "ano", "da", "igen", "да", "ναι", "taip", "jah", "iva", "ta"}
	noWords  = []string{"0", "false", "no", "n", "off", "denied", "deny", "reject", "rejected", "disabled", "optout", "nein", "non", "nao", "nee", "nej", "ei", "nie", "ne", "nu", "nem", "не", "οχι", "le", "nil"}
)

// foldText lowers s and removes its accents.
func foldText(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(out)
}

var wordSplit = regexp.MustCompile(`[^\p{L}\p{N}]+|([\p{Ll}\p{N}])(\p{Lu})`)

// words splits a name into folded words: at separators and at camelCase.
func words(s string) []string {
	s = wordSplit.ReplaceAllString(s, "$1 $2")
	var out []string
	for _, w := range strings.Fields(foldText(s)) {
		out = append(out, w)
	}
	return out
}

// categoryOf names the category a key or list item states, or "".
func categoryOf(s string) string {
	ws := words(s)
	if len(ws) == 0 || len(ws) > 4 {
		return ""
	}
	for _, w := range ws {
		for _, c := range categoryStems {
			for _, st := range c.stems {
				if len([]rune(st)) <= 3 {
					if w == st {
						return c.category
					}
				} else if strings.HasPrefix(w, st) {
					return c.category
				}
			}
		}
	}
	return ""
}

// boolish reads a yes-or-no value; ok is false for anything else.
func boolish(v any) (yes, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case float64:
		switch x {
		case 1:
			return true, true
		case 0:
			return false, true
		}
		return false, false
	case string:
		// A sign is not a word: -1 (a declined group in django-cookie-consent,
		// "unset" elsewhere) must not read as 1.
		if strings.HasPrefix(strings.TrimSpace(x), "-") {
			return false, false
		}
		w := strings.Join(words(x), "")
		if slices.Contains(yesWords, w) {
			return true, true
		}
		if slices.Contains(noWords, w) {
			return false, true
		}
	}
	return false, false
}

// status reads a whole value that states all or none; ok is false for
// anything else.
func status(v string) (all, ok bool) {
	w := strings.Join(words(v), "")
	if w == "" {
		return false, false
	}
	if slices.Contains(statusAll, w) {
		return true, true
	}
	if slices.Contains(statusNone, w) || categoryOf(v) == "necessary" && len(words(v)) <= 2 && !strings.ContainsAny(v, ",;|+&=:") {
		return false, true
	}
	return false, false
}

// tally collects granted and denied categories; a category found both ways
// makes the record unclear.
type tally struct {
	granted, denied map[string]bool
	shape           string
}

func newTally() *tally { return &tally{granted: map[string]bool{}, denied: map[string]bool{}} }

func (t *tally) add(cat string, on bool) {
	if on {
		t.granted[cat] = true
	} else {
		t.denied[cat] = true
	}
}

func (t *tally) count() int { return len(t.granted) + len(t.denied) }

func (t *tally) clear() bool {
	for c := range t.granted {
		if t.denied[c] {
			return false
		}
	}
	return t.count() > 0
}

// listKey tells how a list under a key is to be read: the granted
// categories, the denied ones, or neither (a list of services, vendors).
func listKey(k string) (on, ok bool) {
	w := strings.Join(words(k), "")
	switch {
	case w == "" || strings.Contains(w, "categor") || strings.Contains(w, "accept") || strings.Contains(w, "grant") || strings.Contains(w, "allow") || strings.Contains(w, "enabled") || strings.Contains(w, "consent") || strings.Contains(w, "level") || strings.Contains(w, "purpose") || strings.Contains(w, "chosen") || strings.Contains(w, "selected"):
		return !(strings.Contains(w, "reject") || strings.Contains(w, "denied") || strings.Contains(w, "refus") || strings.Contains(w, "disabled") || strings.Contains(w, "declin")), true
	case strings.Contains(w, "reject") || strings.Contains(w, "denied") || strings.Contains(w, "refus") || strings.Contains(w, "disabled") || strings.Contains(w, "declin"):
		return false, true
	}
	return false, false
}

// walk reads a decoded JSON value: objects of category → yes or no
// (nested too), lists of categories under a key that says what they are.
func (t *tally) walk(key string, v any, depth int) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if c := categoryOf(key); c != "" {
			// {"analytics":{"enabled":false,"label":"…"}}
			for _, f := range []string{"enabled", "consent", "consented", "granted", "accepted", "allowed", "status", "value", "state", "checked", "active"} {
				if yes, ok := boolish(x[f]); ok {
					t.add(c, yes)
					return
				}
			}
		}
		for k, val := range x {
			if strings.HasPrefix(k, "$") || strings.HasPrefix(k, "_") {
				continue
			}
			t.walk(k, val, depth+1)
		}
	case []any:
		on, ok := listKey(key)
		if !ok {
			return
		}
		var cats []string
		for _, it := range x {
			s, isStr := it.(string)
			if !isStr {
				return
			}
			c := categoryOf(s)
			if c == "" {
				return // a list of services or anything else: not read
			}
			cats = append(cats, c)
		}
		for _, c := range cats {
			t.add(c, on)
		}
	default:
		c := categoryOf(key)
		if c == "" {
			return
		}
		if yes, ok := boolish(x); ok {
			t.add(c, yes)
		}
	}
}

// pairSplit and listSplit split a value of key=value pairs or of names.
var (
	pairSplit = regexp.MustCompile(`[&,;|!\s]+`)
	listSplit = regexp.MustCompile(`[,;|+\s]+`)
)

// genericRecord reads a cookie or storage item of no known format. hinted
// tells that its name looks like a consent record; an item that only
// appeared because of the click must state at least two categories in a
// structure (no bare yes or no). ok is false when the value does not
// clearly state categories.
func genericRecord(name, value string, hinted bool) (granted, denied []string, shape string, ok bool) {
	v := strings.TrimSpace(value)
	if len(v) == 0 || len(v) > 4096 {
		return nil, nil, "", false
	}
	if u, err := url.QueryUnescape(v); err == nil {
		v = strings.TrimSpace(u)
	}
	need := 1
	if !hinted {
		need = 2
	}
	done := func(t *tally) ([]string, []string, string, bool) {
		if !t.clear() || t.count() < need {
			return nil, nil, "", false
		}
		g, d := keys(t.granted), keys(t.denied)
		return g, d, t.shape, true
	}
	// JSON, or base64 of JSON.
	var doc any
	raw := []byte(v)
	if json.Unmarshal(raw, &doc) != nil && len(v) >= 8 {
		if b, err := base64.StdEncoding.DecodeString(v); err == nil && json.Unmarshal(b, &doc) == nil {
			raw = b
		} else if b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(v, "=")); err == nil && json.Unmarshal(b, &doc) == nil {
			raw = b
		} else {
			doc = nil
		}
	}
	switch x := doc.(type) {
	case map[string]any:
		t := newTally()
		t.shape = "a JSON object of categories"
		t.walk("", x, 0)
		if t.count() == 0 {
			// {"status":"accepted"}: one key that states a choice.
			for k, val := range x {
				s, isStr := val.(string)
				kw := strings.Join(words(k), "")
				if !isStr || !(strings.Contains(kw, "status") || strings.Contains(kw, "consent") || strings.Contains(kw, "choice") || strings.Contains(kw, "action") || strings.Contains(kw, "decision")) {
					continue
				}
				if all, ok := status(s); ok && hinted {
					t.add("non-essential", all)
					t.shape = "a JSON status"
				}
			}
		}
		return done(t)
	case []any:
		t := newTally()
		t.shape = "a JSON list of accepted categories"
		t.walk("", x, 0)
		if t.count() == 0 && len(x) > 0 {
			return nil, nil, "", false
		}
		if len(x) == 0 && hinted {
			t.add("non-essential", false) // an empty list of accepted categories
		}
		return done(t)
	case string:
		if hinted {
			return genericRecord(name, x, hinted)
		}
		return nil, nil, "", false
	case bool, float64:
		if !hinted || !agreeName(name) {
			return nil, nil, "", false
		}
		if yes, ok := boolish(x); ok {
			t := newTally()
			t.shape = "a yes-or-no value"
			t.add(nameCategory(name), yes)
			return done(t)
		}
		return nil, nil, "", false
	}
	// key=value pairs: analytics=1&marketing=0, necessary:true,ads:false.
	if strings.ContainsAny(v, "=:") {
		t := newTally()
		t.shape = "category=value pairs"
		for _, p := range pairSplit.Split(v, -1) {
			k, val, found := strings.Cut(p, "=")
			if !found {
				k, val, found = strings.Cut(p, ":")
			}
			if !found {
				continue
			}
			if c := categoryOf(k); c != "" {
				if yes, ok := boolish(val); ok {
					t.add(c, yes)
				}
			}
		}
		return done(t)
	}
	if !hinted {
		return nil, nil, "", false
	}
	// One word: a status, or yes or no for a name that records an
	// agreement.
	if all, ok := status(v); ok {
		t := newTally()
		t.shape = "a status"
		t.add(nameCategory(name), all)
		return done(t)
	}
	if yes, ok := boolish(v); ok && !strings.ContainsAny(v, ",;|+ ") {
		if !agreeName(name) {
			return nil, nil, "", false
		}
		t := newTally()
		t.shape = "a yes-or-no value"
		t.add(nameCategory(name), yes)
		return done(t)
	}
	// A list of accepted categories: necessary,analytics or A+B.
	t := newTally()
	t.shape = "a list of accepted categories"
	for _, it := range listSplit.Split(v, -1) {
		if it == "" {
			continue
		}
		c := categoryOf(it)
		if c == "" {
			return nil, nil, "", false
		}
		t.add(c, true)
	}
	return done(t)
}

// agreeName tells whether a yes or no under this name is a choice: the
// name records an agreement, or names the category it is about
// (cookies_advertising), and not a notice seen.
func agreeName(name string) bool {
	return (recordAgreeName.MatchString(foldText(name)) || nameCategory(name) != "non-essential") && !noticeName(name)
}

// nameCategory is the category a record of one yes or no is about: the
// one its name names (cookies_advertising=yes), else every non-essential
// one. Preferences are not taken from a name: "cookie preferences" names
// the record itself.
func nameCategory(name string) string {
	for _, w := range words(name) {
		if c := categoryOf(w); c != "" && c != "necessary" && c != "preferences" {
			return c
		}
	}
	return "non-essential"
}

func keys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// readGenericRecords reads the raw items that no known format claimed.
func readGenericRecords(raw []rawRecord, appeared []string) []model.ConsentRecordState {
	var out []model.ConsentRecordState
	seen := map[string]bool{}
	for _, r := range raw {
		if seen[r.Name] || knownRecord(r.Name) {
			continue
		}
		hinted := recordHint.MatchString(foldText(r.Name))
		if !hinted && !slices.Contains(appeared, r.Name) && !slices.Contains(appeared, "localStorage:"+r.Name) {
			continue
		}
		g, d, shape, ok := genericRecord(r.Name, r.Value, hinted)
		if !ok {
			continue
		}
		seen[r.Name] = true
		where := r.Where
		if where == "" {
			where = "cookie"
		}
		out = append(out, model.ConsentRecordState{Name: r.Name, Format: "inferred: " + where + " holding " + shape, Granted: nonNecessary(g), Denied: nonNecessary(d)})
	}
	return out
}

func knownRecord(name string) bool {
	for _, f := range recordFormats {
		if f.name.MatchString(name) {
			return true
		}
	}
	return false
}

// genericFormat tells a record read by genericRecord.
func genericFormat(format string) bool { return strings.HasPrefix(format, "inferred: ") }
