package corpusgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	hugo := t.TempDir()
	if err := Generate(a, Options{N: 60, Seed: 7, Hugo: hugo}); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, Options{N: 60, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(a, "content", "*.md"))
	if len(files) != 60 {
		t.Fatalf("%d articles", len(files))
	}
	en := 0
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, err := os.ReadFile(filepath.Join(b, "content", filepath.Base(f)))
		if err != nil || !bytes.Equal(x, y) {
			t.Fatalf("%s differs between two runs with one seed", filepath.Base(f))
		}
		body := x[bytes.Index(x[3:], []byte("+++"))+6:]
		if len(body) < 1000 || len(body) > 9000 {
			t.Errorf("%s: body of %d bytes, want 1 to 8 KB", filepath.Base(f), len(body))
		}
		if bytes.Contains(x, []byte(`lang = "en"`)) {
			en++
		}
		if !bytes.Contains(body, []byte("M. ")) && !bytes.Contains(body, []byte("Mr ")) {
			t.Errorf("%s: no official named again by surname", filepath.Base(f))
		}
	}
	if en == 0 || en == 60 {
		t.Errorf("%d English articles of 60: want both languages", en)
	}
	h, err := os.ReadFile(filepath.Join(hugo, "content", "articles", filepath.Base(files[0])))
	if err != nil || !strings.Contains(string(h), "countries = [") || !strings.Contains(string(h), "officials = [") {
		t.Errorf("Hugo article: %v\n%s", err, h)
	}
	if _, err := os.Stat(filepath.Join(hugo, "hugo.toml")); err != nil {
		t.Error(err)
	}
}
