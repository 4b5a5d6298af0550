package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"digest"
	"digest/internal/geo"
	"digest/internal/output"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// now is fixed so that "future" means the same thing in every run.
var now = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func buildSite(t *testing.T, source string, opts Options) (string, *Stats) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	opts.Source, opts.Destination, opts.Now = source, dest, now
	stats, err := Run(opts)
	if err != nil {
		t.Fatalf("build of %s: %v", source, err)
	}
	return dest, stats
}

// TestGoldenPages compares rendered pages of the fixture site with the files
// in testdata/golden; run "go test ./internal/build -update" to accept changes.
func TestGoldenPages(t *testing.T) {
	dest, stats := buildSite(t, "testdata/site", Options{})
	if stats.Articles != 4 || stats.Drafts != 1 || stats.Future != 1 || stats.Aliases != 1 {
		t.Errorf("stats = %+v, want 4 articles, 1 draft and 1 future left out, 1 alias", stats)
	}
	compareGolden(t, dest, "golden", []string{
		"index.html",
		"page/2/index.html",
		"articles/kone-a-marrakech/index.html",
		"articles/world-drug-report-2025/index.html",
		"articles/golfe/index.html",
		"anciens/kone-marrakech/index.html",
		"404.html",
		"pays/ml/index.html",
		"personnalites/youssouf-kone/index.html",
		"institutions/unodc/index.html",
		"themes/cooperation-sud-sud/index.html",
		"regions/golfe-de-guinee/index.html",
		"themes/south-south/index.html", // the redirect from the id's path
		"pays/index.html",
		"archives/index.html",
		"archives/2025/11/index.html",
		"recherche/index.html",
		"relations/ma-ml/index.html",
		"relations/index.html",
	})
}

// TestGoldenSamplePages: a page of each kind of the sample digest itself.
func TestGoldenSamplePages(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	compareGolden(t, dest, "golden-sample", []string{
		"index.html",
		"articles/mali-maroc-interpol/index.html",
		"pays/ml/index.html",
		"personnalites/youssouf-kone/index.html",
		"institutions/interpol/index.html",
		"themes/cooperation-sud-sud/index.html",
		"themes/criminalite-organisee-et-transnationale/index.html", // its countries by year
		"regions/sahel/index.html",
		"personnalites/index.html",
		"archives/2025/11/index.html",
		"recherche/index.html",
		"index.xml",
		"relations/ma-ml/index.html",
	})
}

func compareGolden(t *testing.T, dest, dir string, pages []string) {
	for _, page := range pages {
		t.Run(page, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dest, page))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", dir, strings.ReplaceAll(page, "/", "_"))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run with -update to accept):\n%s", page, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}

// TestPageContent checks what the golden files hold, so that an -update
// cannot quietly accept a regression in what matters.
func TestPageContent(t *testing.T) {
	dest, _ := buildSite(t, "testdata/site", Options{})
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	kone := read("articles/kone-a-marrakech/index.html")
	drug := read("articles/world-drug-report-2025/index.html")
	for _, c := range []struct {
		name, page, want string
		present          bool
	}{
		{"French date", kone, `<time datetime="2025-11-25">25 novembre 2025</time>`, true},
		{"an English article's date, in the site's language", drug, `<p class="meta" lang="fr">
      <time datetime="2025-06-27">27 juin 2025</time>`, true},
		{"no English date on a French site", drug, `27 June 2025`, false},
		{"article lang", drug, `<html lang="en">`, true},
		{"raw HTML dropped", kone, `<script>alert`, false},
		{"title escaped", drug, `&lt;cocaine&gt;`, true},
		{"table (GFM)", kone, `<table>`, true},
		{"strikethrough (GFM)", kone, `<del>Rayé</del>`, true},
		{"autolink (GFM)", kone, `<a href="https://example.org/source">`, true},
		{"footnote", kone, `class="footnote-ref"`, true},
		{"heading id", kone, `<h2 id="une-rencontre-a-l-assemblee">`, true},
		{"no-break space before ;", kone, "Marrakech\u202f;", true},
		{"no-break space before !", kone, "\u202f!", true},
		{"straight quotes become guillemets", kone, "«\u202fcoopération\u202f»", true},
		{"English typographer", drug, "“", true},
		{"first mention links to the entity", kone, `, <a href="../../personnalites/youssouf-kone/" title="Youssouf Koné">Youssouf Koné</a>, a rencontré`, true},
		{"chips link countries with their flag", kone, `<a href="../../pays/ml/"><img class="flag" src="../../flags/ml.svg" alt="" width="20" height="15"> Mali</a>`, true},
		{"canonical from baseURL", kone, `<link rel="canonical" href="https://example.org/sous-dossier/articles/kone-a-marrakech/">`, true},
		{"relative stylesheet", kone, `href="../../css/site.css"`, true},
		{"summary not repeated when it is the lead", kone, `<p class="summary">`, false},
		{"title typography", read("articles/golfe/index.html"), "<h1>Golfe de Guinée\u00a0: l’architecture de Yaoundé</h1>", true},
		{"explicit summary shown", drug, `<p class="summary">The report says cocaine markets keep growing.</p>`, true},
	} {
		if got := strings.Contains(c.page, c.want); got != c.present {
			t.Errorf("%s: contains %q = %v, want %v", c.name, c.want, got, c.present)
		}
	}
	home := read("index.html")
	if !strings.Contains(home, "kone-a-marrakech") || strings.Contains(home, "articles/golfe/") {
		t.Errorf("home page 1 should list the 2 newest articles only")
	}
	if !strings.Contains(read("page/2/index.html"), "articles/golfe/") {
		t.Errorf("page 2 should list the oldest article")
	}
	if nf := read("404.html"); !strings.Contains(nf, `href="/sous-dossier/css/site.css"`) {
		t.Errorf("404 page must link from the base path, since hosts serve it at any depth")
	}
	official := read("personnalites/youssouf-kone/index.html")
	for _, want := range []string{`<p class="bio">Directeur général de la police nationale du Mali.</p>`,
		`<a href="https://police.example.ml/" rel="external">Police nationale du Mali</a>`, "<li>inspecteur général de police</li>",
		"directeur général de la police nationale du Mali <span class=\"seen\">(cité le 25 novembre 2025)</span>"} {
		if !strings.Contains(official, want) {
			t.Errorf("official page lacks %q", want)
		}
	}
	// the dossiers (issue 15)
	mali := read("pays/ml/index.html")
	relation := read("relations/ma-ml/index.html")
	for _, c := range []struct{ name, page, want string }{
		{"a partner links to the pair's page", mali, `<a href="../../relations/ma-ml/"><img class="flag" src="../../flags/ma.svg"`},
		{"a country's own official, with the role last given", mali, `<a href="../../personnalites/youssouf-kone/">Youssouf Koné</a> <span class="role">directeur général de la police nationale du Mali</span>`},
		{"a country names its most specific regions, unlinked when they have no page", mali, `1 article · Afrique de l&#39;Ouest, `},
		{"a timeline drawn at build time, with a text alternative", mali, `<title id="timeline-title">Articles par mois, novembre 2025 – novembre 2025 : 1 au total</title>`},
		{"the pair's page links both countries", relation, `<a href="../../pays/ma/"><img class="flag" src="../../flags/ma.svg" alt="" width="20" height="15"> Maroc</a> – <a href="../../pays/ml/">`},
		{"the pair's page lists their shared article", relation, `href="../../articles/kone-a-marrakech/"`},
		{"the pair's page lists the officials of either side", relation, `<a href="../../personnalites/abdellatif-hammouchi/">Abdellatif Hammouchi</a>`},
		{"the list of pairs", read("relations/index.html"), `<a href="../relations/ma-ml/">Maroc – Mali</a>`},
		{"a region lists its members", read("regions/golfe-de-guinee/index.html"), `<h2 id="members-title">Pays membres</h2>`},
		{"an English article's card says so", read("page/2/index.html"), `<span class="lang-badge" title="Article en anglais">EN</span>`},
		{"the home page shows the site's description", home, `<p class="site-description">Un site de test.</p>`},
		{"the home page maps the digest's countries, each a link", home, `<a href="pays/ml/"><title>Mali</title><use href="world.svg#ML"`},
		{"a country's map links a partner to the pair's page", mali, `<a href="../../relations/ma-ml/"><title>Maroc</title><use href="../../world.svg#MA"`},
		{"a country's map draws it in its own colour", mali, `class="focus"`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: page lacks %q", c.name, c.want)
		}
	}
	for _, f := range []string{"world.svg", "flags/ml.svg", "flags/ma.svg"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "flags/jp.svg")); err == nil {
		t.Errorf("the flag of a country no page shows was copied")
	}
	if css, err := fs.ReadFile(digest.Static(), "css/site.css"); err != nil || !strings.Contains(string(css), geo.CSS) {
		t.Errorf("the default stylesheet must hold the map's CSS (geo.CSS): %v", err)
	}
	// what pages say of themselves (issue 16)
	for _, c := range []struct{ name, page, want string }{
		{"an article's Open Graph type", kone, `<meta property="og:type" content="article">`},
		{"an article's JSON-LD", kone, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"`},
		{"an official's JSON-LD", read("personnalites/youssouf-kone/index.html"), `"@type":"Person"`},
		{"an article links the site's feed", kone, `<link rel="alternate" type="application/atom+xml" title="Flux Atom" href="../../index.xml">`},
		{"a favicon", kone, `<link rel="icon" href="../../favicon.svg" type="image/svg+xml">`},
		{"the home page's description", home, `<meta name="description" content="Un site de test.">`},
		{"an entity page's description", mali, `<meta name="description" content="Pays : Mali, un article du digest qui en parle.">`},
		{"page 2 has a title of its own", read("page/2/index.html"), `<title>Digest de test · Page 2 sur 2</title>`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: page lacks %q", c.name, c.want)
		}
	}
	if strings.Contains(relation, "relations/es-ma") || strings.Contains(relation, "world-drug-report") {
		t.Errorf("the pair's page lists an article that does not name both")
	}
	if i, j := strings.Index(home, `class="latest"`), strings.Index(home, `class="trending"`); i < 0 || j < 0 || j < i {
		t.Errorf("the home page must list the latest articles before the most named entities")
	}
	alias := read("anciens/kone-marrakech/index.html")
	if !strings.Contains(alias, `url=../../articles/kone-a-marrakech/`) {
		t.Errorf("alias page does not redirect to the article:\n%s", alias)
	}
}

func TestDraftsAndFuture(t *testing.T) {
	_, stats := buildSite(t, "testdata/site", Options{Drafts: true, Future: true})
	if stats.Articles != 6 || stats.Drafts != 0 || stats.Future != 0 {
		t.Errorf("with --drafts --future: %+v, want all 6 articles", stats)
	}
}

// TestSampleDigest builds the repository's own sample digest and checks that
// every internal link and asset of every page resolves to a written file.
func TestSampleDigest(t *testing.T) {
	dest, stats := buildSite(t, "../..", Options{})
	if stats.Articles < 30 {
		t.Errorf("sample digest: %d articles, want the 30 of the corpus", stats.Articles)
	}
	checkLinks(t, dest, "/digest/")
}

// checkLinks parses every HTML page under dest and resolves each href, src
// and refresh target; basePath is the path of baseURL, for root-relative links.
func checkLinks(t *testing.T, dest, basePath string) {
	t.Helper()
	checked := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		ids := map[string]bool{}
		var links []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch {
					case a.Key == "id":
						ids[a.Val] = true
					case a.Key == "href" && n.Data != "link" || a.Key == "src":
						links = append(links, a.Val)
					case a.Key == "href" && n.Data == "link":
						links = append(links, a.Val)
					case a.Key == "content" && n.Data == "meta" && strings.Contains(a.Val, "url="):
						links = append(links, a.Val[strings.Index(a.Val, "url=")+4:])
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		for _, l := range links {
			checked++
			u, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: bad URL %q", rel, l)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // external or canonical
			}
			if u.Path == "" {
				if u.Fragment != "" && !ids[u.Fragment] {
					t.Errorf("%s: link to #%s, which is not on the page", rel, u.Fragment)
				}
				continue
			}
			var target string
			if strings.HasPrefix(u.Path, "/") {
				if !strings.HasPrefix(u.Path, basePath) {
					t.Errorf("%s: %q is outside the base path %s", rel, l, basePath)
					continue
				}
				target = strings.TrimPrefix(u.Path, basePath)
			} else {
				target = path.Join(path.Dir(rel), u.Path)
				if strings.HasSuffix(u.Path, "/") {
					target += "/"
				}
			}
			if target == "" || target == "." || strings.HasSuffix(target, "/") {
				target = path.Join(target, "index.html")
			}
			if strings.HasPrefix(target, "../") {
				t.Errorf("%s: %q leaves the site", rel, l)
				continue
			}
			if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: %q does not resolve (%s)", rel, l, target)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no links checked")
	}
}

func TestBuildsAreByteIdentical(t *testing.T) {
	a, _ := buildSite(t, "testdata/site", Options{})
	b, _ := buildSite(t, "testdata/site", Options{})
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for p, data := range fa {
		if !bytes.Equal(data, fb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// copySite copies the fixture site into a temporary folder the test may break.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("testdata/site", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/site", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFailedBuildKeepsOutput: good build, break two files, failed build
// reporting both, output byte-identical to the good one.
func TestFailedBuildKeepsOutput(t *testing.T) {
	site := copySite(t)
	dest := filepath.Join(site, "public")
	if _, err := Run(Options{Source: site, Now: now}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(site, "content", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("2024-02-15-golfe.md", "+++\ntitle = \"Golfe\"\ndate = \"hier\"\n+++\nTexte.\n")
	write("2025-03-03-sans-guillemets.md", "+++\ntitle = Sans guillemets\ndate = 2025-03-03\n+++\nTexte.\n")
	_, err := Run(Options{Source: site, Now: now})
	if err == nil {
		t.Fatal("build with broken articles succeeded")
	}
	msg := err.Error()
	for _, want := range []string{
		filepath.Join(site, "content", "2024-02-15-golfe.md") + `:3: date: "hier" is not a date`,
		filepath.Join(site, "content", "2025-03-03-sans-guillemets.md") + ":2:",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not contain %q:\n%s", want, msg)
		}
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files, then %d", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
	entries, _ := os.ReadDir(site)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if strings.Join(names, " ") != "config.toml content data public" {
		t.Errorf("the failed build left files beside the output: %v", names)
	}
}

func TestDuplicateSlugNamesBothFiles(t *testing.T) {
	site := copySite(t)
	b, _ := os.ReadFile(filepath.Join(site, "content", "2024-02-15-golfe.md"))
	if err := os.WriteFile(filepath.Join(site, "content", "2025", "2025-05-05-golfe.md"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: site, Now: now})
	if err == nil || !strings.Contains(err.Error(), "2024-02-15-golfe.md") || !strings.Contains(err.Error(), "2025-05-05-golfe.md") || !strings.Contains(err.Error(), `slug "golfe"`) {
		t.Fatalf("want an error naming both files with slug golfe, got %v", err)
	}
}

func TestAliasOntoArticleIsAnError(t *testing.T) {
	site := copySite(t)
	text := "+++\ntitle = \"Alias\"\ndate = 2025-02-02\naliases = [\"articles/golfe/\"]\n+++\nTexte.\n"
	if err := os.WriteFile(filepath.Join(site, "content", "alias.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: site, Now: now})
	if err == nil || !strings.Contains(err.Error(), "articles/golfe/index.html") || !strings.Contains(err.Error(), "alias.md") {
		t.Fatalf("want an error naming the path and the alias's file, got %v", err)
	}
}

func TestDestinationSafety(t *testing.T) {
	site := copySite(t)
	for _, dest := range []string{site, filepath.Join(site, "content")} {
		if _, err := Run(Options{Source: site, Destination: dest, Now: now}); err == nil || !strings.Contains(err.Error(), "would replace") {
			t.Errorf("destination %s: want a refusal, got %v", dest, err)
		}
	}
	foreign := filepath.Join(site, "mine")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: site, Destination: foreign, Now: now})
	if err == nil || !strings.Contains(err.Error(), output.Marker) {
		t.Errorf("a folder digest did not write must not be replaced; got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(b) != "mine" {
		t.Errorf("the foreign folder was touched")
	}
}

func TestTemplateOverrideAndErrors(t *testing.T) {
	site := copySite(t)
	tdir := filepath.Join(site, "templates")
	if err := os.MkdirAll(tdir, 0o755); err != nil {
		t.Fatal(err)
	}
	override := `{{define "main"}}<p class="custom">{{.Article.Title}} — {{index .Article.Params "rubrique"}}</p>{{end}}`
	if err := os.WriteFile(filepath.Join(tdir, "article.html"), []byte(override), 0o644); err != nil {
		t.Fatal(err)
	}
	dest, _ := buildSite(t, site, Options{})
	b, _ := os.ReadFile(filepath.Join(dest, "articles", "kone-a-marrakech", "index.html"))
	if !strings.Contains(string(b), `<p class="custom">`) || !strings.Contains(string(b), "— Afrique</p>") {
		t.Errorf("the site's article.html did not replace the built-in one, or .Params is not reachable:\n%s", b)
	}

	if err := os.WriteFile(filepath.Join(tdir, "article.html"), []byte("{{define \"main\"}}\n{{if}}\n{{end}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Source: site, Now: now})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("templates", "article.html")+":2") {
		t.Errorf("want a syntax error naming templates/article.html line 2, got %v", err)
	}

	if err := os.WriteFile(filepath.Join(tdir, "article.html"), []byte("{{define \"main\"}}\n{{.Nope}}\n{{end}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Source: site, Now: now})
	if err == nil || !strings.Contains(err.Error(), "/articles/") || !strings.Contains(err.Error(), "article.html:2") || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("want one run-time error naming a page, the template and line 2, got %v", err)
	}
}

// TestSuppressCorrection builds a site whose data suppresses "Niger"
// after "quartier" (a Dakar neighbourhood): the article about Dakar is not
// tagged Niger, the one about the country is, and Niger's page lists only it.
func TestSuppressCorrection(t *testing.T) {
	dest, _ := buildSite(t, "testdata/corrections/suppress", Options{})
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if dakar := read("articles/dakar/index.html"); strings.Contains(dakar, "pays/ne/") {
		t.Error("the Dakar article links to Niger's page")
	}
	if niger := read("articles/niger/index.html"); !strings.Contains(niger, "pays/ne/") {
		t.Error("the article about Niger lost its tag")
	}
	if page := read("pays/ne/index.html"); strings.Contains(page, "Patrouilles à Dakar") || !strings.Contains(page, "Le Niger et le Sénégal") {
		t.Error("Niger's page lists the Dakar article, or not the one about Niger")
	}
}

// TestMergeCorrection builds a site whose data merges two spellings of an
// official and renames an agency: one page each, gathering every article,
// and the old paths redirect to it.
func TestMergeCorrection(t *testing.T) {
	dest, _ := buildSite(t, "testdata/corrections/merge", Options{})
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if page := read("personnalites/henri-dubreuilh/index.html"); !strings.Contains(page, "Bamako, premier jour") || !strings.Contains(page, "Bamako, second jour") {
		t.Error("the official that stays does not list both articles")
	}
	if old := read("personnalites/henry-dubreuilh/index.html"); !strings.Contains(old, `http-equiv="refresh" content="0; url=../../personnalites/henri-dubreuilh/"`) {
		t.Errorf("the absorbed spelling's page is no redirect:\n%s", old)
	}
	if page := read("institutions/prefecture-mopti/index.html"); !strings.Contains(page, "<h1>Préfecture de police de Mopti (Mali)") {
		t.Error("the renamed agency's page lacks its new name")
	}
	if old := read("institutions/prefecture-de-police-de-mopti/index.html"); !strings.Contains(old, "url=../../institutions/prefecture-mopti/") {
		t.Error("the renamed agency's old page is no redirect")
	}
	if sitemap := read("sitemap.xml"); strings.Contains(sitemap, "henry-dubreuilh") {
		t.Error("the sitemap lists a redirect")
	}
}

// TestTermsOfOffice checks that an official's page gives the terms of
// office the gazetteer dates, apart from the dates of mentions.
func TestTermsOfOffice(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	b, err := os.ReadFile(filepath.Join(dest, "personnalites", "abdellatif-hammouchi", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if page := string(b); !strings.Contains(page, `directeur général de la Sûreté nationale <span class="term">(depuis 2015)</span>`) {
		t.Error("Hammouchi's page lacks his term at the DGSN")
	}
}

// TestCorrectionSites builds a site for each kind of correction and holds
// its pages to golden files: suppress, merge with redirects, amend without
// losing the built-in fields, an official given in front matter.
func TestCorrectionSites(t *testing.T) {
	for _, c := range []struct {
		site  string
		pages []string
		holds map[string]string // page → what it must hold
	}{
		{"suppress", []string{"articles/dakar/index.html", "pays/ne/index.html"}, nil},
		{"merge", []string{"personnalites/henri-dubreuilh/index.html", "personnalites/henry-dubreuilh/index.html",
			"institutions/prefecture-mopti/index.html", "institutions/prefecture-de-police-de-mopti/index.html"}, nil},
		{"amend", []string{"personnalites/youssouf-kone/index.html"}, map[string]string{
			// a spelling added in data, the built-in country kept
			"personnalites/youssouf-kone/index.html": `href="../../pays/ml/"`,
		}},
		{"manual", []string{"articles/sikasso/index.html", "personnalites/keitaro/index.html"}, map[string]string{
			"articles/sikasso/index.html":      `<a href="../../personnalites/keitaro/" title="Keitaro">Keitaro</a>`,
			"personnalites/keitaro/index.html": "Commissaire",
		}},
	} {
		t.Run(c.site, func(t *testing.T) {
			dest, _ := buildSite(t, filepath.Join("testdata", "corrections", c.site), Options{})
			compareGolden(t, dest, filepath.Join("golden-corrections", c.site), c.pages)
			for page, want := range c.holds {
				b, err := os.ReadFile(filepath.Join(dest, page))
				if err != nil || !strings.Contains(string(b), want) {
					t.Errorf("%s does not hold %q (%v)", page, want, err)
				}
			}
		})
	}
}
