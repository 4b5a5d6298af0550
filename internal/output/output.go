// Package output writes a built site to its folder, all or nothing.
//
// A build writes a staging folder beside the destination, .OUTPUT.new-NNNN
// (OUTPUT the destination's name), and Commit puts it in place in one step.
// The rules it keeps:
//
//   - Readers of the destination see the previous site or the new one, never
//     a mix. Commit exchanges the names of the staging folder and the
//     destination in one step (renameat2 with RENAME_EXCHANGE, Linux), then
//     removes the previous tree. Where the system or the file system cannot
//     exchange, it renames the destination away and the staging folder in
//     its place: for that moment there is no destination, but never a mix.
//     After a rebuild that changed anything the destination is a new folder
//     at the same path: serve it by path, not from a folder held open.
//   - Unchanged files keep their inode and times, so rsync and static hosts
//     send only what changed: a file whose bytes the previous output holds
//     is not written but hard-linked into the staging folder at Commit (or,
//     where the file system refuses links, copied with its time). A rebuild
//     that changes nothing leaves the destination untouched.
//   - One build at a time writes a destination. Begin locks .OUTPUT.lock
//     beside it (flock, the build's pid in the file) and fails at once,
//     naming that pid, while another build holds it; the lock file goes when
//     the build ends, and a killed build's is taken over. Where there is no
//     flock (Windows), or the file system refuses locks, builds are not
//     locked and the next rule is not applied.
//   - A staging folder of the destination that a killed build left is
//     removed by the next Begin, which names it in Warnings: Begin holds the
//     lock, so no running build owns one. Such a folder is known by its name
//     and by the marker file, which a staging folder gets first and loses
//     last; so is a previous tree whose removal was cut short.
//   - A write error of the file system as a whole (no space, over quota,
//     read-only, input/output) stops the writing: Add then only counts what
//     the build would need, and Commit returns one error naming the
//     destination and the cause, for space with what the build needed and
//     what was free; the staging folder is removed and the destination left
//     as it was. An error of one path (a name too long) is Add's, as before.
//   - The destination carries a marker file; a folder without it was not
//     written by digest and is never replaced.
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
	"sync/atomic"
	"syscall"

	"digest/internal/parallel"
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
// at a time per worker and the destination stays as it was until Commit.
//
// When a previous output is there, a file whose bytes it already holds is
// not written: Commit links it into the staging folder, then switches the
// staging folder with the destination (see the package doc). Everything
// that can fail, rendering included, happens before that switch. Add is
// safe for concurrent use.
type Build struct {
	name        string // the destination as the caller named it, for messages
	dest, stage string // the destination's real path; "" once the staging folder is gone
	update      bool   // dest holds a previous output to compare with
	lock        *lock
	free        space // on the destination's file system, at Begin
	mu          sync.Mutex
	owners      map[string]string // path → what made it, for messages
	dirs        map[string]bool   // staging folders made
	staged      []string          // paths written to the staging folder
	kept        []string          // paths the previous output holds as they are
	chunks      sync.Pool         // buffers to read previous files into
	failed      error             // the write error that stopped the writing
	need        int64             // bytes the staging folder needs: changed files, folders
	// Warnings are what Begin and Commit did that the user should know
	// of and that did not stop the build, one line each.
	Warnings []string
	// Changed, Unchanged and Removed are counted by Commit: files written,
	// files kept as they were, files of the previous output removed.
	Changed, Unchanged, Removed int
}

// Begin starts writing a site that will replace dest. It fails at once when
// another build is writing dest.
func Begin(dest string) (*Build, error) {
	name := dest
	dest = filepath.Clean(dest)
	// a destination that is a symbolic link is written where it points:
	// switching the link itself for a folder would strand the site there
	if real, err := filepath.EvalSymlinks(dest); err == nil {
		dest = real
	}
	parent, base := filepath.Split(dest)
	if base == "" || base == "." || base == ".." {
		return nil, fmt.Errorf("output %s is not a folder digest can replace; choose another --destination", name)
	}
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	lk, err := acquire(filepath.Join(parent, "."+base+".lock"), name)
	if err != nil {
		return nil, err
	}
	b := &Build{name: name, dest: dest, lock: lk, owners: map[string]string{}, dirs: map[string]bool{}}
	if lk.warning != "" {
		b.Warnings = append(b.Warnings, lk.warning)
	}
	if err := CheckDestination(name); err != nil {
		lk.release()
		return nil, err
	}
	if lk.held {
		b.Warnings = append(b.Warnings, removeStale(parent, base, name)...)
	}
	stage, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		lk.release()
		return nil, fmt.Errorf("cannot create a folder beside %s: %w", name, err)
	}
	b.stage = filepath.Clean(stage) // as the paths joined to it are
	// the marker first: a staging folder left by a killed build is known by it
	err = os.Chmod(stage, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(stage, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		b.end()
		return nil, fmt.Errorf("cannot write the output %s: %w", name, err)
	}
	info, err := os.Stat(dest)
	b.update = err == nil && info.IsDir()
	b.free = freeSpace(parent)
	return b, nil
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
// when two things would write the same path. data is not kept. After a
// write error that stops the writing, Add only counts the file and returns
// nil: Commit reports that error, once.
func (b *Build) Add(p string, data []byte, owner string) error {
	if err := CleanPath(p); err != nil {
		return err
	}
	if p == Marker {
		return fmt.Errorf("%s would be written to %s, the name of digest's marker file", owner, p)
	}
	b.mu.Lock()
	if prev, dup := b.owners[p]; dup {
		b.mu.Unlock()
		return fmt.Errorf("%s and %s would both be written to %s", prev, owner, p)
	}
	b.owners[p] = owner
	b.mu.Unlock()
	if b.update && b.sameContent(filepath.Join(b.dest, filepath.FromSlash(p)), data) {
		b.mu.Lock()
		b.kept = append(b.kept, p)
		b.mu.Unlock()
		return nil
	}
	full := filepath.Join(b.stage, filepath.FromSlash(p))
	b.mu.Lock()
	b.staged = append(b.staged, p)
	b.need += blocks(int64(len(data)))
	// folders are made under the lock: a second writer to a folder must
	// not find it promised but not yet made
	err := b.makeDir(filepath.Dir(full))
	stopped := b.failed != nil
	b.mu.Unlock()
	if stopped {
		return nil
	}
	if err == nil {
		err = os.WriteFile(full, data, 0o644)
	}
	return b.writeFailed(err)
}

// makeDir makes a folder of the staging folder and those above it, once
// each, and counts them; after a write error it only counts them. The
// caller holds b.mu or is alone.
func (b *Build) makeDir(dir string) error {
	if b.dirs[dir] || len(dir) <= len(b.stage) { // every dir is in the staging folder
		return nil
	}
	if err := b.makeDir(filepath.Dir(dir)); err != nil {
		return err
	}
	b.dirs[dir] = true
	b.need += blockSize
	if b.failed != nil {
		return nil
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// writeFailed keeps err when it stops the writing (see stops), and
// returns it when it is one path's.
func (b *Build) writeFailed(err error) error {
	if err == nil {
		return nil
	}
	if !stops(err) {
		return err
	}
	b.mu.Lock()
	if b.failed == nil {
		b.failed = err
	}
	b.mu.Unlock()
	return nil
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

// Commit puts the site in place, in one step, and ends the build: the
// lock is released and the staging folder gone, whatever the outcome. A
// first build renames the staging folder to the destination; a rebuild
// links the unchanged files into it and exchanges it with the destination,
// unless nothing changed.
func (b *Build) Commit() error {
	defer b.end()
	if b.failed != nil {
		return b.failure()
	}
	b.Changed, b.Unchanged = len(b.staged), len(b.kept)
	if !b.update {
		if err := os.Rename(b.stage, b.dest); err != nil {
			return fmt.Errorf("cannot put the new output in place at %s: %w", b.name, err)
		}
		b.stage = ""
		return nil
	}
	if len(b.staged) == 0 {
		// nothing written: the destination may hold the site already
		prev, err := b.survey()
		if err != nil {
			return fmt.Errorf("cannot read the previous output %s: %w", b.name, err)
		}
		if prev.removed == 0 && !prev.odd && prev.dirs == b.siteDirs() {
			return nil
		}
	}
	if err := b.linkKept(); err != nil {
		return err
	}
	if b.failed != nil {
		return b.failure()
	}
	if err := b.swap(); err != nil {
		return err
	}
	// the previous tree is at the staging folder's name now. It is read
	// as it is removed, never following a link (it may hold some that
	// digest did not make); its files the site no longer has are counted.
	var removed atomic.Int64
	err := removeTree(b.stage, func(rel string) {
		if _, ok := b.owners[rel]; !ok {
			removed.Add(1)
		}
	})
	b.Removed = int(removed.Load())
	if err != nil {
		b.Warnings = append(b.Warnings, fmt.Sprintf("the previous output of %s could not all be removed from %s (%v); the next build removes it", b.name, b.stage, err))
	}
	b.stage = ""
	return nil
}

// Abort drops what was written and ends the build; the destination is
// untouched.
func (b *Build) Abort() { b.end() }

// end removes the staging folder, if it is still there, and releases the
// lock; it may be called more than once.
func (b *Build) end() {
	if b.stage != "" {
		removeTree(b.stage, nil) // what stays is removed by the next build
		b.stage = ""
	}
	b.lock.release()
}

// previous is what the previous output holds beside the site.
type previous struct {
	removed int  // files the site no longer has
	dirs    int  // folders
	odd     bool // no marker, or something neither a file nor a folder
}

// survey walks the previous output.
func (b *Build) survey() (previous, error) {
	var prev previous
	marker := false
	err := filepath.WalkDir(b.dest, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if full == b.dest {
			return nil
		}
		rel := filepath.ToSlash(full[len(b.dest)+1:])
		switch {
		case d.IsDir():
			prev.dirs++
		case rel == Marker:
			marker = true
		case !d.Type().IsRegular():
			prev.odd = true
			prev.removed++
		default:
			if _, ok := b.owners[rel]; !ok {
				prev.removed++
			}
		}
		return nil
	})
	prev.odd = prev.odd || !marker
	return prev, err
}

// siteDirs is the number of folders the site's files are in.
func (b *Build) siteDirs() int {
	seen := map[string]bool{}
	for p := range b.owners {
		for d := path.Dir(p); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
		}
	}
	return len(seen)
}

// linkKept puts in the staging folder the files the previous output holds
// as they are: a hard link to each, so each keeps its inode and times.
func (b *Build) linkKept() error {
	// their folders first, a level at a time, each level's in parallel: a
	// site has thousands, and the kernel makes them faster side by side
	var levels [][]string
	for _, p := range b.kept {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			full := filepath.Join(b.stage, filepath.FromSlash(d))
			if b.dirs[full] {
				break // and so are the folders above it
			}
			b.dirs[full] = true
			b.need += blockSize
			k := strings.Count(d, "/")
			for len(levels) <= k {
				levels = append(levels, nil)
			}
			levels[k] = append(levels[k], full)
		}
	}
	for _, level := range levels {
		if err := b.each(len(level), func(i int) error { return os.Mkdir(level[i], 0o755) }); err != nil || b.failed != nil {
			return err
		}
	}
	return b.each(len(b.kept), func(i int) error {
		p := filepath.FromSlash(b.kept[i])
		return linkOrCopy(filepath.Join(b.dest, p), filepath.Join(b.stage, p))
	})
}

// each calls f(i) for i in [0, n) in parallel, and keeps the first write
// error; it returns an error of one path.
func (b *Build) each(n int, f func(i int) error) error {
	errs := make([]error, n)
	parallel.ForIO(n, func(i int) { errs[i] = f(i) })
	for _, err := range errs {
		if err := b.writeFailed(err); err != nil {
			return fmt.Errorf("cannot write the output %s: %w", b.name, err)
		}
	}
	return nil
}

// swap exchanges the staging folder and the destination; the previous
// tree is then at b.stage.
func (b *Build) swap() error {
	err := exchange(b.stage, b.dest)
	if errors.Is(err, errors.ErrUnsupported) {
		err = b.renameAside()
	}
	if errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) {
		return fmt.Errorf("cannot put the new output in place at %s: %w (is it a mount point? digest replaces the output folder whole: mount the folder above it)", b.name, err)
	}
	if err != nil {
		return fmt.Errorf("cannot put the new output in place at %s: %w", b.name, err)
	}
	return nil
}

// renameAside is swap where names cannot be exchanged: the destination
// is renamed to .OUTPUT.old-NNNN, then the staging folder to the
// destination. For that moment there is no destination, never a mix.
func (b *Build) renameAside() error {
	dir, base := filepath.Split(b.stage)
	old := filepath.Join(dir, strings.Replace(base, ".new-", ".old-", 1))
	if err := os.Rename(b.dest, old); err != nil {
		return err
	}
	if err := os.Rename(b.stage, b.dest); err != nil {
		os.Rename(old, b.dest) // the previous output back in place
		return err
	}
	b.stage = old // where Commit removes the previous tree from
	return nil
}

// stops tells whether a write error is of the file system as a whole, so
// that writing the other files would fail as well: anything but a problem
// of one path.
func stops(err error) bool {
	for _, e := range []error{syscall.ENAMETOOLONG, syscall.ENOTDIR, syscall.EISDIR, syscall.EEXIST, syscall.EINVAL} {
		if errors.Is(err, e) {
			return false
		}
	}
	return true
}

// failure is the one error of a build whose writing stopped.
func (b *Build) failure() error {
	err := b.failed
	if !errors.Is(err, syscall.ENOSPC) && !errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("cannot write the output %s: %w", b.name, err)
	}
	// the cause alone: which file met the full disk does not matter
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		errno = syscall.ENOSPC
	}
	msg := fmt.Sprintf("cannot write the output %s: %v; the build needed about %s for %s and %s", b.name, errno, megabytes(b.need), count(len(b.staged), "changed file"), count(len(b.dirs), "folder"))
	if b.free.known {
		msg += fmt.Sprintf(", and %s were free when it began", megabytes(b.free.bytes))
		if b.free.inodes >= 0 && b.free.inodes < int64(len(b.staged)+len(b.dirs)) {
			msg += fmt.Sprintf(", with room for %s", count(int(b.free.inodes), "file or folder"))
		}
	}
	return errors.New(msg)
}

// space is the room on a file system.
type space struct {
	known         bool
	bytes, inodes int64 // inodes -1: not counted
}

// blockSize is what a folder or a small file takes on most file systems.
const blockSize = 4096

func blocks(n int64) int64 { return (n + blockSize - 1) / blockSize * blockSize }

func count(n int, what string) string {
	if n != 1 {
		what = strings.Replace(strings.Replace(what, "file", "files", 1), "folder", "folders", 1)
	}
	return fmt.Sprintf("%d %s", n, what)
}

func megabytes(n int64) string {
	if n < 1e6 {
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	if n < 10e6 {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d MB", (n+5e5)/1e6)
}

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
