package kb

// eeaCountries are the EU member states plus Iceland, Liechtenstein and Norway.
var eeaCountries = map[string]bool{
	"AT": true, "BE": true, "BG": true, "HR": true, "CY": true, "CZ": true, "DK": true,
	"EE": true, "FI": true, "FR": true, "DE": true, "GR": true, "HU": true, "IE": true,
	"IT": true, "LV": true, "LT": true, "LU": true, "MT": true, "NL": true, "PL": true,
	"PT": true, "RO": true, "SK": true, "SI": true, "ES": true, "SE": true,
	"IS": true, "LI": true, "NO": true,
}

// adequateCountries have an EU adequacy decision covering the whole country
// (Art. 45 GDPR). The USA is left out on purpose: the EU-US Data Privacy
// Framework covers only certified companies. Canada's covers commercial
// organisations, which is what shops deal with.
var adequateCountries = map[string]bool{
	"AD": true, "AR": true, "CA": true, "FO": true, "GG": true, "IL": true, "IM": true,
	"JP": true, "JE": true, "NZ": true, "KR": true, "CH": true, "GB": true, "UY": true,
}

// InEEA reports whether an ISO 3166-1 alpha-2 country code is in the EU/EEA.
func InEEA(country string) bool { return eeaCountries[country] }

// Adequate reports whether personal data may flow to the country without
// further safeguards: it is in the EEA or has a country-wide adequacy decision.
func Adequate(country string) bool { return eeaCountries[country] || adequateCountries[country] }

// knownCountry reports whether code is a plausible ISO 3166-1 alpha-2 code
// used by the embedded data.
func knownCountry(code string) bool {
	if eeaCountries[code] || adequateCountries[code] {
		return true
	}
	switch code {
	case "US", "CN", "RU", "IN", "AU", "SG", "HK", "TW", "BR", "MX", "TR", "UA", "ZA", "AE", "SA", "ID", "VN", "BY", "RS", "TH", "MY", "PH":
		return true
	}
	return false
}
