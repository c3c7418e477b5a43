package consent

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

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
	// GenericOnly loads no rule file, built-in or user: every banner goes
	// through the generic engine (--consent-rules none), to diagnose it and
	// to measure it.
	GenericOnly bool
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
	var rules []*Rule
	if opts.GenericOnly {
		if len(opts.RuleDirs) > 0 {
			return nil, errors.New("consent rules: generic only, yet rule directories were given")
		}
	} else {
		var err error
		if rules, err = loadRules(opts.RuleDirs); err != nil {
			return nil, err
		}
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
		Classes      []string       `json:"classes"`
		Vocab        map[string]pat `json:"vocab"`
		Rules        []jsRule       `json:"rules"`
		CloseRefuses string         `json:"closeRefuses"`
	}{Classes: buttonClasses, Vocab: map[string]pat{}, Rules: []jsRule{}, CloseRefuses: closeRefuses}
	for _, c := range append([]string{"banner", ClassClose}, buttonClasses...) {
		cfg.Vocab[c] = pat{Whole: vocabPattern(c, true), Part: vocabPattern(c, false)}
	}
	globals := [][]string{} // not null when there is no rule (GenericOnly)
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

// Act finds the banner of the loaded page in ctx (a chromedp tab context)
// and carries out action. The error is for a broken browser; a banner that
// cannot be found or operated is reported in Result.Error.
func (e *Engine) Act(ctx context.Context, action model.ConsentAction) (model.ConsentResult, error) {
	return e.act(ctx, action, e.opts.Wait, e.opts.SettingsPeek > 0, true)
}

// act runs one action; peek lets Detect open the settings layer.
// With scroll, a page that shows no banner within the wait is scrolled and
// looked at again (a banner that waits for the visitor to scroll); the
// look after a choice does not scroll: a banner that comes back does so
// without being asked.
func (e *Engine) act(ctx context.Context, action model.ConsentAction, wait time.Duration, peek, scroll bool) (res model.ConsentResult, err error) {
	start := time.Now()
	res = model.ConsentResult{Action: action}
	s := newSession(ctx, e)
	defer s.release()
	defer func() { res.DurationMS = time.Since(start).Milliseconds() }()
	// A click may open another tab (a link with target=_blank, a handler
	// calling window.open): the engine goes on in this one and closes it.
	defer s.watchTabs()()
	defer func() { s.closeTabs(&res, true) }()

	var sc *scan
	deadline := start.Add(wait)
	var genericSince time.Time
	var cfgFrame frame
	var cfgFound bool
	scrolls := 0
	if !scroll {
		scrolls = scrollSteps
	}
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
			if scrolls < scrollSteps && !res.ConsentStored && ctx.Err() == nil {
				// Nothing showed: some banners wait for the visitor to
				// scroll. Scroll as a person reading on would, and look
				// again. Only a page that showed no banner is scrolled,
				// so a platform that takes scrolling for consent is not
				// given it; the result says the page was scrolled.
				if err := s.scroll(); err != nil {
					e.logf("consent: scrolling: %v", err)
					scrolls = scrollSteps
				} else {
					scrolls++
					res.Scrolled = true
					deadline = time.Now().Add(scrollLook * time.Duration(1+scrolls/scrollSteps))
					s.settle(sc.frames, 100)
					continue
				}
			}
			if res.Scrolled {
				res.Notes = append(res.Notes, fmt.Sprintf("no banner showed, not even after the page was scrolled %d times", scrolls))
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
	if res.Scrolled {
		res.Notes = append(res.Notes, fmt.Sprintf("no banner showed within %d ms of the load; it showed after the page was scrolled (%d wheel turns)", wait.Milliseconds(), scrolls))
	}
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
		if action == Reject && !refusable(&res) {
			// Before concluding that the banner cannot be refused, let it
			// finish appearing: a bar may slide in with its accept button
			// and add the reject once in place, and the first look can
			// come before its animation has even started.
			sc = s.steady(sc, op, &res)
		}
	}
	// Whatever keeps moving in it, the banner is taken as it is after a
	// bounded wait, and the result says it never settled.
	s.unsettled(sc, op, &res)
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
	res.Signals = s.signalsAfter(res.ConsentRecord)
	res.Effect = Prove(action, res.Signals)
	if e.opts.Recheck && res.Verified {
		res.BannerReturned = s.recheck()
		res.Rechecked = true
	}
	return res, ctx.Err()
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
			return true, s.awaitRecord(op, before, sc, rec)
		}
		if time.Now().After(deadline) || s.ctx.Err() != nil {
			return false, rec
		}
		s.settle(sc.frames, 50)
	}
}

// recordGrace bounds the wait, once the banner is gone, for a consent
// record that the click's request stores: a backend that sets the cookie
// in its answer to the choice (django-cookie-consent posts the choice and
// removes its bar at once).
const recordGrace = 600 * time.Millisecond

// awaitRecord returns rec, or, when no record appeared yet, the one that
// appears within recordGrace.
func (s *session) awaitRecord(op operator, before, sc *scan, rec []string) []string {
	deadline := time.Now().Add(recordGrace)
	for len(rec) == 0 && time.Now().Before(deadline) && s.ctx.Err() == nil {
		s.settle(sc.frames, 50)
		next, err := s.look(op.generic())
		if err != nil {
			break
		}
		sc = next
		rec = newRecord(before, sc)
	}
	return rec
}

// recheck reloads the page and tells whether a banner shows again.
func (s *session) recheck() bool {
	if _, err := chromedp.Run(s.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Reload())); err != nil {
		return false
	}
	r, err := s.e.act(s.ctx, Detect, 2*time.Second, false, false)
	return err == nil && r.BannerDetected
}

var errNotFound = errors.New("element not found")

// retryAfter is how long a click may take to show an effect before it is
// repeated once.
const retryAfter = 900 * time.Millisecond
