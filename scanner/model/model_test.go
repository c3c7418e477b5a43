package model

import "testing"

func TestMatchHost(t *testing.T) {
	for _, tc := range []struct {
		pattern, host string
		want          bool
	}{
		{"*.hotjar.com", "script.hotjar.com", true},
		{"*.hotjar.com", "hotjar.com", true},
		{"hotjar.com", "static.hotjar.com", true},
		{"hotjar.com", "nothotjar.com", false},
		{"shop.example", ".shop.example", true},
		{"*.hotjar.com", "hotjar.com.evil.example", false},
	} {
		if got := MatchHost(tc.pattern, tc.host); got != tc.want {
			t.Errorf("MatchHost(%q, %q) = %v", tc.pattern, tc.host, got)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"_ga*", "_ga_ABC123", true},
		{"_ga*", "x_ga", false},
		{"[", "[", false}, // invalid patterns never match
		{"session", "session", true},
	} {
		if got := MatchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %v", tc.pattern, tc.name, got)
		}
	}
}

func TestSeverityRankAndCategories(t *testing.T) {
	if SeverityRank(SeverityInfo) >= SeverityRank(SeverityCritical) || SeverityRank("nope") != -1 {
		t.Error("severities are not ordered info < critical, or an unknown one ranks")
	}
	for _, c := range Categories() {
		if !ValidCategory(c.Name) || BaseCategory(c.Name) != c.Base {
			t.Errorf("category %s: base %s", c.Name, BaseCategory(c.Name))
		}
	}
	if BaseCategory(CategorySessionRecording) != CategoryAnalytics || BaseCategory("nope") != CategoryUnknown || !IsEssential(CategoryPayment) {
		t.Error("base categories wrong")
	}
}
