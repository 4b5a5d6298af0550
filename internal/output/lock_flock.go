//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// acquire locks path for the build of dest, or fails at once naming the
// build that holds it.
func acquire(path, dest string) (*lock, error) {
	// a build that ends removes its lock file while it holds it: a lock
	// taken on the removed file is worth nothing, and is taken again on the
	// file now at path
	for range 100 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("cannot lock the output %s: %w", dest, err)
		}
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if errors.Is(err, unix.EWOULDBLOCK) {
			defer f.Close()
			return nil, busy(dest, f)
		}
		if errors.Is(err, unix.ENOLCK) || errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EOPNOTSUPP) {
			f.Close()
			return &lock{warning: fmt.Sprintf("the file system of %s cannot lock %s (%v): nothing keeps two builds from writing it at once", dest, path, err)}, nil
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock the output %s with %s: %w", dest, path, err)
		}
		mine, err1 := f.Stat()
		there, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(mine, there) {
			l := &lock{f: f, path: path, held: true}
			if err := writePid(f); err != nil {
				l.release()
				return nil, fmt.Errorf("cannot lock the output %s: %w", dest, err)
			}
			return l, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("cannot lock the output %s: %s keeps being replaced", dest, path)
}
