package cli

import (
	"context"
	"errors"
)

func runScan(ctx context.Context, env *Env, args []string) error {
	return errors.New("the scan command is not available yet")
}

func runDemo(ctx context.Context, env *Env, args []string) error {
	return errors.New("the demo command is not available yet")
}
