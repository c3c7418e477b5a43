package rules

// testVendors stands in for the knowledge base in tests: a few vendors with
// their headquarters.
var testVendors = VendorFunc(func(id string) (Vendor, bool) {
	v, ok := map[string]Vendor{
		"google-analytics": {ID: "google-analytics", Name: "Google Analytics", Company: "Google LLC", Country: "US", Category: "analytics", Aliases: []string{"GA4", "Universal Analytics"}},
		"meta-pixel":       {ID: "meta-pixel", Name: "Meta Pixel", Company: "Meta Platforms, Inc.", Country: "US", Category: "advertising", Aliases: []string{"Facebook Pixel"}},
		"stripe":           {ID: "stripe", Name: "Stripe", Company: "Stripe, Inc.", Country: "US", Category: "payment"},
		"hotjar":           {ID: "hotjar", Name: "Hotjar", Company: "Hotjar Ltd", Country: "MT", EEA: true, Category: "session-recording"},
		"cloudflare":       {ID: "cloudflare", Name: "Cloudflare", Company: "Cloudflare, Inc.", Country: "US", Category: "cdn"},
		"matomo":           {ID: "matomo", Name: "Matomo", Company: "InnoCraft Ltd", Country: "NZ", Category: "analytics"},
		"php":              {ID: "php", Name: "PHP", Company: "The PHP Group", Country: "US", Category: "essential", SelfHosted: true},
	}[id]
	return v, ok
})
