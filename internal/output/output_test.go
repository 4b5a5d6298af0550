package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, map[string][]byte{"index.html": []byte("one"), "a/b/index.html": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "two" {
		t.Errorf("index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); err == nil {
		t.Error("a file of the previous build survived")
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Error("no marker")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("temporary folders left beside the output: %d entries", len(entries))
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	if err := os.WriteFile(filepath.Join(dest, "thesis.tex"), []byte("years of work"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(dest, map[string][]byte{"index.html": []byte("x")})
	if err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "thesis.tex")); string(b) != "years of work" {
		t.Error("foreign file touched")
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(empty, map[string][]byte{"index.html": []byte("x")}); err != nil {
		t.Errorf("an empty folder may be used: %v", err)
	}
}

func TestAddRefusesEscapesAndDuplicates(t *testing.T) {
	b, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Abort()
	for _, p := range []string{"../x", "/etc/passwd", "a/../../b", "a\\b", "", "a//b", "./a", "a\x00b"} {
		if err := b.Add(p, nil, "test"); err == nil {
			t.Errorf("Add(%q) accepted", p)
		}
	}
	if err := b.Add("a/index.html", nil, "first.md"); err != nil {
		t.Fatal(err)
	}
	if err := b.Add("a/index.html", nil, "second.md"); err == nil || !strings.Contains(err.Error(), "first.md and second.md") {
		t.Errorf("a second page at the same path: %v", err)
	}
}

func TestAbortLeavesDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Add("index.html", []byte("new"), "x"); err != nil {
		t.Fatal(err)
	}
	b.Abort()
	if got, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(got) != "old" {
		t.Errorf("index.html = %q after an aborted build", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("an aborted build left %d entries beside the output", len(entries))
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	if err := m.Add("a/index.html", []byte("x"), "first"); err != nil {
		t.Fatal(err)
	}
	if err := m.Add("a/index.html", []byte("y"), "second"); err == nil || !strings.Contains(err.Error(), "first and second") {
		t.Errorf("duplicate: %v", err)
	}
	if err := m.Add("../x", nil, "bad"); err == nil {
		t.Error("an escaping path was kept")
	}
	if b, ok := m.File("a/index.html"); !ok || string(b) != "x" || !m.Has("a/index.html") {
		t.Errorf("File: %q %v", b, ok)
	}
	m.Abort()
	if m.Has("a/index.html") {
		t.Error("Abort kept files")
	}
}

func TestRebuildTouchesOnlyWhatChanged(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := map[string][]byte{
		"index.html":          []byte("home"),
		"a/index.html":        []byte("a"),
		"gone/deep/page.html": []byte("stale"),
		"b":                   []byte("a file where a folder goes next"),
		"c/index.html":        []byte("a folder where a file goes next"),
	}
	if err := Write(dest, first); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dest, "a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range map[string][]byte{
		"index.html":   []byte("home, edited"),
		"a/index.html": []byte("a"),
		"new.html":     []byte("new"),
		"b/index.html": []byte("b"),
		"c":            []byte("c"),
	} {
		if err := b.Add(p, data, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if b.Changed != 4 || b.Unchanged != 1 || b.Removed != 3 {
		t.Errorf("changed %d, unchanged %d, removed %d; want 4, 1, 3", b.Changed, b.Unchanged, b.Removed)
	}
	after, err := os.Stat(filepath.Join(dest, "a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged file was rewritten")
	}
	for p, want := range map[string]string{"index.html": "home, edited", "new.html": "new", "b/index.html": "b", "c": "c"} {
		if got, err := os.ReadFile(filepath.Join(dest, p)); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", p, got, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "gone")); err == nil {
		t.Error("a folder emptied of stale files was kept")
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Error("no marker after a rebuild")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("temporary folders left beside the output: %d entries", len(entries))
	}
}
