package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestFormatDate(t *testing.T) {
	for _, c := range []struct {
		lang string
		t    time.Time
		want string
	}{
		{"fr", time.Date(2025, 11, 25, 0, 0, 0, 0, time.UTC), "25 novembre 2025"},
		{"fr", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), "1er mai 2025"},
		{"fr-CA", time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC), "15 août 2025"},
		{"en", time.Date(2025, 11, 25, 0, 0, 0, 0, time.UTC), "25 November 2025"},
		{"en", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), "1 May 2025"},
		{"ar", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), "2025-05-01"},
	} {
		if got := FormatDate(c.lang, c.t); got != c.want {
			t.Errorf("FormatDate(%s, %v) = %q, want %q", c.lang, c.t, got, c.want)
		}
	}
}

func TestPaginate(t *testing.T) {
	items := make([]int, 25)
	pages, pagers := Paginate(items, 10, "", "page")
	if len(pages) != 3 || len(pages[2]) != 5 {
		t.Fatalf("pages %d, last %d", len(pages), len(pages[len(pages)-1]))
	}
	if pagers[0].Path != "" || pagers[1].Path != "page/2/" || pagers[1].Prev != "" || pagers[1].Next != "page/3/" || pagers[2].Next != "" {
		t.Errorf("pagers: %+v %+v %+v", pagers[0], pagers[1], pagers[2])
	}
	pages, _ = Paginate(make([]int, 21), 10, "", "page")
	if len(pages) != 2 || len(pages[1]) != 11 {
		t.Errorf("21 items by 10: %d pages, the last of %d; want 2, the last of 11 (no page of one item)", len(pages), len(pages[len(pages)-1]))
	}
	pages, pagers = Paginate([]int{}, 10, "", "page")
	if len(pages) != 1 || len(pagers) != 1 || pagers[0].Total != 1 {
		t.Errorf("an empty list has one (empty) first page, got %d", len(pages))
	}
	_, pagers = Paginate(make([]int, 1000), 10, "x/", "page")
	var nums []int
	for _, l := range pagers[49].Numbers {
		nums = append(nums, l.Number)
	}
	want := []int{1, 0, 48, 49, 50, 51, 52, 0, 100}
	if len(nums) != len(want) {
		t.Fatalf("numbers around page 50 of 100: %v, want %v", nums, want)
	}
	for i := range want {
		if nums[i] != want[i] {
			t.Fatalf("numbers around page 50 of 100: %v, want %v", nums, want)
		}
	}
}

func TestRelURL(t *testing.T) {
	site := &Site{BaseURL: "https://example.org/sub/", basePath: "/sub/"}
	for _, c := range []struct {
		kind, from, to, want string
	}{
		{KindHome, "", "articles/x/", "articles/x/"},
		{KindHome, "", "", "./"},
		{KindArticle, "articles/x/", "css/site.css", "../../css/site.css"},
		{KindArticle, "articles/x/", "", "../../"},
		{KindHome, "page/2/", "page/3/", "../../page/3/"},
		{KindNotFound, "404.html", "css/site.css", "/sub/css/site.css"},
		{KindAlias, "old/a/b/", "/articles/x/", "../../../articles/x/"},
	} {
		p := &Page{Kind: c.kind, Path: c.from, Site: site}
		if got := p.RelURL(c.to); got != c.want {
			t.Errorf("from %q to %q: %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

func TestTypography(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"fr", "Golfe de Guinée : l'architecture « Yaoundé »", "Golfe de Guinée\u00a0: l’architecture «\u202fYaoundé\u202f»"},
		{"en", "UNODC's report: 'record'", "UNODC’s report: 'record’"},
		{"en", `He said "yes"`, "He said “yes”"},
		{"fr", `il a parlé de "coopération" !`, "il a parlé de «\u202fcoopération\u202f»\u202f!"},
		{"en", "Why ?", "Why ?"},
	} {
		if got := Typography(c.lang, c.in); got != c.want {
			t.Errorf("Typography(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestRebase(t *testing.T) {
	for _, c := range []struct{ in, prefix, want string }{
		{`<a href="pays/ml/">Mali</a>`, "../../", `<a href="../../pays/ml/">Mali</a>`},
		{`<a href="pays/ml/">Mali</a>`, "", `<a href="pays/ml/">Mali</a>`},
		{`<a class="x" href='a/'>`, "../", `<a class="x" href='../a/'>`},
		{`<img src="img/x.png" alt="">`, "../", `<img src="../img/x.png" alt="">`},
		{"<a\nhref=\"a/\">", "../", "<a\nhref=\"../a/\">"},
		{`<a href="https://example.org/">`, "../", `<a href="https://example.org/">`},
		{`<a href="mailto:x@example.org">`, "../", `<a href="mailto:x@example.org">`},
		{`<a href="/abs/">`, "../", `<a href="/abs/">`},
		{`<a href="#top">`, "../", `<a href="#top">`},
		{`<a href="?q=1">`, "../", `<a href="?q=1">`},
		{`<a href="">`, "../", `<a href="">`},
		{`<a href="a/b?x=1:2">`, "../", `<a href="../a/b?x=1:2">`},
		{`<a data-href="a/">`, "../", `<a data-href="a/">`},
		{`<p>href=&#34;a/&#34; is text</p>`, "../", `<p>href=&#34;a/&#34; is text</p>`},
		{`<a title="x=y" href="a/">x = "y"</a>`, "/digest/", `<a title="x=y" href="/digest/a/">x = "y"</a>`},
		{`<a href="a/`, "../", `<a href="a/`},
	} {
		if got := Rebase(c.in, c.prefix); got != c.want {
			t.Errorf("Rebase(%q, %q) = %q, want %q", c.in, c.prefix, got, c.want)
		}
	}
}

// TestCardsExpanded: a card's mark in a page becomes the card rebased for
// the page's depth; what only looks like a mark is left as it was.
func TestCardsExpanded(t *testing.T) {
	r := &Renderer{}
	root := `<a href="articles/x/">X</a> <a href="pays/ml/"><img src="flags/ml.svg"> Mali</a> <a href="https://x.org/">x</a>`
	c := r.newCard(root)
	other := r.newCard(`<p>b</p>`)
	for _, path := range []string{"", "page/2/", "pays/ml/", "pays/ml/page/2/", "archives/2025/11/", "404.html"} {
		p := &Page{Kind: KindHome, Path: path, Site: &Site{basePath: "/digest/"}}
		if path == "404.html" {
			p.Kind = KindNotFound
		}
		prefix := p.RelURL("")
		if prefix == "./" {
			prefix = ""
		}
		var buf bytes.Buffer
		buf.WriteString("before")
		start := buf.Len()
		buf.WriteString("<main>" + c.mark + "\n" + other.mark + c.mark + cardMark + "99\x00" + cardMark + "x</main>")
		r.expandCards(&buf, start, p)
		want := "before<main>" + Rebase(root, prefix) + "\n<p>b</p>" + Rebase(root, prefix) + cardMark + "99\x00" + cardMark + "x</main>"
		if got := buf.String(); got != want {
			t.Errorf("%q:\n got %q\nwant %q", path, got, want)
		}
	}
}

// FuzzRebase: rebasing never panics, leaves HTML alone for an empty
// prefix, and only inserts whole prefixes.
func FuzzRebase(f *testing.F) {
	for _, s := range []string{`<a href="pays/ml/">x</a>`, `<img src='a.png'>`, `href="`, `<a href="https://x">`, "=\"", " href=\"a\" src=\"b\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, html string) {
		if got := Rebase(html, ""); got != html {
			t.Fatalf("Rebase with no prefix changed %q", html)
		}
		const prefix = "../../"
		got := Rebase(html, prefix)
		if (len(got)-len(html))%len(prefix) != 0 || len(got) < len(html) {
			t.Fatalf("Rebase(%q) = %q: not whole prefixes inserted", html, got)
		}
		if strings.ReplaceAll(got, prefix, "") != strings.ReplaceAll(html, prefix, "") {
			t.Fatalf("Rebase(%q) = %q changed more than prefixes", html, got)
		}
	})
}

// TestJSONLD: a page's schema.org description is valid JSON, escaped for
// a script element.
func TestJSONLD(t *testing.T) {
	site := &Site{Title: `Digest <sécurité> & "coopération"`, BaseURL: "https://example.org/d/", Language: "fr"}
	a := &Article{Title: "Le Mali </script> et le Maroc", Lang: "fr", Summary: "Résumé", URL: "articles/a/",
		Chips: &Chips{Countries: []EntityLink{{Kind: "country", Name: "Mali", URL: "pays/ml/"}}}}
	for _, p := range []*Page{{Kind: KindArticle, Path: "articles/a/", Site: site, Article: a}, {Kind: KindHome, Site: site}} {
		js := string(p.JSONLD())
		var v map[string]any
		if err := json.Unmarshal([]byte(js), &v); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if strings.Contains(js, "</script>") || strings.Contains(js, "<s") {
			t.Errorf("not escaped for a script: %s", js)
		}
		if v["@context"] != "https://schema.org" {
			t.Errorf("%s: no context", js)
		}
	}
	if got := (&Page{Kind: KindNotFound, Site: site}).JSONLD(); got != "" {
		t.Errorf("404 page: %q", got)
	}
}

// FuzzJSONString: jsonString writes what json.Marshal writes for a string.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "Mali", `<script>"x" & 'y'</script>`, "a\u2028b\u2029c", "\x00\x01\b\f\n\r\t\x1f\x7f", "\xff\xfeé", "Côte d’Ivoire \\ /"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := jsonString(s); got != string(want) {
			t.Fatalf("jsonString(%q) = %s, want %s", s, got, want)
		}
	})
}
