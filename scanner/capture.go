package scanner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domstorage"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/privacyscan/privacyscan/scanner/model"
)

// quietPeriod is how long the network must be idle after the load event.
const quietPeriod = 500 * time.Millisecond

// maxRequests bounds the requests recorded per phase.
const maxRequests = 20000

// bindingName receives cookie writes from the page (document.cookie), so the
// lifetime a script asked for is known despite Chromium's 400-day cap.
const bindingName = "__privacyscanCookie"

// instrumentJS runs in every document before the page's scripts. It reports
// document.cookie writes and, per phase, exposes the privacy signals.
const instrumentJS = `(() => {
  const name = %q;
  const send = window[name];
  // The page must not see or call the binding: keep it in this closure only.
  try { delete window[name]; } catch (e) {}
  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (desc && desc.set && send) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true, enumerable: true,
      get() { return desc.get.call(this); },
      set(v) { try { send(JSON.stringify({c: String(v), h: location.hostname})); } catch (e) {} desc.set.call(this, v); },
    });
  }
  %s
})();`

const dntJS = `Object.defineProperty(Navigator.prototype, 'doNotTrack', {configurable: true, get: () => '1'});
  Object.defineProperty(window, 'doNotTrack', {configurable: true, get: () => '1'});`
const gpcJS = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {configurable: true, enumerable: true, get: () => true});`

// recorder collects the events of one tab. CDP listeners must return fast, so
// it only appends under a lock and signals.
type recorder struct {
	mu       sync.Mutex
	page     string // page being loaded
	reqs     map[network.RequestID]*reqState
	order    []network.RequestID
	inflight map[network.RequestID]cdp.LoaderID
	loaded   bool
	crashed  bool
	docReq   network.RequestID
	asked    map[string]float64 // cookie key -> requested lifetime in days (-1 session)
	storage  map[string]model.StorageItem
	dropped  int // requests not recorded past maxRequests
	kick     chan struct{}
	dialogs  chan struct{}
	// behave gathers the in-page behaviour instrumentation's reports
	// (instrument.go); nil leaves the instrumentation out.
	behave *behaviourLog
	// bodies, when set, fetches response bodies for the HAR.
	bodies *bodyBudget
	// dialogKinds counts the JavaScript dialogs the page opened since
	// takeDialogs, by type (alert, confirm, prompt, beforeunload).
	dialogKinds map[string]int
	now         func() time.Time
	// main counts the main frame's navigations to a document (about:blank
	// aside); mainURL is the last one's URL and mainLoaded whether its
	// load event has fired.
	main       int
	mainURL    string
	mainLoaded bool
	// blank is true while the main frame holds about:blank (the tab is
	// blanked between pages): its load event, which may reach the
	// recorder after the next page has begun, is not that page's.
	blank bool
}

type reqState struct {
	r        model.Request
	size     float64
	mimeType string
	raw      rawExchange
}

// maxPostData bounds the request body kept per request (evidence for HAR
// and the personal-data search); a larger body is cut and marked.
const maxPostData = 64 << 10

// rawExchange is the wire detail of one request kept beside the model's
// Request: what the HAR export and the personal-data search need and the
// JSON report does not carry.
type rawExchange struct {
	// Started is the wall-clock time the request was sent; Ended is when
	// it finished or failed (zero when it never did).
	Started, Ended time.Time
	// ReqHeaders are the headers as sent on the wire when Chromium
	// reported them (ExtraInfo), else as the page asked.
	ReqHeaders network.Headers
	// PostData is the request body, at most maxPostData bytes;
	// PostDataCut is true when it was longer.
	PostData    []byte
	PostDataCut bool
	// Response detail; RespWire are the headers as received (ExtraInfo:
	// Set-Cookie included), when Chromium reported them.
	RespHeaders network.Headers
	RespWire    network.Headers
	StatusText  string
	Protocol    string
	RemoteIP    string
	// Body is the response body when --har-bodies asked for it (within
	// its limits); BodyCut is true when it was cut.
	Body    []byte
	BodyCut bool
}

func newRecorder() *recorder {
	rc := &recorder{
		reqs: map[network.RequestID]*reqState{}, inflight: map[network.RequestID]cdp.LoaderID{},
		asked: map[string]float64{}, storage: map[string]model.StorageItem{},
		kick: make(chan struct{}, 1), dialogs: make(chan struct{}, 8), now: time.Now,
		behave: &behaviourLog{now: time.Now},
	}
	rc.behave.page = func() string {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		return rc.page
	}
	return rc
}

func (rc *recorder) signal() {
	select {
	case rc.kick <- struct{}{}:
	default:
	}
}

// handle is the CDP listener; it runs on the tab's reader goroutine.
func (rc *recorder) handle(ev any) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		if e.Request == nil {
			return
		}
		st, ok := rc.reqs[e.RequestID]
		if ok && e.RedirectResponse != nil {
			// A redirect keeps the request id: keep the chain.
			st.r.Redirects = append(st.r.Redirects, st.r.URL)
			st.r.Status = int(e.RedirectResponse.Status)
			rc.parseSetCookies(e.RedirectResponse.Headers, st.r.URL)
			st.r.URL = e.Request.URL
			return
		}
		// Streams never end and beacons are fire-and-forget (keepalive:
		// they may outlive the page without a finish event); neither holds
		// up the network-quiet wait.
		if e.Type != network.ResourceTypeWebSocket && e.Type != network.ResourceTypeEventSource && e.Type != network.ResourceTypePing {
			rc.inflight[e.RequestID] = e.LoaderID
		}
		rc.signal()
		if len(rc.order) >= maxRequests {
			rc.dropped++ // a hostile page must not grow the report without bound
			return
		}
		st = &reqState{r: model.Request{URL: e.Request.URL, Method: e.Request.Method, ResourceType: string(e.Type), Page: rc.page}}
		st.raw.Started = rc.now()
		if w := e.WallTime.Float64(); w > 0 {
			st.raw.Started = time.Unix(0, int64(w*1e9))
		}
		st.raw.ReqHeaders = e.Request.Headers
		for _, pd := range e.Request.PostDataEntries {
			if pd == nil {
				continue
			}
			room := maxPostData - len(st.raw.PostData)
			if len(pd.Bytes) > room {
				st.raw.PostData = append(st.raw.PostData, pd.Bytes[:room]...)
				st.raw.PostDataCut = true
				break
			}
			st.raw.PostData = append(st.raw.PostData, pd.Bytes...)
		}
		if e.Initiator != nil {
			st.r.Initiator = string(e.Initiator.Type)
			if e.Initiator.URL != "" {
				st.r.Initiator += " " + e.Initiator.URL
			} else if e.Initiator.Stack != nil && len(e.Initiator.Stack.CallFrames) > 0 {
				st.r.Initiator += " " + e.Initiator.Stack.CallFrames[0].URL
			}
		}
		if e.Type == network.ResourceTypeDocument && e.FrameID != "" && rc.docReq == "" {
			rc.docReq = e.RequestID
		}
		rc.reqs[e.RequestID] = st
		rc.order = append(rc.order, e.RequestID)
	case *network.EventResponseReceived:
		if st, ok := rc.reqs[e.RequestID]; ok && e.Response != nil {
			st.r.Status = int(e.Response.Status)
			st.mimeType = e.Response.MimeType
			st.raw.RespHeaders = e.Response.Headers
			st.raw.StatusText = e.Response.StatusText
			st.raw.Protocol = e.Response.Protocol
			st.raw.RemoteIP = e.Response.RemoteIPAddress
		}
	case *network.EventRequestWillBeSentExtraInfo:
		// The headers as sent (cookies included); it may arrive before
		// or after requestWillBeSent.
		if st, ok := rc.reqs[e.RequestID]; ok {
			st.raw.ReqHeaders = e.Headers
		}
	case *network.EventResponseReceivedExtraInfo:
		url := ""
		if st, ok := rc.reqs[e.RequestID]; ok {
			url = st.r.URL
			st.raw.RespWire = e.Headers
		}
		rc.parseSetCookies(e.Headers, url)
	case *network.EventLoadingFinished:
		if st, ok := rc.reqs[e.RequestID]; ok {
			st.size = e.EncodedDataLength
			st.raw.Ended = rc.now()
		}
		delete(rc.inflight, e.RequestID)
		rc.signal()
	case *network.EventLoadingFailed:
		if st, ok := rc.reqs[e.RequestID]; ok {
			st.r.Failure = e.ErrorText
			st.raw.Ended = rc.now()
			if e.BlockedReason != "" {
				st.r.Failure += " (" + string(e.BlockedReason) + ")"
			}
		}
		delete(rc.inflight, e.RequestID)
		rc.signal()
	case *page.EventFrameNavigated:
		// A new main document: requests the old page left in flight will
		// never report an end; only the new document's count.
		if e.Frame != nil && e.Frame.ParentID == "" {
			rc.blank = e.Frame.URL == "about:blank"
			if !rc.blank {
				rc.main++
				rc.mainURL, rc.mainLoaded = e.Frame.URL+e.Frame.URLFragment, false
			}
			for id, loader := range rc.inflight {
				if loader != e.Frame.LoaderID {
					delete(rc.inflight, id)
				}
			}
			rc.signal()
		}
	case *page.EventLoadEventFired:
		if rc.blank {
			return // the blank page's, not the page being loaded
		}
		rc.loaded, rc.mainLoaded = true, true
		rc.signal()
	case *page.EventJavascriptDialogOpening:
		// alert(), confirm() and beforeunload block the page until
		// answered; the answer is sent from another goroutine. A page
		// opens one at a time, so a loop of them is answered one by one
		// as fast as they come, within the visit's time.
		if rc.dialogKinds == nil {
			rc.dialogKinds = map[string]int{}
		}
		rc.dialogKinds[string(e.Type)]++
		select {
		case rc.dialogs <- struct{}{}:
		default:
		}
	case *inspector.EventTargetCrashed:
		rc.crashed = true
		rc.signal()
	case *runtime.EventBindingCalled:
		if e.Name != bindingName {
			return
		}
		var p struct{ C, H string }
		if json.Unmarshal([]byte(e.Payload), &p) == nil {
			name, days, domain := parseCookieLifetime(p.C, rc.now())
			if name != "" {
				if domain == "" {
					domain = p.H
				}
				rc.asked[cookieKey(name, domain)] = days
			}
		}
	case *domstorage.EventDomStorageItemAdded:
		rc.storageWrite(e.StorageID, e.Key)
	case *domstorage.EventDomStorageItemUpdated:
		// A key rewritten after a reload is still the site writing it.
		rc.storageWrite(e.StorageID, e.Key)
	}
}

// hasCrashed reports whether the tab's renderer crashed since the page began.
func (rc *recorder) hasCrashed() bool {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.crashed
}

// takeDialogs returns the dialogs the page opened since the last call, by
// type, and starts counting afresh.
func (rc *recorder) takeDialogs() map[string]int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	d := rc.dialogKinds
	rc.dialogKinds = nil
	return d
}

// recording is what a recorder gathered: requests in order and storage keys.
type recording struct {
	order   []network.RequestID
	reqs    map[network.RequestID]*reqState
	storage map[string]model.StorageItem
	dropped int
}

// take returns what was recorded so far and starts afresh, so what a page
// did before a consent click is kept apart from what follows it.
func (rc *recorder) take() recording {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rec := recording{order: rc.order, reqs: rc.reqs, storage: rc.storage, dropped: rc.dropped}
	rc.order, rc.reqs, rc.storage, rc.dropped = nil, map[network.RequestID]*reqState{}, map[string]model.StorageItem{}, 0
	return rec
}

// storageWrite records a localStorage or sessionStorage write; the caller
// holds the lock.
func (rc *recorder) storageWrite(id *domstorage.StorageID, key string) {
	if id == nil {
		return
	}
	typ := "session"
	if id.IsLocalStorage {
		typ = "local"
	}
	origin := id.SecurityOrigin
	if origin == "" {
		origin = strings.TrimSuffix(string(id.StorageKey), "/")
	}
	k := typ + "\x00" + origin + "\x00" + key
	if _, ok := rc.storage[k]; !ok {
		rc.storage[k] = model.StorageItem{Origin: origin, Type: typ, Key: key, Page: rc.page}
	}
}

// parseSetCookies records the lifetime each Set-Cookie header asked for.
func (rc *recorder) parseSetCookies(h network.Headers, reqURL string) {
	host := ""
	if u, err := url.Parse(reqURL); err == nil {
		host = u.Hostname()
	}
	for k, v := range h {
		if !strings.EqualFold(k, "set-cookie") {
			continue
		}
		s, _ := v.(string)
		for _, line := range strings.Split(s, "\n") {
			name, days, domain := parseCookieLifetime(line, rc.now())
			if name == "" {
				continue
			}
			if domain == "" {
				domain = host
			}
			rc.asked[cookieKey(name, domain)] = days
		}
	}
}

func cookieKey(name, domain string) string {
	return name + "\x00" + strings.TrimPrefix(strings.ToLower(domain), ".")
}

// parseCookieLifetime reads a Set-Cookie or document.cookie string and returns
// the cookie name, the lifetime it asks for in days (0 for a session cookie,
// negative for a deletion) and its Domain attribute.
func parseCookieLifetime(s string, now time.Time) (name string, days float64, domain string) {
	c, err := http.ParseSetCookie(strings.TrimSpace(s))
	if err != nil || c.Name == "" {
		// http.ParseSetCookie is strict about values; fall back to a split.
		first, rest, _ := strings.Cut(s, ";")
		n, _, ok := strings.Cut(first, "=")
		if !ok {
			return "", 0, ""
		}
		c = &http.Cookie{Name: strings.TrimSpace(n)}
		for _, attr := range strings.Split(rest, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(attr), "=")
			switch strings.ToLower(k) {
			case "max-age":
				if n, err := strconv.Atoi(v); err == nil {
					if n <= 0 {
						c.MaxAge = -1
					} else {
						c.MaxAge = n
					}
				}
			case "expires":
				if t, err := http.ParseTime(v); err == nil {
					c.Expires = t
				}
			case "domain":
				c.Domain = v
			}
		}
	}
	switch {
	case c.MaxAge > 0:
		days = float64(c.MaxAge) / 86400
	case c.MaxAge < 0:
		days = -1
	case !c.Expires.IsZero():
		days = c.Expires.Sub(now).Hours() / 24
	}
	return c.Name, math.Round(days*100) / 100, c.Domain
}

// waitLoaded waits for the load event, then for the network to be quiet for
// quietPeriod, bounded by ctx. It returns whether the page loaded.
func (rc *recorder) waitLoaded(ctx context.Context) (loaded bool, err error) {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	armed := false
	for {
		rc.mu.Lock()
		loaded, crashed, idle := rc.loaded, rc.crashed, len(rc.inflight) == 0
		rc.mu.Unlock()
		if crashed {
			return loaded, errRendererCrashed
		}
		if loaded && idle && !armed {
			timer.Reset(quietPeriod)
			armed = true
		} else if armed && !idle {
			timer.Stop()
			armed = false
		}
		select {
		case <-ctx.Done():
			return loaded, ctx.Err()
		case <-rc.kick:
		case <-timer.C:
			rc.mu.Lock()
			idle = len(rc.inflight) == 0
			rc.mu.Unlock()
			if idle {
				return true, nil
			}
			armed = false
		}
	}
}

var errRendererCrashed = errors.New("the page crashed the renderer")

// beginPage resets per-page state before a navigation.
func (rc *recorder) beginPage(u string) {
	rc.mu.Lock()
	rc.page, rc.loaded, rc.crashed, rc.docReq = u, false, false, ""
	rc.inflight = map[network.RequestID]cdp.LoaderID{}
	rc.mu.Unlock()
}

// settle waits for the network to become quiet again after an interaction
// (a consent click), bounded by ctx.
func (rc *recorder) settle(ctx context.Context) (quiet bool) {
	rc.mu.Lock()
	rc.loaded = true
	rc.mu.Unlock()
	_, err := rc.waitLoaded(ctx)
	return err == nil
}

// mainDocument returns how many documents the main frame has navigated to,
// the last one's URL and whether it has loaded.
func (rc *recorder) mainDocument() (n int, url string, loaded bool) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.main, rc.mainURL, rc.mainLoaded
}

// docStatus returns the status of the page's main document request.
func (rc *recorder) docStatus() (status int, final string, failure string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if st, ok := rc.reqs[rc.docReq]; ok {
		return st.r.Status, st.r.URL, st.r.Failure
	}
	return 0, "", ""
}

// setupTab prepares a tab for a phase: instrumentation, signals, listeners.
func setupTab(ctx context.Context, rc *recorder, phase string) error {
	listen := rc.handle
	if rc.bodies != nil {
		listen = func(ev any) {
			rc.handle(ev)
			if e, ok := ev.(*network.EventLoadingFinished); ok {
				rc.fetchBody(ctx, e.RequestID)
			}
		}
	}
	// Each tab answers its own dialogs: after a hung tab is replaced, the
	// old tab's answerer must not take the new tab's dialogs.
	dialogs := make(chan struct{}, 8)
	rc.mu.Lock()
	rc.dialogs = dialogs
	rc.mu.Unlock()
	if err := chromedp.Listen(ctx, listen); err != nil {
		return err
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-dialogs:
				dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
				_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				cancel()
			}
		}
	}()
	if _, err := chromedp.Call(ctx, domstorage.Enable, cdp.Empty{}); err != nil {
		return fmt.Errorf("enabling DOM storage events: %w", err)
	}
	if _, err := chromedp.Call(ctx, runtime.AddBinding, runtime.AddBindingParams{Name: bindingName}); err != nil {
		return fmt.Errorf("adding binding: %w", err)
	}
	extra := ""
	headers := network.Headers{}
	switch phase {
	case model.PhaseDNT:
		extra, headers["DNT"] = dntJS, "1"
	case model.PhaseGPC:
		extra, headers["Sec-GPC"] = gpcJS, "1"
	}
	if len(headers) > 0 {
		if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: headers}); err != nil {
			return fmt.Errorf("setting privacy headers: %w", err)
		}
	}
	src := fmt.Sprintf(instrumentJS, bindingName, extra)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		return fmt.Errorf("installing instrumentation: %w", err)
	}
	return installBehaviour(ctx, rc.behave)
}

// cookies reads every cookie of the tab's browser context through CDP
// storage (first- and third-party, partitioned too).
func cookies(ctx context.Context) ([]*network.Cookie, error) {
	c := chromedp.FromContext(ctx)
	if c == nil {
		return nil, chromedp.ErrInvalidContext
	}
	res, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: c.BrowserContextID})
	if err != nil {
		return nil, err
	}
	return res.Cookies, nil
}
