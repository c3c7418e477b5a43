package cli

import (
	"context"
	"errors"
)

// runDB is being written (see the issue tracker); it reports so instead of
// pretending to work.
func runDB(ctx context.Context, env *Env, args []string) error {
	return errors.New("the db command is not available yet")
}
