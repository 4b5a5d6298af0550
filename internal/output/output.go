// Package output writes a built site to its folder, all or nothing.
//
// The site is written to a fresh folder beside the destination and swapped
// in only once every file is written, so a failed build leaves the previous
// output as it was and a host never serves half a site. The destination
// carries a marker file; a folder without it was not written by digest and
// is never replaced.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Marker is the file digest leaves in every folder it writes.
const Marker = ".digest-output"

const markerText = "This folder is written by digest build and replaced whole at each build.\n"

// CheckDestination refuses a destination that digest must not replace: a
// folder with files that digest did not write.
func CheckDestination(dest string) error {
	info, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("output %s is a file, not a folder; remove it or choose another --destination", dest)
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	return fmt.Errorf("output folder %s holds files that digest did not write (it has no %s marker), and a build replaces the whole folder; move them away, or choose another folder with --destination", dest, Marker)
}

// Build is a site being written: its files go to a fresh folder beside the
// destination as they are made, so a build holds no more than a page at a
// time per worker, and the previous output stays as it was until Commit.
// Add is safe for concurrent use.
type Build struct {
	dest, tmp string
	mu        sync.Mutex
	owners    map[string]string // path → what wrote it, for messages
	dirs      map[string]bool
}

// Begin starts writing a site that will replace dest.
func Begin(dest string) (*Build, error) {
	if err := CheckDestination(dest); err != nil {
		return nil, err
	}
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder beside %s: %w", dest, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Build{dest: dest, tmp: tmp, owners: map[string]string{}, dirs: map[string]bool{}}, nil
}

// CleanPath tells whether p is a clean path inside the site.
func CleanPath(p string) error {
	clean := path.Clean(p)
	if p == "" || clean != p || strings.HasPrefix(clean, "../") || clean == ".." || path.IsAbs(clean) || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("output path %q is not a clean path inside the site", p)
	}
	return nil
}

// Add writes a file of the site. owner names what made it, for the message
// when two things would write the same path.
func (b *Build) Add(p string, data []byte, owner string) error {
	if err := CleanPath(p); err != nil {
		return err
	}
	full := filepath.Join(b.tmp, filepath.FromSlash(p))
	b.mu.Lock()
	if prev, dup := b.owners[p]; dup {
		b.mu.Unlock()
		return fmt.Errorf("%s and %s would both be written to %s", prev, owner, p)
	}
	b.owners[p] = owner
	// folders are made under the lock: a second writer to a folder must
	// not find it promised but not yet made
	dir := filepath.Dir(full)
	if !b.dirs[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.mu.Unlock()
			return err
		}
		b.dirs[dir] = true
	}
	b.mu.Unlock()
	return os.WriteFile(full, data, 0o644)
}

// Has tells whether a path is already written.
func (b *Build) Has(p string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, ok := b.owners[p]
	return ok
}

// Count is the number of files written.
func (b *Build) Count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.owners)
}

// Commit marks the new folder and puts it in place of the destination.
func (b *Build) Commit() error {
	if err := os.WriteFile(filepath.Join(b.tmp, Marker), []byte(markerText), 0o644); err != nil {
		b.Abort()
		return err
	}
	if err := swap(b.tmp, b.dest); err != nil {
		b.Abort()
		return err
	}
	return nil
}

// Abort drops what was written; the destination is untouched.
func (b *Build) Abort() { os.RemoveAll(b.tmp) }

// Write writes a whole site held in memory: paths to contents.
func Write(dest string, files map[string][]byte) error {
	b, err := Begin(dest)
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := b.Add(p, files[p], p); err != nil {
			b.Abort()
			return err
		}
	}
	return b.Commit()
}

// swap puts the new folder in place of the old. Between the two renames the
// destination is briefly absent, never partial.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Stat(dest); err == nil {
		parent, base := filepath.Split(dest)
		if parent == "" {
			parent = "."
		}
		o, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		os.Remove(o)
		if err := os.Rename(dest, o); err != nil {
			return fmt.Errorf("cannot move the previous output aside: %w", err)
		}
		old = o
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			_ = os.Rename(old, dest)
		}
		return fmt.Errorf("cannot put the new output in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Writer is where a build puts its files: a folder (Build) or memory.
type Writer interface {
	Add(p string, data []byte, owner string) error
	Has(p string) bool
	Commit() error
	Abort()
}

// Memory is a site held in memory, for a server that never writes to disk.
// Add is safe for concurrent use; the files are read once committed.
type Memory struct {
	mu     sync.RWMutex
	files  map[string][]byte
	owners map[string]string
}

// NewMemory makes an empty site in memory.
func NewMemory() *Memory {
	return &Memory{files: map[string][]byte{}, owners: map[string]string{}}
}

// Add keeps a file of the site.
func (m *Memory) Add(p string, data []byte, owner string) error {
	if err := CleanPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if prev, dup := m.owners[p]; dup {
		return fmt.Errorf("%s and %s would both be written to %s", prev, owner, p)
	}
	m.owners[p] = owner
	m.files[p] = data
	return nil
}

// Has tells whether a path is already kept.
func (m *Memory) Has(p string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.files[p]
	return ok
}

// Commit ends the writing; nothing to swap.
func (m *Memory) Commit() error { return nil }

// Abort forgets the files.
func (m *Memory) Abort() {
	m.mu.Lock()
	m.files, m.owners = map[string][]byte{}, map[string]string{}
	m.mu.Unlock()
}

// File returns a file of the site.
func (m *Memory) File(p string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[p]
	return b, ok
}
