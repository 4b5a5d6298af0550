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
)

// Marker is the file digest leaves in every folder it writes.
const Marker = ".digest-output"

const markerText = "This folder is written by digest build and replaced whole at each build.\n"

// Site is the set of files to write: paths relative to the output folder,
// with forward slashes.
type Site map[string][]byte

// Add puts a file in the site. It refuses paths that would leave the folder.
func (s Site) Add(p string, data []byte) error {
	clean := path.Clean(p)
	if p == "" || clean != p || strings.HasPrefix(clean, "../") || clean == ".." || path.IsAbs(clean) || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("output path %q is not a clean path inside the site", p)
	}
	if _, dup := s[p]; dup {
		return fmt.Errorf("two pages would be written to %s", p)
	}
	s[p] = data
	return nil
}

// Paths lists the site's files in order.
func (s Site) Paths() []string {
	out := make([]string, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

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

// Write writes site to dest, replacing what was there, or leaves dest
// untouched and returns an error.
func Write(dest string, site Site) error {
	if err := CheckDestination(dest); err != nil {
		return err
	}
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("cannot create a folder beside %s: %w", dest, err)
	}
	if err := writeAll(tmp, site); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := swap(tmp, dest); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return nil
}

func writeAll(root string, site Site) error {
	if err := os.Chmod(root, 0o755); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, p := range site.Paths() {
		full := filepath.Join(root, filepath.FromSlash(p))
		dir := filepath.Dir(full)
		if !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.WriteFile(full, site[p], 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(root, Marker), []byte(markerText), 0o644)
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
