//go:build !linux

package browser

import (
	"os"
	"syscall"

	"github.com/chromedp/chromedp"
)

// processGroup leaves chromedp's defaults elsewhere: only Linux needs the
// browser taken out of the terminal's process group here.
func processGroup() []chromedp.ExecAllocatorOption { return nil }

// serverProcAttr leaves the defaults elsewhere.
func serverProcAttr() *syscall.SysProcAttr { return nil }

// killGroup ends p.
func killGroup(p *os.Process) { _ = p.Kill() }
