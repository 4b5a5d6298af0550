package build

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// expectation is what must happen to a site of testdata/bad, from its expect.toml.
type expectation struct {
	Error      []string // the build fails, and its message holds each of these
	Lines      int      // ...in this many lines, when not 0
	Page       string   // the build succeeds, and this page...
	Contains   []string // ...holds each of these
	Absent     []string // ...and none of these
	Warnings   []string // warnings that must be given
	NoWarnings []string `toml:"no_warnings"` // words no warning may hold
}

// TestBadSites builds each site of testdata/bad over a previous good output
// and checks what its expect.toml says: a clear error naming the file, the
// previous output byte-identical and nothing written beside it; or a build
// whose pages are safe.
func TestBadSites(t *testing.T) {
	dirs, err := filepath.Glob("testdata/bad/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no bad sites: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var want expectation
			if _, err := toml.DecodeFile(filepath.Join(dir, "expect.toml"), &want); err != nil {
				t.Fatal(err)
			}
			site := copyTree(t, dir)
			checkBuild(t, site, want)
		})
	}
}

// checkBuild builds site over a previous output and checks want.
func checkBuild(t *testing.T, site string, want expectation) {
	t.Helper()
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	if _, err := Run(Options{Source: "testdata/site", Destination: dest, Now: now}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	stats, err := Run(Options{Source: site, Destination: dest, Now: now})
	if len(want.Error) > 0 {
		if err == nil {
			t.Fatal("the build succeeded")
		}
		for _, w := range want.Error {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("the error does not say %q:\n%v", w, err)
			}
		}
		if n := strings.Count(err.Error(), "\n") + 1; want.Lines > 0 && n != want.Lines {
			t.Errorf("the error is %d lines, want %d:\n%v", n, want.Lines, err)
		}
		after := readTree(t, dest)
		if len(after) != len(before) {
			t.Errorf("previous output changed: %d files, then %d", len(before), len(after))
		}
		for p, b := range before {
			if !bytes.Equal(b, after[p]) {
				t.Errorf("previous output changed: %s", p)
			}
		}
		entries, _ := os.ReadDir(root)
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("the failed build left files beside the output: %v", names)
		}
		return
	}
	if err != nil {
		t.Fatalf("the build failed: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(want.Page)))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want.Contains {
		if !strings.Contains(string(b), w) {
			t.Errorf("%s lacks %q", want.Page, w)
		}
	}
	for _, w := range want.Absent {
		if strings.Contains(string(b), w) {
			t.Errorf("%s holds %q", want.Page, w)
		}
	}
	all := strings.Join(stats.Warnings, "\n")
	for _, w := range want.Warnings {
		if !strings.Contains(all, w) {
			t.Errorf("no warning says %q; warnings:\n%s", w, all)
		}
	}
	for _, w := range want.NoWarnings {
		if strings.Contains(all, w) {
			t.Errorf("a warning names %q:\n%s", w, all)
		}
	}
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if rel == "expect.toml" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The cases that are made rather than committed: too big, too deep, or
// things git does not keep.
func TestBadSitesMade(t *testing.T) {
	article := func(title, body string) []byte {
		return []byte("+++\ntitle = \"" + title + "\"\ndate = 2025-01-01\n+++\n" + body)
	}
	t.Run("fifty-megabyte article", func(t *testing.T) {
		site := t.TempDir()
		write(t, filepath.Join(site, "content", "big.md"), append(article("Big", ""), bytes.Repeat([]byte("Le Mali. "), 50<<20/9)...))
		checkBuild(t, site, expectation{Error: []string{"content/big.md: is 50.0 MB, over the limit of 5.0 MB"}})
	})
	t.Run("markdown nested thousands deep", func(t *testing.T) {
		site := t.TempDir()
		body := strings.Repeat("> ", 5000) + "Au fond, le Maroc.\n\n" + strings.Repeat("- ", 3000) + "liste\n\n" + strings.Repeat("*", 5000) + "x" + strings.Repeat("*", 5000)
		write(t, filepath.Join(site, "content", "2025-01-01-deep.md"), article("Profond", body))
		checkBuild(t, site, expectation{Page: "articles/deep/index.html", Contains: []string{"Au fond, le Maroc."}})
	})
	t.Run("symlink loop", func(t *testing.T) {
		site := t.TempDir()
		write(t, filepath.Join(site, "content", "2025-01-01-ok.md"), article("OK", "Texte."))
		if err := os.Symlink("loop.md", filepath.Join(site, "content", "loop.md")); err != nil {
			t.Skip("no symlinks here:", err)
		}
		if err := os.Symlink(".", filepath.Join(site, "content", "again")); err != nil {
			t.Fatal(err)
		}
		checkBuild(t, site, expectation{Error: []string{"content/loop.md: cannot read", "too many levels of symbolic links"}})
	})
	t.Run("unreadable article", func(t *testing.T) {
		site := t.TempDir()
		write(t, filepath.Join(site, "content", "2025-01-01-ok.md"), article("OK", "Texte."))
		if err := os.MkdirAll(filepath.Join(site, "content", "dossier.md"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(site, "content", "dossier.md", "2025-01-01-inner.md"), article("Inner", "Texte."))
		write(t, filepath.Join(site, "content", "secret.md"), article("Secret", "Texte."))
		if err := os.Chmod(filepath.Join(site, "content", "secret.md"), 0); err != nil {
			t.Fatal(err)
		}
		want := []string{"content/dossier.md/2025-01-01-inner.md"}
		if os.Geteuid() != 0 { // root reads anything
			want = []string{"content/secret.md: cannot read", "permission denied"}
		}
		stats, err := Run(Options{Source: site, Destination: filepath.Join(t.TempDir(), "public"), Now: now})
		if os.Geteuid() == 0 {
			if err != nil || stats.Articles != 3 {
				t.Errorf("as root: %v, %+v", err, stats)
			}
			return
		}
		if err == nil || !strings.Contains(err.Error(), want[0]) {
			t.Errorf("got %v, want %v", err, want)
		}
	})
	t.Run("output folder is the content folder or its parent", func(t *testing.T) {
		site := t.TempDir()
		write(t, filepath.Join(site, "content", "2025-01-01-ok.md"), article("OK", "Texte."))
		for _, dest := range []string{filepath.Join(site, "content"), site, filepath.Dir(site)} {
			before := readTree(t, site)
			_, err := Run(Options{Source: site, Destination: dest, Now: now})
			if err == nil || !strings.Contains(err.Error(), "would replace") {
				t.Errorf("destination %s: %v", dest, err)
			}
			if after := readTree(t, site); len(after) != len(before) {
				t.Errorf("destination %s: the site changed", dest)
			}
		}
	})
	t.Run("output folder holding files digest did not write", func(t *testing.T) {
		site := t.TempDir()
		write(t, filepath.Join(site, "content", "2025-01-01-ok.md"), article("OK", "Texte."))
		dest := filepath.Join(t.TempDir(), "www")
		write(t, filepath.Join(dest, "index.php"), []byte("<?php // mine"))
		_, err := Run(Options{Source: site, Destination: dest, Now: now})
		if err == nil || !strings.Contains(err.Error(), "did not write") || !strings.Contains(err.Error(), "--destination") {
			t.Errorf("got %v", err)
		}
		if b, _ := os.ReadFile(filepath.Join(dest, "index.php")); string(b) != "<?php // mine" {
			t.Error("the foreign file was touched")
		}
	})
}

// TestNoWriteOutsideOutput: whatever the site says, a build writes only in
// its output folder.
func TestNoWriteOutsideOutput(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	write(t, filepath.Join(site, "content", "2025-01-01-a.md"), []byte("+++\ntitle = \"A\"\ndate = 2025-01-01\naliases = [\"/a/b/\", \"deep/er/\"]\n+++\nTexte."))
	snapshot := func() []string {
		var names []string
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err == nil && !strings.Contains(p, string(filepath.Separator)+"public") {
				names = append(names, p)
			}
			return nil
		})
		sort.Strings(names)
		return names
	}
	before := snapshot()
	if _, err := Run(Options{Source: site, Destination: filepath.Join(root, "public"), Now: now}); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("files outside the output changed:\nbefore %v\nafter %v", before, after)
	}
}
