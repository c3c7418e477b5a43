package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
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

// treeRSS sums VmRSS and Pss over root and its descendants.
func treeRSS(root int) treeMemory {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	children := map[int][]int{}
	for _, d := range dirs {
		b, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := bytes.Fields(b[i+1:])
		if len(f) < 2 {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(d))
		ppid, _ := strconv.Atoi(string(f[1]))
		children[ppid] = append(children[ppid], pid)
	}
	var sum treeMemory
	queue := []int{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		queue = append(queue, children[p]...)
		sum.RSS += procField(p, "status", "VmRSS:")
		sum.PSS += procField(p, "smaps_rollup", "Pss:")
	}
	return sum
}

// procField reads a "Name:   N kB" line of /proc/pid/file, in bytes; 0 when
// the process is gone.
func procField(pid int, file, name string) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/" + file)
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte(name)); ok {
			f := bytes.Fields(v)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(string(f[0]), 10, 64)
				return n << 10 // kB
			}
		}
	}
	return 0
}
