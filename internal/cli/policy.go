package cli

import (
	"context"
	"errors"
)

// runPolicy is being written (see the issue tracker); it reports so instead of
// pretending to work.
func runPolicy(ctx context.Context, env *Env, args []string) error {
	return errors.New("the policy command is not available yet")
}
