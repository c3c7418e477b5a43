//go:build !linux

package browser

import "github.com/chromedp/chromedp"

// processGroup leaves chromedp's defaults elsewhere: only Linux needs the
// browser taken out of the terminal's process group here.
func processGroup() []chromedp.ExecAllocatorOption { return nil }
