package consent

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// operator carries out an action on a banner found one way or another.
type operator interface {
	// rejectAvailable tells whether the first layer offers a reject-all.
	rejectAvailable(s *session, sc *scan) bool
	// act runs the clicks, appending them to res.Elements.
	act(s *session, sc *scan, a model.ConsentAction, res *model.ConsentResult) error
	// gone tells whether the banner went away, and names the consent record.
	gone(s *session, sc *scan, before *scan) (bool, []string)
	// generic tells whether gone needs the generic scan.
	generic() bool
	// present tells whether the banner is still shown.
	present(s *session, sc *scan) bool
	// settings returns how to open the banner's settings layer from the
	// first layer, or nil when it has none.
	settings(s *session, sc *scan) *settingsPath
}

// inFrames keeps the frames a rule's banner may live in.
func inFrames(fs []frame, r *Rule) []frame {
	if r == nil || r.frameRe == nil {
		return fs
	}
	var out []frame
	for _, f := range fs {
		if r.frameRe.MatchString(f.url) {
			out = append(out, f)
		}
	}
	// The banner frame may also be the main document of a standalone
	// message page; never return nothing.
	if len(out) == 0 {
		return fs
	}
	return out
}

// runSteps carries out steps, each waiting (bounded) for its element.
func (s *session) runSteps(steps []Step, r *Rule, res *model.ConsentResult) error {
	for i, st := range steps {
		if err := s.runStep(st, r, res); err != nil {
			if st.Optional {
				continue
			}
			return fmt.Errorf("step %d (%s %s%s): %w", i+1, st.Kind, st.Selector, st.Button, err)
		}
	}
	return nil
}

type toggleList struct {
	On []struct {
		Path string `json:"path"`
		Text string `json:"text"`
	} `json:"on"`
	Total int `json:"total"`
}

func (s *session) runStep(st Step, r *Rule, res *model.ConsentResult) error {
	timeout := s.e.opts.StepTimeout
	if st.Optional {
		timeout = timeout / 3
	}
	return s.runStepWithin(st, r, res, timeout, false)
}

// errWall is the error of a reject on a banner that offers no way to
// refuse: neither a reject nor a settings layer. Its text predates the
// move of the cookie-wall verdict to the rules and is kept, since reports
// show it.
var errWall = errors.New("a cookie wall: the banner has neither a reject nor a settings layer")

// errLeaves is the error of a click that would load another document.
var errLeaves = errors.New("the element leads to another page")

// runStepWithin carries out a step, waiting up to timeout for its element
// (0: one look). With stay, a click that would load another document is
// refused.
func (s *session) runStepWithin(st Step, r *Rule, res *model.ConsentResult, timeout time.Duration, stay bool) error {
	deadline := time.Now().Add(timeout)
	for {
		fs, err := s.frames()
		if err != nil {
			return err
		}
		fs = inFrames(fs, r)
		switch st.Kind {
		case "click":
			for _, f := range fs {
				var found []model.Clicked
				if err := s.eval(f, "__ps.find("+string(mustJSON(jsStep(st)))+")", &found); err != nil || len(found) == 0 {
					continue
				}
				var leaves bool
				if stay && (s.eval(f, "__ps.leaves()", &leaves) != nil || leaves) {
					return errLeaves
				}
				obj, err := s.handle(f, 0)
				if err != nil {
					continue
				}
				how, err := s.click(obj)
				s.closeTabs(res, false)
				if err != nil {
					return err
				}
				c := found[0]
				c.Frame, c.Input = f.url, how
				s.lastClick, s.lastRule = &st, r
				res.Elements = append(res.Elements, c)
				s.e.logf("consent: clicked %q (%s) by %s", c.Text, c.Selector, how)
				return nil
			}
		case "wait":
			for _, f := range fs {
				var ok bool
				if err := s.eval(f, "__ps.shown("+string(mustJSON([]string{st.Selector}))+")", &ok); err == nil && ok {
					return nil
				}
			}
		case "uncheck":
			for _, f := range fs {
				var tl toggleList
				if err := s.eval(f, "__ps.toggles("+string(mustJSON(jsStep(st)))+")", &tl); err != nil || tl.Total == 0 {
					continue
				}
				res.SettingsRead = true
				for i, t := range tl.On {
					obj, err := s.handle(f, i)
					if err != nil {
						continue
					}
					how, err := s.click(obj)
					if err != nil {
						return err
					}
					var on bool
					if err := s.callOn(obj, `function(){ return __ps.isOn(this); }`, &on); err == nil && on {
						// A mouse click on a hidden input's label may
						// not reach it: switch it with JS.
						_ = s.callOn(obj, `function(){ this.click(); }`, nil)
						how = "js"
					}
					res.PreTicked = append(res.PreTicked, t.Text)
					res.Elements = append(res.Elements, model.Clicked{Frame: f.url, Selector: t.Path, Text: t.Text, Input: how})
				}
				return nil
			}
		}
		if time.Now().After(deadline) {
			if st.Kind == "uncheck" {
				// A settings layer with no toggle has nothing to switch off.
				return nil
			}
			return errNotFound
		}
		if err := s.ctx.Err(); err != nil {
			return err
		}
		s.settle(fs, 100)
	}
}

// ruleOp operates a banner with its platform's rule.
type ruleOp struct{ r *Rule }

func (o *ruleOp) generic() bool { return false }

func (o *ruleOp) rejectAvailable(s *session, sc *scan) bool {
	if len(o.r.Reject) == 0 {
		return false
	}
	_, ok := s.findFrame(inFrames(sc.frames, o.r), o.r.Reject[0])
	return ok
}

func (o *ruleOp) present(s *session, sc *scan) bool {
	return sc.bannerOK[slices.Index(s.e.rules, o.r)]
}

func (o *ruleOp) settings(s *session, sc *scan) *settingsPath {
	fs := inFrames(sc.frames, o.r)
	open, toggles := openingSteps(o.r.Settings)
	i := slices.IndexFunc(open, func(st Step) bool { return st.Kind == "click" && !st.Optional })
	if i < 0 {
		i = slices.IndexFunc(open, func(st Step) bool { return st.Kind == "click" })
	}
	if i >= 0 {
		if _, ok := s.findFrame(fs, open[i]); ok {
			return &settingsPath{open: open, toggles: toggles, rule: o.r}
		}
	}
	if toggles != "" && !slices.ContainsFunc(open, func(st Step) bool { return !st.Optional }) {
		// The toggles are on the first layer (Cookiebot's checkboxes).
		if _, ok := s.readToggles(fs, toggles); ok {
			return &settingsPath{open: open, toggles: toggles, rule: o.r}
		}
	}
	// This version of the platform shows a settings button the rule does
	// not know: the vocabulary's.
	st := Step{Kind: "click", Button: ClassSettings}
	if _, ok := s.findFrame(fs, st); ok {
		return &settingsPath{open: []Step{st}, toggles: toggles, rule: o.r}
	}
	return nil
}

func (o *ruleOp) act(s *session, sc *scan, a model.ConsentAction, res *model.ConsentResult) error {
	switch a {
	case Accept:
		res.FirstLayer = true
		return s.runSteps(o.r.Accept, o.r, res)
	case Reject:
		if !refusable(res) {
			// Nothing on the banner refuses: do not wait for steps that
			// cannot succeed. This is the fact (no reject, no settings
			// layer); whether the banner also blocks the page, and so is a
			// cookie wall, is for the rules to judge.
			return errWall
		}
		if res.RejectAvailable || len(o.r.Settings) == 0 {
			res.FirstLayer = true
			if len(o.r.Reject) > 0 {
				if _, ok := s.findFrame(inFrames(sc.frames, o.r), o.r.Reject[0]); ok {
					return s.runSteps(o.r.Reject, o.r, res)
				}
			}
			if model.ShowsReject(res.Controls) {
				// The first layer shows a refusal the rule does not name
				// ("necessary only", a renamed reject): a person would
				// take it rather than the settings path.
				if err := s.runStep(Step{Kind: "click", Button: ClassReject}, nil, res); err == nil || len(o.r.Settings) == 0 {
					return err
				}
				res.FirstLayer = false
				return s.runSteps(o.r.Settings, o.r, res)
			}
			return s.runSteps(o.r.Reject, o.r, res)
		}
		return s.runSteps(o.r.Settings, o.r, res)
	}
	return nil
}

func (o *ruleOp) gone(s *session, sc *scan, before *scan) (bool, []string) {
	idx := slices.Index(s.e.rules, o.r)
	rec := sc.record(o.r)
	if sc.bannerOK[idx] {
		return false, rec
	}
	if len(o.r.cookies)+len(o.r.storage) > 0 && len(rec) == 0 {
		return false, rec
	}
	return true, rec
}

// genericOp operates a banner by its buttons' words.
type genericOp struct{}

func (o *genericOp) generic() bool { return true }

func (o *genericOp) rejectAvailable(s *session, sc *scan) bool {
	return sc.generic != nil && len(sc.generic.Buttons[ClassReject]) > 0
}

func (o *genericOp) present(s *session, sc *scan) bool { return sc.generic != nil }

func (o *genericOp) settings(s *session, sc *scan) *settingsPath {
	return genericSettings(sc)
}

// genericSettings opens the settings layer with the generic banner's
// settings button.
func genericSettings(sc *scan) *settingsPath {
	if sc.generic == nil || len(sc.generic.Buttons[ClassSettings]) == 0 {
		return nil
	}
	return &settingsPath{open: []Step{{Kind: "click", Button: ClassSettings}}}
}

func (o *genericOp) act(s *session, sc *scan, a model.ConsentAction, res *model.ConsentResult) error {
	b := sc.generic.Buttons
	click := func(class string) error { return s.runStep(Step{Kind: "click", Button: class}, nil, res) }
	switch a {
	case Accept:
		res.FirstLayer = true
		if len(b[ClassAcceptAll]) > 0 {
			return click(ClassAcceptAll)
		}
		if len(b[ClassAccept]) > 0 {
			return click(ClassAccept)
		}
		return fmt.Errorf("the banner has no accept button (buttons: %v)", b)
	case Reject:
		if len(b[ClassReject]) > 0 {
			res.FirstLayer = true
			return click(ClassReject)
		}
		if len(b[ClassSettings]) == 0 {
			return fmt.Errorf("the banner has neither a reject nor a settings button (buttons: %v)", b)
		}
		if err := click(ClassSettings); err != nil {
			return err
		}
		// Wait for the settings layer: a save or reject button.
		deadline := time.Now().Add(s.e.opts.StepTimeout)
		var class string
		for class == "" {
			fs, err := s.frames()
			if err != nil {
				return err
			}
			for _, c := range []string{ClassReject, ClassSave} {
				if _, ok := s.findFrame(fs, Step{Kind: "click", Button: c}); ok {
					class = c
					break
				}
			}
			if class != "" {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the settings layer shows no save or reject button")
			}
			s.settle(fs, 100)
		}
		if err := s.runStep(Step{Kind: "uncheck"}, nil, res); err != nil {
			return err
		}
		return click(class)
	}
	return nil
}

func (o *genericOp) gone(s *session, sc *scan, before *scan) (bool, []string) {
	rec := newRecord(before, sc)
	if sc.generic != nil {
		b := sc.generic.Buttons
		if len(b[ClassAccept])+len(b[ClassAcceptAll])+len(b[ClassReject])+len(b[ClassSave]) > 0 {
			return false, rec
		}
	}
	return true, rec
}

// newRecord names the cookies and storage keys that appeared.
func newRecord(before, after *scan) []string {
	var out []string
	for _, c := range after.cookies {
		if !slices.Contains(before.cookies, c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	for _, k := range after.main.Storage {
		if !slices.Contains(before.main.Storage, k) {
			out = append(out, "localStorage:"+k)
		}
	}
	return out
}

// configOp clicks the site's own selector from .privacyscan.yaml.
type configOp struct {
	sel   string
	frame frame
}

func (o *configOp) generic() bool { return false }

func (o *configOp) rejectAvailable(s *session, sc *scan) bool {
	_, ok := s.findFrame(sc.frames, Step{Kind: "click", Selector: s.e.opts.Reject})
	return s.e.opts.Reject != "" && ok
}

func (o *configOp) present(s *session, sc *scan) bool {
	_, ok := s.findFrame(sc.frames, Step{Kind: "click", Selector: o.sel})
	return ok
}

func (o *configOp) settings(s *session, sc *scan) *settingsPath { return genericSettings(sc) }

func (o *configOp) act(s *session, sc *scan, a model.ConsentAction, res *model.ConsentResult) error {
	res.FirstLayer = true
	return s.runStep(Step{Kind: "click", Selector: o.sel}, nil, res)
}

func (o *configOp) gone(s *session, sc *scan, before *scan) (bool, []string) {
	_, ok := s.findFrame(sc.frames, Step{Kind: "click", Selector: o.sel})
	return !ok, newRecord(before, sc)
}
