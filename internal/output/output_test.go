package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, Site{"index.html": []byte("one"), "a/b/index.html": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, Site{"index.html": []byte("two")}); err != nil {
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
	err := Write(dest, Site{"index.html": []byte("x")})
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
	if err := Write(empty, Site{"index.html": []byte("x")}); err != nil {
		t.Errorf("an empty folder may be used: %v", err)
	}
}

func TestAddRefusesEscapes(t *testing.T) {
	s := Site{}
	for _, p := range []string{"../x", "/etc/passwd", "a/../../b", "a\\b", "", "a//b", "./a"} {
		if err := s.Add(p, nil); err == nil {
			t.Errorf("Add(%q) accepted", p)
		}
	}
	if err := s.Add("a/index.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("a/index.html", nil); err == nil {
		t.Error("a second page at the same path was accepted")
	}
}
