// Package policy reads a privacy policy in the language the site wrote it and
// extracts what it declares.
package policy
