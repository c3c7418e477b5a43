package consent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// frame is one document of the page, with the isolated world the engine's
// script runs in.
type frame struct {
	id    cdp.FrameID
	url   string
	world runtime.ExecutionContextID
	top   bool
}

// session is the engine's view of one tab during one Act call.
type session struct {
	e      *Engine
	ctx    context.Context
	worlds map[string]runtime.ExecutionContextID // frame id + loader id
	// urls are the documents' own location.href: the frame tree leaves the
	// URL of a cross-origin frame empty when site isolation is off.
	urls map[runtime.ExecutionContextID]string
	// lastClick is the last click step carried out, repeated once when it
	// had no effect.
	lastClick *Step
	lastRule  *Rule
	// tabs are the tabs the page opened while the engine worked on it.
	tabs tabWatch
}

const worldName = "privacyscan-consent"
const objectGroup = "privacyscan-consent"

func newSession(ctx context.Context, e *Engine) *session {
	return &session{e: e, ctx: ctx, worlds: map[string]runtime.ExecutionContextID{}, urls: map[runtime.ExecutionContextID]string{}}
}

// frames lists the page's frames, main frame first, creating and installing
// an isolated world in each new document. Cross-origin iframes are in the
// page's process (the browser disables site isolation), so the frame tree
// has them all.
func (s *session) frames() ([]frame, error) {
	tree, err := chromedp.Call(s.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("reading the frame tree: %w", err)
	}
	var out []frame
	var walk func(t *page.FrameTree, top bool)
	walk = func(t *page.FrameTree, top bool) {
		if t == nil || t.Frame == nil {
			return
		}
		f := t.Frame
		key := string(f.ID) + "|" + string(f.LoaderID)
		world, ok := s.worlds[key]
		if !ok && !strings.HasPrefix(f.URL, "chrome-error:") {
			w, err := s.install(f.ID)
			if err != nil {
				s.e.logf("consent: frame %s: %v", f.URL, err)
			} else {
				world, ok = w, true
				s.worlds[key] = w
			}
		}
		if ok {
			out = append(out, frame{id: f.ID, url: s.urls[world], world: world, top: top})
		}
		for _, c := range t.ChildFrames {
			walk(c, false)
		}
	}
	walk(tree.FrameTree, true)
	return out, nil
}

// install creates the isolated world of a frame and loads page.js into it.
func (s *session) install(id cdp.FrameID) (runtime.ExecutionContextID, error) {
	res, err := chromedp.Call(s.ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id, WorldName: worldName})
	if err != nil {
		return 0, fmt.Errorf("creating isolated world: %w", err)
	}
	var href string
	if err := s.evalIn(res.ExecutionContextID, s.e.installJS, &href); err != nil {
		return 0, fmt.Errorf("installing the consent script: %w", err)
	}
	s.urls[res.ExecutionContextID] = href
	return res.ExecutionContextID, nil
}

// forget drops a frame's world after an error, so the next round recreates
// it (the frame may have navigated).
func (s *session) forget(f frame) {
	for k, w := range s.worlds {
		if w == f.world {
			delete(s.worlds, k)
		}
	}
}

// evalIn evaluates expr in an execution context (0: the main world of the
// main frame), awaiting promises, and decodes the JSON value into out.
func (s *session) evalIn(ctxID runtime.ExecutionContextID, expr string, out any) error {
	res, err := chromedp.Call(s.ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression:    expr,
		ContextID:     ctxID,
		ReturnByValue: new(true),
		AwaitPromise:  new(true),
		Silent:        new(true),
	})
	if err != nil {
		return err
	}
	if res.ExceptionDetails != nil {
		return exceptionError(res.ExceptionDetails)
	}
	if out != nil && res.Result != nil && len(res.Result.Value) > 0 {
		if err := json.Unmarshal([]byte(res.Result.Value), out); err != nil {
			return fmt.Errorf("decoding %s: %w", truncate(string(res.Result.Value), 80), err)
		}
	}
	return nil
}

func exceptionError(d *runtime.ExceptionDetails) error {
	msg := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		msg = d.Exception.Description
	}
	return errors.New("javascript: " + truncate(msg, 200))
}

// eval runs a call of the installed script in a frame.
func (s *session) eval(f frame, expr string, out any) error {
	err := s.evalIn(f.world, expr, out)
	if err != nil {
		s.forget(f)
	}
	return err
}

// handle returns a remote object id for __ps.found[i] in a frame.
func (s *session) handle(f frame, i int) (runtime.RemoteObjectID, error) {
	res, err := chromedp.Call(s.ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression:  fmt.Sprintf("__ps.found[%d]", i),
		ContextID:   f.world,
		ObjectGroup: objectGroup,
		Silent:      new(true),
	})
	if err != nil {
		return "", err
	}
	if res.ExceptionDetails != nil {
		return "", exceptionError(res.ExceptionDetails)
	}
	if res.Result == nil || res.Result.ObjectID == "" {
		return "", errors.New("element is gone")
	}
	return res.Result.ObjectID, nil
}

// callOn calls a function with the element as this, returning its JSON
// value.
func (s *session) callOn(obj runtime.RemoteObjectID, fn string, out any) error {
	res, err := chromedp.Call(s.ctx, runtime.CallFunctionOn, runtime.CallFunctionOnParams{
		FunctionDeclaration: fn,
		ObjectID:            obj,
		ReturnByValue:       new(true),
		Silent:              new(true),
	})
	if err != nil {
		return err
	}
	if res.ExceptionDetails != nil {
		return exceptionError(res.ExceptionDetails)
	}
	if out != nil && res.Result != nil && len(res.Result.Value) > 0 {
		return json.Unmarshal([]byte(res.Result.Value), out)
	}
	return nil
}

// click clicks an element like a person: scroll it into view, move the mouse
// to its centre, press and release. A one-shot listener on the element tells
// whether the click reached it; if an overlay or a zero-size input took it,
// element.click() is the fallback. It returns "mouse" or "js".
func (s *session) click(obj runtime.RemoteObjectID) (string, error) {
	const arm = `function(){ this.__psHit = false; this.addEventListener('click', () => { this.__psHit = true; }, {capture: true, once: true}); }`
	if err := s.callOn(obj, arm, nil); err != nil {
		return "", fmt.Errorf("preparing the click: %w", err)
	}
	if x, y, ok := s.centre(obj); ok {
		for _, ev := range []input.DispatchMouseEventParams{
			{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y},
			{Type: input.DispatchMouseEventTypeMousePressed, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1},
			{Type: input.DispatchMouseEventTypeMouseReleased, X: x, Y: y, Button: input.MouseButtonLeft, ClickCount: 1},
		} {
			if _, err := chromedp.Call(s.ctx, input.DispatchMouseEvent, ev); err != nil {
				return "", fmt.Errorf("dispatching the mouse: %w", err)
			}
		}
		var hit bool
		if err := s.callOn(obj, `function(){ return this.__psHit === true || !this.isConnected; }`, &hit); err != nil {
			// The document went away: the click navigated.
			return "mouse", nil
		}
		if hit {
			return "mouse", nil
		}
	}
	if err := s.callOn(obj, `function(){ this.click(); }`, nil); err != nil {
		return "", fmt.Errorf("clicking: %w", err)
	}
	return "js", nil
}

// centre scrolls the element into view and returns the centre of its first
// content quad in the main frame's viewport (frames included).
func (s *session) centre(obj runtime.RemoteObjectID) (float64, float64, bool) {
	if _, err := chromedp.Call(s.ctx, dom.ScrollIntoViewIfNeeded, dom.ScrollIntoViewIfNeededParams{ObjectID: obj}); err != nil {
		return 0, 0, false
	}
	q, err := chromedp.Call(s.ctx, dom.GetContentQuads, dom.GetContentQuadsParams{ObjectID: obj})
	if err != nil || len(q.Quads) == 0 || len(q.Quads[0]) < 8 {
		return 0, 0, false
	}
	quad := q.Quads[0]
	var x, y float64
	for i := 0; i < 8; i += 2 {
		x += quad[i]
		y += quad[i+1]
	}
	x, y = x/4, y/4
	if x < 0 || y < 0 {
		return 0, 0, false
	}
	return x, y, true
}

// release frees the element handles of the session.
func (s *session) release() {
	_, _ = chromedp.Call(s.ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: objectGroup})
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
