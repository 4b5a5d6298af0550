package build

import (
	"encoding/xml"
	stdhtml "html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestFeedsAreAtom parses every feed of the sample digest as Atom 1.0 and
// checks what a feed reader needs: ids, titles, dates, links.
func TestFeedsAreAtom(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	n := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) != "index.xml" {
			return err
		}
		n++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var f struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Title   string   `xml:"title"`
			Updated string   `xml:"updated"`
			Links   []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"link"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		rel, _ := filepath.Rel(dest, p)
		if err := xml.Unmarshal(b, &f); err != nil {
			t.Errorf("%s: not Atom: %v", rel, err)
			return nil
		}
		if f.ID == "" || f.Title == "" || len(f.Entries) == 0 || len(f.Entries) > 20 {
			t.Errorf("%s: id %q title %q, %d entries", rel, f.ID, f.Title, len(f.Entries))
		}
		if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
			t.Errorf("%s: updated %q", rel, f.Updated)
		}
		self := false
		for _, l := range f.Links {
			if l.Rel == "self" && strings.HasPrefix(l.Href, "https://example.org/digest/") && strings.HasSuffix(l.Href, "index.xml") {
				self = true
			}
		}
		if !self {
			t.Errorf("%s: no absolute self link", rel)
		}
		for _, e := range f.Entries {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || !strings.HasPrefix(e.Link.Href, "https://") {
				t.Errorf("%s: entry %+v", rel, e)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("%d feeds, want the site's and one per entity", n)
	}
}

// TestSitemap lists every page a reader can land on.
func TestSitemap(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	b, err := os.ReadFile(filepath.Join(dest, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, u := range s.URLs {
		in[strings.TrimPrefix(u.Loc, "https://example.org/digest/")] = true
		// dated 2025-11-25 in Europe/Paris: midnight there, the 24th in UTC
		if u.Loc == "https://example.org/digest/articles/mali-maroc-interpol/" && u.LastMod != "2025-11-25" {
			t.Errorf("lastmod of an article of 25 November in Paris: %s", u.LastMod)
		}
	}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "index.html") {
			return err
		}
		rel, _ := filepath.Rel(dest, filepath.Dir(p))
		key := filepath.ToSlash(rel) + "/"
		if key == "./" {
			key = ""
		}
		if b, err := os.ReadFile(p); err == nil && strings.Contains(string(b), `http-equiv="refresh"`) {
			if in[key] {
				t.Errorf("sitemap lists the redirect %s", key)
			}
			return nil
		}
		if !in[key] {
			t.Errorf("sitemap lacks %s", key)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := os.ReadFile(filepath.Join(dest, "robots.txt")); !strings.Contains(string(r), "Sitemap: https://example.org/digest/sitemap.xml") {
		t.Errorf("robots.txt: %s", r)
	}
}

// TestThreeClicks: from the home page, a reader reaches every country,
// official, agency, theme and region page in at most three clicks.
func TestThreeClicks(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	depth := map[string]int{"index.html": 0}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		page := queue[0]
		queue = queue[1:]
		if depth[page] == 3 {
			continue
		}
		for _, target := range pageLinks(t, dest, page) {
			if _, seen := depth[target]; !seen {
				depth[target] = depth[page] + 1
				queue = append(queue, target)
			}
		}
	}
	for _, section := range []string{"pays", "personnalites", "institutions", "themes", "regions"} {
		entries, err := os.ReadDir(filepath.Join(dest, section))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) < 3 {
			t.Errorf("%s: only %d entries", section, len(entries))
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			p := section + "/" + e.Name() + "/index.html"
			if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p))); err == nil && strings.Contains(string(b), `http-equiv="refresh"`) {
				continue // the redirect from an id's path: nothing links to it
			}
			if _, ok := depth[p]; !ok {
				t.Errorf("%s is not reachable from the home page in three clicks", p)
			}
		}
	}
}

// pageLinks are the site pages a page links to, as paths of files.
func pageLinks(t *testing.T, dest, page string) []string {
	f, err := os.Open(filepath.Join(dest, filepath.FromSlash(page)))
	if err != nil {
		return nil
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key != "href" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil || u.Scheme != "" || u.Path == "" {
					continue
				}
				target := path.Join(path.Dir(page), u.Path)
				if strings.HasSuffix(u.Path, "/") || target == "." {
					target = path.Join(target, "index.html")
				}
				out = append(out, target)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestLanguageSettings: the site's language (UI, dates) and the language
// of articles without lang are two settings. An English site over a French
// article without lang keeps it French (its page, its typography, its
// feed entry) and writes dates in English everywhere, lists included;
// defaultArticleLanguage, when set, decides for every such article.
func TestLanguageSettings(t *testing.T) {
	site := t.TempDir()
	write(t, filepath.Join(site, "content", "2025-11-16-fr.md"), []byte("+++\ntitle = \"Le Mali et le Maroc\"\ndate = 2025-11-16\n+++\n"+
		"Le ministre de l'Intérieur du Mali a reçu son homologue du Maroc pour une réunion sur la \"coopération\" entre les deux pays.\n"))
	write(t, filepath.Join(site, "content", "2025-11-17-en.md"), []byte("+++\ntitle = \"Mali and Morocco\"\ndate = 2025-11-17\n+++\n"+
		"The interior minister of Mali received his counterpart from Morocco for a meeting on the cooperation of the two countries.\n"))
	config := filepath.Join(site, "config.toml")
	write(t, config, []byte("language = \"en\"\n"))
	dest, _ := buildSite(t, site, Options{})
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fr, en, home, feed := read("articles/fr/index.html"), read("articles/en/index.html"), read("index.html"), read("index.xml")
	for _, c := range []struct{ name, page, want string }{
		{"the French article is French", fr, `<html lang="fr">`},
		{"with French typography", fr, "«\u202fcoopération\u202f»"},
		{"its date in the site's language", fr, `<p class="meta" lang="en">
      <time datetime="2025-11-16">16 November 2025</time>`},
		{"the English article is English", en, `<html lang="en">`},
		{"the home page's dates in English", home, `<p class="meta" lang="en"><time datetime="2025-11-16">16 November 2025</time>`},
		{"the French article's feed entry", feed, `<entry xml:lang="fr">`},
		{"the site's feed", feed, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`},
	} {
		if !strings.Contains(c.page, c.want) {
			t.Errorf("%s: no %q", c.name, c.want)
		}
	}
	if strings.Contains(home, "novembre") {
		t.Error("a French date on an English site's home page")
	}
	write(t, config, []byte("language = \"en\"\ndefaultArticleLanguage = \"en\"\n"))
	dest, _ = buildSite(t, site, Options{})
	if fr := read("articles/fr/index.html"); !strings.Contains(fr, `<html lang="en">`) {
		t.Error("defaultArticleLanguage = \"en\" did not make the article without lang English")
	}
}

// TestEntitySlugs: themes and regions are at the slugs of their names in
// the site's language; the path of the id, their URL before, sends readers
// there, and its feed is still served.
func TestEntitySlugs(t *testing.T) {
	dest, _ := buildSite(t, "../..", Options{})
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, c := range []struct{ old, now, name string }{
		{"themes/south-south/", "themes/cooperation-sud-sud/", "Coopération Sud-Sud"},
		{"regions/west-africa/", "regions/afrique-de-l-ouest/", "Afrique de l'Ouest"},
		{"themes/terrorism/", "themes/terrorisme/", "Terrorisme"},
	} {
		if page := read(c.now + "index.html"); !strings.Contains(page, "<h1>"+stdhtml.EscapeString(c.name)) {
			t.Errorf("%s is not the page of %s", c.now, c.name)
		}
		redirect := read(c.old + "index.html")
		if !strings.Contains(redirect, `<meta http-equiv="refresh" content="0; url=../../`+c.now+`">`) ||
			!strings.Contains(redirect, `<link rel="canonical" href="https://example.org/digest/`+c.now+`">`) {
			t.Errorf("%s does not redirect to %s:\n%s", c.old, c.now, redirect)
		}
		if feed := read(c.old + "index.xml"); !strings.Contains(feed, `href="https://example.org/digest/`+c.now+`index.xml" rel="self"`) {
			t.Errorf("the feed at %s does not name its new address", c.old)
		}
	}
	// the ids are what data and front matter use, and what links were
	if home := read("index.html"); strings.Contains(home, "themes/south-south/") || !strings.Contains(home, "themes/cooperation-sud-sud/") {
		t.Error("the home page links a theme by its id's path")
	}
	// an id whose slug is itself has no redirect
	if _, err := os.Stat(filepath.Join(dest, "regions", "sahel", "index.html")); err != nil {
		t.Error(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "regions", "sahel", "index.html")); strings.Contains(string(b), "refresh") {
		t.Error("regions/sahel/ redirects to itself")
	}
}

// TestEntitySlugsEnglish: an English site's slugs come from the English names.
func TestEntitySlugsEnglish(t *testing.T) {
	site := t.TempDir()
	write(t, filepath.Join(site, "config.toml"), []byte("language = \"en\"\n"))
	write(t, filepath.Join(site, "content", "2025-01-01-a.md"), []byte("+++\ntitle = \"South-South\"\ndate = 2025-01-01\nthemes = [\"south-south\"]\n+++\nMali and Senegal in West Africa.\n"))
	dest, _ := buildSite(t, site, Options{})
	b, err := os.ReadFile(filepath.Join(dest, "articles", "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="../../themes/south-south-cooperation/"`, `href="../../regions/west-africa/"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("no %s", want)
		}
	}
}
