// Package scanner observes what a website does to a visitor: it crawls the
// site, loads a sample of pages in headless Chromium once per consent phase and
// records requests, cookies, storage and the consent interaction. It never
// judges; the rules package does that from the recorded data alone.
package scanner
