package consent

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

//go:embed js/page.js
var pageJS string

// Options configure an Engine.
type Options struct {
	// RuleDirs are directories (or files) of user rule files, loaded after
	// the built-in ones; a user rule replaces a built-in rule of the same id.
	RuleDirs []string
	// Accept and Reject are CSS selectors of the site's own accept-all and
	// reject-all buttons, from .privacyscan.yaml. They take precedence over
	// rules and the generic fallback when they match a visible element.
	Accept, Reject string
	// EvidenceDir receives screenshots of the banner before the click and of
	// the page after it; empty: none are taken.
	EvidenceDir string
	// Logf receives debug messages; nil discards them.
	Logf func(string, ...any)
	// Wait bounds the wait for a banner to show after the page loaded;
	// 0 means 4 s. A page whose consent record is already stored waits at
	// most 1 s.
	Wait time.Duration
	// StepTimeout bounds each step (an element to show, the banner to go);
	// 0 means 3 s.
	StepTimeout time.Duration
	// Recheck reloads the page after a verified accept or reject and looks
	// for the banner again (Result.BannerReturned).
	Recheck bool
	// SettingsPeek bounds what Detect spends on the settings layer: opening
	// it, waiting for its toggles and reading them; 0 means 2 s, negative:
	// Detect does not open it.
	SettingsPeek time.Duration
}

// Engine finds and operates consent banners. It is safe for concurrent use
// by several tabs.
type Engine struct {
	opts      Options
	rules     []*Rule
	installJS string
	globalsJS string
	seq       atomic.Int64
}

// ErrNoBanner is the Error of a Result when no banner showed.
const ErrNoBanner = "no consent banner found"

// New loads the built-in rule files and the user ones.
func New(opts Options) (*Engine, error) {
	if opts.Wait <= 0 {
		opts.Wait = 4 * time.Second
	}
	if opts.StepTimeout <= 0 {
		opts.StepTimeout = 3 * time.Second
	}
	if opts.SettingsPeek == 0 {
		opts.SettingsPeek = 2 * time.Second
	}
	if err := checkVocabulary(); err != nil {
		return nil, err
	}
	rules, err := loadRules(opts.RuleDirs)
	if err != nil {
		return nil, err
	}
	e := &Engine{opts: opts, rules: rules}
	type jsRule struct {
		Frame     string   `json:"frame,omitempty"`
		Selectors []string `json:"selectors"`
		Banner    []string `json:"banner"`
	}
	type pat struct {
		Whole string `json:"whole"`
		Part  string `json:"part"`
	}
	cfg := struct {
		Classes []string       `json:"classes"`
		Vocab   map[string]pat `json:"vocab"`
		Rules   []jsRule       `json:"rules"`
	}{Classes: buttonClasses, Vocab: map[string]pat{}}
	for _, c := range append([]string{"banner"}, buttonClasses...) {
		cfg.Vocab[c] = pat{Whole: vocabPattern(c, true), Part: vocabPattern(c, false)}
	}
	var globals [][]string
	for _, r := range rules {
		cfg.Rules = append(cfg.Rules, jsRule{Frame: r.Frame, Selectors: nonNil(r.Detect.Selectors), Banner: r.Banner})
		globals = append(globals, nonNil(r.Detect.Globals))
	}
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("encoding the page script config: %w", err)
	}
	e.installJS = "globalThis.__ps = (" + pageJS + ")(" + string(b) + "); globalThis.__psRules = " + string(mustJSON(cfg.Rules)) + "; location.href"
	e.globalsJS = fmt.Sprintf(globalsJS, mustJSON(globals))
	return e, nil
}

// globalsJS runs in the page's main world: which rule globals exist, the
// TCF CMP id, and the storage keys.
const globalsJS = `(async () => {
  const has = p => { try { let o = window; for (const k of p.split('.')) { if (o == null) return false; o = o[k]; } return o !== undefined; } catch (e) { return false; } };
  const lists = %s;
  let cmpId = 0;
  if (typeof window.__tcfapi === 'function') {
    cmpId = await new Promise(res => { const t = setTimeout(() => res(0), 100); try { window.__tcfapi('ping', 2, p => { clearTimeout(t); res((p && p.cmpId) || 0); }); } catch (e) { clearTimeout(t); res(0); } });
  }
  let keys = [];
  try { for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i)); } catch (e) {}
  return { globals: lists.map(l => l.filter(has)), tcf: typeof window.__tcfapi === 'function', cmpId, storage: keys };
})()`

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Rules returns copies of the loaded rules, built-in first, for
// documentation and tests.
func (e *Engine) Rules() []Rule {
	out := make([]Rule, len(e.rules))
	for i, r := range e.rules {
		out[i] = *r
	}
	return out
}

var _ Operator = (*Engine)(nil)

func (e *Engine) logf(format string, args ...any) {
	if e.opts.Logf != nil {
		e.opts.Logf(format, args...)
	}
}

// probeResult is what page.js reports for one frame.
type probeResult struct {
	URL string `json:"url"`
	Res []*struct {
		Sel    []string `json:"sel"`
		Banner string   `json:"banner"`
	} `json:"res"`
	Scripts []string `json:"scripts"`
	Shown   bool     `json:"shown"`
	Top     bool     `json:"top"`
}

type mainProbe struct {
	Globals [][]string `json:"globals"`
	TCF     bool       `json:"tcf"`
	CMPID   int        `json:"cmpId"`
	Storage []string   `json:"storage"`
}

type genericBanner struct {
	Path    string              `json:"path"`
	Text    string              `json:"text"`
	Buttons map[string][]string `json:"buttons"`
	Cover   struct {
		Share  float64 `json:"share"`
		Locked bool    `json:"locked"`
	} `json:"cover"`
}

// scan is one look at the page.
type scan struct {
	frames   []frame
	signals  []int   // per rule: number of signals seen
	banner   []frame // per rule: frame where its banner is visible (zero: none)
	bannerOK []bool
	generic  *genericBanner
	genFrame frame
	main     mainProbe
	cookies  []string
}

// look probes every frame once.
func (s *session) look(withGeneric bool) (*scan, error) {
	fs, err := s.frames()
	if err != nil {
		return nil, err
	}
	sc := &scan{frames: fs, signals: make([]int, len(s.e.rules)), banner: make([]frame, len(s.e.rules)), bannerOK: make([]bool, len(s.e.rules))}
	var scripts []string
	for _, f := range fs {
		var pr probeResult
		if err := s.eval(f, "__ps.probe(__psRules)", &pr); err != nil {
			continue
		}
		scripts = append(scripts, pr.Scripts...)
		for i, r := range pr.Res {
			if r == nil || i >= len(s.e.rules) {
				continue
			}
			sc.signals[i] += len(r.Sel)
			if r.Banner != "" && !sc.bannerOK[i] {
				sc.banner[i], sc.bannerOK[i] = f, true
			}
		}
		if withGeneric && sc.generic == nil {
			var g *genericBanner
			if err := s.eval(f, "__ps.generic()", &g); err == nil && g != nil && len(g.Buttons) > 0 {
				sc.generic, sc.genFrame = g, f
			}
		}
	}
	if err := s.evalIn(0, s.e.globalsJS, &sc.main); err != nil {
		s.e.logf("consent: reading globals: %v", err)
	}
	for i, r := range s.e.rules {
		if i < len(sc.main.Globals) {
			sc.signals[i] += len(sc.main.Globals[i])
		}
		for _, re := range r.scripts {
			if slices.ContainsFunc(scripts, re.MatchString) {
				sc.signals[i]++
			}
		}
		if sc.main.CMPID != 0 && slices.Contains(r.Detect.CMPIDs, sc.main.CMPID) {
			sc.signals[i]++
		}
	}
	if res, err := chromedp.Call(s.ctx, network.GetCookies, network.GetCookiesParams{}); err == nil {
		for _, c := range res.Cookies {
			sc.cookies = append(sc.cookies, c.Name)
		}
	}
	return sc, nil
}

// detected returns the index of the rule that best explains the page: a
// rule whose banner is visible wins, then the one with most signals; -1 if
// none.
func (sc *scan) detected() (idx int, visible bool) {
	idx = -1
	best := 0
	for i, n := range sc.signals {
		score := n
		if sc.bannerOK[i] {
			score += 100
		}
		if score > best {
			idx, best = i, score
		}
	}
	return idx, idx >= 0 && sc.bannerOK[idx]
}

// record returns the consent record names a rule's verify patterns find.
func (sc *scan) record(r *Rule) []string {
	var out []string
	for _, re := range r.cookies {
		for _, c := range sc.cookies {
			if re.MatchString(c) && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	for _, re := range r.storage {
		for _, k := range sc.main.Storage {
			if re.MatchString(k) && !slices.Contains(out, "localStorage:"+k) {
				out = append(out, "localStorage:"+k)
			}
		}
	}
	return out
}

// settle waits for the next DOM mutation of the main frame, or a short
// bound (mutations inside iframes and shadow roots are not observed, and
// transitions end without one).
func (s *session) settle(fs []frame, ms int) {
	for _, f := range fs {
		if f.top {
			if err := s.eval(f, fmt.Sprintf("__ps.wait(%d)", ms), nil); err == nil {
				return
			}
		}
	}
	t := time.NewTimer(time.Duration(ms) * time.Millisecond)
	defer t.Stop()
	select {
	case <-t.C:
	case <-s.ctx.Done():
	}
}

// Act finds the banner of the loaded page in ctx (a chromedp tab context)
// and carries out action. The error is for a broken browser; a banner that
// cannot be found or operated is reported in Result.Error.
func (e *Engine) Act(ctx context.Context, action model.ConsentAction) (model.ConsentResult, error) {
	return e.act(ctx, action, e.opts.Wait, e.opts.SettingsPeek > 0)
}

// act runs one action; peek lets Detect open the settings layer.
func (e *Engine) act(ctx context.Context, action model.ConsentAction, wait time.Duration, peek bool) (res model.ConsentResult, err error) {
	start := time.Now()
	res = model.ConsentResult{Action: action}
	s := newSession(ctx, e)
	defer s.release()
	defer func() { res.DurationMS = time.Since(start).Milliseconds() }()

	var sc *scan
	deadline := start.Add(wait)
	var genericSince time.Time
	var cfgFrame frame
	var cfgFound bool
	for {
		sc, err = s.look(true)
		if err != nil {
			return res, err
		}
		idx, vis := sc.detected()
		if idx >= 0 {
			res.CMP = e.rules[idx].ID
		}
		if sel := e.configSelector(action); sel != "" {
			if f, ok := s.findFrame(sc.frames, Step{Kind: "click", Selector: sel}); ok {
				cfgFrame, cfgFound = f, true
				break
			}
		}
		if vis {
			break
		}
		if sc.generic != nil {
			if genericSince.IsZero() {
				genericSince = time.Now()
			}
			// A detected platform whose banner is not (yet) visible gets a
			// grace period before the generic fallback takes over.
			if idx < 0 || time.Since(genericSince) > 600*time.Millisecond {
				break
			}
		}
		if idx >= 0 && len(sc.record(e.rules[idx])) > 0 {
			if d := start.Add(time.Second); d.Before(deadline) {
				deadline = d
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			if idx >= 0 {
				res.ConsentStored = len(sc.record(e.rules[idx])) > 0
			}
			res.Error = ErrNoBanner
			res.WaitMS = time.Since(start).Milliseconds()
			res.Signals = s.signals()
			return res, ctx.Err()
		}
		s.settle(sc.frames, 100)
	}
	res.WaitMS = time.Since(start).Milliseconds()
	res.BannerDetected = true
	idx, vis := sc.detected()

	var op operator
	switch {
	case cfgFound:
		res.Method = "config"
		op = &configOp{sel: e.configSelector(action), frame: cfgFrame}
	case vis:
		res.Method = "rule"
		op = &ruleOp{r: e.rules[idx]}
	default:
		res.Method = "generic"
		op = &genericOp{}
	}
	if res.CMP == "" {
		res.CMP = "generic"
	}
	if action == Detect {
		// Nothing hurries a look: let the banner finish appearing, so that
		// a reject button or a scroll lock that comes a moment later counts.
		sc = s.steady(sc, op, &res)
	} else {
		sc = s.animated(sc, op, s.e.opts.StepTimeout)
		s.assess(sc, op, &res)
	}
	e.logf("consent: %s banner (%s) in %s after %d ms", res.CMP, res.Method, res.Banner.Frame, res.WaitMS)
	if action == Detect {
		res.Signals = s.signals()
		if peek {
			s.peekSettings(op, sc, &res)
		}
		return res, ctx.Err()
	}
	e.screenshot(ctx, &res, "before")
	before := sc
	err = op.act(s, sc, action, &res)
	if err != nil && res.Method == "rule" && len(res.Elements) == 0 && !errors.Is(err, errWall) {
		// The rule's selectors did not match this version of the
		// platform: try the vocabulary.
		e.logf("consent: rule %s: %v; trying the generic fallback", res.CMP, err)
		if g, gerr := s.look(true); gerr == nil && g.generic != nil {
			res.Method = "generic"
			op = &genericOp{}
			err = op.act(s, g, action, &res)
		}
	}
	if err != nil {
		res.Error = err.Error()
		res.Signals = s.signals()
		return res, ctx.Err()
	}
	res.Clicked = len(res.Elements) > 0
	res.Clicks = len(res.Elements)
	res.Verified, res.ConsentRecord = s.verify(op, before, retryAfter)
	if !res.Verified && s.lastClick != nil {
		// Nothing happened: some platforms bind their handlers a moment
		// after the banner shows (tarteaucitron waits 500 ms). A person
		// would click again.
		var again model.ConsentResult
		if err := s.runStep(*s.lastClick, s.lastRule, &again); err == nil {
			res.Retries++
			res.Verified, res.ConsentRecord = s.verify(op, before, e.opts.StepTimeout)
		}
	}
	if !res.Verified {
		res.Error = "the banner is still shown after the click"
	}
	e.screenshot(ctx, &res, "after")
	res.Signals = s.signals()
	if e.opts.Recheck && res.Verified {
		res.BannerReturned = s.recheck()
		res.Rechecked = true
	}
	return res, ctx.Err()
}

func hasSettings(b *model.Banner) bool {
	return len(b.Buttons[ClassSettings]) > 0
}

// assess describes the banner and tells whether it can be refused.
func (s *session) assess(sc *scan, op operator, res *model.ConsentResult) {
	res.Banner = s.describe(sc, op)
	res.RejectAvailable = op.rejectAvailable(s, sc)
	res.CookieWall = false
	if !res.RejectAvailable && (res.Banner.Coverage > wallCoverage || res.Banner.ScrollLocked) {
		res.CookieWall = !hasSettings(res.Banner) && op.settings(s, sc) == nil
	}
}

// wallCoverage is the share of the viewport above which a banner that
// cannot be refused is a wall even when the page still scrolls.
const wallCoverage = 0.6

// steady assesses the banner until two looks agree (bounded): platforms
// slide their banner in, render its buttons in turns and lock scrolling a
// moment after it shows. It returns the last scan.
func (s *session) steady(sc *scan, op operator, res *model.ConsentResult) *scan {
	deadline := time.Now().Add(min(s.e.opts.StepTimeout, 1500*time.Millisecond))
	sc = s.animated(sc, op, time.Until(deadline))
	s.assess(sc, op, res)
	key := assessment(res)
	for time.Now().Before(deadline) && s.ctx.Err() == nil {
		s.settle(sc.frames, 100)
		next, err := s.look(op.generic())
		if err != nil || !op.present(s, next) {
			break
		}
		sc = next
		s.assess(sc, op, res)
		k := assessment(res)
		if k == key {
			break
		}
		key = k
	}
	return sc
}

// animated waits (bounded) until the banner has finished appearing: the
// animations and transitions of the banner are over (a banner that slides
// in, buttons that fade in, a scroll lock set at the end). It returns a new
// scan when something was animating.
func (s *session) animated(sc *scan, op operator, bound time.Duration) *scan {
	f := s.bannerFrame(sc, op)
	find := "__ps.generic()"
	if r, ok := op.(*ruleOp); ok {
		find = "__ps.ruleBanner(" + string(mustJSON(r.r.Banner)) + ")"
	}
	var state string
	if err := s.eval(f, fmt.Sprintf("(%s, __ps.animations(%d))", find, max(0, bound.Milliseconds())), &state); err != nil || state == "none" {
		return sc
	}
	next, err := s.look(true)
	if err != nil || !op.present(s, next) {
		return sc
	}
	return next
}

// assessment is what steady compares between two looks.
func assessment(res *model.ConsentResult) string {
	b := res.Banner
	return fmt.Sprint(res.RejectAvailable, res.CookieWall, b.Frame, b.Selector, b.Buttons, math.Round(b.Coverage*20), b.ScrollLocked)
}

func (e *Engine) configSelector(a model.ConsentAction) string {
	switch a {
	case Accept:
		return e.opts.Accept
	case Reject:
		return e.opts.Reject
	}
	return ""
}

// bannerFrame is the frame that holds the banner an operator works on.
func (s *session) bannerFrame(sc *scan, op operator) frame {
	switch o := op.(type) {
	case *ruleOp:
		return sc.banner[slices.Index(s.e.rules, o.r)]
	case *configOp:
		return o.frame
	}
	return sc.genFrame
}

// cover is page.js's coverage of an element.
type cover struct {
	Share  float64 `json:"share"`
	Locked bool    `json:"locked"`
}

// describe fills the Banner of a result.
func (s *session) describe(sc *scan, op operator) *model.Banner {
	f := s.bannerFrame(sc, op)
	var g *genericBanner
	if f.genericOf(sc) {
		g = sc.generic
	} else {
		_ = s.eval(f, "__ps.generic()", &g)
	}
	b := &model.Banner{Frame: f.url}
	if g != nil {
		b.Selector, b.Text, b.Buttons = g.Path, g.Text, g.Buttons
		b.Coverage, b.ScrollLocked = g.Cover.Share, g.Cover.Locked
	}
	if r, ok := op.(*ruleOp); ok {
		var info struct {
			Path  string `json:"path"`
			Text  string `json:"text"`
			Cover cover  `json:"cover"`
		}
		if err := s.eval(f, "__ps.ruleBanner("+string(mustJSON(r.r.Banner))+")", &info); err == nil && info.Path != "" {
			b.Selector, b.Text = info.Path, info.Text
			b.Coverage, b.ScrollLocked = info.Cover.Share, info.Cover.Locked
		}
	}
	if !f.top && f.world != 0 {
		// Inside an iframe, coverage measures the iframe's own viewport:
		// measure the iframe in the page instead.
		if c, err := s.ownerCoverage(sc.frames, f); err == nil {
			b.Coverage, b.ScrollLocked = c.Share, c.Locked
		} else {
			s.e.logf("consent: measuring the banner's iframe: %v", err)
		}
	}
	return b
}

// ownerCoverage measures, in the main frame, the iframe element that holds
// frame f.
func (s *session) ownerCoverage(fs []frame, f frame) (cover, error) {
	var c cover
	i := slices.IndexFunc(fs, func(f frame) bool { return f.top })
	if i < 0 {
		return c, errors.New("no main frame")
	}
	owner, err := chromedp.Call(s.ctx, dom.GetFrameOwner, dom.GetFrameOwnerParams{FrameID: f.id})
	if err != nil {
		return c, fmt.Errorf("finding the frame's owner: %w", err)
	}
	node, err := chromedp.Call(s.ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: owner.BackendNodeID, ExecutionContextID: fs[i].world, ObjectGroup: objectGroup})
	if err != nil {
		// A frame nested in another frame: its owner is not in the
		// main document.
		return c, fmt.Errorf("resolving the frame's owner: %w", err)
	}
	if node.Object == nil || node.Object.ObjectID == "" {
		return c, errors.New("the frame has no owner element")
	}
	err = s.callOn(node.Object.ObjectID, `function(){ return __ps.coverage(this); }`, &c)
	return c, err
}

func (f frame) genericOf(sc *scan) bool { return sc.generic != nil && f.world == sc.genFrame.world }

// findFrame looks for a step's element in every frame once.
func (s *session) findFrame(fs []frame, st Step) (frame, bool) {
	for _, f := range fs {
		var found []model.Clicked
		if err := s.eval(f, "__ps.find("+string(mustJSON(jsStep(st)))+")", &found); err == nil && len(found) > 0 {
			return f, true
		}
	}
	return frame{}, false
}

func jsStep(st Step) map[string]string {
	return map[string]string{"sel": st.Selector, "button": st.Button, "text": st.Text}
}

// screenshot writes the viewport to the evidence directory.
func (e *Engine) screenshot(ctx context.Context, res *model.ConsentResult, when string) {
	if e.opts.EvidenceDir == "" {
		return
	}
	shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
	if err != nil {
		e.logf("consent: screenshot: %v", err)
		return
	}
	if err := os.MkdirAll(e.opts.EvidenceDir, 0o755); err != nil {
		e.logf("consent: evidence dir: %v", err)
		return
	}
	name := filepath.Join(e.opts.EvidenceDir, fmt.Sprintf("consent-%03d-%s-%s.png", e.seq.Add(1), res.Action, when))
	if err := os.WriteFile(name, shot.Data, 0o644); err != nil {
		e.logf("consent: screenshot: %v", err)
		return
	}
	res.Screenshots = append(res.Screenshots, name)
	if when == "after" && len(res.Elements) > 0 {
		// The clicks, as text beside the images.
		var b strings.Builder
		for _, c := range res.Elements {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", c.Frame, c.Selector, c.Text, c.Input)
		}
		txt := strings.TrimSuffix(name, "-after.png") + "-clicks.txt"
		if err := os.WriteFile(txt, []byte(b.String()), 0o644); err == nil {
			res.Screenshots = append(res.Screenshots, txt)
		}
	}
}

// verify waits until the banner is gone and, for a rule that names its
// consent record, until the record exists.
func (s *session) verify(op operator, before *scan, bound time.Duration) (bool, []string) {
	deadline := time.Now().Add(bound)
	for {
		sc, err := s.look(op.generic())
		if err != nil {
			return false, nil
		}
		gone, rec := op.gone(s, sc, before)
		if gone {
			return true, rec
		}
		if time.Now().After(deadline) || s.ctx.Err() != nil {
			return false, rec
		}
		s.settle(sc.frames, 50)
	}
}

// recheck reloads the page and tells whether a banner shows again.
func (s *session) recheck() bool {
	if _, err := chromedp.Run(s.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Reload())); err != nil {
		return false
	}
	r, err := s.e.act(s.ctx, Detect, 2*time.Second, false)
	return err == nil && r.BannerDetected
}

var errNotFound = errors.New("element not found")

// retryAfter is how long a click may take to show an effect before it is
// repeated once.
const retryAfter = 900 * time.Millisecond
