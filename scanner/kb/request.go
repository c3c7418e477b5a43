package kb

// Request tells who is behind a request URL made while pageURL was loaded.
// The embedded database decides first (URL patterns, then the longest
// matching domain), then tracker databases the user supplied, then filter
// lists, which use pageURL for $third-party and $domain= options. An unknown
// request has category unknown and no vendor.
func (db *DB) Request(rawURL, pageURL string) Match {
	host, path, ok := splitURL(rawURL)
	if !ok {
		return Match{Category: Unknown}
	}
	if m, ok := db.hosts.lookup(host, path); ok {
		return m
	}
	if m, ok := db.extHosts.lookup(host, path); ok {
		return m
	}
	if len(db.filters) > 0 {
		if m, ok := db.matchFilters(rawURL, host, pageURL); ok {
			return m
		}
	}
	return Match{Category: Unknown}
}

// Host tells who is behind a host name, as Request does for "https://host/".
func (db *DB) Host(host string) Match {
	return db.Request("https://"+normHost(host)+"/", "")
}
