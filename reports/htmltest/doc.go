// Package htmltest renders privacyscan's HTML reports in a real headless
// Chromium: the golden reports must fit a laptop screen and an A4 page, show
// every embedded image and log no error, and hostile strings from a scanned
// site must stay text. It has tests only; it lives apart from reports so
// that the reports package's own tests need no browser.
package htmltest
