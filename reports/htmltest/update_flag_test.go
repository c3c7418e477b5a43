package htmltest_test

// This package has no golden files of its own (it renders those of
// reports). The blank import registers the module's -update flag in its
// test binary, as every test package must.
import _ "github.com/privacyscan/privacyscan/internal/golden"
