// Package fetch is privacyscan's one way to download over HTTP: the
// crawler, the scanner's policy fallback, "privacyscan policy URL" and
// "db update" all go through it.
//
// Routes send chosen hostnames to chosen addresses (the --resolve flags),
// the same way in Go clients and in Chromium (host-resolver-rules), so a
// staging server can be scanned under its production name and tests never
// leave loopback.
package fetch
