package scanner

import (
	"context"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Response bodies for the HAR (--har-bodies) are bounded per body and per
// phase: a shop's pages carry megabytes of scripts and images.
const (
	DefaultBodyLimit      = 1 << 20
	DefaultPhaseBodyLimit = 16 << 20
	bodyFetchTimeout      = 5 * time.Second
)

// bodyBudget is what a phase may still keep of response bodies, and the
// fetches under way.
type bodyBudget struct {
	perBody int64
	left    int64 // guarded by the recorder's lock
	closed  bool  // guarded by the recorder's lock: no more fetches
	wg      sync.WaitGroup
}

// fetchBody asks for a finished response's body (Network.getResponseBody)
// from its own goroutine, since a listener must not call the browser; it
// runs while the body is still in the renderer's buffer.
func (rc *recorder) fetchBody(tab context.Context, id network.RequestID) {
	rc.mu.Lock()
	st, ok := rc.reqs[id]
	b := rc.bodies
	if !ok || b.closed || st.raw.Body != nil || b.left <= 0 || st.r.Failure != "" {
		rc.mu.Unlock()
		return
	}
	b.wg.Add(1)
	rc.mu.Unlock()
	go func() {
		defer b.wg.Done()
		ctx, cancel := context.WithTimeout(tab, bodyFetchTimeout)
		defer cancel()
		res, err := chromedp.Call(ctx, network.GetResponseBody, network.GetResponseBodyParams{RequestID: id})
		if err != nil {
			return
		}
		data := res.Body // decoded from base64 when the browser sent it so
		rc.mu.Lock()
		defer rc.mu.Unlock()
		limit := min(b.perBody, b.left)
		if limit <= 0 {
			return
		}
		cut := false
		if int64(len(data)) > limit {
			data, cut = data[:limit], true
		}
		if data == nil {
			data = []byte{}
		}
		st.raw.Body, st.raw.BodyCut = data, cut
		b.left -= int64(len(data))
	}()
}

// stopBodies starts no more body fetches and waits for those under way
// (each is bounded), so the recordings can be read without the lock.
func (rc *recorder) stopBodies() {
	if rc.bodies == nil {
		return
	}
	rc.mu.Lock()
	rc.bodies.closed = true
	rc.mu.Unlock()
	rc.bodies.wg.Wait()
}
