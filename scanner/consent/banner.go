package consent

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

func hasSettings(b *model.Banner) bool {
	return len(b.Buttons[ClassSettings]) > 0
}

// assess describes the banner and measures the ways to refuse it: a
// first-layer reject, a reachable settings layer. Whether that makes a
// cookie wall is the rules' verdict (rules.IsCookieWall), not the engine's.
func (s *session) assess(sc *scan, op operator, res *model.ConsentResult) {
	res.Banner, res.Controls = s.describe(sc, op)
	// What was shown decides: a refusal among the first layer's controls
	// (a reject the rule file does not know, "necessary only", a close the
	// banner says refuses) is a first-layer reject.
	res.RejectAvailable = op.rejectAvailable(s, sc) || model.ShowsReject(res.Controls)
	settings := hasSettings(res.Banner) || op.settings(s, sc) != nil
	res.SettingsAvailable = &settings
}

// refusable tells whether the banner offers some way to refuse: a reject on
// the first layer or a settings layer. Unmeasured counts as refusable, so
// that the engine still tries.
func refusable(res *model.ConsentResult) bool {
	return res.RejectAvailable || res.SettingsAvailable == nil || *res.SettingsAvailable
}

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
		// Two looks agree only when nothing moved between them: a banner
		// whose slide-in starts after the first look (a frame or two after
		// it is inserted) adds its buttons at the end of the animation.
		next := s.animated(sc, op, time.Until(deadline))
		moving := next != sc
		if !moving {
			n, err := s.look(op.generic())
			if err != nil || !op.present(s, n) {
				break
			}
			next = n
		}
		sc = next
		s.assess(sc, op, res)
		k := assessment(res)
		if k == key && !moving {
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
	return fmt.Sprint(res.RejectAvailable, refusable(res), b.Frame, b.Selector, b.Buttons, math.Round(b.Coverage*20), b.ScrollLocked)
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

// describe fills the Banner of a result and lists its controls.
func (s *session) describe(sc *scan, op operator) (*model.Banner, []model.Control) {
	f := s.bannerFrame(sc, op)
	var g *genericBanner
	if f.genericOf(sc) {
		g = sc.generic
	} else {
		_ = s.eval(f, "__ps.generic()", &g)
	}
	b := &model.Banner{Frame: f.url}
	var controls []model.Control
	if g != nil {
		b.Selector, b.Text, b.Buttons = g.Path, g.Text, g.Buttons
		b.Coverage, b.ScrollLocked = g.Cover.Share, g.Cover.Locked
		controls = g.Controls
	}
	if r, ok := op.(*ruleOp); ok {
		var info struct {
			Path     string          `json:"path"`
			Text     string          `json:"text"`
			Cover    cover           `json:"cover"`
			Controls []model.Control `json:"controls"`
		}
		if err := s.eval(f, "__ps.ruleBanner("+string(mustJSON(r.r.Banner))+")", &info); err == nil && info.Path != "" {
			b.Selector, b.Text = info.Path, info.Text
			b.Coverage, b.ScrollLocked = info.Cover.Share, info.Cover.Locked
			controls = info.Controls
		}
	}
	for i := range controls {
		controls[i].Frame = f.url
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
	return b, controls
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
