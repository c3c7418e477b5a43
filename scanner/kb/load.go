package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// LoadOptions names the open data to read besides the embedded database.
// Each list may name several files; earlier files win over later ones, and
// all of them over downloaded caches.
type LoadOptions struct {
	// CookieDBs are Open Cookie Database CSV files (--cookie-db).
	CookieDBs []string
	// TrackerDBs are Disconnect services.json or DuckDuckGo TDS JSON files,
	// told apart by their content (--tracker-db).
	TrackerDBs []string
	// FilterLists are EasyPrivacy-syntax filter lists (--filter-list).
	FilterLists []string
	// VendorDBs are extra vendor files in the embedded vendors.yaml format,
	// for vendors the project does not know yet (--vendor-db).
	VendorDBs []string
	// CacheDir holds the downloads of "privacyscan db update"; empty means
	// DefaultCacheDir(). Files found there are loaded after the ones above.
	CacheDir string
	// NoCache skips the download cache.
	NoCache bool
}

// Load compiles the embedded database plus the given files and the download
// cache. Errors name the file and, where there is one, the line.
func Load(opts LoadOptions) (*DB, error) {
	db, err := newEmbedded()
	if err != nil {
		return nil, err
	}
	for _, f := range opts.VendorDBs {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("reading vendor database: %w", err)
		}
		if err := db.addVendorFile(f, f, data); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.CookieDBs {
		if err := db.loadCookieDB(f); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.TrackerDBs {
		if err := db.loadTrackerDB(f); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.FilterLists {
		if err := db.loadFilterList(f); err != nil {
			return nil, err
		}
	}
	if opts.NoCache {
		return db, nil
	}
	dir := opts.CacheDir
	if dir == "" {
		d, err := DefaultCacheDir()
		if err != nil {
			return db, nil // no cache directory on this system: nothing cached
		}
		dir = d
	}
	for _, s := range DefaultSources() {
		p := filepath.Join(dir, s.File)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := db.loadKind(s.Kind, p); err != nil {
			return nil, fmt.Errorf("loading cached %s (run 'privacyscan db update' to replace it): %w", s.Name, err)
		}
	}
	return db, nil
}

func (db *DB) loadKind(kind, path string) error {
	switch kind {
	case KindCookieDB:
		return db.loadCookieDB(path)
	case KindFilterList:
		return db.loadFilterList(path)
	case KindTrackerDB:
		return db.loadTrackerDB(path)
	}
	return fmt.Errorf("unknown source kind %q", kind)
}

func (db *DB) loadCookieDB(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading cookie database: %w", err)
	}
	defer f.Close()
	rows, err := parseOpenCookieDB(path, f)
	if err != nil {
		return err
	}
	skipped := 0
	for _, r := range rows {
		if r.Name == "" {
			skipped++
			continue
		}
		db.extCookies.add(db.ocdRule(path, r))
	}
	db.sources = append(db.sources, SourceInfo{Name: path, Kind: KindCookieDB, Entries: len(rows) - skipped, Skipped: skipped})
	return nil
}

func (db *DB) loadFilterList(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading filter list: %w", err)
	}
	defer f.Close()
	fl, err := parseFilterList(path, f)
	if err != nil {
		return err
	}
	db.filters = append(db.filters, fl)
	db.sources = append(db.sources, SourceInfo{Name: path, Kind: KindFilterList, Entries: fl.rules, Skipped: fl.skipped})
	return nil
}

func (db *DB) loadTrackerDB(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading tracker database: %w", err)
	}
	kind, n, err := db.addTrackerDB(path, data)
	if err != nil {
		return err
	}
	db.sources = append(db.sources, SourceInfo{Name: path, Kind: kind, Entries: n})
	return nil
}
