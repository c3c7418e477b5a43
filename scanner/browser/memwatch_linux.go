//go:build linux

package browser

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// memoryPoll is how often the renderers' memory is read. A page filling
// memory as fast as it can adds a few hundred MiB between two reads.
const memoryPoll = 100 * time.Millisecond

// memoryListEvery is how many polls pass between two listings of the
// browser's processes.
const memoryListEvery = 4

// watchMemory stops (SIGKILL) every renderer of the browser whose resident
// memory exceeds limit, and the largest renderer while all together exceed
// total, for the life of ctx. Chromium runs in a process
// group of its own, so its processes are the group's. The tab of a stopped
// renderer sees its target crash, which the visit records; the kill is
// remembered for the crash's reason.
func (b *Browser) watchMemory(ctx context.Context, pgid int, limit, total int64) {
	page := int64(os.Getpagesize())
	// renderer remembers the renderers. A renderer is forked from the
	// zygote and shows the zygote's command line until it has set its own,
	// so a process not yet seen as a renderer is looked at again.
	renderer := map[int]bool{}
	lastRSS := map[int]int64{} // renderer -> resident memory at the last poll
	const bigDeath = JSHeapMiB << 20 * 3 / 4
	t := time.NewTicker(memoryPoll)
	defer t.Stop()
	var group []int
	for tick := 0; ; tick++ {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		// Listing the group reads every process's stat: a few times a
		// second is enough to see a new renderer before it is big.
		if tick%memoryListEvery == 0 {
			group = groupProcesses(pgid)
			live := map[int]bool{}
			for _, p := range group {
				live[p] = true
			}
			for p := range renderer {
				if !live[p] {
					delete(renderer, p)
				}
			}
		}
		// A renderer gone since the last poll without being stopped
		// here died; one that held most of the V8 heap cap most likely
		// ran out of heap.
		for p, last := range lastRSS {
			if _, err := os.Stat("/proc/" + strconv.Itoa(p) + "/statm"); err == nil {
				continue
			}
			delete(lastRSS, p)
			if last >= bigDeath {
				b.g.mu.Lock()
				b.g.bigDeaths = append(b.g.bigDeaths, MemoryKill{PID: p, RSS: last, Limit: JSHeapMiB << 20, At: time.Now()})
				b.g.mu.Unlock()
			}
		}
		rss := map[int]int64{}
		for _, p := range group {
			if !renderer[p] {
				cmd, _ := os.ReadFile("/proc/" + strconv.Itoa(p) + "/cmdline")
				if !bytes.Contains(cmd, []byte("--type=renderer")) {
					continue
				}
				renderer[p] = true
			}
			rss[p] = residentBytes(p, page)
		}
		for p, n := range rss {
			if n > 0 {
				lastRSS[p] = n
			}
		}
		for _, k := range overLimit(rss, limit, total) {
			b.kill(k)
			delete(renderer, k.PID)
			delete(lastRSS, k.PID)
		}
	}
}

// kill stops renderer k.PID and records why.
func (b *Browser) kill(k MemoryKill) {
	if syscall.Kill(k.PID, syscall.SIGKILL) != nil {
		return
	}
	k.At = time.Now()
	b.g.mu.Lock()
	b.g.kills = append(b.g.kills, k)
	b.g.mu.Unlock()
}

// groupProcesses lists the live processes of process group pgid.
func groupProcesses(pgid int) []int {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var out []int
	for _, d := range dirs {
		b, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces and parens.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := bytes.Fields(b[i+1:])
		if len(f) < 3 || string(f[0]) == "Z" {
			continue
		}
		if g, _ := strconv.Atoi(string(f[2])); g == pgid {
			p, _ := strconv.Atoi(filepath.Base(d))
			out = append(out, p)
		}
	}
	return out
}

// residentBytes is the resident memory of pid (statm), 0 when it is gone.
func residentBytes(pid int, page int64) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseInt(string(f[1]), 10, 64)
	return n * page
}
