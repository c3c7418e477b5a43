package policy

import (
	"testing"
)

// FuzzAnalyze: a scanned site writes its policy, so any bytes — broken
// markup, odd charsets, huge nesting — must give facts, not a panic. The
// seeds are in testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte("<html lang=de><body><h1>Datenschutz</h1><p>Verantwortlicher: Shop GmbH</p></body></html>"), "text/html; charset=utf-8")
	f.Fuzz(func(t *testing.T, doc []byte, contentType string) {
		if len(doc) > 64<<10 {
			return // the analyser's cost grows with the text; bounded inputs keep the fuzzer fast
		}
		if Analyze(doc, Options{URL: "https://shop.test/privacy", ContentType: contentType}) == nil {
			t.Fatal("no facts")
		}
	})
}
