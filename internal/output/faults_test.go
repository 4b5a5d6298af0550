package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tree is a folder's files and folders: path → bytes, folders ending in /.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil || full == dir {
			return err
		}
		rel := filepath.ToSlash(full[len(dir)+1:])
		if d.IsDir() {
			out[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(full)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// beside are the names in the destination's parent folder.
func beside(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSecondBuildFailsAtOnce(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: builds are not locked on Windows")
	}
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	lockFile := filepath.Join(filepath.Dir(dest), ".public.lock")
	if b, _ := os.ReadFile(lockFile); strings.TrimSpace(string(b)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("the lock file holds %q, want this pid", b)
	}
	_, err = Begin(dest)
	want := fmt.Sprintf("another digest build (pid %d) is writing %s", os.Getpid(), dest)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("a second build: %v; want %q", err, want)
	}
	if err := first.Add("index.html", []byte("one"), "test"); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output after the build: %v", got)
	}
	// the lock is released with the build, and taken over after a build
	// that left its lock file (killed)
	if err := os.WriteFile(lockFile, []byte("999999999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatalf("after a killed build's lock file: %v", err)
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output after the build: %v", got)
	}
}

func TestStaleStagingRemoved(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: stale staging folders are left on Windows")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := Write(dest, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	mk := func(name string, files ...string) {
		for _, f := range append([]string{""}, files...) {
			full := filepath.Join(parent, name, f)
			if f == "" {
				if err := os.MkdirAll(full, 0o755); err != nil {
					t.Fatal(err)
				}
				continue
			}
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk(".public.new-123", Marker, "a/index.html") // killed while writing
	mk(".public.old-77", Marker)                  // killed after renaming the output aside
	mk(".public.new-9")                           // killed before its marker
	mk(".public.new-555", "thesis.tex")           // not digest's: no marker
	mk(".public.new-1.new-2", Marker)             // the output public.new-1's, not public's
	mk(".publicity.new-4", Marker)                // another output's
	mk(".public.new-x", Marker)                   // not a staging folder's name
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	warnings := strings.Join(b.Warnings, "\n")
	for _, name := range []string{".public.new-123", ".public.old-77", ".public.new-9"} {
		if !strings.Contains(warnings, "removed "+filepath.Join(parent, name)+", left by a build of "+dest) {
			t.Errorf("no warning naming %s:\n%s", name, warnings)
		}
	}
	if !strings.Contains(warnings, filepath.Join(parent, ".public.new-555")+" is named as a staging folder") {
		t.Errorf("no warning for a folder left as it is:\n%s", warnings)
	}
	if err := b.Add("index.html", []byte("new"), "test"); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	got := beside(t, dest)
	want := []string{".public.new-1.new-2", ".public.new-555", ".public.new-x", ".publicity.new-4", "public"}
	if !slices.Equal(got, want) {
		t.Errorf("beside the output: %v, want %v", got, want)
	}
}

func TestRebuildSwitchesWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	site := map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("a"), "a/b/index.html": []byte("b")}
	if err := Write(dest, site); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dest, "a/b/index.html"), old, old); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	destBefore, _ := os.Stat(dest)
	fileBefore, _ := os.Stat(filepath.Join(dest, "a/b/index.html"))

	// nothing changed: the folder itself is left as it was
	if err := Write(dest, site); err != nil {
		t.Fatal(err)
	}
	if destAfter, _ := os.Stat(dest); !os.SameFile(destBefore, destAfter) {
		t.Error("a rebuild that changed nothing replaced the output folder")
	}

	// a change: a new folder at the same path, with the unchanged files
	// linked in as they were
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range site {
		if p == "index.html" {
			data = []byte("home, edited")
		}
		if err := b.Add(p, data, p); err != nil {
			t.Fatal(err)
		}
	}
	if got := tree(t, dest); !equalTrees(got, before) {
		t.Error("the output changed before Commit")
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b.Changed != 1 || b.Unchanged != 2 || b.Removed != 0 {
		t.Errorf("changed %d, unchanged %d, removed %d; want 1, 2, 0", b.Changed, b.Unchanged, b.Removed)
	}
	fileAfter, err := os.Stat(filepath.Join(dest, "a/b/index.html"))
	if err != nil || !os.SameFile(fileBefore, fileAfter) || !fileAfter.ModTime().Equal(old) {
		t.Errorf("an unchanged file lost its inode or time: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "home, edited" {
		t.Errorf("index.html = %q", got)
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestRenameAside is the switch where names cannot be exchanged (other
// systems, some file systems): the previous output is renamed away, then
// the staging folder in its place.
func TestRenameAside(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, map[string][]byte{"index.html": []byte("old"), "a/index.html": []byte("a")}); err != nil {
		t.Fatal(err)
	}
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string][]byte{"index.html": []byte("new"), "a/index.html": []byte("a")} {
		if err := b.Add(p, data, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.linkKept(); err != nil {
		t.Fatal(err)
	}
	if err := b.renameAside(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(filepath.Base(b.stage), ".public.old-") || tree(t, b.stage)["index.html"] != "old" {
		t.Errorf("the previous output is not at %s", b.stage)
	}
	b.end()
	want := map[string]string{"index.html": "new", "a/": "", "a/index.html": "a", Marker: markerText}
	if got := tree(t, dest); !equalTrees(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
}

func TestCopyKeepsTime(t *testing.T) {
	dir := t.TempDir()
	from, to := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if err := os.WriteFile(from, []byte("page"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(from, old, old); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(from, to); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(to)
	if b, _ := os.ReadFile(to); err != nil || string(b) != "page" || !info.ModTime().Equal(old) {
		t.Errorf("copy: %q, %v, %v", b, info.ModTime(), err)
	}
}

// TestPreviousLinksNotFollowed: a link someone put in the output is
// removed with the previous tree, and what it points to left alone.
func TestPreviousLinksNotFollowed(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, map[string][]byte{"index.html": []byte("one")}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dest, "media")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add("index.html", []byte("two"), "test"); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b.Removed != 1 {
		t.Errorf("removed %d, want the link", b.Removed)
	}
	if _, err := os.Lstat(filepath.Join(dest, "media")); err == nil {
		t.Error("the link survived the rebuild")
	}
	if got, err := os.ReadFile(filepath.Join(outside, "keep.txt")); err != nil || string(got) != "mine" {
		t.Errorf("what the link pointed to: %q, %v", got, err)
	}
}

// TestRelativeDestination writes to a destination given relative to the
// working folder, as digest build's default public/ is.
func TestRelativeDestination(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, body := range []string{"one", "two"} {
		if err := Write("public", map[string][]byte{"index.html": []byte(body), "a/b/index.html": []byte("b")}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile("public/index.html"); string(got) != body {
			t.Errorf("index.html = %q, want %q", got, body)
		}
	}
	if got := beside(t, "public"); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
}
