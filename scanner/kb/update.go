package kb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/privacyscan/privacyscan/internal/fetch"
)

// UpdateSource is one openly licensed list "privacyscan db update" fetches.
// Non-commercial lists (Disconnect, DuckDuckGo, Ghostery) are deliberately
// absent: they are only read from files the user supplies.
type UpdateSource struct {
	// Name identifies the source ("open-cookie-database", "easyprivacy").
	Name string `json:"name"`
	// URL is where it is downloaded from.
	URL string `json:"url"`
	// File is the file name in the cache directory.
	File string `json:"file"`
	// Kind is KindCookieDB or KindFilterList.
	Kind string `json:"kind"`
	// MinEntries is the least number of rows or rules a sane copy has; a
	// download with fewer is rejected and the old copy kept.
	MinEntries int `json:"min_entries"`
	// License is the source's licence, shown to the user.
	License string `json:"license"`
}

// DefaultSources lists the sources "db update" fetches.
func DefaultSources() []UpdateSource {
	return []UpdateSource{
		{
			Name: "open-cookie-database", Kind: KindCookieDB, File: "open-cookie-database.csv",
			URL:        "https://raw.githubusercontent.com/jkwakman/Open-Cookie-Database/master/open-cookie-database.csv",
			MinEntries: 1000, License: "Apache-2.0",
		},
		{
			Name: "easyprivacy", Kind: KindFilterList, File: "easyprivacy.txt",
			URL:        "https://easylist.to/easylist/easyprivacy.txt",
			MinEntries: 5000, License: "GPL-3.0-or-later / CC BY-SA 3.0",
		},
	}
}

// DefaultCacheDir is os.UserCacheDir()/privacyscan.
func DefaultCacheDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("finding the user cache directory: %w", err)
	}
	return filepath.Join(d, "privacyscan"), nil
}

// UpdateOptions configures Update.
type UpdateOptions struct {
	// Dir is the cache directory; empty means DefaultCacheDir().
	Dir string
	// Sources to fetch; nil means DefaultSources().
	Sources []UpdateSource
	// Fetcher downloads (usually a *fetch.Client, whose size limit caps a
	// download); nil means NewFetcher(0).
	Fetcher fetch.Getter
}

// MaxDownloadBytes caps one list download: EasyPrivacy and the Open Cookie
// Database are a few megabytes; the margin is for their growth.
const MaxDownloadBytes = 64 << 20

// NewFetcher returns the fetcher "db update" downloads with: the lists'
// size limit, its own user agent, and timeout (0 means fetch's default).
func NewFetcher(timeout time.Duration) *fetch.Client {
	return fetch.New(fetch.Options{Timeout: timeout, MaxBytes: MaxDownloadBytes, UserAgent: "privacyscan-db-update"})
}

// UpdateResult says what an update did to one source.
type UpdateResult struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	// Path is the cached file.
	Path string `json:"path"`
	// Entries is the number of rows or rules in the new copy (or in the
	// kept copy when the update failed).
	Entries int `json:"entries"`
	// Added and Removed count entries new to or gone from the cached copy.
	Added   int `json:"added"`
	Removed int `json:"removed"`
	// First is true when there was no cached copy before.
	First bool `json:"first,omitempty"`
	// Error is why the update of this source failed; the old copy is kept.
	Error string `json:"error,omitempty"`
}

// Update downloads every source, verifies it (it parses and has at least
// MinEntries entries), and replaces the cached copy atomically. A source that
// fails keeps its old copy; the error lists every failure, and the results
// say what changed for every source.
func Update(ctx context.Context, opts UpdateOptions) ([]UpdateResult, error) {
	dir := opts.Dir
	if dir == "" {
		d, err := DefaultCacheDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating cache directory: %w", err)
	}
	srcs := opts.Sources
	if srcs == nil {
		srcs = DefaultSources()
	}
	f := opts.Fetcher
	if f == nil {
		f = NewFetcher(0)
	}
	var results []UpdateResult
	var errs []error
	for _, s := range srcs {
		res, err := updateOne(ctx, f, dir, s)
		if err != nil {
			res.Error = err.Error()
			errs = append(errs, fmt.Errorf("%s: %w", s.Name, err))
		}
		results = append(results, res)
	}
	return results, errors.Join(errs...)
}

func updateOne(ctx context.Context, f fetch.Getter, dir string, s UpdateSource) (UpdateResult, error) {
	path := filepath.Join(dir, s.File)
	res := UpdateResult{Name: s.Name, URL: s.URL, Path: path}
	var oldKeys map[string]bool
	if old, err := os.ReadFile(path); err == nil {
		oldKeys, _ = sourceKeys(s.Kind, path, old)
		res.Entries = len(oldKeys)
	} else {
		res.First = true
	}
	// Any content type: list hosts label CSV and filter lists variously.
	// A list over the limit fails: a cut list would not verify.
	r, err := f.Get(ctx, s.URL, fetch.Any)
	if err != nil {
		return res, fmt.Errorf("downloading: %w", err)
	}
	data := r.Body
	keys, err := sourceKeys(s.Kind, s.URL, data)
	if err != nil {
		return res, fmt.Errorf("verifying download: %w", err)
	}
	if len(keys) < s.MinEntries {
		return res, fmt.Errorf("verifying download: %d entries, want at least %d; keeping the old copy", len(keys), s.MinEntries)
	}
	if err := writeAtomic(path, data); err != nil {
		return res, err
	}
	res.Entries = len(keys)
	for k := range keys {
		if !oldKeys[k] {
			res.Added++
		}
	}
	for k := range oldKeys {
		if !keys[k] {
			res.Removed++
		}
	}
	return res, nil
}

// sourceKeys parses a source and returns the set of its entries, to verify
// it and to count what changed: "platform|name" for cookie rows, the rule
// text for filter lists.
func sourceKeys(kind, name string, data []byte) (map[string]bool, error) {
	keys := map[string]bool{}
	switch kind {
	case KindCookieDB:
		rows, err := parseOpenCookieDB(name, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			if r.Name != "" {
				keys[r.Platform+"|"+r.Name] = true
			}
		}
	case KindFilterList:
		fl, err := parseFilterList(name, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		for _, set := range []*filterSet{&fl.block, &fl.allow} {
			set.each(func(r *filterRule) { keys[r.raw] = true })
		}
	default:
		return nil, fmt.Errorf("unknown source kind %q", kind)
	}
	return keys, nil
}

func (fs *filterSet) each(f func(*filterRule)) {
	for _, rs := range fs.byHost {
		for _, r := range rs {
			f(r)
		}
	}
	for _, rs := range fs.byToken {
		for _, r := range rs {
			f(r)
		}
	}
	for _, r := range fs.generic {
		f(r)
	}
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path, so a reader sees the old copy or the new one, never half.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing cache: %w", err)
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing cache: %w", err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("replacing cache: %w", err)
	}
	return nil
}
