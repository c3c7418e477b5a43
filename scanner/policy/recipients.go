package policy

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// companyForms are company-form suffixes across the EU, the EEA, the UK and
// the US, longest first so "GmbH & Co. KG" is not read as "KG". A name
// ending in one is an organisation whatever the sentence says.
var companyForms = withEUForms([]string{
	"GmbH & Co. KG", "sp. z o.o.", "Sp. z o.o.", "spółka z o.o.", "S.A.R.L.", "S.p.A.", "S.r.l.", "S.A.S.", "S.L.U.", "S.A.U.",
	"s.r.o.", "spol. s r.o.", "d.o.o.", "a.s.", "B.V.", "N.V.", "S.A.", "S.L.", "Inc.", "Ltd.", "Kft.", "Zrt.", "Nyrt.", "Lda.", "Corp.",
	"e.K.", "GmbH", "gGmbH", "Limited", "Corporation", "SARL", "SpA", "Srl", "SRL", "SAS", "ApS", "A/S", "ASA", "Oyj", "Oy", "OÜ", "AS",
	"AB", "AG", "KG", "SE", "SA", "BV", "NV", "Ltd", "LLC", "Inc", "PLC", "plc", "UG", "Lda", "SL", "AD", "UAB", "SIA", "IVS", "KS", "HB",
})

// legalFormCountry are the forms that name one country's law.
var legalFormCountry = withEUFormCountries(map[string]string{
	"AB": "SE", "HB": "SE", "ASA": "NO", "Oy": "FI", "Oyj": "FI", "OÜ": "EE", "ApS": "DK", "IVS": "DK", "sp. z o.o.": "PL",
	"Sp. z o.o.": "PL", "spółka z o.o.": "PL", "Kft.": "HU", "Zrt.": "HU", "Nyrt.": "HU", "S.L.": "ES", "SL": "ES", "S.L.U.": "ES", "S.A.U.": "ES",
	"Lda": "PT", "Lda.": "PT", "S.p.A.": "IT", "SpA": "IT", "S.r.l.": "IT", "Srl": "IT", "UAB": "LT", "SIA": "LV", "GmbH & Co. KG": "DE", "UG": "DE", "e.K.": "DE",
})

// nameStop are capitalised words that start a sentence or a phrase rather
// than a name: articles, pronouns and possessives in the languages read.
var nameStop = withEUNameStops(map[string]bool{
	"The": true, "Our": true, "We": true, "This": true, "These": true, "Der": true, "Die": true, "Das": true, "Den": true, "Dem": true,
	"Des": true, "Unser": true, "Unsere": true, "Wir": true, "Le": true, "La": true, "Les": true, "L": true, "Notre": true, "Nos": true,
	"El": true, "Los": true, "Las": true, "Nuestro": true, "Il": true, "Lo": true, "Gli": true, "I": true, "Het": true, "Onze": true,
	"Ons": true, "Vi": true, "Vår": true, "Våre": true, "Vores": true, "Det": true, "Me": true, "Meie": true, "Nasz": true, "Nasi": true,
	"Naše": true, "Náš": true, "O": true, "A": true, "Os": true, "As": true, "Um": true, "Uma": true, "Un": true, "Une": true, "Una": true,
	"Ein": true, "Eine": true, "An": true, "Via": true, "By": true, "With": true, "Mit": true, "Durch": true, "Von": true, "Bei": true,
	"Hos": true, "Par": true, "Por": true, "Da": true, "Dal": true, "Door": true, "Af": true, "Av": true, "Through": true, "From": true,
	"If": true, "When": true, "For": true, "Für": true, "Pour": true, "Para": true, "Per": true, "Voor": true, "För": true, "For:": true,
	"Email": true, "E-mail": true, "Tel": true, "Phone": true, "Address": true, "Adresse": true, "Name": true, "Firma": true, "Company": true,
})

// nameJoin are lower-case words and signs inside company names.
var nameJoin = map[string]bool{"&": true, "and": true, "und": true, "of": true, "de": true, "du": true, "des": true, "di": true, "del": true, "van": true, "von": true, "der": true, "for": true, "+": true}

// enumTrigger opens an enumeration of examples ("providers such as ...").
var enumTrigger = regexp.MustCompile(`(?i)(?:\bsuch as|\bincluding|\be\.g\.|\bz\. ?b\.|\bwie\b|\bcomme\b|\bnotamment|\bcomo\b|\bcome\b|\bad esempio|\bzoals\b|\bbijvoorbeeld|\bsåsom|\bsom\b|\bt\.ex\.|\bf\.eks\.|\bfx\.?|\bbl\.a\.|\bkuten|\bnäiteks|\bnagu\b|\bnp\.|\bnapř\.|\bjako\b|\bm\.in\.|\bpor exemplo|\bpor ejemplo|\bp\. ?ex\.|\bpar exemple|:|` + euEnumTriggers() + `)\s+`)

// recipientRoles map cue words in a recipient's sentence to its role.
var recipientRoles = withEURoles([]struct{ role, words string }{
	{"payment", "payment|payments|zahlung|zahlungs|paiement|pago|pagamento|pagament|betaling|betalning|maksu|makse|płatno|platb"},
	{"delivery", "delivery|shipping|parcel|carrier|courier|logistic|versand|zustell|paket|livraison|transporteur|envío|envio|entrega|transport|spedizion|corrier|consegn|bezorg|verzend|levering|leverans|frakt|pakke|paket|toimitu|kuljet|posti|tarne|kuller|dostaw|kurier|doprav|doruč"},
	{"invoicing", "invoice|invoicing|billing|rechnung|factur|fattur|faktur|lasku|arve"},
	{"accounting", "accounting|bookkeeping|buchhaltung|comptab|contab|boekhoud|bokför|regnskab|regnskap|rekneskap|kirjanpi|raamatupid|księgow|účetn"},
	{"hosting", "hosting|host|server|rechenzentrum|hébergement|hebergeur|hébergeur|alojamiento|hospedagem|hosting|drift|datacenter|palvelin|majutus|serwer"},
	{"email", "email|e-mail|newsletter|mailing|nyhetsbrev|nyhedsbrev|uutiskir|biuletyn"},
	{"analytics", "analytics|analyse|analysis|statisti|mesure d'audience|tilasto|analiz|analýz"},
	{"marketing", "marketing|advertis|werbung|publicit|reklam|mainon|turundus"},
	{"support", "customer service|support|kundenservice|service client|kundeservice|kundtjänst|asiakaspalvelu"},
	{"it", "it service|it-dienst|software|cloud|crm|erp|it-tjenest|it-palvelu"},
})

// recipients finds the organisations the policy names: every name with a
// legal form, and in recipient sentences, lists and tables the names
// without one. The controller itself is left out.
func (d *doc) recipients(f *model.PolicyFacts) {
	type found struct {
		r   model.Recipient
		key string
	}
	var out []found
	seen := map[string]bool{}
	own := map[string]bool{}
	ownDomains := map[string]bool{}
	for _, m := range emailDomain.FindAllStringSubmatch(d.text, -1) {
		ownDomains[strings.ToLower(m[1])] = true
	}
	add := func(name string, start int, form string, context bool) {
		name = strings.Trim(name, " ,;:()\"'–-")
		key := recipientKey(name)
		if key == "" || utf8.RuneCountInString(name) < 2 || seen[key] || own[key] {
			return
		}
		si := d.sentenceAt(start)
		if si < 0 {
			return
		}
		s := &d.sents[si]
		first, _, _ := strings.Cut(key, " ")
		if ownDomains[strings.ReplaceAll(first, "-", "")] || ownDomains[strings.ReplaceAll(key, " ", "")] {
			// Named like the domain the policy gives as its contact: the
			// shop itself ("Fjellsko AS", post@fjellsko.no).
			own[key] = true
			return
		}
		if s.cues.has(cController) && !s.cues.has(cRecipient) {
			// "X GmbH is the controller": the shop itself, here and later.
			own[key] = true
			return
		}
		if s.cues.has(cStreet) && !s.cues.has(cRecipient) && !s.cues.has(cThirdParty) && !d.recipientContext(si) && d.isAddressLine(si) {
			// A name on its street address outside any recipient list:
			// the contact block, the shop itself ("X B.V. Molenstraat 56").
			own[key] = true
			return
		}
		if d.isAuthorityOrCountry(name) {
			return
		}
		seen[key] = true
		r := model.Recipient{Name: name, Sentence: d.sentenceText(s), Offset: s.start}
		r.Role = roleOf(d.lower[s.start:s.end])
		r.Country = d.countryOf(s)
		if r.Country == "" && form != "" {
			r.Country = legalFormCountry[form]
		}
		out = append(out, found{r, key})
	}
	// Names with a legal form.
	for _, m := range d.legalFormHits() {
		if name := d.nameBefore(m.start); name != "" {
			add(d.text[d.nameStart(m.start):m.end], m.start, m.form, false)
		}
	}
	// Names without one: enumerations in recipient sentences, and list
	// items and table cells under a recipient heading.
	for i := range d.sents {
		s := &d.sents[i]
		if !s.cues.has(cRecipient) && !d.recipientContext(i) {
			continue
		}
		text := d.text[s.start:s.end]
		if loc := enumTrigger.FindStringIndex(text); loc != nil && s.cues.has(cRecipient) {
			for _, n := range enumNames(text[loc[1]:]) {
				add(n.name, s.start+loc[1]+n.off, "", true)
			}
		}
		if d.recipientContext(i) {
			if n, ok := listName(text); ok && !d.lexiconWord(s.start, s.start+len(n)) && !d.countryName(s.start+strings.Index(text, n), len(n)) {
				add(n, s.start+strings.Index(text, n), "", true)
			}
		}
	}
	for _, o := range out {
		f.Recipients = append(f.Recipients, o.r)
	}
	sort.SliceStable(f.Recipients, func(i, j int) bool { return f.Recipients[i].Offset < f.Recipients[j].Offset })
}

type formHit struct {
	start, end int
	form       string
}

// legalFormHits are the legal forms standing as words after a capitalised
// name.
func (d *doc) legalFormHits() []formHit {
	var out []formHit
	t := d.text
	first := [256]bool{}
	for _, lf := range companyForms {
		first[lf[0]] = true
	}
	for i := 0; i < len(t); i++ {
		if !first[t[i]] || (i > 0 && t[i-1] != ' ' && t[i-1] != ',') {
			continue
		}
		for _, lf := range companyForms {
			if !strings.HasPrefix(t[i:], lf) {
				continue
			}
			end := i + len(lf)
			if end < len(t) {
				r, _ := utf8.DecodeRuneInString(t[end:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) || (r == '.' && !strings.HasSuffix(lf, ".") && end+1 < len(t) && t[end+1] != ' ' && t[end+1] != '\n') {
					continue
				}
			}
			if d.nameBefore(i) == "" {
				continue
			}
			out = append(out, formHit{i, end, lf})
			i = end - 1
			break
		}
	}
	return out
}

// nameBefore returns the capitalised words right before position i on the
// same line ("Klarna Bank" before "AB"), "" when there are none.
func (d *doc) nameBefore(i int) string {
	s := d.nameStart(i)
	if s >= i {
		return ""
	}
	return strings.TrimSpace(d.text[s:i])
}

// nameStart walks back over the capitalised words (and joiners) of a name
// ending at i: at most six words, stopping at a lower-case word, an article,
// a line end or a word the lexicon knows (a German noun like
// "Versanddienstleister" is capitalised but is not a name).
func (d *doc) nameStart(i int) int {
	t := d.text
	j := i
	for j > 0 && (t[j-1] == ' ' || t[j-1] == ',') {
		j--
	}
	start := i
	words := 0
	for j > 0 && words < 6 {
		k := j
		for k > 0 && t[k-1] != ' ' && t[k-1] != '\n' && t[k-1] != '(' && t[k-1] != '"' && t[k-1] != ':' {
			k--
		}
		w := t[k:j]
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		capital := unicode.IsUpper(r) || unicode.IsDigit(r)
		switch {
		case nameJoin[w] && words > 0:
		case capital && !nameStop[w] && !d.lexiconWord(k, j) && !strings.ContainsAny(w, ".;!?") || capital && reDomainWord.MatchString(w) || isInitialism(w) || capital && d.vendorAt(k, j):
			start = k
		case capital && !nameStop[w] && !strings.ContainsAny(w, ".;!?") && !slices.Contains(companyForms, w):
			// A word of the lexicon inside a name ("Fan Courier Express",
			// "OTP Mobil"): part of it only if a name word comes before.
		case words == 0 && unicode.IsLower(r) && utf8.RuneCountInString(w) >= 3 && !strings.ContainsAny(w, ".;!?") && !nameJoin[w]:
			// "Slovenská pošta, a.s.", "Hrvatska pošta d.d.": a lower-case
			// last word before the form, if a name word comes before.
		default:
			return start
		}
		words++
		j = k
		for j > 0 && t[j-1] == ' ' {
			j--
		}
		if j > 0 && t[j-1] == '\n' {
			break
		}
	}
	// A joiner cannot begin a name.
	for {
		w, rest, ok := strings.Cut(t[start:i], " ")
		if !ok || !nameJoin[w] {
			break
		}
		start += len(w) + 1
		_ = rest
	}
	return start
}

// isInitialism: "DHL", "GLS", "UPS" — capitals with dots allowed ("S.A." is a form).
func isInitialism(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// lexiconWord reports whether text[start:end] overlaps a lexicon keyword.
func (d *doc) lexiconWord(start, end int) bool {
	si := d.sentenceAt(start)
	if si < 0 {
		return false
	}
	for _, h := range d.sents[si].hits {
		if h.start < end && start < h.end && h.kw.cue != cCountry && h.kw.cue != cUnit && h.kw.cue != cNumWord {
			return true
		}
	}
	return false
}

// sentenceAt is the index of the sentence holding offset i, -1 if none.
func (d *doc) sentenceAt(i int) int {
	k := sort.Search(len(d.sents), func(k int) bool { return d.sents[k].end > i })
	if k < len(d.sents) && d.sents[k].start <= i {
		return k
	}
	return -1
}

// recipientContext reports whether sentence i is a short line (a list item
// or a table cell) under a line that speaks of recipients, with only list
// items and cells between.
func (d *doc) recipientContext(i int) bool {
	if !d.shortLine(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		s := &d.sents[k]
		if s.cues.has(cRecipient) {
			return true
		}
		if !d.shortLine(k) {
			return false
		}
	}
	return false
}

// isAddressLine reports whether sentence i is a short line with a street
// and a house number, the way a contact block writes an address.
func (d *doc) isAddressLine(i int) bool {
	s := d.sents[i]
	return d.shortLine(i) && houseNumber.MatchString(d.text[s.start:s.end])
}

var houseNumber = regexp.MustCompile(`\p{L}\.?\s+\d{1,4}[a-zA-Z]?\b`)

// shortLine: a sentence that is a whole short line.
func (d *doc) shortLine(i int) bool {
	s := d.sents[i]
	if s.end-s.start > 160 {
		return false
	}
	return (s.start == 0 || d.text[s.start-1] == '\n') && (s.end == len(d.text) || d.text[s.end] == '\n' || strings.TrimSpace(d.text[s.end:min(len(d.text), s.end+1)]) == "")
}

// articles may open a name that is a list item of its own ("An Post",
// "La Poste", "The Rocket Science Group").
var articles = map[string]bool{"An": true, "The": true, "La": true, "Le": true, "Il": true, "El": true, "Die": true, "Der": true, "De": true, "Het": true}

// leadingName reads a list item or table cell that starts with a name:
// "PostNord – parcel delivery", "Fiken: invoicing", "Mailchimp (The Rocket
// Science Group)", or a cell that is only a name.
func leadingName(line string) (string, bool) {
	cut := len(line)
	for _, sep := range []string{" – ", " — ", " - ", ": ", " (", ", ", " | ", "\t"} {
		if k := strings.Index(line, sep); k >= 0 && k < cut {
			cut = k
		}
	}
	name := strings.TrimSpace(strings.TrimLeft(line[:cut], "•*·-–0123456789. "))
	if name == "" || strings.ContainsAny(name, ".?!") && !strings.Contains(name, ".com") {
		return "", false
	}
	ws := strings.Fields(name)
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r)) && !(i > 0 && nameJoin[w]) {
			if i == 0 {
				return "", false
			}
			ws = ws[:i] // the name, then the sentence goes on
			break
		}
		if nameStop[w] && !(i == 0 && articles[w] && len(ws) > 1) {
			return "", false
		}
	}
	for len(ws) > 0 && nameJoin[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	name = strings.Join(ws, " ")
	if len(ws) == 0 || len(ws) > 4 || utf8.RuneCountInString(name) > 40 {
		return "", false
	}
	return name, true
}

// listName reads a list item or table cell that names a recipient: the
// name alone, or the name, a dash, colon, bar or bracket and what it does
// ("PostNord – parcel delivery"). "Logistics, transport and delivery" is a
// category, not a name: a comma does not separate a name here.
func listName(line string) (string, bool) {
	name, ok := leadingName(line)
	if !ok {
		return "", false
	}
	rest := strings.TrimSpace(strings.TrimLeft(line, "•*·-–0123456789. "))[len(name):]
	if rest == "" && !properName(name) {
		// A bare table cell: "Betalning", "Land" are headers and purposes;
		// "PostNord", "DHL", "1&1" look like names.
		return "", false
	}
	if rest != "" && !strings.HasPrefix(rest, " –") && !strings.HasPrefix(rest, " —") && !strings.HasPrefix(rest, " -") &&
		!strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, " (") && !strings.HasPrefix(rest, " |") && !strings.HasPrefix(rest, "\t") {
		return "", false
	}
	return name, true
}

// properName: a capital or digit inside a word, an initialism or several
// capitalised words — not one ordinary capitalised word.
func properName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) > 1 {
		return true
	}
	for i, r := range []rune(name) {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}

// emailDomain is the second-level label of an e-mail address's domain.
// reDomainWord is a name written as a domain ("KBOSS.hu", "Tárhely.Eu").
var reDomainWord = regexp.MustCompile(`^\pL[\pL\d-]*\.[A-Za-z]{2,6}$`)

var emailDomain = regexp.MustCompile(`[\w.+-]+@(?:[\w-]+\.)*?([\w-]+)\.[a-z]{2,}\b`)

type enumName struct {
	name string
	off  int
}

// enumNames reads "PostNord, Bring and DHL" up to the end of the
// enumeration: capitalised names separated by commas and "and" in the
// languages read; it stops at the first item that is not a name.
func enumNames(s string) []enumName {
	var out []enumName
	off := 0
	rest := s
	for rest != "" {
		end := len(rest)
		sepLen := 0
		for _, sep := range []string{", ", " and ", " und ", " et ", " y ", " e ", " en ", " og ", " och ", " ja ", " i ", " a ", " oraz ", " or ", " oder ", " ou ", " o ", " of ", " eller ", " tai ", " või ", " lub ", " nebo ", "; ", " / ",
			" ir ", " și ", " és ", " in ", " un ", " u ", " agus ", " и ", " και ", " ili ", " alebo ", " vai ", " sau ", " vagy "} {
			if k := strings.Index(rest, sep); k >= 0 && k < end {
				end, sepLen = k, len(sep)
			}
		}
		item := strings.TrimSpace(rest[:end])
		item = strings.TrimRight(item, ".)")
		n, ok := leadingName(item)
		if !ok {
			// "kurjerių bendrovei DPD Lietuva": what the recipient is, then
			// its name.
			if n = trailingName(item); n == "" {
				if r, _ := utf8.DecodeRuneInString(item); unicode.IsUpper(r) && sepLen > 0 {
					// "ACS Courier Α.Ε. για ...": a name the legal-form
					// pass reads; the enumeration goes on.
					off += end + sepLen
					rest = rest[end+sepLen:]
					continue
				}
				break
			}
			out = append(out, enumName{n, off + strings.LastIndex(rest[:end], n)})
			if sepLen == 0 {
				break
			}
			off += end + sepLen
			rest = rest[end+sepLen:]
			continue
		}
		if n != item {
			// "... und Brevo ein": the last name, then the sentence goes on.
			if tail := strings.TrimSpace(item[len(n):]); n == strings.Fields(item)[0] && tail != "" && unicode.IsLower([]rune(tail)[0]) {
				out = append(out, enumName{n, off + strings.Index(rest, n)})
			}
			break
		}
		out = append(out, enumName{n, off + strings.Index(rest, n)})
		if sepLen == 0 {
			break
		}
		off += end + sepLen
		rest = rest[end+sepLen:]
	}
	return out
}

func roleOf(lower []byte) string {
	s := string(lower)
	for _, r := range recipientRoles {
		for _, w := range strings.Split(r.words, "|") {
			if strings.Contains(s, w) {
				return r.role
			}
		}
	}
	return ""
}

// countryOf is the one country the sentence names, "" for none or several.
func (d *doc) countryOf(s *sentence) string {
	c := ""
	for _, h := range s.hitsOf(cCountry) {
		v := h.kw.val
		if v == "EU" || v == "EEA" {
			continue
		}
		if c != "" && c != v {
			return ""
		}
		c = v
	}
	return c
}

// isAuthorityOrCountry: names that are places or supervisory authorities,
// not recipients.
func (d *doc) isAuthorityOrCountry(name string) bool {
	low := string(lowerSameLen(nil, name))
	for _, c := range countries {
		for _, w := range strings.Split(c.words, "|") {
			if low == w {
				return true
			}
		}
	}
	for _, a := range []string{"cnil", "datatilsynet", "datainspektionen", "imy", "aepd", "garante", "autoriteit persoonsgegevens", "ico", "dpc", "uodo", "úoou", "aki", "tietosuojavaltuutettu", "gdpr", "dsgvo", "rgpd", "avg", "eu", "eea", "eøs", "ees", "ewr"} {
		if low == a {
			return true
		}
	}
	return false
}

// recipientKey is a name without its legal form, case or punctuation, for
// de-duplication and comparison.
func recipientKey(name string) string {
	s := strings.TrimSpace(name)
	for changed := true; changed; {
		changed = false
		for _, lf := range companyForms {
			if strings.HasSuffix(s, " "+lf) || strings.HasSuffix(s, ", "+lf) {
				s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, lf), ","))
				s = strings.TrimSpace(strings.TrimSuffix(s, ","))
				changed = true
			}
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " ,.")), " "))
}

// countryName reports a country keyword covering text[start:start+n]: a
// table's country column ("ZDA", "USA") is not a recipient.
func (d *doc) countryName(start, n int) bool {
	si := d.sentenceAt(start)
	if si < 0 {
		return false
	}
	for _, h := range d.sents[si].hitsOf(cCountry) {
		if h.start <= start && h.end >= start+n {
			return true
		}
	}
	return false
}

// trailingName is the run of capitalised words ending an enumeration item
// that opens with lower-case words ("paštomatų tinklui Omniva"), "" when
// there is none.
func trailingName(item string) string {
	ws := strings.Fields(item)
	i := len(ws)
	for i > 0 {
		w := ws[i-1]
		r, _ := utf8.DecodeRuneInString(w)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r)) || nameStop[w] || strings.ContainsAny(w, ".;!?:") {
			break
		}
		i--
	}
	if i == 0 || i == len(ws) || len(ws)-i > 4 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(ws[0])
	if !unicode.IsLower(first) {
		return ""
	}
	return strings.Join(ws[i:], " ")
}

// vendorAt reports a knowledge-base vendor's name covering text[start:end]
// ("Hotjar" is also a word of the lexicon).
func (d *doc) vendorAt(start, end int) bool {
	for _, v := range d.vendorSpans {
		if v.start <= start && v.end >= end {
			return true
		}
	}
	return false
}
