package browser

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// guard is what the browser watches on behalf of every tab: popups are
// closed as they appear, crashes are remembered with Chromium's reason, and
// (on Linux, for a browser started here) renderers over the memory limit
// are stopped.
type guard struct {
	mu sync.Mutex
	// ours are the browser contexts handed out by NewContext (a remote
	// browser has tabs of its own, which are left alone).
	ours map[cdp.BrowserContextID]bool
	// popups counts the popups closed, by opener.
	popups map[target.ID]int
	// crashes is Chromium's termination status of crashed targets.
	crashes map[target.ID]string
	// kills are the renderers stopped for their memory, newest last.
	kills []MemoryKill
	// bigDeaths are renderers that died on their own holding more than
	// most of the V8 heap cap: most likely out of heap. Newest last.
	bigDeaths []MemoryKill
}

// MemoryKill is one renderer stopped because it used more memory than the
// limit.
type MemoryKill struct {
	PID int
	// RSS is its resident memory when it was stopped, in bytes.
	RSS int64
	// Limit is the limit it went over: its own, or (Joint) that of all
	// renderers together, of which it was the largest.
	Limit int64
	Joint bool
	At    time.Time
}

// init makes the maps; the caller holds mu.
func (g *guard) init() {
	if g.ours == nil {
		g.ours = map[cdp.BrowserContextID]bool{}
		g.popups = map[target.ID]int{}
		g.crashes = map[target.ID]string{}
	}
}

// watchTargets closes popups and records crashes, for the life of ctx.
func (b *Browser) watchTargets(ctx context.Context) {
	b.g.mu.Lock()
	b.g.init()
	b.g.mu.Unlock()
	chromedp.ListenBrowser(ctx, func(ev any) {
		switch e := ev.(type) {
		case *target.EventTargetCreated:
			info := e.TargetInfo
			if info == nil || info.Type != "page" || info.OpenerID == "" {
				return
			}
			b.g.mu.Lock()
			mine := b.opts.RemoteURL == "" || b.g.ours[info.BrowserContextID]
			if mine {
				b.g.popups[info.OpenerID]++
			}
			b.g.mu.Unlock()
			if !mine {
				return
			}
			// A popup (window.open, target=_blank): the visit is of the
			// page, not of what it opens, and a storm of popups opening
			// more must not fill the renderer. Listeners must not block.
			go func() {
				cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
				defer cancel()
				_, _ = chromedp.CallBrowser(cctx, target.CloseTarget, target.CloseTargetParams{TargetID: info.TargetID})
			}()
		case *target.EventTargetCrashed:
			b.g.mu.Lock()
			b.g.crashes[e.TargetID] = e.Status
			b.g.mu.Unlock()
		}
	})
}

// Adopt marks the browser context of ctx (a context from NewContext that
// has run) as the scanner's: its popups are closed even in a browser the
// scanner did not start.
func (b *Browser) Adopt(ctx context.Context) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.BrowserContextID == "" {
		return
	}
	b.g.mu.Lock()
	b.g.init()
	b.g.ours[c.BrowserContextID] = true
	b.g.mu.Unlock()
}

// PopupsClosed returns how many popups the tab of ctx opened and the browser
// closed.
func (b *Browser) PopupsClosed(ctx context.Context) int {
	id := targetID(ctx)
	b.g.mu.Lock()
	defer b.g.mu.Unlock()
	return b.g.popups[id]
}

// CrashStatus returns Chromium's termination status for the crashed tab of
// ctx ("crashed", "killed", "oom", ...), waiting up to wait for it to
// arrive; "" when none arrived.
func (b *Browser) CrashStatus(ctx context.Context, wait time.Duration) string {
	id := targetID(ctx)
	deadline := time.Now().Add(wait)
	for {
		b.g.mu.Lock()
		st := b.g.crashes[id]
		b.g.mu.Unlock()
		if st != "" || id == "" || time.Now().After(deadline) {
			return st
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// MemoryKillsSince returns the renderers stopped for their memory since t.
func (b *Browser) MemoryKillsSince(t time.Time) []MemoryKill {
	b.g.mu.Lock()
	defer b.g.mu.Unlock()
	var out []MemoryKill
	for _, k := range b.g.kills {
		if !k.At.Before(t) {
			out = append(out, k)
		}
	}
	return out
}

// BigDeathsSince returns the renderers that died on their own since t while
// holding more memory than most of the V8 heap cap (JSHeapMiB): a script
// that ran out of heap kills its renderer that way. Linux only.
func (b *Browser) BigDeathsSince(t time.Time, wait time.Duration) []MemoryKill {
	deadline := time.Now().Add(wait)
	for {
		b.g.mu.Lock()
		var out []MemoryKill
		for _, k := range b.g.bigDeaths {
			if !k.At.Before(t) {
				out = append(out, k)
			}
		}
		b.g.mu.Unlock()
		if len(out) > 0 || time.Now().After(deadline) {
			return out
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func targetID(ctx context.Context) target.ID {
	if c := chromedp.FromContext(ctx); c != nil && c.Target != nil {
		return c.Target.TargetID
	}
	return ""
}

// RendererMemory is the resident memory at which a renderer is stopped, 0
// when none is watched.
func (b *Browser) RendererMemory() int64 {
	switch {
	case b.opts.RemoteURL != "" || b.opts.RendererMemory < 0:
		return 0
	case b.opts.RendererMemory == 0:
		return DefaultRendererMemory
	}
	return b.opts.RendererMemory
}

// overLimit chooses the renderers to stop, given each one's resident
// memory: every one over limit, then, while the others together are still
// over total, the largest of them. A limit of 0 or less is no limit.
func overLimit(rss map[int]int64, limit, total int64) []MemoryKill {
	var out []MemoryKill
	var sum int64
	left := map[int]int64{}
	for p, n := range rss {
		if limit > 0 && n > limit {
			out = append(out, MemoryKill{PID: p, RSS: n, Limit: limit})
			continue
		}
		left[p] = n
		sum += n
	}
	for total > 0 && sum > total && len(left) > 0 {
		big := -1
		for p, n := range left {
			if big < 0 || n > left[big] || (n == left[big] && p < big) {
				big = p
			}
		}
		out = append(out, MemoryKill{PID: big, RSS: left[big], Limit: total, Joint: true})
		sum -= left[big]
		delete(left, big)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out
}
