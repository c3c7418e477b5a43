// Package fetch is privacyscan's one way to download over HTTP. The
// crawler (robots.txt, sitemaps, and colly's page fetches through
// Client.HTTPClient), the scanner's privacy-policy fallback,
// "privacyscan policy URL" and "db update" all use a Client, so they share
// routing, TLS settings, user agent, limits and content-type rules.
//
// Routes send chosen hostnames to chosen addresses (the --resolve flags),
// the same way in Go clients and in Chromium (Routes.HostRules), so a
// staging server can be scanned under its production name and tests never
// leave loopback. Strict mode (the demo, tests) refuses every unrouted host.
//
// The rules, one for every caller (they used to differ per caller):
//
//   - Size: one limit per Client, DefaultMaxBytes (10 MiB) unless set; db
//     update sets 64 MiB for its lists. A longer body is ErrTooLarge, never
//     silently cut; callers that can use a document's beginning (robots.txt,
//     a policy, colly's pages via its MaxBodySize) take the truncated
//     Response Get returns with it, the others (sitemaps, lists) fail.
//   - Status: any 2xx is success after at most 10 redirects; anything else
//     is a *StatusError with the code.
//   - Content type: the caller says what it accepts (Documents for
//     policies, XML for sitemaps, Any for robots.txt and the lists). The
//     declared type is checked before the body is read; a missing one is
//     sniffed (http.DetectContentType).
//   - Charset: bodies stay raw bytes; Response.ContentType carries the
//     declared charset to the decoder (Response.Text, or the policy
//     analyser), which honours a BOM, the header, an HTML <meta>, then
//     UTF-8, then Windows-1252, as browsers do.
//   - Timeout: Options.Timeout bounds the whole request, body included.
//   - Proxy: HTTPS_PROXY/NO_PROXY from the environment are honoured, except
//     for routed hosts and in strict mode.
package fetch
