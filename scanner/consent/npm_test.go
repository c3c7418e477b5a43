package consent

import "github.com/privacyscan/privacyscan/internal/fixture"

// npmServer serves the real consent managers installed by
// testdata/npm/install.sh, or returns nil when the script was not run.
func npmServer() *fixture.Server { return nil }
