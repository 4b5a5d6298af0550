package build

import (
	"encoding/xml"
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
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, u := range s.URLs {
		in[strings.TrimPrefix(u.Loc, "https://example.org/digest/")] = true
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
