package cli

import (
	"os"
	"sync"
	"time"

	"github.com/privacyscan/privacyscan/scanner/browser"
)

// treeMemory is the memory of a process tree at one moment: the sum of
// VmRSS (shared pages counted once per process that maps them) and of Pss
// (shared pages divided among the processes sharing them).
type treeMemory struct{ RSS, PSS int64 }

// watchTreeRSS samples, every 50 ms until the returned function is called,
// the resident memory of this process and all its descendants (the scanner
// and its Chromium), and returns the highest sum seen, in bytes. Linux
// only (/proc); elsewhere it returns 0.
func watchTreeRSS() (stop func() treeMemory) {
	var mu sync.Mutex
	var peak treeMemory
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := func() {
		m := treeRSS(os.Getpid())
		mu.Lock()
		peak.RSS, peak.PSS = max(peak.RSS, m.RSS), max(peak.PSS, m.PSS)
		mu.Unlock()
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() treeMemory {
		close(done)
		<-finished
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// treeRSS sums the resident set and Pss over root and its descendants, in
// bytes.
func treeRSS(root int) treeMemory {
	m := browser.TreeMemoryOf(root)
	return treeMemory{RSS: int64(m.RSS * (1 << 20)), PSS: int64(m.PSS * (1 << 20))}
}
