// Package kb knows who is behind a request, a cookie or a storage key: the
// vendor, its category and whether it is strictly necessary.
package kb

// Categories. More specific ones may be added; these are the contract.
const (
	Essential   = "essential"
	Functional  = "functional"
	Analytics   = "analytics"
	Advertising = "advertising"
	Social      = "social"
	Unknown     = "unknown"
)

// Match is what the knowledge base knows about a request, cookie or key.
type Match struct {
	// Vendor is the display name ("Google Analytics"), empty when unknown.
	Vendor string
	// VendorID is the stable id of the vendor in the database.
	VendorID string
	Category string
	// Pixel is true when the URL is a known pixel, beacon or collect endpoint.
	Pixel bool
	// Guess is true when the category is inferred from the shape of a name.
	Guess bool
	// Source names where the knowledge came from ("embedded", a file path).
	Source string
}
