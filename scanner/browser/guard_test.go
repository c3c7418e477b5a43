package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestGuards launches a browser with a low renderer memory limit (a launch
// option, so the browser is its own) and checks what it guards against: the
// V8 heap is capped, a page filling memory has its renderer stopped and the
// kill recorded, and a storm of popups is closed as it appears.
func TestGuards(t *testing.T) {
	pages := map[string]string{
		"/":        `<h1>Shop</h1>`,
		"/buffers": `<h1>Deals</h1><script>const a=[];for(;;){const b=new Uint8Array(16<<20);b.fill(7);a.push(b)}</script>`,
		"/popups":  `<h1>Deals</h1><script>for(let i=0;i<3;i++){window.open(location.href,'_blank')}</script>`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "<!doctype html><html><body>"+body+"</body></html>")
	}))
	defer srv.Close()
	const limit = 300 << 20
	b, err := Launch(context.Background(), Options{HostRules: []string{"MAP shop.test " + strings.TrimPrefix(srv.URL, "http://")}, RendererMemory: limit})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	t.Run("heap", func(t *testing.T) {
		ctx, cancel := b.NewContext(context.Background())
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate("http://shop.test/")); err != nil {
			t.Fatal(err)
		}
		heapLimit, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.memory.jsHeapSizeLimit`))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("jsHeapSizeLimit %d MiB", int64(heapLimit)>>20)
		// The limit is the old space plus the young generation's share.
		if heapLimit <= 0 || int64(heapLimit) > (JSHeapMiB+160)<<20 {
			t.Errorf("jsHeapSizeLimit %d MiB, want about %d MiB", int64(heapLimit)>>20, JSHeapMiB)
		}
	})

	t.Run("memory", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("the memory watch reads /proc")
		}
		ctx, cancel := b.NewContext(context.Background())
		defer cancel()
		crashed := make(chan struct{})
		if err := chromedp.Do(ctx); err != nil {
			t.Fatal(err)
		}
		chromedp.Listen(ctx, func(ev any) {
			if _, ok := ev.(*inspector.EventTargetCrashed); ok {
				close(crashed)
			}
		})
		start := time.Now()
		if _, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: "http://shop.test/buffers"}); err != nil {
			t.Fatal(err)
		}
		select {
		case <-crashed:
		case <-time.After(60 * time.Second):
			t.Fatalf("the renderer filling memory was not stopped; kills %v", b.MemoryKillsSince(start))
		}
		kills := b.MemoryKillsSince(start)
		status := b.CrashStatus(ctx, 2*time.Second)
		t.Logf("stopped after %s: kills %+v, status %q", time.Since(start).Round(time.Millisecond), kills, status)
		if len(kills) != 1 || kills[0].RSS <= limit {
			t.Errorf("kills %+v, want one over %d MiB", kills, limit>>20)
		}
		if status != "killed" {
			t.Errorf("crash status %q, want killed", status)
		}
	})

	t.Run("popups", func(t *testing.T) {
		ctx, cancel := b.NewContext(context.Background())
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate("http://shop.test/popups")); err != nil {
			t.Fatal(err)
		}
		// Every popup opens three more unless closed at once: wait until
		// none is left open.
		deadline := time.Now().Add(10 * time.Second)
		for {
			infos, err := chromedp.Targets(ctx)
			if err != nil {
				t.Fatal(err)
			}
			open := 0
			for _, i := range infos {
				if i.Type == "page" && i.OpenerID != "" {
					open++
				}
			}
			closed := b.PopupsClosed(ctx)
			if open == 0 && closed >= 3 {
				t.Logf("%d popups closed, none left open", closed)
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d popups still open, %d closed", open, closed)
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
}

// TestOverLimit: which renderers the memory watch stops.
func TestOverLimit(t *testing.T) {
	const mib = 1 << 20
	cases := []struct {
		name         string
		rss          map[int]int64
		limit, total int64
		want         string
	}{
		{"all under", map[int]int64{1: 100 * mib, 2: 200 * mib}, 768 * mib, 1024 * mib, ""},
		{"one over its own", map[int]int64{1: 100 * mib, 2: 800 * mib}, 768 * mib, 1024 * mib, "2:800/768"},
		{"at the limit is not over", map[int]int64{1: 768 * mib}, 768 * mib, 1024 * mib, ""},
		{"together over: the largest", map[int]int64{1: 600 * mib, 2: 700 * mib, 3: 50 * mib}, 768 * mib, 1024 * mib, "2:700/1024 joint"},
		{"together over: as many as needed", map[int]int64{1: 500 * mib, 2: 500 * mib, 3: 500 * mib}, 768 * mib, 600 * mib, "1:500/600 joint,2:500/600 joint"},
		{"own and joint", map[int]int64{1: 900 * mib, 2: 700 * mib, 3: 500 * mib}, 768 * mib, 1024 * mib, "1:900/768,2:700/1024 joint"},
		{"no limits", map[int]int64{1: 9000 * mib}, 0, -1, ""},
	}
	for _, tc := range cases {
		var got []string
		for _, k := range overLimit(tc.rss, tc.limit, tc.total) {
			s := fmt.Sprintf("%d:%d/%d", k.PID, k.RSS/mib, k.Limit/mib)
			if k.Joint {
				s += " joint"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, ","); g != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, g, tc.want)
		}
	}
}
