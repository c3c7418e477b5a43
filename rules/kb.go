package rules

import "github.com/privacyscan/privacyscan/scanner/kb"

// KBVendors answers vendor facts from a knowledge base (kb.Default() or one
// loaded with extra sources). Pass it as Options.Vendors.
func KBVendors(db *kb.DB) VendorInfo {
	return VendorFunc(func(id string) (Vendor, bool) {
		if db == nil {
			return Vendor{}, false
		}
		v, ok := db.Vendor(id)
		if !ok {
			return Vendor{}, false
		}
		return Vendor{ID: v.ID, Name: v.Name, Company: v.Company, Country: v.Country,
			EEA: v.EEA, Adequate: v.Adequate, Category: v.Category, Aliases: v.Aliases, SelfHosted: v.SelfHosted}, true
	})
}
