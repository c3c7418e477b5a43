package consent

import (
	"fmt"
	"slices"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

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
	// Controls are the banner's visible controls, classified.
	Controls []model.Control `json:"controls"`
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
