package fetch

import (
	"reflect"
	"testing"
)

func TestParseRoutes(t *testing.T) {
	cases := []struct {
		name    string
		in      []string
		rules   []string
		wantErr bool
	}{
		{"host and port", []string{"shop.test=127.0.0.1:8443"}, []string{"MAP shop.test 127.0.0.1:8443"}, false},
		{"ip only", []string{"shop.test=127.0.0.1"}, []string{"MAP shop.test 127.0.0.1"}, false},
		{"wildcard", []string{"*.example.com=127.0.0.1:1"}, []string{"MAP *.example.com 127.0.0.1:1"}, false},
		{"ipv6", []string{"shop.test=[::1]:9"}, []string{"MAP shop.test [::1]:9"}, false},
		{"missing equals", []string{"shop.test"}, nil, true},
		{"hostname target", []string{"shop.test=staging.example.com"}, nil, true},
		{"bad wildcard", []string{"shop*.test=127.0.0.1"}, nil, true},
		{"rule injection", []string{"a.test,MAP *=127.0.0.1"}, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, err := ParseRoutes(c.in)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, c.wantErr)
			}
			if err == nil && !reflect.DeepEqual(tab.HostRules(), c.rules) {
				t.Fatalf("rules = %v, want %v", tab.HostRules(), c.rules)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tab, err := ParseRoutes([]string{"shop.test=127.0.0.1:1", "*.example.com=127.0.0.2"})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]string{"shop.test": "127.0.0.1", "SHOP.TEST.": "127.0.0.1", "cdn.example.com": "127.0.0.2", "example.com": "", "other.test": ""} {
		r, ok := tab.Match(host)
		if got := r.IP; ok != (want != "") || got != want {
			t.Errorf("Match(%q) = %q,%v want %q", host, got, ok, want)
		}
	}
}

func TestStrictHostRules(t *testing.T) {
	tab, _ := ParseRoutes([]string{"shop.test=127.0.0.1:1"})
	want := []string{"MAP shop.test 127.0.0.1:1", "MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1", "EXCLUDE localhost"}
	if rules := tab.StrictHostRules(); !reflect.DeepEqual(rules, want) {
		t.Errorf("strict rules = %v, want %v", rules, want)
	}
}
