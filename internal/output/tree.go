package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"digest/internal/parallel"
)

// isStaging tells whether name, in the destination's parent folder, is
// named as a staging folder of the destination base: .BASE.new-NNNN, or
// .BASE.old-NNNN for a previous tree moved aside.
func isStaging(name, base string) bool {
	rest, ok := strings.CutPrefix(name, "."+base+".")
	if !ok {
		return false
	}
	digits, ok := strings.CutPrefix(rest, "new-")
	if !ok {
		digits, ok = strings.CutPrefix(rest, "old-")
	}
	if !ok || digits == "" {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// removeStale removes the staging folders of the destination base that
// builds stopped before their end left in parent, and says what it did.
// The caller holds the destination's lock: no running build owns one.
func removeStale(parent, base, name string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return []string{fmt.Sprintf("cannot look for staging folders left beside %s: %v", name, err)}
	}
	var warnings []string
	for _, e := range entries {
		if !e.IsDir() || !isStaging(e.Name(), base) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if !ours(dir) {
			warnings = append(warnings, fmt.Sprintf("%s is named as a staging folder of %s but has no %s marker: left as it is", dir, name, Marker))
			continue
		}
		if err := removeTree(dir, nil); err != nil {
			warnings = append(warnings, fmt.Sprintf("cannot remove %s, left by a build of %s that was stopped: %v", dir, name, err))
			continue
		}
		warnings = append(warnings, fmt.Sprintf("removed %s, left by a build of %s that was stopped before its end", dir, name))
	}
	return warnings
}

// ours tells whether a staging folder was made by digest: it holds the
// marker, or nothing (made, and the build stopped before the marker).
func ours(dir string) bool {
	if info, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && info.Mode().IsRegular() {
		return true
	}
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	return errors.Is(err, io.EOF)
}

// removeTree removes a folder digest wrote, its marker last, so that a
// removal cut short leaves a folder the next build still knows as its own.
// gone, unless nil, is called with the path of each file removed but the
// marker, from several goroutines at once: the folders of the first two
// levels are removed in parallel, as a site has thousands of small ones.
func removeTree(dir string, gone func(rel string)) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	type job struct {
		full, rel string
		dir       bool
	}
	var jobs []job
	var dirs []string
	for _, e := range entries {
		full := filepath.Join(dir, e.Name())
		switch {
		case e.Name() == Marker:
		case e.IsDir():
			kids, err := os.ReadDir(full)
			if err != nil {
				return err
			}
			for _, k := range kids {
				jobs = append(jobs, job{filepath.Join(full, k.Name()), e.Name() + "/" + k.Name(), k.IsDir()})
			}
			dirs = append(dirs, full)
		default:
			jobs = append(jobs, job{full, e.Name(), false})
		}
	}
	errs := make([]error, len(jobs), len(jobs)+len(dirs))
	parallel.ForIO(len(jobs), func(i int) { errs[i] = removeAll(jobs[i].full, jobs[i].rel, jobs[i].dir, gone) })
	for _, d := range dirs {
		errs = append(errs, os.Remove(d))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Remove(dir)
}

// removeAll removes a file, or a folder and all it holds; a symbolic
// link is removed, never followed.
func removeAll(full, rel string, isDir bool, gone func(rel string)) error {
	if !isDir {
		if gone != nil {
			gone(rel)
		}
		return os.Remove(full)
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := removeAll(filepath.Join(full, e.Name()), rel+"/"+e.Name(), e.IsDir(), gone); err != nil {
			return err
		}
	}
	return os.Remove(full)
}

// linkOrCopy puts at to the file at from: a hard link, or where the file
// system refuses one, a copy with the same modification time (what rsync
// and static hosts compare).
func linkOrCopy(from, to string) error {
	err := os.Link(from, to)
	if err == nil || noRoom(err) {
		return err // a copy would meet the same wall
	}
	return copyFile(from, to)
}

// noRoom tells whether a write failed for want of room or of a writable
// file system.
func noRoom(err error) bool {
	for _, e := range []error{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EIO} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chtimes(to, info.ModTime(), info.ModTime())
	}
	return err
}
