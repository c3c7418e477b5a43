package kb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
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
	// Client fetches; nil means http.DefaultClient.
	Client *http.Client
	// MaxBytes caps a download; 0 means 64 MiB.
	MaxBytes int64
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
	client := opts.Client
	if client == nil {
		client = http.DefaultClient
	}
	max := opts.MaxBytes
	if max <= 0 {
		max = 64 << 20
	}
	var results []UpdateResult
	var errs []error
	for _, s := range srcs {
		res, err := updateOne(ctx, client, dir, s, max)
		if err != nil {
			res.Error = err.Error()
			errs = append(errs, fmt.Errorf("%s: %w", s.Name, err))
		}
		results = append(results, res)
	}
	return results, errors.Join(errs...)
}

func updateOne(ctx context.Context, client *http.Client, dir string, s UpdateSource, max int64) (UpdateResult, error) {
	path := filepath.Join(dir, s.File)
	res := UpdateResult{Name: s.Name, URL: s.URL, Path: path}
	var oldKeys map[string]bool
	if old, err := os.ReadFile(path); err == nil {
		oldKeys, _ = sourceKeys(s.Kind, path, old)
		res.Entries = len(oldKeys)
	} else {
		res.First = true
	}
	data, err := download(ctx, client, s.URL, max)
	if err != nil {
		return res, err
	}
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

func download(ctx context.Context, client *http.Client, url string, max int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("building request: %w", err)
	}
	req.Header.Set("User-Agent", "privacyscan-db-update")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("downloading: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("downloading %s: HTTP %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("downloading %s: %w", url, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("downloading %s: larger than %d bytes", url, max)
	}
	return data, nil
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
