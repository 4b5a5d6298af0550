package browser

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"digest/internal/build"
)

// bilingualSample copies the sample digest into a folder whose
// config.toml sets languages = ["fr", "en"].
func bilingualSample(t *testing.T) string {
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
	c := strings.Replace(string(cfg), "language = \"fr\"\n", "language = \"fr\"\nlanguages = [\"fr\", \"en\"]\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(c), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBilingualJourney publishes the sample digest in French and English
// under /digest/, and walks: the French home → Maroc → the language
// switch → Morocco, which lists the same articles → a search for "Maroc"
// on the English site, which finds Morocco.
func TestBilingualJourney(t *testing.T) {
	exe := chromium(t)
	root := t.TempDir()
	if _, err := build.Run(build.Options{Source: bilingualSample(t), Destination: filepath.Join(root, "digest")}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(root)))
	defer srv.Close()
	tab := newBrowser(t, exe)
	ctx, log := tab(t)

	type entityPage struct {
		Path, Lang, H1 string
		Cards          []string // the articles its cards link to, absolute
	}
	const read = `({Path: location.pathname, Lang: document.documentElement.lang, H1: document.querySelector('h1').textContent.trim(),
		Cards: [...document.querySelectorAll('main .card h2 a')].map(a => a.href)})`
	step := func(name string, action chromedp.Action[chromedp.Void]) entityPage {
		t.Helper()
		from := log.mark()
		resp, err := chromedp.RunResponse(ctx, action)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if resp.Status != 200 {
			t.Errorf("%s: %s answered %d", name, resp.URL, resp.Status)
		}
		assets(t, ctx, name, log.since(from))
		p, err := chromedp.Run(ctx, chromedp.Evaluate[entityPage](read))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return p
	}
	home := step("the French home", chromedp.Navigate(srv.URL+"/digest/"))
	if home.Lang != "fr" || home.Path != "/digest/" {
		t.Fatalf("the French home: %+v", home)
	}
	maroc := step("Maroc", chromedp.Click(`main .trending a[href$="pays/ma/"], main a[href$="pays/ma/"]:not(svg a)`))
	if maroc.Path != "/digest/pays/ma/" || maroc.H1 != "Maroc" || len(maroc.Cards) == 0 {
		t.Fatalf("Maroc: %s, %q, %d articles", maroc.Path, maroc.H1, len(maroc.Cards))
	}
	morocco := step("the switch to English", chromedp.Click(`.lang-switch a[hreflang="en"]`))
	if morocco.Path != "/digest/en/countries/ma/" || morocco.Lang != "en" || morocco.H1 != "Morocco" {
		t.Fatalf("the switch to English: %s, lang %q, %q", morocco.Path, morocco.Lang, morocco.H1)
	}
	if !slices.Equal(maroc.Cards, morocco.Cards) {
		t.Errorf("Maroc and Morocco list other articles:\n%v\n%v", maroc.Cards, morocco.Cards)
	}

	// the English site's search, from its header's box
	from := log.mark()
	if resp, err := chromedp.RunResponse(ctx, chromedp.SendKeys(`.site-search input`, "Maroc\n")); err != nil || resp.Status != 200 {
		t.Fatalf("the search page: %v %+v", err, resp)
	}
	var found result
	err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector('.search-results a[href*="countries/ma/"]') !== null`,
		chromedp.WithPollingTimeout(15*time.Second)))
	failures(t, "the search", log.since(from))
	if err != nil {
		t.Fatalf("a search for Maroc on the English site finds no link to Morocco: %v", err)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](readResults))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Results {
		if strings.Contains(r.Href, "countries/ma/") {
			found = r
			break
		}
	}
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if !strings.HasPrefix(loc, "/digest/en/search/") || !strings.Contains(found.Text, "Morocco") {
		t.Errorf("the search for Maroc at %s: result %+v; want Morocco on the English search page", loc, found)
	}
	if len(state.Results) == 0 || !strings.Contains(state.Results[0].Text, "Morocco") {
		t.Errorf("the search for Maroc: first result %+v, want Morocco", first(state.Results))
	}
}
