package main

import (
	"bytes"
	"encoding/json"
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
	if !strings.Contains(out, "4 articles") || !strings.Contains(out, " ms") {
		t.Errorf("figures line: %q", out)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
	code, out, _ = digest(t, "build", "--source", "../../internal/build/testdata/site", "--destination", dest, "--drafts", "--future")
	if code != 0 || !strings.Contains(out, "6 articles") {
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
	for _, want := range []string{"a.md:2: title must be text", "b.md:1:", "2 problems", "build failed; nothing was written"} {
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
	if code, _, errOut := digest(t, "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := digest(t); code != 2 {
		t.Errorf("no command: %d", code)
	}
}

func TestExtractJSON(t *testing.T) {
	code, out, errOut := digest(t, "extract", "--json", "--source", "../..", "../../content/2025-11-25-mali-maroc-interpol.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Articles []struct {
			File      string `json:"file"`
			Lang      string `json:"lang"`
			Countries []struct {
				Code     string   `json:"code"`
				Name     string   `json:"name"`
				Mentions int      `json:"mentions"`
				Surfaces []string `json:"surfaces"`
			} `json:"countries"`
			Officials []struct {
				ID       string   `json:"id"`
				Country  string   `json:"country"`
				Roles    []string `json:"roles"`
				Surfaces []string `json:"surfaces"`
			} `json:"officials"`
			Regions  []map[string]any `json:"regions"`
			Places   []map[string]any `json:"places"`
			Agencies []map[string]any `json:"agencies"`
			Themes   []map[string]any `json:"themes"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Articles) != 1 {
		t.Fatalf("%d articles", len(doc.Articles))
	}
	a := doc.Articles[0]
	if a.File != "../../content/2025-11-25-mali-maroc-interpol.md" || a.Lang != "fr" {
		t.Errorf("file %q lang %q", a.File, a.Lang)
	}
	if len(a.Countries) != 2 || a.Countries[0].Code != "MA" || a.Countries[1].Code != "ML" || a.Countries[0].Mentions < a.Countries[1].Mentions {
		t.Errorf("countries %+v, want MA then ML, by mentions", a.Countries)
	}
	var kone bool
	for _, o := range a.Officials {
		if o.ID == "youssouf-kone" {
			kone = o.Country == "ML" && len(o.Roles) > 0 && o.Roles[0] == "directeur général de la police nationale du Mali" &&
				strings.Contains(strings.Join(o.Surfaces, "|"), "M. Koné")
		}
	}
	if !kone {
		t.Errorf("Youssouf Koné not read as the issue says: %+v", a.Officials)
	}
	if a.Regions == nil || a.Places == nil || a.Agencies == nil || a.Themes == nil {
		t.Error("a list is null instead of []")
	}
	// byte-identical from run to run
	_, again, _ := digest(t, "extract", "--json", "--source", "../..", "../../content/2025-11-25-mali-maroc-interpol.md")
	if again != out {
		t.Error("two runs differ")
	}
}

func TestExtractBadFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.md"), []byte("+++\ntitle = \"Mali\"\ndate = 2025-01-01\n+++\nLe Mali.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.md"), []byte("+++\ntitle = 1\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := digest(t, "extract", "--json", "--source", dir, dir)
	if code != 1 || !strings.Contains(errOut, "bad.md:2:") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, `"code": "ML"`) {
		t.Errorf("the good file was not printed:\n%s", out)
	}
}

// TestEntitiesCommand checks that digest entities lists the theme
// vocabulary and a site's own entries, and refuses an unknown kind.
func TestEntitiesCommand(t *testing.T) {
	code, out, errOut := digest(t, "entities", "--kind", "themes", "--source", "../..")
	if code != 0 || !strings.Contains(out, "south-south") || !strings.Contains(out, "Coopération Sud-Sud") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	code, out, _ = digest(t, "entities", "--kind", "agencies", "--json", "--source", "../../internal/build/testdata/bad/data-role-agency")
	if code != 1 {
		t.Errorf("a site with bad data: exit %d, %s", code, out)
	}
	code, out, _ = digest(t, "entities", "--kind", "countries", "--json", "--source", "../..")
	var rows []entityRow
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) < 200 {
		t.Errorf("countries as JSON: exit %d, %d rows", code, len(rows))
	}
	if code, _, errOut = digest(t, "entities", "--kind", "pays"); code != 2 || !strings.Contains(errOut, "not one of") {
		t.Errorf("an unknown kind: exit %d, %s", code, errOut)
	}
}

// TestCheckCommand checks digest check's exit statuses: 1 on findings, 0
// when --fail-on names only kinds not found, 2 for an unknown kind.
func TestCheckCommand(t *testing.T) {
	site := "../../internal/check/testdata/site"
	if code, out, _ := digest(t, "check", "--source", site); code != 1 || !strings.Contains(out, "duplicate (1)") {
		t.Errorf("findings: exit %d\n%s", code, out)
	}
	if code, _, errOut := digest(t, "check", "--source", site, "--fail-on", "broken"); code != 2 {
		t.Errorf("--fail-on broken: exit %d, %s", code, errOut)
	}
	code, out, _ := digest(t, "check", "--source", "../..", "--json", "--fail-on", "no-country")
	var r struct{ Articles int }
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Articles != 30 {
		t.Errorf("the sample digest, failing on no-country only: exit %d, %d articles", code, r.Articles)
	}
}
