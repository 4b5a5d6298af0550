package build

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"digest"
	"digest/internal/layout"
	"digest/internal/output"
)

// addStatic copies the built-in static files, then the site's over them.
func addStatic(out output.Writer, site string) (int, error) {
	files := map[string]fs.FS{}
	for _, l := range []fs.FS{digest.Static(), dirFS(filepath.Join(site, layout.Static))} {
		if l == nil {
			continue
		}
		err := fs.WalkDir(l, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				files[p] = l
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("%s: %w", layout.Static, err)
		}
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if out.Has(p) {
			return 0, fmt.Errorf("%s/%s would overwrite a page of the same path", layout.Static, p)
		}
		b, err := fs.ReadFile(files[p], p)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", layout.Static, err)
		}
		if err := out.Add(p, b, layout.Static+"/"+p); err != nil {
			return 0, err
		}
	}
	return len(paths), nil
}
