package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"digest/internal/corpusgen"
	"digest/internal/output"
)

// TestCachedRebuildsMatchFullBuilds edits a generated site step by step and
// checks, after each step, that a rebuild with the cache of the previous
// builds writes exactly the files a build from scratch writes.
func TestCachedRebuildsMatchFullBuilds(t *testing.T) {
	t.Run("eager", func(t *testing.T) { testCachedRebuilds(t, false) })
	// digest serve's: pages to make again are made when read
	t.Run("lazy", func(t *testing.T) { testCachedRebuilds(t, true) })
}

func testCachedRebuilds(t *testing.T, lazy bool) {
	dir := t.TempDir()
	if err := corpusgen.Generate(dir, corpusgen.Options{N: 80, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cfg, err := ResolveConfig(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(Options{Source: dir}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := Options{Source: dir, Now: now}
	sess := newSession(opts, x, lazy)
	carried, deferred, reused := 0, 0, 0
	// buildOnce rebuilds with the session, or builds from scratch
	buildOnce := func(rebuild bool) (map[string][]byte, error) {
		m := output.NewMemory()
		var st *Stats
		var err error
		if rebuild {
			if st, err = sess.Build(m, nil); st != nil {
				carried, deferred, reused = st.Carried, st.Deferred, st.Reused
			}
		} else {
			_, err = run(opts, x, m)
		}
		if err == nil {
			err = m.Resolve()
		}
		return m.Files(), err
	}
	if _, err := buildOnce(true); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	sort.Strings(files)
	tick := time.Now()
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		tick = tick.Add(time.Second) // a new time, whatever the clock's grain
		os.Chtimes(name, tick, tick)
	}
	edit := func(name string, f func(string) string) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		write(name, f(string(b)))
	}
	steps := []struct {
		name      string
		do        func()
		reuseAll  bool
		reuseMost bool // more than half of the files
		carries   bool // files are carried over unplanned
	}{
		{"nothing changed", func() {}, true, true, true},
		{"a sentence added to a body", func() {
			edit(files[10], func(s string) string { return s + "\nLe ministre a salué la coopération.\n" })
		}, false, true, true},
		{"a new country and agency named", func() {
			edit(files[20], func(s string) string {
				return s + "\nLe Mali et le Maroc ont renforcé leur coopération avec Interpol et Afripol.\n"
			})
		}, false, true, true},
		{"a title changed", func() {
			edit(files[30], func(s string) string { return strings.Replace(s, "title = \"", "title = \"Nouveau : ", 1) })
		}, false, true, true},
		{"a date changed (the order of the lists)", func() {
			edit(files[40], func(s string) string {
				i := strings.Index(s, "date = ")
				j := strings.Index(s[i:], "\n")
				return s[:i] + "date = 2025-12-31T23:00:00Z" + s[i+j:]
			})
		}, false, true, false},
		{"an article added", func() {
			write(filepath.Join(dir, "content", "2025-06-01-nouvel-article.md"), "+++\ntitle = \"Le Niger et le Tchad contre le terrorisme\"\ndate = 2025-06-01T10:00:00Z\n+++\n\nLe ministre de l'Intérieur nigérien, Mohamed Bazoum, a rencontré à N'Djamena son homologue tchadien pour parler de terrorisme et de la CEDEAO.\n")
		}, false, true, false},
		{"an article removed", func() { os.Remove(files[50]) }, false, true, false},
		{"an official's latest role given where his country is not named (its page lists him)", func() {
			write(filepath.Join(dir, "content", "2025-12-30-hammouchi.md"), "+++\ntitle = \"Une nomination\"\ndate = 2025-12-30T10:00:00Z\n+++\n\nAbdellatif Hammouchi, conseiller spécial pour la sécurité, a reçu mardi une délégation d'Interpol.\n")
		}, false, true, false},
		{"the template of list pages changed (only they are made again)", func() {
			write(filepath.Join(dir, "templates", "list.html"), "{{define \"main\"}}<h1>{{.ListKind}}</h1>{{range .Links}}<a href=\"{{rel $ .URL}}\">{{.Name}}</a>{{end}}{{end}}\n")
		}, false, true, false},
		{"a partial changed (every page is made again)", func() {
			write(filepath.Join(dir, "templates", "partials", "footer.html"), "<footer>Pied de page modifié</footer>\n")
		}, false, false, false},
		{"nothing changed again", func() {}, true, true, true},
	}
	os.MkdirAll(filepath.Join(dir, "templates", "partials"), 0o755)
	for _, st := range steps {
		st.do()
		inc, err := buildOnce(true)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		reused, carriedNow, deferredNow := reused, carried, deferred
		full, err := buildOnce(false)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if diff := diffFiles(inc, full); diff != "" {
			t.Errorf("%s: the cached rebuild differs from a full build: %s", st.name, diff)
		}
		if st.reuseAll && reused < len(full)-10 { // the sitemap, robots.txt, search index, static files are made anew
			t.Errorf("%s: %d of %d files reused", st.name, reused, len(full))
		}
		if template := strings.Contains(st.name, "template") || strings.Contains(st.name, "partial"); lazy && template && deferredNow == 0 {
			t.Errorf("%s: no page deferred", st.name)
		}
		if st.carries != (carriedNow > 0) {
			t.Errorf("%s: %d files carried over unplanned", st.name, carriedNow)
		}
		if st.reuseMost && reused <= len(full)/2 {
			t.Errorf("%s: only %d of %d files reused", st.name, reused, len(full))
		}
	}
}

func diffFiles(got, want map[string][]byte) string {
	var diffs []string
	for p, w := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diffs = append(diffs, p+" missing")
		case !bytes.Equal(g, w):
			diffs = append(diffs, p+" differs")
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, p+" should not be there")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("and %d more", len(diffs)-5))
	}
	return strings.Join(diffs, ", ")
}

// TestWatchedCacheReadsOnlyWhatItIsTold checks that, told of every change,
// a rebuild reads the files it is told of and looks at no other; and that
// it looks at every file again when told that anything may have changed.
func TestWatchedCacheReadsOnlyWhatItIsTold(t *testing.T) {
	dir := t.TempDir()
	if err := corpusgen.Generate(dir, corpusgen.Options{N: 12, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	sort.Strings(files)
	sess := NewSession(Options{Source: dir}, false)
	titleOf := func() string {
		m := output.NewMemory()
		if _, err := sess.Build(m, nil); err != nil {
			t.Fatal(err)
		}
		for p, b := range m.Files() {
			if strings.HasPrefix(p, "articles/") && bytes.Contains(b, []byte("Titre changé")) {
				return "changed"
			}
		}
		return "as before"
	}
	retitle := func(n int) {
		b, _ := os.ReadFile(files[0])
		s := strings.Replace(string(b), "title = \"", fmt.Sprintf("title = \"Titre changé %d ", n), 1)
		os.WriteFile(files[0], []byte(s), 0o644)
		// the same size and time as another edit could leave them
		os.Chtimes(files[0], time.Unix(1e9, 0), time.Unix(1e9, 0))
	}
	sess.Watching()
	titleOf() // looks at every file: the watch began before it
	retitle(1)
	if got := titleOf(); got != "as before" {
		t.Fatalf("a change nobody told of was read: the watched cache looked at the files")
	}
	sess.Touch(files[0])
	if got := titleOf(); got != "changed" {
		t.Fatalf("a change told of was not read")
	}
	retitle(2)
	sess.TouchAll()
	if got := titleOf(); got != "changed" {
		t.Fatalf("after TouchAll, a change was not read")
	}
	// an article added, then removed, told of: the listing is made again
	added := filepath.Join(dir, "content", "2020-01-01-ajout.md")
	os.WriteFile(added, []byte("+++\ntitle = \"Titre changé ajouté\"\ndate = 2020-01-01T10:00:00Z\n+++\n\nTexte.\n"), 0o644)
	b, _ := os.ReadFile(files[0])
	os.WriteFile(files[0], []byte(strings.ReplaceAll(string(b), "Titre changé", "Titre")), 0o644)
	sess.Touch(files[0])
	if got := titleOf(); got != "as before" {
		t.Fatalf("an article nobody told of was read: the folder was walked again")
	}
	sess.Touch(added)
	if got := titleOf(); got != "changed" {
		t.Fatalf("an article added and told of was not read")
	}
	os.Remove(added)
	sess.Touch(added)
	if got := titleOf(); got != "as before" {
		t.Fatalf("an article removed and told of is still there")
	}
	retitle(3)
	sess.Touch(files[0])
	if got := titleOf(); got != "changed" {
		t.Fatalf("a change told of was not read")
	}
	// a folder touched: every file is looked at
	os.WriteFile(files[0], []byte(strings.ReplaceAll(string(must(os.ReadFile(files[0]))), "Titre changé", "Titre")), 0o644)
	sess.Touch(filepath.Join(dir, "content"))
	if got := titleOf(); got != "as before" {
		t.Fatalf("after a folder changed, a change was not read")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// TestDeferredPagesMadeLate checks that pages a lazy build deferred, carried
// unmade through later rebuilds and made at last, are those a build from
// scratch makes; and that a deferred page whose template fails says so.
func TestDeferredPagesMadeLate(t *testing.T) {
	dir := t.TempDir()
	if err := corpusgen.Generate(dir, corpusgen.Options{N: 60, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(Options{Source: dir}, must2(ResolveConfig(Options{Source: dir})))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := Options{Source: dir, Now: now}
	sess := newSession(opts, x, true)
	// buildOnce rebuilds with the lazy session, or builds from scratch
	buildOnce := func(rebuild bool) (*output.Memory, *Stats) {
		m := output.NewMemory()
		var st *Stats
		var err error
		if rebuild {
			st, err = sess.Build(m, nil)
		} else {
			st, err = run(opts, x, m)
		}
		if err != nil {
			t.Fatal(err)
		}
		return m, st
	}
	buildOnce(true)
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	tmpl := filepath.Join(dir, "templates", "entity.html")
	os.WriteFile(tmpl, []byte("{{define \"main\"}}<h1>{{.Entity.Name}}</h1>{{range .Articles}}<p>{{.Title}}</p>{{end}}{{end}}\n"), 0o644)
	if _, st := buildOnce(true); st.Deferred == 0 {
		t.Fatal("a template edit deferred no page")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	sort.Strings(files)
	b, _ := os.ReadFile(files[7])
	os.WriteFile(files[7], append(b, "\nLe ministre a salué la coopération.\n"...), 0o644)
	os.Chtimes(files[7], time.Now().Add(time.Hour), time.Now().Add(time.Hour))
	inc, st := buildOnce(true)
	if st.Carried == 0 {
		t.Fatal("the edit carried nothing over")
	}
	if err := inc.Resolve(); err != nil {
		t.Fatal(err)
	}
	full, _ := buildOnce(false)
	if diff := diffFiles(inc.Files(), full.Files()); diff != "" {
		t.Errorf("pages deferred, then made after an edit, differ from a full build: %s", diff)
	}

	// a template that fails on some pages only: the first of the kind
	// passes, a deferred one fails when read
	os.WriteFile(tmpl, []byte("{{define \"main\"}}{{if eq (len .Articles) 1}}{{index .Articles 99}}{{end}}{{end}}\n"), 0o644)
	m, st := buildOnce(true)
	if st.Deferred == 0 {
		t.Fatal("nothing deferred")
	}
	if err := m.Resolve(); err == nil || !strings.Contains(err.Error(), "index") {
		t.Errorf("a deferred page whose template fails: %v", err)
	}
}

func must2[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestSessionStartsOver checks the session's rule: a change in data/ or of
// the configuration, wherever --config puts it, makes the next build start
// over; no other change does.
func TestSessionStartsOver(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		path, config string
		want         bool
	}{
		{"data/agencies.toml", "", true},
		{"data", "", true},
		{"config.toml", "", true},
		{"conf/site.toml", "conf/site.toml", true},
		{"config.toml", "conf/site.toml", true},
		{"content/2025-01-01-a.md", "", false},
		{"dataset/a.toml", "", false},
		{"templates/data/x.html", "", false},
		{"static/config.toml", "", false},
	} {
		opts := Options{Source: dir}
		if c.config != "" {
			opts.Config = filepath.Join(dir, c.config)
		}
		sess := newSession(opts, nil, false)
		sess.startOver = false
		sess.Touch(filepath.Join(dir, c.path))
		if sess.startOver != c.want {
			t.Errorf("%s changed (config %q): start over %v, want %v", c.path, c.config, sess.startOver, c.want)
		}
	}
	if sess := newSession(Options{Source: dir}, nil, false); sess.changesData(filepath.Join(filepath.Dir(dir), "data", "x.toml")) {
		t.Error("a data folder beside the site counts as the site's")
	}
}

// TestSessionReadsNewData checks that an agency added to data/ is found by
// the rebuild told of it, and not before: the session keeps its extractor
// until then.
func TestSessionReadsNewData(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "2025-03-01-a.md"), []byte("+++\ntitle = \"Rencontre à Dakar\"\ndate = 2025-03-01T10:00:00Z\n+++\n\nLe Sénégal a reçu l'Office zébré des frontières lointaines.\n"), 0o644)
	sess := NewSession(Options{Source: dir}, false)
	page := "institutions/ozfl/index.html"
	has := func() bool {
		m := output.NewMemory()
		if _, err := sess.Build(m, nil); err != nil {
			t.Fatal(err)
		}
		_, ok := m.File(page)
		return ok
	}
	if has() {
		t.Fatalf("%s before the agency was known", page)
	}
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	data := filepath.Join(dir, "data", "agencies.toml")
	os.WriteFile(data, []byte("[[agency]]\nid = \"ozfl\"\nname_fr = \"Office zébré des frontières lointaines\"\nname_en = \"Zebra Office of Far Borders\"\ncountry = \"SN\"\nkind = \"national\"\n"), 0o644)
	if has() {
		t.Fatalf("%s with no change told: the session compiled its extractor again", page)
	}
	sess.Touch(data)
	if !has() {
		t.Fatalf("no %s after data/agencies.toml changed", page)
	}
}
