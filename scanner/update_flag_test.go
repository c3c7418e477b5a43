package scanner_test

// The external test package has no golden files of its own (har_test.go's
// are in package scanner). The blank import registers the module's -update
// flag in its test binary anyway, because a binary that
// does not define the flag fails on it, and go test ./... -update would
// then fail here instead of rewriting the other packages' golden files.
import _ "github.com/privacyscan/privacyscan/internal/golden"
