package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func digest(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuildCommand(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	code, out, errOut := digest(t, "build", "--source", "../../internal/build/testdata/site", "--destination", dest)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "3 articles") || !strings.Contains(out, " ms") {
		t.Errorf("figures line: %q", out)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
	code, out, _ = digest(t, "build", "--source", "../../internal/build/testdata/site", "--destination", dest, "--drafts", "--future")
	if code != 0 || !strings.Contains(out, "5 articles") {
		t.Errorf("--drafts --future: exit %d, %q", code, out)
	}
}

func TestBuildFailureExitsNonZero(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"a.md": "+++\ntitle = 3\ndate = 2025-01-01\n+++\n",
		"b.md": "+++\ntitle = \"B\"\n",
	} {
		if err := os.WriteFile(filepath.Join(site, "content", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, errOut := digest(t, "build", "--source", site)
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"a.md:2: title must be text", "b.md:1:", "2 problems", "previous output was left"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("a failed build wrote output")
	}
}

func TestNewCommand(t *testing.T) {
	site := t.TempDir()
	code, out, errOut := digest(t, "new", "Sûreté : l'accord Maroc–Mali", "--source", site)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	name := strings.TrimSpace(out)
	want := filepath.Join(site, "content", time.Now().UTC().Format("2006-01-02")+"-surete-l-accord-maroc-mali.md")
	if name != want {
		// Near midnight the site's zone may disagree with UTC; compare the slug.
		if !strings.HasSuffix(name, "-surete-l-accord-maroc-mali.md") {
			t.Fatalf("wrote %q, want %q", name, want)
		}
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `title = "Sûreté : l'accord Maroc–Mali"`) || !strings.Contains(string(b), "draft = true") {
		t.Errorf("skeleton:\n%s", b)
	}
	// The skeleton is a valid draft: it builds with --drafts.
	code, out, errOut = digest(t, "build", "--source", site, "--drafts")
	if code != 0 || !strings.Contains(out, "1 article,") {
		t.Errorf("building the new article: exit %d %s %s", code, out, errOut)
	}
	if code, _, errOut = digest(t, "new", "Sûreté : l'accord Maroc–Mali", "--source", site); code == 0 || !strings.Contains(errOut, "already exists") {
		t.Errorf("a second new with the same title must not overwrite: exit %d %s", code, errOut)
	}
}

func TestHelpAndVersion(t *testing.T) {
	if code, out, _ := digest(t, "version"); code != 0 || !strings.HasPrefix(out, "digest ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := digest(t, "help"); code != 0 || !strings.Contains(out, "digest build") {
		t.Errorf("help: %d %q", code, out)
	}
	for _, cmd := range []string{"build", "new"} {
		if code, _, errOut := digest(t, cmd, "--help"); code != 0 || !strings.Contains(errOut, "-source") {
			t.Errorf("%s --help: %d %q", cmd, code, errOut)
		}
	}
	if code, _, errOut := digest(t, "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := digest(t); code != 2 {
		t.Errorf("no command: %d", code)
	}
}
