package scanner

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// behaveBinding receives what the in-page instrumentation saw scripts do.
const behaveBinding = "__privacyscanBehave"

//go:embed js/instrument.js
var behaviourJS string

// behaviourSource is the instrumentation with its binding's name.
var behaviourSource = strings.Replace(behaviourJS, "__BINDING__", strconv.Quote(behaveBinding), 1)

// maxBehaviourEvents bounds what one phase keeps of the instrumentation's
// reports (a page cannot grow the report without bound).
const maxBehaviourEvents = 5000

// behaviourEvent is one report of the instrumentation.
type behaviourEvent struct {
	Kind   string `json:"k"`
	Script string `json:"s"`
	Detail string `json:"d"`
	Page   string `json:"p"`
	Extra  any    `json:"x"`
	At     time.Time
}

// behaviourLog gathers the instrumentation's reports of one phase, and the
// WebSocket frames the page sends (for the personal-data search); the CDP
// listener only appends.
type behaviourLog struct {
	mu     sync.Mutex
	events []behaviourEvent
	now    func() time.Time
	// page returns the page being visited.
	page    func() string
	sockets map[network.RequestID]string
	frames  []wsFrame
	// frameBytes counts the payload kept, bounded by maxFrameBytes.
	frameBytes int
}

// wsFrame is one WebSocket message the page sent.
type wsFrame struct {
	URL, Page string
	Payload   []byte
	At        time.Time
}

// maxFrameBytes bounds the WebSocket payload kept per phase: the search
// over frames is cheap only while they are few.
const maxFrameBytes = 1 << 20

func (l *behaviourLog) handle(ev any) {
	switch e := ev.(type) {
	case *network.EventWebSocketCreated:
		l.mu.Lock()
		if l.sockets == nil {
			l.sockets = map[network.RequestID]string{}
		}
		if len(l.sockets) < 1000 {
			l.sockets[e.RequestID] = e.URL
		}
		l.mu.Unlock()
		return
	case *network.EventWebSocketFrameSent:
		if e.Response == nil {
			return
		}
		pg := ""
		if l.page != nil {
			pg = l.page()
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		n := len(e.Response.PayloadData)
		if l.frameBytes+n > maxFrameBytes {
			return
		}
		l.frameBytes += n
		l.frames = append(l.frames, wsFrame{URL: l.sockets[e.RequestID], Page: pg, Payload: e.Response.PayloadData, At: l.now()})
		return
	}
	e, ok := ev.(*runtime.EventBindingCalled)
	if !ok || e.Name != behaveBinding {
		return
	}
	var be behaviourEvent
	if json.Unmarshal([]byte(e.Payload), &be) != nil || be.Kind == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.events) >= maxBehaviourEvents {
		return
	}
	be.At = l.now()
	l.events = append(l.events, be)
}

func (l *behaviourLog) take() []behaviourEvent {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.events
	l.events = nil
	return out
}

func (l *behaviourLog) takeFrames() []wsFrame {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.frames
	l.frames, l.frameBytes = nil, 0
	return out
}

// installBehaviour adds the behaviour instrumentation to a tab: a binding
// the page cannot see (the script deletes it from window and keeps it in
// its closure) and the script, run in every document before the page's.
func installBehaviour(ctx context.Context, l *behaviourLog) error {
	if l == nil {
		return nil
	}
	if err := chromedp.Listen(ctx, l.handle); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: behaveBinding}); err != nil {
		return fmt.Errorf("adding the behaviour binding: %w", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: behaviourSource}); err != nil {
		return fmt.Errorf("installing the behaviour instrumentation: %w", err)
	}
	return nil
}

// behaviourKinds maps the instrumentation's kinds to the model's.
var behaviourKinds = map[string]string{
	"canvas":    model.BehaviourCanvas,
	"webgl":     model.BehaviourWebGL,
	"audio":     model.BehaviourAudio,
	"font":      model.BehaviourFont,
	"navigator": model.BehaviourNavigator,
}

// behaviours turns the instrumentation's reports into the phase's
// behaviours, one per kind, script and page, attributed like requests.
// Session recording is judged here: a script that observes the whole
// document and listens to input, and whose requests (by initiator) leave the
// page after it started observing.
func (s *Scanner) behaviours(events []behaviourEvent, rec recording, firstParty []string, rd *redactor) []model.Behaviour {
	type key struct{ kind, script string }
	type agg struct {
		page    string
		details map[string]bool
		count   int
		max     float64
		first   time.Time
	}
	aggs := map[key]*agg{}
	var order []key
	type recState struct {
		observed  time.Time
		page      string
		listeners map[string]bool
		nListen   int
	}
	recs := map[string]*recState{}
	var recOrder []string
	for _, e := range events {
		if e.Script == "" {
			continue
		}
		switch e.Kind {
		case "observe", "listen":
			st := recs[e.Script]
			if st == nil {
				st = &recState{listeners: map[string]bool{}}
				recs[e.Script] = st
				recOrder = append(recOrder, e.Script)
			}
			if e.Kind == "observe" && st.observed.IsZero() {
				st.observed, st.page = e.At, e.Page
			}
			if e.Kind == "listen" {
				st.listeners[e.Detail] = true
				st.nListen++
			}
			continue
		}
		kind, ok := behaviourKinds[e.Kind]
		if !ok {
			continue
		}
		k := key{kind, e.Script}
		a := aggs[k]
		if a == nil {
			a = &agg{page: e.Page, details: map[string]bool{}, first: e.At}
			aggs[k] = a
			order = append(order, k)
		}
		a.count++
		a.details[e.Detail] = true
		if f, ok := e.Extra.(float64); ok && f > a.max {
			a.max = f
		}
	}
	var out []model.Behaviour
	for _, k := range order {
		a := aggs[k]
		var detail string
		switch k.kind {
		case model.BehaviourCanvas:
			detail = "canvas read with " + joinKeys(a.details) + " after drawing text in two or more colours or ten or more characters"
		case model.BehaviourWebGL:
			detail = "WebGL getParameter(" + joinKeys(a.details) + ")"
		case model.BehaviourAudio:
			longest := ""
			for d := range a.details {
				if len(d) > len(longest) {
					longest = d
				}
			}
			detail = "oscillator through a compressor or analyser, rendered and read: " + longest
		case model.BehaviourFont:
			detail = fmt.Sprintf("text measured in %d font families", int(a.max))
		case model.BehaviourNavigator:
			detail = fmt.Sprintf("%d navigator, screen and plugin properties read", int(a.max))
		}
		out = append(out, s.behaviour(k.kind, k.script, a.page, detail, a.count, firstParty, rd))
	}
	// Session recording: the observer script's own requests after it began
	// observing, while it listens to input.
	for _, script := range recOrder {
		st := recs[script]
		if st.observed.IsZero() || st.nListen == 0 {
			continue
		}
		batches := 0
		hosts := map[string]bool{}
		for _, id := range rec.order {
			r := rec.reqs[id]
			if r == nil || initiatorURL(r.r.Initiator) != script || r.raw.Started.Before(st.observed) {
				continue
			}
			// A batch carries data out: a body or a beacon. A GET the
			// script makes (search results, configuration) is not one.
			if r.r.Method == "GET" && r.r.ResourceType != "Ping" {
				continue
			}
			batches++
			hosts[hostOf(r.r.URL)] = true
		}
		if batches == 0 {
			continue
		}
		detail := fmt.Sprintf("MutationObserver on the whole document plus %s listeners, %d batches sent to %s",
			joinKeys(st.listeners), batches, joinKeys(hosts))
		out = append(out, s.behaviour(model.BehaviourSessionRecording, script, st.page, detail, batches, firstParty, rd))
	}
	return out
}

// behaviour attributes one behaviour's script.
func (s *Scanner) behaviour(kind, script, pg, detail string, count int, firstParty []string, rd *redactor) model.Behaviour {
	b := model.Behaviour{Kind: kind, Script: script, Page: pg, Detail: detail, Count: count}
	if rd != nil {
		b.Script, b.Page = rd.url(b.Script), rd.url(b.Page)
	}
	if u, err := url.Parse(script); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		b.Host = u.Hostname()
		b.Party = s.party(b.Host, firstParty)
		if s.opts.KB != nil {
			m := s.opts.KB.RequestTyped(script, pg, "Script")
			b.Vendor, b.VendorID = m.Vendor, m.VendorID
		}
	} else {
		b.Party = model.PartyFirst
	}
	return b
}

// initiatorURL is the script URL of a recorded initiator ("script URL").
func initiatorURL(init string) string {
	_, u, _ := strings.Cut(init, " ")
	return u
}

func joinKeys(m map[string]bool) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}
