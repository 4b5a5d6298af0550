// Package output writes a built site to its folder, all or nothing.
//
// The site is written to a staging folder beside the destination and moved
// in only once every file is made, so a failed build leaves the previous
// output as it was. A rebuild moves in only the files whose bytes changed.
// The destination carries a marker file; a folder without it was not written
// by digest and is never replaced.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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

// Build is a site being written. Every file goes to a staging folder
// beside the destination as it is made, so a build holds no more than a page
// at a time per worker and the previous output stays as it was until Commit.
//
// When a previous output is there, a file whose bytes it already holds is
// not staged at all: Commit moves in only the files that changed and removes
// the ones no longer made, so a rebuild touches only what changed (file
// times and inodes of the rest are kept, and a static host re-uploads only
// those). Everything that can fail, rendering included, happens before
// Commit's first change to the destination; what Commit does is renames and
// removals within one file system. Add is safe for concurrent use.
type Build struct {
	dest, stage string
	update      bool // dest holds a previous output to compare with
	mu          sync.Mutex
	owners      map[string]string // path → what made it, for messages
	dirs        map[string]bool   // staging folders made
	staged      []string          // paths written to the staging folder
	chunks      sync.Pool         // buffers to read previous files into
	// Changed, Unchanged and Removed are counted by Commit: files moved
	// in, files left as they were, files of the previous output removed.
	Changed, Unchanged, Removed int
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
	stage, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder beside %s: %w", dest, err)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	info, err := os.Stat(dest)
	update := err == nil && info.IsDir()
	return &Build{dest: dest, stage: stage, update: update, owners: map[string]string{}, dirs: map[string]bool{}}, nil
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
// when two things would write the same path. data is not kept.
func (b *Build) Add(p string, data []byte, owner string) error {
	if err := CleanPath(p); err != nil {
		return err
	}
	b.mu.Lock()
	if prev, dup := b.owners[p]; dup {
		b.mu.Unlock()
		return fmt.Errorf("%s and %s would both be written to %s", prev, owner, p)
	}
	b.owners[p] = owner
	b.mu.Unlock()
	if b.update && b.sameContent(filepath.Join(b.dest, filepath.FromSlash(p)), data) {
		return nil
	}
	full := filepath.Join(b.stage, filepath.FromSlash(p))
	b.mu.Lock()
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
	b.staged = append(b.staged, p)
	b.mu.Unlock()
	return os.WriteFile(full, data, 0o644)
}

// sameContent tells whether the file holds exactly data. The size is
// compared first, so most changed files are told without reading them.
func (b *Build) sameContent(file string, data []byte) bool {
	info, err := os.Lstat(file)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	buf, _ := b.chunks.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
		*buf = make([]byte, 64<<10)
	}
	defer b.chunks.Put(buf)
	for len(data) > 0 {
		n, err := io.ReadFull(f, (*buf)[:min(len(*buf), len(data))])
		if err != nil || !bytes.Equal((*buf)[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	return true
}

// Has tells whether a path is already written.
func (b *Build) Has(p string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	_, ok := b.owners[p]
	return ok
}

// Count is the number of files of the site.
func (b *Build) Count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.owners)
}

// Commit puts the site in place. A first build renames the staging folder
// to the destination; a rebuild moves in the changed files and removes the
// files the site no longer has.
func (b *Build) Commit() error {
	defer os.RemoveAll(b.stage)
	if err := os.WriteFile(filepath.Join(b.stage, Marker), []byte(markerText), 0o644); err != nil {
		return err
	}
	if !b.update {
		if err := os.Rename(b.stage, b.dest); err != nil {
			return fmt.Errorf("cannot put the new output in place: %w", err)
		}
		b.Changed = len(b.staged)
		return nil
	}
	sort.Strings(b.staged)
	made := map[string]bool{}
	for _, p := range append(b.staged, Marker) {
		to := filepath.Join(b.dest, filepath.FromSlash(p))
		if err := b.makeParents(p, made); err != nil {
			return err
		}
		if info, err := os.Lstat(to); err == nil && info.IsDir() {
			// a folder of the previous output where a file goes now
			if err := os.RemoveAll(to); err != nil {
				return err
			}
			b.Removed++
		}
		if err := os.Rename(filepath.Join(b.stage, filepath.FromSlash(p)), to); err != nil {
			return fmt.Errorf("cannot move %s into %s: %w", p, b.dest, err)
		}
	}
	b.Changed = len(b.staged)
	b.Unchanged = len(b.owners) - len(b.staged)
	return b.removeStale()
}

// makeParents makes the folders of p in the destination, replacing a file of the
// previous output that stands where a folder goes now.
func (b *Build) makeParents(p string, made map[string]bool) error {
	dir := path.Dir(p)
	if dir == "." || made[dir] {
		return nil
	}
	if err := b.makeParents(dir, made); err != nil {
		return err
	}
	full := filepath.Join(b.dest, filepath.FromSlash(dir))
	if info, err := os.Lstat(full); err == nil && !info.IsDir() {
		if err := os.Remove(full); err != nil {
			return err
		}
		b.Removed++
	}
	if err := os.Mkdir(full, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	made[dir] = true
	return nil
}

// removeStale removes the files of the previous output that the site no
// longer has, then the folders left empty.
func (b *Build) removeStale() error {
	var stale, dirs []string
	err := filepath.WalkDir(b.dest, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(b.dest, full)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			dirs = append(dirs, full)
			return nil
		}
		if _, ok := b.owners[rel]; !ok && rel != Marker {
			stale = append(stale, full)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range stale {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	b.Removed += len(stale)
	// deepest first: a folder is empty once its own folders are gone
	for i := len(dirs) - 1; i >= 0; i-- {
		os.Remove(dirs[i]) // fails, as it should, on a folder that is not empty
	}
	return nil
}

// Abort drops what was written; the destination is untouched.
func (b *Build) Abort() { os.RemoveAll(b.stage) }

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

// Writer is where a build puts its files: a folder (Build) or memory.
type Writer interface {
	// Add puts a file in the site. It must not keep data once it returns:
	// a build reuses its buffers.
	Add(p string, data []byte, owner string) error
	Has(p string) bool
	Commit() error
	Abort()
}

// Memory is a site held in memory, for a server that never writes to disk.
// Add is safe for concurrent use; the files are read once committed. A
// file may be lazy: made when first read (Defer).
type Memory struct {
	mu     sync.RWMutex
	files  map[string][]byte
	lazy   map[string]*Lazy
	owners map[string]string
}

// Lazy is a file made when it is first read, once: digest serve defers
// the pages a template edit changed until a browser asks for them.
type Lazy struct {
	once sync.Once
	make func() ([]byte, error)
	data []byte
	err  error
}

// NewLazy makes a lazy file of what make makes.
func NewLazy(make func() ([]byte, error)) *Lazy { return &Lazy{make: make} }

// Bytes makes the file, the first time, and returns it.
func (l *Lazy) Bytes() ([]byte, error) {
	l.once.Do(func() {
		l.data, l.err = l.make()
		l.make = nil
	})
	return l.data, l.err
}

// NewMemory makes an empty site in memory.
func NewMemory() *Memory { return NewMemorySized(0) }

// NewMemorySized makes a memory for about n files: a rebuild knows how
// many the last build made, and its maps then need not grow.
func NewMemorySized(n int) *Memory {
	// owners are those of the files made, not carried: most of a rebuild's
	return &Memory{files: make(map[string][]byte, n), lazy: map[string]*Lazy{}, owners: map[string]string{}}
}

// Len is the number of files kept.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files) + len(m.lazy)
}

// Add keeps a copy of a file of the site.
func (m *Memory) Add(p string, data []byte, owner string) error {
	return m.Keep(p, bytes.Clone(data), owner) // a build reuses its buffers
}

// Has tells whether a path is already kept.
func (m *Memory) Has(p string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.has(p)
}

func (m *Memory) has(p string) bool {
	_, ok := m.files[p]
	if !ok {
		_, ok = m.lazy[p]
	}
	return ok
}

// Commit ends the writing; nothing to swap.
func (m *Memory) Commit() error { return nil }

// Abort forgets the files.
func (m *Memory) Abort() {
	m.mu.Lock()
	m.files, m.lazy, m.owners = map[string][]byte{}, map[string]*Lazy{}, map[string]string{}
	m.mu.Unlock()
}

// Read returns a file of the site, making it if it is lazy; err is why a
// lazy file could not be made.
func (m *Memory) Read(p string) (data []byte, ok bool, err error) {
	m.mu.RLock()
	b, ok := m.files[p]
	l := m.lazy[p]
	m.mu.RUnlock()
	if ok || l == nil {
		return b, ok, nil
	}
	b, err = l.Bytes()
	return b, true, err
}

// File returns a file of the site; a lazy file that cannot be made reads
// as empty (Read says why).
func (m *Memory) File(p string) ([]byte, bool) {
	b, ok, _ := m.Read(p)
	return b, ok
}

// Keeper is a Writer that can keep bytes as given, without a copy: the
// caller promises not to change them.
type Keeper interface {
	Keep(p string, data []byte, owner string) error
}

// Keep keeps a file of the site without copying data, which the caller
// must not change.
func (m *Memory) Keep(p string, data []byte, owner string) error {
	return m.keep(p, data, nil, owner)
}

// Defer keeps a lazy file.
func (m *Memory) Defer(p string, l *Lazy, owner string) error {
	return m.keep(p, nil, l, owner)
}

func (m *Memory) keep(p string, data []byte, l *Lazy, owner string) error {
	if err := CleanPath(p); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.has(p) {
		prev, ok := m.owners[p]
		if !ok {
			prev = "a file of the last build"
		}
		return fmt.Errorf("%s and %s would both be written to %s", prev, owner, p)
	}
	m.owners[p] = owner
	if l != nil {
		m.lazy[p] = l
	} else {
		m.files[p] = data
	}
	return nil
}

// Carrier is a Writer that takes, in bulk, files a build of the same site
// made and checked before (digest serve carries over what an edit did not
// reach): their paths are not checked again, nor their owners kept. A
// file is lazy where lazy has one.
type Carrier interface {
	Carry(paths []string, data [][]byte, lazy []*Lazy) error
}

// Carry keeps files of an earlier build of the site, without copying data.
func (m *Memory) Carry(paths []string, data [][]byte, lazy []*Lazy) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, p := range paths {
		if m.has(p) {
			return fmt.Errorf("%s would be written twice", p)
		}
		if lazy != nil && lazy[i] != nil {
			m.lazy[p] = lazy[i]
		} else {
			m.files[p] = data[i]
		}
	}
	return nil
}

// Resolve makes every lazy file, and reports those that cannot be made.
func (m *Memory) Resolve() error {
	m.mu.RLock()
	lazy := make(map[string]*Lazy, len(m.lazy))
	for p, l := range m.lazy {
		lazy[p] = l
	}
	m.mu.RUnlock()
	var errs []error
	for p, l := range lazy {
		if _, err := l.Bytes(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
		}
	}
	return errors.Join(errs...)
}

// Files returns the site's files by path, lazy ones made; the map is the
// caller's, the bytes are shared.
func (m *Memory) Files() map[string][]byte {
	m.Resolve()
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make(map[string][]byte, len(m.files)+len(m.lazy))
	for p, b := range m.files {
		out[p] = b
	}
	for p, l := range m.lazy {
		out[p], _ = l.Bytes()
	}
	return out
}
