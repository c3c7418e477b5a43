// Package demo serves Maison Lumière, a small jewellery shop with its
// trackers, for `privacyscan demo` and for tests. The shop commits the
// mistakes a scan should find, through its own page behaviour:
//
//   - the Meta Pixel loads on every page before any consent (requests to
//     connect.facebook.net and www.facebook.com/tr, the _fbp and fr cookies);
//   - the Google Consent Mode default grants ad_storage;
//   - Hotjar loads after "Reject all" as well as after "Accept all";
//   - Do Not Track and Global Privacy Control are ignored;
//   - the privacy policy names Google Analytics and Google Ads but neither
//     Meta/Facebook nor Hotjar, and claims "We honour Do Not Track signals".
//
// "Accept all" loads Google Analytics (_ga, _ga_MLX7Q2P4ZK) and Google Ads
// (_gcl_au, IDE on .doubleclick.net); "Reject all" loads nothing else.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/privacyscan/privacyscan/internal/fixture"
)

// The all: prefix keeps the _headers files, which embed skips otherwise.
//
//go:embed all:site
var site embed.FS

// Host is the shop's hostname.
const Host = "shop.test"

// FS returns the demo site laid out as <hostname>/<path>.
func FS() fs.FS {
	sub, err := fs.Sub(site, "site")
	if err != nil {
		panic(fmt.Sprintf("demo site missing from the binary: %v", err)) // cannot happen: the embed is compiled in
	}
	return sub
}

// Start serves the demo shop and its trackers on 127.0.0.1. Route the hosts
// of Server.HostRules (browsers) or Server.Resolve (--resolve) to it.
func Start() (*fixture.Server, error) {
	s, err := fixture.Start(FS())
	if err != nil {
		return nil, fmt.Errorf("starting the demo shop: %w", err)
	}
	return s, nil
}

// Trackers returns the tracker stand-ins alone (every host but the shop),
// the one maintained copy that fixture shops share.
func Trackers() fs.FS { return trackersFS{FS()} }

// Shop returns a fixture shop directory laid over the tracker stand-ins.
func Shop(dir string) fs.FS { return fixture.Overlay(os.DirFS(dir), Trackers()) }

// trackersFS hides the demo's own shop.
type trackersFS struct{ fs.FS }

func (t trackersFS) Open(name string) (fs.File, error) {
	if name == Host || strings.HasPrefix(name, Host+"/") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return t.FS.Open(name)
}

func (t trackersFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(t.FS, name)
	if err != nil || name != "." {
		return ents, err
	}
	out := ents[:0:0]
	for _, e := range ents {
		if e.Name() != Host {
			out = append(out, e)
		}
	}
	return out, nil
}

// StartURL is the URL a scan of the demo starts from.
func StartURL() string { return "https://" + Host + "/" }
