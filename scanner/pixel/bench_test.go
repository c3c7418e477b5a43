package pixel

import "testing"

// BenchmarkDecode: a mix of the samples, pixels and not, per request.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range samples {
			Decode(s.method, s.url, []byte(s.body))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(samples)), "ns/request")
}

// BenchmarkDecodeNotAPixel: the common case, a request no decoder claims.
func BenchmarkDecodeNotAPixel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Decode("GET", "https://shop.example/assets/app.8f3c2.js?v=1733480000", nil)
	}
}
