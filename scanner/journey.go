package scanner

import (
	"context"
	crand "crypto/rand"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// Journey modes (Options.Journey).
const (
	// JourneyAuto walks the journey on shops: sites whose sampled pages
	// include a product, cart or checkout page.
	JourneyAuto = ""
	JourneyOn   = "on"
	JourneyOff  = "off"
)

//go:embed js/journey.js
var journeyJS string

// NewCanary makes up an identity and a search term for one scan: random,
// so that finding one of its values in a request proves the page sent what
// was typed, and distinctive, so that no page says it by chance. The e-mail
// is under a reserved domain, the phone number in Ofcom's range for drama
// (+44 7700 900xxx), the postcode in the ZZ area no post office serves.
func NewCanary(r *rand.Rand) model.Canary {
	if r == nil {
		var seed [32]byte
		_, _ = crand.Read(seed[:])
		r = rand.New(rand.NewChaCha8(seed))
	}
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	word := func(syll int) string {
		var b strings.Builder
		for i := 0; i < syll; i++ {
			b.WriteByte(cons[r.IntN(len(cons))])
			b.WriteByte(vows[r.IntN(len(vows))])
		}
		b.WriteByte(cons[r.IntN(len(cons))])
		return b.String()
	}
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	first, last := title(word(2)), title(word(3))
	domain := "example.com"
	if r.IntN(2) == 1 {
		domain = "example.org"
	}
	alnum := func(n int) string {
		const set = "abcdefghijkmnpqrstuvwxyz23456789"
		b := make([]byte, n)
		for i := range b {
			b[i] = set[r.IntN(len(set))]
		}
		return string(b)
	}
	upper := func(n int) string {
		const set = "ABDEFGHJLNPQRSTUWXYZ"
		b := make([]byte, n)
		for i := range b {
			b[i] = set[r.IntN(len(set))]
		}
		return string(b)
	}
	products := []string{"candle", "lamp", "scarf", "mug", "wallet", "teapot", "notebook", "blanket"}
	return model.Canary{
		Email:      strings.ToLower(first) + "." + alnum(8) + "@" + domain,
		FirstName:  first,
		LastName:   last,
		Phone:      fmt.Sprintf("+44 7700 900%03d", r.IntN(1000)),
		Street:     fmt.Sprintf("%d %s Lane", 10+r.IntN(89), title(word(2))),
		PostalCode: fmt.Sprintf("ZZ%d %d%s", 1+r.IntN(9), r.IntN(10), upper(2)),
		City:       title(word(3)),
		SearchTerm: products[r.IntN(len(products))] + " " + word(2),
	}
}

// value is the canary's value for a field kind.
func canaryValue(c model.Canary, kind string) string {
	switch kind {
	case "email":
		return c.Email
	case "first_name":
		return c.FirstName
	case "last_name":
		return c.LastName
	case "name":
		return c.FirstName + " " + c.LastName
	case "phone":
		return c.Phone
	case "street":
		return c.Street
	case "postal_code":
		return c.PostalCode
	case "city":
		return c.City
	case "search":
		return c.SearchTerm
	}
	return ""
}

// isShop says whether the crawl found a shop: a product, cart or checkout
// page among the sampled or seen pages.
func isShop(pages []model.PlannedPage) bool {
	for _, p := range pages {
		switch p.Kind {
		case KindProduct, KindCart, KindCheckout:
			return true
		}
	}
	return false
}

// journeyRun is one phase's walk.
type journeyRun struct {
	r      *phaseRun
	canary model.Canary
	pages  []model.PlannedPage
	ctx    context.Context // bounded by the journey's budget and Ctrl-C
	start  time.Time
	j      *model.Journey
	// stepAt are the start times of the steps, in order, for placing a
	// request in a step; submitAt is when the search was submitted.
	stepAt   []stepTime
	submitAt time.Time
	// typed are the fields typed into so far (form purpose, kind).
	typed map[string]bool
}

type stepTime struct {
	step string
	at   time.Time
}

// journeyResult is what the leak search needs of a journey.
type journeyResult struct {
	steps    []stepTime
	submitAt time.Time
}

// stepOf returns the journey step running at t ("" before the journey).
func (jr *journeyResult) stepOf(t time.Time) string {
	if jr == nil {
		return ""
	}
	step := ""
	for _, st := range jr.steps {
		if !t.Before(st.at) {
			step = st.step
		}
	}
	return step
}

// walkJourney walks the shopper's journey in the phase's tab, after the
// sampled pages: search with the canary term (the one thing submitted),
// open a product, add it to the cart, open the cart and go toward checkout
// as far as a form appears, and type the canary identity into the
// newsletter, account and checkout fields met on the way, field by field
// like a person. It records each step and where and why it stopped.
func (r *phaseRun) walkJourney(pages []model.PlannedPage, c model.Canary, budget time.Duration) (*model.Journey, *journeyResult) {
	ctx, cancel := r.bounded(budget)
	defer cancel()
	jr := &journeyRun{r: r, canary: c, pages: pages, ctx: ctx, start: time.Now(), j: &model.Journey{Steps: []model.JourneyStep{}}, typed: map[string]bool{}}
	jr.walk()
	// What the last typing set off (debounced key loggers, hashing
	// pixels) leaves before the phase's requests are read.
	jr.settle()
	if ctx.Err() != nil && jr.j.StoppedAt == "" && !jr.j.Completed {
		jr.stop("", "the journey's time budget ran out")
	}
	return jr.j, &journeyResult{steps: jr.stepAt, submitAt: jr.submitAt}
}

func (jr *journeyRun) begin(step string) {
	jr.stepAt = append(jr.stepAt, stepTime{step, time.Now()})
}

func (jr *journeyRun) record(st model.JourneyStep) {
	st.AtMS = time.Since(jr.start).Milliseconds()
	if st.URL == "" {
		st.URL = jr.location()
	}
	if jr.r.redact != nil {
		st.URL = jr.r.redact.url(st.URL)
	}
	jr.j.Steps = append(jr.j.Steps, st)
}

func (jr *journeyRun) stop(step, why string) {
	if jr.j.StoppedAt == "" && jr.j.StopReason == "" {
		jr.j.StoppedAt, jr.j.StopReason = step, why
	}
}

// call evaluates the journey script with an operation in the page.
func (jr *journeyRun) call(op string, arg any, out any) error {
	a, _ := json.Marshal(arg)
	ctx, cancel := context.WithTimeout(jr.ctx, 5*time.Second)
	defer cancel()
	expr := journeyJS + "(" + mustJSON(op) + "," + string(a) + ")"
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr))
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (jr *journeyRun) location() string {
	ctx, cancel := context.WithTimeout(jr.ctx, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
	if err != nil {
		return ""
	}
	return u
}

// open loads a page as the phase's visits do.
func (jr *journeyRun) open(u string) bool {
	if jr.ctx.Err() != nil {
		return false
	}
	res, crashed := jr.r.s.loadPage(jr.ctx, jr.r.rc, u)
	return !crashed && res.Error == "" && res.Status > 0
}

// settle waits for the network to go quiet after an interaction; a click
// that navigates is waited for the same way.
func (jr *journeyRun) settle() {
	ctx, cancel := context.WithTimeout(jr.ctx, jr.r.s.opts.PageTimeout)
	defer cancel()
	jr.r.rc.settle(ctx)
	// The page a request belongs to is where the tab now is.
	if u := jr.location(); u != "" {
		jr.r.rc.mu.Lock()
		jr.r.rc.page = u
		jr.r.rc.mu.Unlock()
	}
}

// keyDelay is the pause between two keystrokes: a person types, and scripts
// that debounce what is typed see it as they would.
const keyDelay = 15 * time.Millisecond

// typeText types s into the focused element key by key.
func (jr *journeyRun) typeText(s string) error {
	for _, ch := range s {
		if err := chromedp.Do(jr.ctx, chromedp.KeyEvent(string(ch))); err != nil {
			return err
		}
		select {
		case <-jr.ctx.Done():
			return jr.ctx.Err()
		case <-time.After(keyDelay):
		}
	}
	return nil
}

// pressEnter submits the focused search field.
func (jr *journeyRun) pressEnter() error {
	for _, t := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: t, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		if t == input.DispatchKeyEventTypeKeyDown {
			p.Text = "\r"
		}
		if _, err := chromedp.Call(jr.ctx, input.DispatchKeyEvent, p); err != nil {
			return err
		}
	}
	return nil
}

type jsField struct {
	I     int    `json:"i"`
	Kind  string `json:"kind"`
	Field string `json:"field"`
	Form  string `json:"form"`
}

type jsLink struct {
	Href string `json:"href"`
	Text string `json:"text"`
}

// fillForms types the canary into the page's personal-data fields not yet
// typed into on this page, and says what it typed.
func (jr *journeyRun) fillForms(step string) (typed []model.TypedField, frames []string) {
	var fs struct {
		Fields []jsField `json:"fields"`
		Frames []string  `json:"frames"`
	}
	if err := jr.call("fields", step, &fs); err != nil {
		return nil, nil
	}
	for _, f := range fs.Fields {
		if jr.ctx.Err() != nil {
			break
		}
		v := canaryValue(jr.canary, f.Kind)
		if v == "" || jr.typed[f.Form+"\x00"+f.Kind] {
			continue // the newsletter box in every page's footer is typed once
		}
		var ok struct{ OK bool }
		if jr.call("focus", f.I, &ok) != nil || !ok.OK {
			continue
		}
		if jr.typeText(v) != nil {
			break
		}
		_ = jr.call("blur", nil, &ok)
		jr.typed[f.Form+"\x00"+f.Kind] = true
		typed = append(typed, model.TypedField{Kind: f.Kind, Field: f.Field, Form: f.Form})
	}
	for _, fr := range fs.Frames {
		if hostOf(fr) != "" && hostOf(fr) != hostOf(jr.location()) {
			frames = append(frames, hostOf(fr))
		}
	}
	return typed, frames
}

// formStep types into the page's forms and records a form step when it
// typed anything.
func (jr *journeyRun) formStep(step string) bool {
	mark := len(jr.stepAt)
	jr.begin(model.StepForm)
	typed, frames := jr.fillForms(step)
	if len(typed) == 0 {
		jr.stepAt = jr.stepAt[:mark] // nothing typed: the page's requests stay the step before's
		return false
	}
	forms := map[string]bool{}
	for _, t := range typed {
		forms[t.Form] = true
	}
	detail := fmt.Sprintf("typed %d fields (%s form), submitted nothing", len(typed), joinKeys(forms))
	if len(frames) > 0 {
		detail += "; not typed into the frames of " + strings.Join(frames, ", ")
	}
	jr.record(model.JourneyStep{Step: model.StepForm, OK: true, Detail: detail, Fields: typed})
	return true
}

// links returns the page's visible links classified by page kind.
func (jr *journeyRun) link(kind string) (string, string) {
	var ls []jsLink
	if jr.call("links", nil, &ls) != nil {
		return "", ""
	}
	here := hostOf(jr.location())
	best, bestScore, text := "", 0, ""
	for _, l := range ls {
		u, err := url.Parse(l.Href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || registrable(u.Hostname()) != registrable(here) {
			continue
		}
		k, score := classify(u, l.Text)
		if k == kind && score > bestScore && !paysOrOrders(l.Text) {
			best, bestScore, text = l.Href, score, l.Text
		}
	}
	return best, text
}

// payWords are link texts that pay or place an order: the journey never
// follows them, whatever page they lead to.
var payWords = []string{"pay", "pay now", "place order", "complete order", "complete purchase", "confirm order", "confirm purchase", "buy now",
	"jetzt kaufen", "zahlungspflichtig bestellen", "kaufen", "payer", "valider la commande", "pagar", "paga", "paga ora", "betalen", "nu betalen",
	"betala nu", "betal", "betal na", "maksa", "osta", "maksa tilaus", "zaplac", "kupuje i place", "zaplatit", "objednat"}

func paysOrOrders(text string) bool {
	t := foldText(text)
	for _, w := range payWords {
		if containsPhrase(t, foldText(w)) {
			return true
		}
	}
	return false
}

// planned returns a sampled page of kind.
func (jr *journeyRun) planned(kind string) string {
	for _, p := range jr.pages {
		if p.Kind == kind {
			return p.URL
		}
	}
	return ""
}

func (jr *journeyRun) walk() {
	home := ""
	if len(jr.pages) > 0 {
		home = jr.pages[0].URL
	}
	if home == "" || !jr.open(home) {
		jr.stop(model.StepSearch, "the home page did not load")
		return
	}
	// 1. The site search: the one submit.
	jr.begin(model.StepSearch)
	var s struct {
		OK    bool   `json:"ok"`
		Field string `json:"field"`
	}
	if err := jr.call("search", nil, &s); err != nil || !s.OK {
		jr.record(model.JourneyStep{Step: model.StepSearch, OK: false, Detail: "no search field found"})
	} else if err := jr.typeText(jr.canary.SearchTerm); err != nil {
		jr.record(model.JourneyStep{Step: model.StepSearch, OK: false, Detail: "typing failed: " + err.Error()})
	} else {
		jr.submitAt = time.Now()
		if err := jr.pressEnter(); err != nil {
			jr.record(model.JourneyStep{Step: model.StepSearch, OK: false, Detail: "submitting failed: " + err.Error()})
		} else {
			jr.settle()
			jr.record(model.JourneyStep{Step: model.StepSearch, OK: true, Detail: "searched for the canary term in " + s.Field,
				Fields: []model.TypedField{{Kind: "search", Field: s.Field, Form: "search"}}})
		}
	}
	// Newsletter and account fields met on the way (results or home page).
	jr.formStep("")
	if jr.ctx.Err() != nil {
		return
	}

	// 2. A product: from the results, else from the sampled pages.
	jr.begin(model.StepProduct)
	prod, text := jr.link(KindProduct)
	how := "opened '" + strings.TrimSpace(text) + "' from the page"
	if prod == "" {
		prod, how = jr.planned(KindProduct), "opened a sampled product page"
	}
	if prod == "" || !jr.open(prod) {
		jr.record(model.JourneyStep{Step: model.StepProduct, OK: false, Detail: "no product page found"})
		jr.stop(model.StepProduct, "no product page found")
		jr.afterCart()
		return
	}
	jr.record(model.JourneyStep{Step: model.StepProduct, OK: true, Detail: how})

	// 3. Add to cart.
	jr.begin(model.StepAddToCart)
	var cl struct {
		OK   bool   `json:"ok"`
		Text string `json:"text"`
	}
	if err := jr.call("click", "addtocart", &cl); err != nil || !cl.OK {
		jr.record(model.JourneyStep{Step: model.StepAddToCart, OK: false, Detail: "no add-to-cart button found"})
		jr.stop(model.StepAddToCart, "no add-to-cart button found")
	} else {
		jr.settle()
		jr.record(model.JourneyStep{Step: model.StepAddToCart, OK: true, Detail: "clicked '" + cl.Text + "'"})
	}
	jr.afterCart()
}

// afterCart opens the cart and goes toward checkout as far as a form.
func (jr *journeyRun) afterCart() {
	if jr.ctx.Err() != nil {
		return
	}
	// 4. The cart: where adding led, a cart link, or a sampled cart page.
	jr.begin(model.StepCart)
	here := jr.location()
	inCart := false
	if u, err := url.Parse(here); err == nil {
		k, _ := classify(u, "")
		inCart = k == KindCart
	}
	detail := "the add-to-cart led to the cart"
	if !inCart {
		cart, text := jr.link(KindCart)
		detail = "opened '" + strings.TrimSpace(text) + "'"
		if cart == "" {
			cart, detail = jr.planned(KindCart), "opened a sampled cart page"
		}
		if cart == "" || !jr.open(cart) {
			jr.record(model.JourneyStep{Step: model.StepCart, OK: false, Detail: "no cart found"})
			jr.stop(model.StepCart, "no cart found")
			jr.account()
			return
		}
	}
	jr.record(model.JourneyStep{Step: model.StepCart, OK: true, Detail: detail})

	// 5. Toward checkout: a checkout link, else a button.
	jr.begin(model.StepCheckout)
	co, text := jr.link(KindCheckout)
	ok := false
	if co != "" {
		ok, detail = jr.open(co), "opened '"+strings.TrimSpace(text)+"'"
	} else {
		var cl struct {
			OK   bool   `json:"ok"`
			Text string `json:"text"`
		}
		if err := jr.call("click", "checkout", &cl); err == nil && cl.OK {
			jr.settle()
			ok, detail = true, "clicked '"+cl.Text+"'"
		} else if p := jr.planned(KindCheckout); p != "" {
			ok, detail = jr.open(p), "opened a sampled checkout page"
		}
	}
	if !ok {
		jr.record(model.JourneyStep{Step: model.StepCheckout, OK: false, Detail: "no way to checkout found"})
		jr.stop(model.StepCheckout, "no way to checkout found")
		jr.account()
		return
	}
	jr.record(model.JourneyStep{Step: model.StepCheckout, OK: true, Detail: detail})

	// 6. The checkout form.
	if !jr.formStep("checkout") {
		jr.stop(model.StepForm, "no personal-data form at checkout")
		jr.account()
		return
	}
	jr.account()
	if jr.j.StoppedAt == "" && jr.j.StopReason == "" {
		jr.j.Completed = true
	}
}

// account types into the account page's fields when one was sampled and
// the e-mail was not typed yet.
func (jr *journeyRun) account() {
	if jr.ctx.Err() != nil {
		return
	}
	if p := jr.planned(KindAccount); p != "" && jr.open(p) {
		jr.formStep("account")
	}
}

// canaryKey carries the site's canary to its phases.
type canaryKey struct{}

func withCanary(ctx context.Context, c model.Canary) context.Context {
	return context.WithValue(ctx, canaryKey{}, c)
}

func canaryFrom(ctx context.Context) (model.Canary, bool) {
	c, ok := ctx.Value(canaryKey{}).(model.Canary)
	return c, ok
}

// journeyWanted says whether the journey runs on a site with these pages.
func (s *Scanner) journeyWanted(pages []model.PlannedPage) bool {
	switch s.opts.Journey {
	case JourneyOff:
		return false
	case JourneyOn:
		return len(pages) > 0
	}
	return isShop(pages)
}

// journeyBudget bounds one phase's journey: a few page visits' worth.
func (s *Scanner) journeyBudget() time.Duration { return 4 * s.opts.PageTimeout }

// journeyPhase walks the journey at the end of a phase when the site has a
// canary; cookies set on the way are added.
func (r *phaseRun) journeyPhase(ctx context.Context, pages []model.PlannedPage) *journeyResult {
	c, ok := canaryFrom(ctx)
	if !ok || ctx.Err() != nil || len(pages) == 0 {
		return nil
	}
	r.s.opts.Progress("%s: %s: shopper's journey", pages[0].URL, r.phase)
	j, jres := r.walkJourney(pages, c, r.s.journeyBudget())
	r.pr.Journey = j
	r.snapshotCookies(pages[0].URL)
	return jres
}
