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
func treePSS(root int) float64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
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
	total := 0.0
	for queue := []int{root}; len(queue) > 0; queue = queue[1:] {
		pid := queue[0]
		queue = append(queue, children[pid]...)
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "Pss:"); ok {
				kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
				total += kb / 1024
				break
			}
		}
	}
	return total
}
