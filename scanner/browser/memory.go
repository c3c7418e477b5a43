package browser

import (
	"os"
	"strconv"
	"strings"
)

// MemoryMB is the memory of the browser's process tree in MB: the PSS of
// each process (its share of pages shared with the others, so the sum is
// not inflated by shared libraries), summed over the browser and every
// process it started. 0 when unknown: a remote browser, or a system
// without /proc.
func (b *Browser) MemoryMB() float64 {
	p := b.Process()
	if p == nil {
		return 0
	}
	return treePSS(p.Pid)
}

// treePSS sums Pss of /proc/PID/smaps_rollup over root and its descendants.
func treePSS(root int) float64 { return TreeMemoryOf(root).PSS }

// TreeMemory is the memory of a process tree, in MB.
type TreeMemory struct {
	// RSS sums each process's resident set (shared pages counted in
	// every process); PSS sums each one's proportional share.
	RSS, PSS float64
	// Processes counts the processes read.
	Processes int
}

// TreeMemoryOf sums Rss and Pss of /proc/PID/smaps_rollup over root and
// its descendants; zero where /proc is missing (not Linux).
func TreeMemoryOf(root int) TreeMemory {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return TreeMemory{}
	}
	children := map[int][]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		s := string(data) // pid (comm) state ppid ...: comm may hold ") "
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		if f := strings.Fields(s[i+1:]); len(f) >= 2 {
			ppid, _ := strconv.Atoi(f[1])
			children[ppid] = append(children[ppid], pid)
		}
	}
	var m TreeMemory
	for queue := []int{root}; len(queue) > 0; queue = queue[1:] {
		pid := queue[0]
		queue = append(queue, children[pid]...)
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")
		if err != nil {
			continue
		}
		m.Processes++
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			kb, _ := strconv.ParseFloat(f[1], 64)
			switch f[0] {
			case "Rss:":
				m.RSS += kb / 1024
			case "Pss:":
				m.PSS += kb / 1024
			}
		}
	}
	return m
}
