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
	// The first Ctrl-C (or SIGTERM) stops the scan and writes what was
	// gathered; a second one kills at once. Both are taken from one
	// buffered channel, so a second signal that comes before the first is
	// handled is not lost.
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel()
		sig := <-sigs
		// Die by the second signal, as if none were caught.
		signal.Reset()
		if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
			select {}
		}
		os.Exit(cli.ExitInterrupted)
	}()
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	cancel()
	os.Exit(code)
}
