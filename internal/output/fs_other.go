//go:build !linux

package output

import "errors"

// exchange cannot swap two names in one step here: Commit renames the
// destination away, then the staging folder in its place.
func exchange(a, b string) error { return errors.ErrUnsupported }

// freeSpace is not known here.
func freeSpace(dir string) space { return space{} }
