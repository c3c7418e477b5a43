//go:build linux

package browser

import (
	"os"
	"os/exec"
	"syscall"

	"github.com/chromedp/chromedp"
)

// processGroup starts Chromium in a process group of its own, so the SIGINT
// a terminal sends on Ctrl-C to its foreground group reaches privacyscan
// only: the browser stays up until the report of what was gathered is
// written, and Close ends it. Pdeathsig is kept from chromedp's default (this
// option replaces it): the browser still dies with privacyscan.
func processGroup() []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{chromedp.ModifyCmdFunc(func(cmd *exec.Cmd) {
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	})}
}

// serverProcAttr is processGroup for a browser Serve starts.
func serverProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup ends p and every process of its group.
func killGroup(p *os.Process) {
	_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
	_ = p.Kill()
}
