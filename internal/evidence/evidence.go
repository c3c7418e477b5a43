// Package evidence seals an evidence directory: manifest.json lists every
// file of the bundle with its SHA-256 and size and the scan's clock, and
// Verify re-hashes a bundle against it and names each file added, missing
// or changed. It is pure: it reads an fs.FS and returns values; the caller
// writes the manifest (atomically) and prints the result.
package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"
)

// ManifestName is the manifest's file name at the bundle's root.
const ManifestName = "manifest.json"

// Format is the manifest's format marker: a manifest without it is not
// privacyscan's, and Verify refuses it.
const Format = "privacyscan-evidence"

// FormatVersion is the version of the manifest format this build writes
// and reads.
const FormatVersion = 1

// Manifest is manifest.json.
type Manifest struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"format_version"`
	Tool          Tool   `json:"tool"`
	// StartedAt and FinishedAt are the scan's clock (RFC 3339, UTC).
	StartedAt  string `json:"started_at"`
	FinishedAt string `json:"finished_at"`
	// Files are every file of the bundle but the manifest, by path.
	Files []File `json:"files"`
}

// Tool names the program that sealed the bundle.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
}

// File is one file of the bundle: its slash-separated path relative to
// the bundle's root, its SHA-256 (hex) and its size in bytes.
type File struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// ErrNotManifest marks a manifest.json that is not privacyscan's (or not
// JSON at all).
var ErrNotManifest = errors.New("not a privacyscan evidence manifest")

// Hash lists and hashes every file under fsys but the root's manifest, in
// path order. Directories are walked; anything else that can be read
// counts as a file.
func Hash(fsys fs.FS) ([]File, error) {
	var out []File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || p == ManifestName {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return fmt.Errorf("hashing %s: %w", p, err)
		}
		out = append(out, File{Path: p, SHA256: hex.EncodeToString(h.Sum(nil)), Size: n})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// New seals fsys: a manifest of every file in it.
func New(fsys fs.FS, tool Tool, startedAt, finishedAt string) (*Manifest, error) {
	files, err := Hash(fsys)
	if err != nil {
		return nil, err
	}
	if files == nil {
		files = []File{}
	}
	return &Manifest{Format: Format, FormatVersion: FormatVersion, Tool: tool, StartedAt: startedAt, FinishedAt: finishedAt, Files: files}, nil
}

// Marshal is the manifest as written: indented JSON with a final newline.
func (m *Manifest) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Parse reads a manifest; one that is not privacyscan's is ErrNotManifest,
// one written by a newer format version an error saying so.
func Parse(data []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotManifest, err)
	}
	switch {
	case m.Format != Format:
		if m.Format == "" {
			return nil, fmt.Errorf("%w: it has no \"format\": %q", ErrNotManifest, Format)
		}
		return nil, fmt.Errorf("%w: format is %q, want %q", ErrNotManifest, m.Format, Format)
	case m.FormatVersion <= 0:
		return nil, fmt.Errorf("%w: format_version is %d", ErrNotManifest, m.FormatVersion)
	case m.FormatVersion > FormatVersion:
		return nil, fmt.Errorf("manifest format_version %d is newer than this privacyscan reads (%d): upgrade privacyscan", m.FormatVersion, FormatVersion)
	}
	seen := map[string]bool{}
	for _, f := range m.Files {
		if f.Path == "" || !fs.ValidPath(f.Path) || f.Path == ManifestName {
			return nil, fmt.Errorf("%w: bad file path %q", ErrNotManifest, f.Path)
		}
		if seen[f.Path] {
			return nil, fmt.Errorf("%w: %q is listed twice", ErrNotManifest, f.Path)
		}
		seen[f.Path] = true
	}
	return &m, nil
}

// Diff is what differs between a manifest and the files: each list in
// path order.
type Diff struct {
	Added   []string `json:"added"`
	Missing []string `json:"missing"`
	Changed []string `json:"changed"`
}

// OK reports whether the files are exactly those of the manifest.
func (d Diff) OK() bool { return len(d.Added)+len(d.Missing)+len(d.Changed) == 0 }

// Compare tells the files found from those listed: a file with another
// size or hash is changed.
func Compare(listed, found []File) Diff {
	want := make(map[string]File, len(listed))
	for _, f := range listed {
		want[f.Path] = f
	}
	d := Diff{Added: []string{}, Missing: []string{}, Changed: []string{}}
	got := make(map[string]bool, len(found))
	for _, f := range found {
		got[f.Path] = true
		w, ok := want[f.Path]
		switch {
		case !ok:
			d.Added = append(d.Added, f.Path)
		case !strings.EqualFold(w.SHA256, f.SHA256) || w.Size != f.Size:
			d.Changed = append(d.Changed, f.Path)
		}
	}
	for _, f := range listed {
		if !got[f.Path] {
			d.Missing = append(d.Missing, f.Path)
		}
	}
	sort.Strings(d.Added)
	sort.Strings(d.Missing)
	sort.Strings(d.Changed)
	return d
}

// Verify reads the manifest of fsys and re-hashes every file against it.
// A missing or foreign manifest is an error (ErrNotManifest for a
// foreign one); a bundle that differs is a Diff that is not OK.
func Verify(fsys fs.FS) (*Manifest, Diff, error) {
	data, err := fs.ReadFile(fsys, ManifestName)
	if err != nil {
		return nil, Diff{}, fmt.Errorf("reading %s: %w", ManifestName, err)
	}
	m, err := Parse(data)
	if err != nil {
		return nil, Diff{}, err
	}
	found, err := Hash(fsys)
	if err != nil {
		return m, Diff{}, err
	}
	return m, Compare(m.Files, found), nil
}

// Namer gives each site of a scan its own directory in the bundle,
// "sites/<host>[-path]", unique within the scan. It is safe for
// concurrent use.
type Namer struct {
	mu   sync.Mutex
	used map[string]string // name -> the site that has it
}

// Site returns the directory of the site at rawURL; the same URL always
// gets the same name.
func (n *Namer) Site(rawURL string) string {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.used == nil {
		n.used = map[string]string{}
	}
	base := "sites/" + slug(rawURL)
	name := base
	for i := 2; ; i++ {
		owner, taken := n.used[name]
		if !taken || owner == rawURL {
			break
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	n.used[name] = rawURL
	return name
}

// slug is a file name for a site: its host and path with anything but
// letters, digits, dots and dashes turned into dashes.
func slug(rawURL string) string {
	s := rawURL
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		s = u.Host + strings.TrimSuffix(u.EscapedPath(), "/")
	}
	var b strings.Builder
	sep := true // a dot or dash was the last written (or nothing was)
	for _, r := range strings.ToLower(s) {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			b.WriteRune(r)
			sep = false
		case r == '.' && !sep:
			b.WriteByte('.')
			sep = true
		case r != '.' && !sep:
			b.WriteByte('-')
			sep = true
		}
	}
	out := strings.Trim(b.String(), "-.")
	if len(out) > 80 {
		out = strings.Trim(out[:80], "-.")
	}
	if out == "" || out == "." || out == ".." {
		return "site"
	}
	return path.Clean(out)
}
