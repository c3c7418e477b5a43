// Command privacyscan audits a website's privacy compliance.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/privacyscan/privacyscan/internal/cli"
)

func main() {
	// The first Ctrl-C stops the scan and writes what was gathered; a second
	// one kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
