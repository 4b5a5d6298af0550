package build

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"digest/internal/gazetteer"
	"digest/internal/output"
)

// BilingualSample copies the sample digest (content, templates, static,
// config) into a folder of its own whose config.toml adds languages =
// ["fr", "en"] (and the lines of extra, when given), and marks two
// articles, one French and one English, as translations of each other.
// It is shared with the browser tests through the tests' own copy.
func bilingualSample(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"content", "templates", "static"} {
		src := filepath.Join("../..", sub)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, sub, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, sub, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	c := strings.Replace(string(cfg), "language = \"fr\"\n", "language = \"fr\"\nlanguages = [\"fr\", \"en\"]\n"+extra, 1)
	write(t, filepath.Join(dir, "config.toml"), []byte(c))
	for _, f := range []string{"2025-11-25-mali-maroc-interpol.md", "2024-11-26-operation-serengeti-afripol-interpol.md"} {
		p := filepath.Join(dir, "content", f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		write(t, p, []byte(strings.Replace(string(b), "+++\n", "+++\ntranslationKey = \"test-pair\"\n", 1)))
	}
	return dir
}

// page of the output, as the test reads it
type langPage struct {
	lang      string
	hreflang  map[string]string // lang → site path
	switches  []string          // site paths
	h1        string
	cards     []string // the articles' site paths its cards link to
	isArticle bool
	redirect  bool
}

func readLangPages(t *testing.T, dest, base string) map[string]*langPage {
	t.Helper()
	pages := map[string]*langPage{}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		sitePath := strings.TrimSuffix(rel, "index.html")
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		lp := &langPage{hreflang: map[string]string{}}
		resolve := func(href string) string {
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad URL %q", rel, href)
				return ""
			}
			if u.Scheme != "" {
				return strings.TrimPrefix(u.String(), base)
			}
			if strings.HasPrefix(u.Path, "/") { // the 404 page's
				return strings.TrimPrefix(u.Path, "/digest/")
			}
			target := path.Join(path.Dir(rel), u.Path)
			if strings.HasSuffix(u.Path, "/") {
				target += "/"
			}
			if target == "./" {
				target = ""
			}
			return target
		}
		var walk func(n *html.Node, inSwitch, inCard bool)
		walk = func(n *html.Node, inSwitch, inCard bool) {
			if n.Type == html.ElementNode {
				attr := map[string]string{}
				for _, a := range n.Attr {
					attr[a.Key] = a.Val
				}
				switch {
				case n.Data == "html":
					lp.lang = attr["lang"]
				case n.Data == "link" && attr["rel"] == "alternate" && attr["hreflang"] != "":
					lp.hreflang[attr["hreflang"]] = resolve(attr["href"])
				case n.Data == "nav" && attr["class"] == "lang-switch":
					inSwitch = true
				case n.Data == "a" && inSwitch:
					lp.switches = append(lp.switches, resolve(attr["href"]))
				case n.Data == "article" && strings.HasPrefix(attr["class"], "card"):
					inCard = true
				case n.Data == "a" && inCard && n.Parent != nil && n.Parent.Data == "h2":
					lp.cards = append(lp.cards, resolve(attr["href"]))
				case n.Data == "h1":
					lp.h1 = strings.TrimSpace(textOf(n))
				case n.Data == "meta" && attr["property"] == "og:type" && attr["content"] == "article":
					lp.isArticle = true
				case n.Data == "meta" && attr["http-equiv"] == "refresh":
					lp.redirect = true
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inSwitch, inCard)
			}
		}
		walk(doc, false, false)
		pages[sitePath] = lp
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// TestBilingualSample builds the sample digest with languages = ["fr",
// "en"] and walks every page: its language switch leads to a page that
// exists, its hreflang alternates exist and name it back, every French
// entity page has an English twin with the English name and the same
// articles, and every link of every page resolves.
func TestBilingualSample(t *testing.T) {
	site := bilingualSample(t, "")
	dest, _ := buildSite(t, site, Options{})
	checkLinks(t, dest, "/digest/")
	const base = "https://example.org/digest/"
	pages := readLangPages(t, dest, base)
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}

	switched, alternated, twins := 0, 0, 0
	for p, lp := range pages {
		if lp.redirect {
			continue // a redirect page (alias.html has no layout)
		}
		if len(lp.switches) == 0 {
			t.Errorf("%s: no language switch", p)
		}
		for _, s := range lp.switches {
			switched++
			target, ok := pages[s]
			if !ok {
				t.Errorf("%s: the language switch leads to %q, which is not a page", p, s)
				continue
			}
			if target.lang == lp.lang {
				t.Errorf("%s: the language switch leads to %q, in the same language %s", p, s, lp.lang)
			}
			if !lp.isArticle && p != "404.html" && p != "en/404.html" && !slices.Contains(target.switches, p) {
				t.Errorf("%s: its switch leads to %s, whose switch does not lead back (%v)", p, s, target.switches)
			}
		}
		if len(lp.hreflang) > 0 {
			if self := lp.hreflang[lp.lang]; self != p {
				t.Errorf("%s: hreflang %s names %q, not the page itself", p, lp.lang, self)
			}
		}
		for lang, alt := range lp.hreflang {
			alternated++
			target, ok := pages[alt]
			if !ok {
				t.Errorf("%s: hreflang %s names %q, which is not a page", p, lang, alt)
				continue
			}
			if target.lang != lang {
				t.Errorf("%s: hreflang %s names %q, whose language is %s", p, lang, alt, target.lang)
			}
			if back := target.hreflang[lp.lang]; back != p {
				t.Errorf("%s: hreflang %s names %q, whose hreflang %s is %q, not back", p, lang, alt, lp.lang, back)
			}
		}
		// a French entity page and its English twin
		for _, sec := range []string{"pays/", "personnalites/", "institutions/", "themes/", "regions/"} {
			if !strings.HasPrefix(p, sec) || strings.Count(p, "/") != 2 {
				continue
			}
			en, ok := pages[lp.hreflang["en"]]
			if !ok {
				t.Errorf("%s: no English twin (hreflang en %q)", p, lp.hreflang["en"])
				continue
			}
			twins++
			if !slices.Equal(lp.cards, en.cards) {
				t.Errorf("%s and %s list other articles:\n%v\n%v", p, lp.hreflang["en"], lp.cards, en.cards)
			}
			if sec == "pays/" {
				code := strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(p, sec), "/"))
				if c := g.Country(code); c != nil && (lp.h1 != c.Name("fr") || en.h1 != c.Name("en")) {
					t.Errorf("%s: named %q and %q, want %q and %q", p, lp.h1, en.h1, c.Name("fr"), c.Name("en"))
				}
			}
		}
	}
	if switched < 500 || alternated < 500 || twins < 200 {
		t.Errorf("only %d switch links, %d hreflang links, %d entity twins checked", switched, alternated, twins)
	}
	ma, en := pages["pays/ma/"], pages["en/countries/ma/"]
	if ma == nil || en == nil || ma.h1 != "Maroc" || en.h1 != "Morocco" {
		t.Fatalf("pays/ma/ and en/countries/ma/: %+v, %+v", ma, en)
	}
	// the translated pair: hreflang both ways; an article without
	// translation switches to its first country's page
	fr, enArt := pages["articles/mali-maroc-interpol/"], pages["en/articles/operation-serengeti-afripol-interpol/"]
	if fr == nil || enArt == nil {
		t.Fatalf("the translated pair is missing")
	}
	if fr.hreflang["en"] != "en/articles/operation-serengeti-afripol-interpol/" || enArt.hreflang["fr"] != "articles/mali-maroc-interpol/" {
		t.Errorf("translated pair: %v, %v", fr.hreflang, enArt.hreflang)
	}
	for p, lp := range pages {
		if lp.isArticle && len(lp.hreflang) == 0 && len(lp.switches) == 1 {
			s := lp.switches[0]
			if !strings.Contains(s, "countries/") && !strings.Contains(s, "pays/") && s != "" && s != "en/" {
				t.Errorf("%s: an article without translation switches to %q", p, s)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "en", "articles", "mali-maroc-interpol")); err == nil {
		t.Errorf("a French article has a page in the English tree")
	}
	robots, _ := os.ReadFile(filepath.Join(dest, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: "+base+"en/sitemap.xml") {
		t.Errorf("robots.txt does not name the English sitemap:\n%s", robots)
	}
	sm, _ := os.ReadFile(filepath.Join(dest, "en", "sitemap.xml"))
	if !strings.Contains(string(sm), `<xhtml:link rel="alternate" hreflang="fr" href="`+base+`pays/ma/"/>`) {
		t.Errorf("en/sitemap.xml has no alternate for Maroc")
	}
	for _, f := range []string{"index.xml", "en/index.xml", "pays/ma/index.xml", "en/countries/ma/index.xml"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("feed %s: %v", f, err)
		}
	}
}

// TestBilingualSessionMatchesBuild: digest serve's Session, which builds a
// multilingual site whole at each rebuild, makes what a build from scratch
// makes, before and after an edit; and defaultLanguageInSubdir puts the
// default language under its code, the root sending readers there.
func TestBilingualSessionMatchesBuild(t *testing.T) {
	site := bilingualSample(t, "")
	opts := Options{Source: site, Now: now}
	sess := NewSession(opts, false)
	for step := 0; step < 2; step++ {
		if step == 1 {
			p := filepath.Join(site, "content", "2025-11-25-mali-maroc-interpol.md")
			b, _ := os.ReadFile(p)
			write(t, p, []byte(strings.Replace(string(b), "Youssouf Koné salue", "Youssouf Koné a salué", 1)))
			sess.Touch(p)
		}
		got, want := output.NewMemory(), output.NewMemory()
		if _, err := sess.Build(got, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := run(opts, nil, want); err != nil {
			t.Fatal(err)
		}
		if err := got.Resolve(); err != nil {
			t.Fatal(err)
		}
		if d := diffFiles(got.Files(), want.Files()); d != "" {
			t.Fatalf("step %d: the session's build differs from a full build: %s", step, d)
		}
		if _, ok := got.Files()["en/countries/ma/index.html"]; !ok {
			t.Fatalf("step %d: no en/countries/ma/index.html", step)
		}
	}

	sub := bilingualSample(t, "defaultLanguageInSubdir = true\n")
	// without static/ of its own, the site takes the built-in search.js,
	// which ranks an entity by its names in every language
	if err := os.RemoveAll(filepath.Join(sub, "static")); err != nil {
		t.Fatal(err)
	}
	dest, _ := buildSite(t, sub, Options{})
	if b, err := os.ReadFile(filepath.Join(dest, "js", "search.js")); err != nil || !strings.Contains(string(b), "r[4]") {
		t.Errorf("js/search.js: %v, or it does not rank by every name", err)
	}
	checkLinks(t, dest, "/digest/")
	for _, f := range []string{"fr/pays/ma/index.html", "en/countries/ma/index.html", "index.html", "404.html", "fr/articles/mali-maroc-interpol/index.html"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("defaultLanguageInSubdir: %v", err)
		}
	}
	root, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !strings.Contains(string(root), "fr/") {
		t.Errorf("defaultLanguageInSubdir: the root page does not send to fr/:\n%s", root)
	}
}
