package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"digest/internal/content"
	"digest/internal/layout"
)

// debounce gathers a burst of events (an editor's save is often several)
// into one rebuild.
const debounce = 30 * time.Millisecond

// Watch rebuilds on every change of the site's files until ctx ends.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	src := s.opts.Source
	// the site folder itself, for config.toml (editors replace it: remove
	// then create, or rename over it) and for folders made later
	if err := w.Add(src); err != nil {
		return err
	}
	for _, d := range layout.Sources {
		addTree(w, filepath.Join(src, d))
	}
	s.session.Watching()
	var pending []string
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			s.logf("watch: %v", err)
			s.session.TouchAll() // events may be lost: look at every file
			timer = time.After(debounce)
		case ev := <-w.Events:
			if !s.relevant(ev.Name) {
				continue
			}
			// a new folder (or a folder renamed into place): watch it and all below
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			s.session.Touch(ev.Name)
			rel, _ := filepath.Rel(src, ev.Name)
			pending = append(pending, filepath.ToSlash(rel))
			timer = time.After(debounce)
		case <-timer:
			timer = nil
			changed := unique(pending)
			pending = nil
			s.Build(describe(changed), cssOnly(changed))
		}
	}
}

func (s *Server) logf(format string, args ...any) {
	s.log.Write([]byte(strings.TrimSpace(sprintf(format, args...)) + "\n"))
}

// relevant tells whether a changed path is a source of the site, leaving
// out editors' backup, swap and temporary files.
func (s *Server) relevant(name string) bool {
	base := filepath.Base(name)
	if content.IsEditorFile(base) || strings.HasPrefix(base, ".") && base != ".digest" {
		return false
	}
	rel, err := filepath.Rel(s.opts.Source, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	first := strings.SplitN(filepath.ToSlash(rel), "/", 2)[0]
	if rel == layout.Config || filepath.Clean(name) == filepath.Clean(s.opts.Config) {
		return true
	}
	// in content/, articles and folders; not the temporary files some tools
	// write beside them ("sedX1b2c3" while sed -i edits)
	if first == layout.Content && filepath.Ext(base) == "" {
		if info, err := os.Stat(name); err == nil && !info.IsDir() {
			return false
		}
	}
	return slices.Contains(layout.Sources, first)
}

func addTree(w *fsnotify.Watcher, root string) {
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != root {
				return fs.SkipDir
			}
			_ = w.Add(p)
		}
		return nil
	})
}

func unique(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range list {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return "rebuilt"
	case 1:
		return changed[0] + " changed"
	}
	return changed[0] + " and " + sprintf("%d more", len(changed)-1) + " changed"
}

// plural is "1 file", "2 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return sprintf("%d %s", n, many)
}

// cssOnly: only stylesheets changed, so pages can keep their state.
func cssOnly(changed []string) bool {
	for _, c := range changed {
		if !strings.HasPrefix(c, layout.Static+"/") || !strings.HasSuffix(c, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
