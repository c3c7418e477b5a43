package kb

// Request tells who is behind a request URL made while pageURL was loaded,
// when the request's resource type is not known: filter rules restricted to
// some types ($script, $image...) match it whatever it loaded. It is
// RequestTyped with an empty type.
func (db *DB) Request(rawURL, pageURL string) Match {
	return db.RequestTyped(rawURL, pageURL, "")
}

// RequestTyped tells who is behind a request URL made while pageURL was
// loaded. resourceType is Chromium's DevTools Protocol type of the request
// (network.ResourceType: "Script", "Image", "XHR", "Fetch", "Ping",
// "Document", "Stylesheet", "Font", "Media", "WebSocket", "Other"...; case
// does not matter, adblock names such as "xmlhttprequest" are accepted);
// "" or an unknown name means unknown.
//
// The embedded database decides first (URL patterns, then the longest
// matching domain), then tracker databases the user supplied, then filter
// lists, which use pageURL for $third-party and $domain= options and the
// type for resource-type options: a rule limited to other types does not
// match, and neither does an exception. An unknown request has category
// unknown and no vendor.
func (db *DB) RequestTyped(rawURL, pageURL, resourceType string) Match {
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
		if m, ok := db.matchFilters(rawURL, host, pageURL, parseResourceType(resourceType)); ok {
			return m
		}
	}
	return Match{Category: Unknown}
}

// KnownResourceType reports whether RequestTyped knows the resource type
// name (a DevTools Protocol type such as "Script" or an adblock one such as
// "xmlhttprequest", in any case); an unknown name is taken as no type.
func KnownResourceType(resourceType string) bool { return parseResourceType(resourceType) != 0 }

// Host tells who is behind a host name, as Request does for "https://host/".
func (db *DB) Host(host string) Match {
	return db.Request("https://"+normHost(host)+"/", "")
}
