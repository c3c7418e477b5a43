package consent

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// peekNothing is how long a settings click may show no effect at all (no
// layer, no toggle, no new frame) before Detect clicks once more, then
// gives up: platforms put up at least the layer's frame at once, even when
// its content loads later.
const peekNothing = 400 * time.Millisecond

// settingsPath is how to reach a banner's settings layer from its first
// layer, and where its toggles are.
type settingsPath struct {
	// open are the steps that open the layer: clicks and waits, none of
	// which stores a choice.
	open []Step
	// toggles is the selector of the layer's toggles; "" means every
	// checkbox or switch of the banner.
	toggles string
	// rule, when set, limits the frames searched to the rule's.
	rule *Rule
}

// openingSteps returns the steps of a rule's settings path that open the
// layer, and the selector of its toggles. The steps before the first
// uncheck open the layer; a path without an uncheck (a "reject all" inside
// the layer) opens it with its first required click, and the steps after it
// are choices, never taken by Detect.
func openingSteps(steps []Step) ([]Step, string) {
	if i := slices.IndexFunc(steps, func(st Step) bool { return st.Kind == "uncheck" }); i >= 0 {
		return steps[:i], steps[i].Selector
	}
	for i, st := range steps {
		if st.Kind == "click" && !st.Optional {
			return steps[:i+1], ""
		}
	}
	return nil, ""
}

// readToggles reads the toggles of the first frame that has any.
func (s *session) readToggles(fs []frame, sel string) (toggleList, bool) {
	for _, f := range fs {
		var tl toggleList
		if err := s.eval(f, "__ps.toggles("+string(mustJSON(map[string]string{"sel": sel}))+")", &tl); err == nil && tl.Total > 0 {
			return tl, true
		}
	}
	return toggleList{}, false
}

// layers summarises the consent layers shown in every frame.
func (s *session) layers(fs []frame) string {
	sum := fmt.Sprint(len(fs))
	for _, f := range fs {
		var l string
		_ = s.eval(f, "__ps.layers()", &l)
		sum += "\n" + f.url + " " + l
	}
	return sum
}

// labels are the labels of the toggles that are on.
func (tl toggleList) labels() []string {
	out := []string{}
	for _, t := range tl.On {
		out = append(out, t.Text)
	}
	return out
}

// peekSettings opens the settings layer of the banner Detect found, records
// the purposes that are on before any choice in res.PreTicked, and leaves
// the layer as it is: nothing that switches, saves or closes is clicked,
// and no link that leaves the page, so no choice is stored. The page keeps
// the layer open; the scanner goes on to its next page. Bounded by
// Options.SettingsPeek.
func (s *session) peekSettings(op operator, sc *scan, res *model.ConsentResult) {
	sp := op.settings(s, sc)
	if sp == nil {
		return
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(s.ctx, s.e.opts.SettingsPeek)
	defer cancel()
	outer := s.ctx
	s.ctx = ctx
	defer func() { s.ctx = outer }()
	deadline, _ := ctx.Deadline()

	before := s.layers(inFrames(sc.frames, sp.rule))
	clicked := false
	for _, st := range sp.open {
		timeout := time.Until(deadline)
		if !clicked || st.Optional {
			// The first click is on the first layer, shown now; an
			// optional one is there or not.
			timeout = 0
		}
		err := s.runStepWithin(st, sp.rule, res, timeout, true)
		if err != nil && !st.Optional {
			s.e.logf("consent: opening the settings layer: %v", err)
			return
		}
		if err == nil && st.Kind == "click" {
			clicked = true
		}
	}

	// Wait for the layer: its toggles, read twice alike (platforms set them
	// from their stored defaults after rendering), or, for a layer without
	// any, a changed banner that has stopped changing.
	var last *toggleList
	changed := !clicked
	clickAt, retried := time.Now(), false
	for {
		fs, err := s.frames()
		if err != nil {
			return
		}
		fs = inFrames(fs, sp.rule)
		if tl, ok := s.readToggles(fs, sp.toggles); ok {
			if last != nil && slices.Equal(last.labels(), tl.labels()) && last.Total == tl.Total {
				break
			}
			last = &tl
		} else if !changed {
			changed = s.layers(fs) != before
		} else {
			// The layer opened and shows no toggle: once it is quiet,
			// look a last time.
			for _, f := range fs {
				if f.top {
					_ = s.eval(f, fmt.Sprintf("__ps.quiet(150, %d)", max(0, time.Until(deadline).Milliseconds())), nil)
				}
			}
			if tl, ok := s.readToggles(fs, sp.toggles); ok {
				last = &tl
			}
			break
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			break
		}
		if !changed && last == nil && time.Since(clickAt) > peekNothing {
			if retried || s.lastClick == nil {
				// The click changed nothing: a button without a layer.
				break
			}
			// Some platforms bind their buttons a moment after the
			// banner shows (tarteaucitron): a person would click again.
			retried = true
			var again model.ConsentResult
			if err := s.runStepWithin(*s.lastClick, sp.rule, &again, 0, true); err != nil {
				break
			}
			res.Retries++
			clickAt = time.Now()
		}
		s.settle(fs, 100)
	}
	if last != nil {
		res.SettingsRead = true
		res.PreTicked = last.labels()
	} else {
		res.SettingsRead = changed && clicked
	}
	s.e.logf("consent: settings layer read in %d ms: %d toggles, on: %q", time.Since(start).Milliseconds(), func() int {
		if last == nil {
			return 0
		}
		return last.Total
	}(), res.PreTicked)
}
