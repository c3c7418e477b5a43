package leak

import (
	"testing"

	"github.com/privacyscan/privacyscan/scanner/model"
)

// FuzzSearch: any canary and any request search without panicking, and a
// value always finds itself in clear.
func FuzzSearch(f *testing.F) {
	f.Add("lena@example.org", "+49 151 2345678", "10115", []byte("x"))
	f.Add("", "", "", []byte(""))
	f.Add("ÿ@ü", "00", "ab cd", []byte("%%%\\u"))
	f.Fuzz(func(t *testing.T, email, phone, postal string, body []byte) {
		m := New(model.Canary{Email: email, Phone: phone, PostalCode: postal})
		m.Search(Exchange{URL: string(body), Headers: map[string]string{"Cookie": string(body)}, Body: body})
		if len(email) >= 8 && isAlnum(email[0]) && isAlnum(email[len(email)-1]) {
			if len(m.Search(Exchange{Body: []byte(" " + email + " ")})) == 0 {
				t.Errorf("%q not found in clear", email)
			}
		}
	})
}
