package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"digest/internal/build"
)

// TestDossierJourney walks, at a phone's and a laptop's width: home → its
// map → Mali
// → the Mali–Morocco page → an official of either side → one of their
// articles. On each page it checks that nothing is wider than the screen,
// that on list pages the first article card starts within the first
// screen, and, when DIGEST_AXE names axe-core's axe.min.js (.ci/run
// installs it), that axe finds no violation at any impact.
func TestDossierJourney(t *testing.T) {
	exe := chromium(t)
	axe := os.Getenv("DIGEST_AXE")
	if axe == "" {
		t.Log("DIGEST_AXE unset: no accessibility audit (npm install axe-core, then DIGEST_AXE=node_modules/axe-core/axe.min.js)")
	}
	var axeJS []byte
	if axe != "" {
		var err error
		if axeJS, err = os.ReadFile(axe); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Source: "../..", Destination: dest}); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/digest/", http.StripPrefix("/digest/", http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, size := range [][2]int{{390, 844}, {1366, 768}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(allocator(t, exe, size[0], size[1]))
			defer cancel()
			ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
			defer cancel()

			check := func(name string, list bool) chromedp.Action[chromedp.Void] {
				return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
					type metrics struct {
						Scroll, Width, Height int
						FirstCard             float64
						Wide                  string
					}
					m, err := chromedp.Evaluate[metrics](`(() => {
						const card = document.querySelector('.card');
						let wide = '';
						for (const el of document.querySelectorAll('main *')) {
							const r = el.getBoundingClientRect();
							if (r.right > window.innerWidth + 1) { wide = el.tagName + '.' + el.className; break; }
						}
						return {Scroll: document.documentElement.scrollWidth, Width: window.innerWidth, Height: window.innerHeight,
							FirstCard: card ? card.getBoundingClientRect().top + window.scrollY : -1, Wide: wide};
					})()`)(ctx, tg)
					if err != nil {
						return chromedp.Void{}, err
					}
					if m.Scroll > m.Width || m.Wide != "" {
						t.Errorf("%s: wider than the screen (%d px of %d; %s)", name, m.Scroll, m.Width, m.Wide)
					}
					if list && (m.FirstCard < 0 || m.FirstCard > float64(m.Height)) {
						t.Errorf("%s: the first article card starts at %.0f px, below the first screen (%d px)", name, m.FirstCard, m.Height)
					}
					if axeJS == nil {
						return chromedp.Void{}, nil
					}
					if _, err := chromedp.Evaluate[chromedp.Void](string(axeJS)+`;0`)(ctx, tg); err != nil {
						return chromedp.Void{}, err
					}
					raw, err := chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))`,
						chromedp.EvalAwaitPromise)(ctx, tg)
					if err != nil {
						return chromedp.Void{}, err
					}
					var violations []struct {
						ID, Impact string
						Nodes      []string
					}
					if err := json.Unmarshal([]byte(raw), &violations); err != nil {
						return chromedp.Void{}, err
					}
					for _, v := range violations {
						t.Errorf("%s: axe %s (%s) on %s", name, v.ID, v.Impact, strings.Join(v.Nodes, ", "))
					}
					return chromedp.Void{}, nil
				}
			}
			h1 := func(want string) chromedp.Action[chromedp.Void] {
				return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
					got, err := chromedp.Text("h1")(ctx, tg)
					if err == nil && !strings.Contains(got, want) {
						t.Errorf("h1 is %q, want %q", got, want)
					}
					return chromedp.Void{}, err
				}
			}
			err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/digest/"),
				chromedp.WaitVisible("main"),
				check("home", true),
				// the map's country is an SVG link: clicked as a script would
				chromedp.WaitVisible(`.world svg`),
				chromedp.Evaluate[chromedp.Void](`document.querySelector('.world a[href$="pays/ml/"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))`),
				chromedp.WaitVisible(`.partners a[href$="relations/ma-ml/"]`),
				h1("Mali"),
				check("Mali", true),
				chromedp.Click(`.partners a[href$="relations/ma-ml/"]`),
				chromedp.WaitVisible(`main a[href$="personnalites/abdellatif-hammouchi/"]`),
				h1("Maroc"),
				check("Maroc – Mali", true),
				chromedp.Click(`.with a[href$="personnalites/abdellatif-hammouchi/"]`),
				chromedp.WaitVisible(`.card h2 a`),
				h1("Abdellatif Hammouchi"),
				check("Abdellatif Hammouchi", true),
				chromedp.Click(`.card h2 a`),
				chromedp.WaitVisible("article.article"),
				check("an article", false),
				chromedp.Navigate(srv.URL+"/digest/recherche/?q=sud-sud"),
				chromedp.WaitVisible(`.search-results li`),
				check("search", false),
				func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
					type first struct{ Href, Kind, Mark, Status string }
					f, err := chromedp.Evaluate[first](`(() => { const li = document.querySelector('.search-results li');
						return {Href: li.querySelector('a').getAttribute('href'), Kind: li.querySelector('.meta').textContent,
							Mark: (li.querySelector('mark') || {}).textContent || '', Status: document.querySelector('.search-status').textContent}; })()`)(ctx, tg)
					if err != nil {
						return chromedp.Void{}, err
					}
					// the theme whose name is the query beats countries holding one of its words
					if !strings.HasSuffix(f.Href, "themes/cooperation-sud-sud/") || f.Kind != " Thème" || f.Mark != "Sud-Sud" ||
						!strings.Contains(f.Status, " résultats") && f.Status != "1 résultat." {
						t.Errorf("search sud-sud: first result %+v", f)
					}
					return chromedp.Void{}, nil
				},
			)
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
