package cli

import (
	"context"
	"errors"
)

// runRules is being written (see the issue tracker); it reports so instead of
// pretending to work.
func runRules(ctx context.Context, env *Env, args []string) error {
	return errors.New("the rules command is not available yet")
}
