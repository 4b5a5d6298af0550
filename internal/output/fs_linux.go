package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the names of two folders in one step. It returns
// errors.ErrUnsupported where the kernel or the file system cannot.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.EOPNOTSUPP):
		return errors.ErrUnsupported
	}
	return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
}

// freeSpace is the room left on the file system of dir, for unprivileged
// writers.
func freeSpace(dir string) space {
	var s unix.Statfs_t
	if err := unix.Statfs(dir, &s); err != nil {
		return space{}
	}
	free := space{known: true, bytes: int64(s.Bavail) * int64(s.Bsize), inodes: int64(s.Ffree)}
	if s.Files == 0 {
		free.inodes = -1 // a file system without a count of inodes (btrfs)
	}
	return free
}
