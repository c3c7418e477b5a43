package kb

import "testing"

func TestEmbeddedValid(t *testing.T) {
	db, err := newEmbedded()
	if err != nil {
		t.Fatalf("embedded vendors.yaml is invalid: %v", err)
	}
	if Default() == nil {
		t.Fatal("Default returned nil")
	}
	vs := db.Vendors()
	for _, v := range vs {
		if v.Name == "" || v.Company == "" || v.Country == "" || v.Category == "" {
			t.Errorf("%s: incomplete vendor %+v", v.ID, v)
		}
		// Every domain a vendor claims must lead back to it (or to a vendor
		// with a more specific URL rule on that host).
		for _, d := range v.Domains {
			m := db.Request("https://"+d+"/", "https://shop.test/")
			if m.VendorID == "" {
				t.Errorf("%s: domain %s is not attributed", v.ID, d)
			}
		}
	}
}
