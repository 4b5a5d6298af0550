package browser

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"digest/internal/build"
	"digest/internal/corpusgen"
	"digest/internal/search"
)

// browser starts Chromium for a test, at width × height.
func browser(t *testing.T, exe string, width, height int) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(allocator(t, exe, width, height))
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// result is a search result as the page shows it.
type result struct{ Href, Text, Meta, Mark string }

type searchState struct {
	Results []result
	Status  string
	More    bool // the "more results" button is shown
}

const readResults = `(() => ({
	Results: [...document.querySelectorAll('.search-results li')].map(li => ({
		Href: li.querySelector('a').getAttribute('href'), Text: li.querySelector('a').textContent,
		Meta: li.querySelector('.meta').textContent, Mark: (li.querySelector('mark') || {}).textContent || ''})),
	Status: document.querySelector('.search-status').textContent,
	More: !document.querySelector('.search-more').hidden}))()`

// query opens the search page at url with ?q=q and waits for its answer.
func query(ctx context.Context, url, q string) (searchState, error) {
	err := chromedp.Do(ctx,
		chromedp.Navigate(url+"?q="+q),
		chromedp.Poll[chromedp.Void](`document.querySelector('.search-status').textContent !== ''`, chromedp.WithPollingTimeout(20*time.Second)),
	)
	if err != nil {
		return searchState{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[searchState](readResults))
}

// TestSearch runs the sample digest's search, served under its sub-path
// and opened from disk: the script folds text as the index does, and
// queries find, rank, count and page what they should.
func TestSearch(t *testing.T) {
	exe := chromium(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Source: "../..", Destination: dest}); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/digest/", http.StripPrefix("/digest/", http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := browser(t, exe, 1100, 900)

	// folding: the page's words() against the index's
	texts := []string{"Coopération Sud-Sud", "Youssouf KONÉ", "l’œuvre d'Ægir", "Straße", "İstanbul", "Łódź", "Þór",
		"São Tomé-et-Príncipe", "Côte d’Ivoire", "الأمن الوطني", "2024–2025", "e\u0301te\u0301", "DGSN/DGST", "Kɔnɛ"}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/digest/recherche/")); err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`digestSearch.words(%q)`, s)))
		if err != nil {
			t.Fatal(err)
		}
		want := search.Words(s)
		if !slices.Equal(slices.Compact(slices.Clone(got)), want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("the page folds %q as %q, the index as %q", s, got, want)
		}
	}

	// from disk, the header's box leads to the search page's file
	if err := chromedp.Do(ctx,
		chromedp.Navigate("file://"+filepath.ToSlash(dest)+"/pays/ma/index.html"),
		chromedp.SendKeys(`.site-search input`, "hammouchi\n"),
		chromedp.WaitVisible(`.search-results a[href$="personnalites/abdellatif-hammouchi/"]`),
	); err != nil {
		t.Fatalf("the header's search box, from disk: %v", err)
	}

	for _, where := range []struct{ name, url string }{
		{"served", srv.URL + "/digest/recherche/"},
		{"from disk", "file://" + filepath.ToSlash(dest) + "/recherche/index.html"},
	} {
		t.Run(where.name, func(t *testing.T) {
			for _, tc := range []struct {
				q     string
				first string // the first result's link ends so
				kind  string // and it is of this kind ("" for an article)
				mark  string // with this marked
			}{
				{"hammouchi", "personnalites/abdellatif-hammouchi/", " Personnalité", "Hammouchi"},
				{"KONE", "personnalites/youssouf-kone/", " Personnalité", "Koné"},
				{"sud-sud", "themes/cooperation-sud-sud/", " Thème", "Sud-Sud"},
				{"interp", "institutions/interpol/", " Institution", "Interp"},
				{"police mali", "institutions/police-nationale-ml/", " Institution", "Police"},
			} {
				st, err := query(ctx, where.url, tc.q)
				if err != nil {
					t.Fatalf("%q: %v", tc.q, err)
				}
				if len(st.Results) == 0 || !strings.HasSuffix(st.Results[0].Href, tc.first) || st.Results[0].Meta != tc.kind || st.Results[0].Mark != tc.mark {
					t.Errorf("%q: first result %+v, want …%s (%s, %q marked); status %q", tc.q, first(st.Results), tc.first, tc.kind, tc.mark, st.Status)
				}
				if n := count(st.Status); n != len(st.Results) && !st.More {
					t.Errorf("%q: status %q for %d results shown", tc.q, st.Status, len(st.Results))
				}
			}

			// a word in many articles: 10 shown of a true count, then 10 more
			st, err := query(ctx, where.url, "maroc")
			if err != nil {
				t.Fatal(err)
			}
			n := count(st.Status)
			if n <= 10 || len(st.Results) != 10 || !st.More || st.Status != fmt.Sprintf("%d résultats ; voici les 10 premiers.", n) {
				t.Fatalf("maroc: %d shown, status %q, more %v", len(st.Results), st.Status, st.More)
			}
			if err := chromedp.Do(ctx, chromedp.Click(".search-more"),
				chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.querySelectorAll('.search-results li').length === %d`, min(n, 20)))); err != nil {
				t.Fatal(err)
			}
			st, err = chromedp.Run(ctx, chromedp.Evaluate[searchState](readResults))
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, r := range st.Results {
				if seen[r.Href] {
					t.Errorf("maroc: %s twice", r.Href)
				}
				seen[r.Href] = true
				if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(r.Href, "../")), "index.html")); err != nil {
					t.Errorf("maroc: result %s is no page of the site", r.Href)
				}
			}
			if len(st.Results) != min(n, 20) || st.More != (n > 20) || !strings.HasPrefix(st.Status, fmt.Sprintf("%d résultats", n)) {
				t.Errorf("maroc: after more, %d shown of %d, more shown %v", len(st.Results), n, st.More)
			}

			// one result, said in the singular
			if st, err := query(ctx, where.url, "hammouchi ankara"); err != nil || st.Status != "1 résultat." || len(st.Results) != 1 {
				t.Errorf("hammouchi ankara: %+v, %v", st, err)
			}

			// stop words only, and an unknown word: no result, said so
			for _, q := range []string{"de la", "zzyzx"} {
				st, err := query(ctx, where.url, q)
				if err != nil {
					t.Fatal(err)
				}
				if len(st.Results) != 0 || st.Status != "Aucun résultat." || st.More {
					t.Errorf("%q: %+v", q, st)
				}
			}
		})
	}
}

func first(rs []result) result {
	if len(rs) == 0 {
		return result{}
	}
	return rs[0]
}

// count is the number a status gives ("12 résultats.", "1 résultat.").
func count(status string) int {
	n, _ := strconv.Atoi(strings.Fields(status + " x")[0])
	return n
}

// TestSearchAtScale builds DIGEST_SEARCH_ARTICLES generated articles
// (.ci/run: 50,000) and measures, through the DevTools protocol, what a
// reader's first query downloads with an empty cache (the search page
// and its script included) and how long its first results take. Bars
// (issue 16): at most 300 KB, within 1 s.
func TestSearchAtScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DIGEST_SEARCH_ARTICLES"))
	if n == 0 {
		t.Skip("DIGEST_SEARCH_ARTICLES=N builds N generated articles and measures queries (.ci/run: 50000)")
	}
	exe := chromium(t)
	src := t.TempDir()
	if err := corpusgen.Generate(src, corpusgen.Options{N: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if _, err := build.Run(build.Options{Source: src, Destination: dest}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles built in %v", n, time.Since(start).Round(time.Second))
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()

	bctx := browser(t, exe, 1100, 900)
	for _, q := range []string{"maroc", "terrorisme", "police nationale", "sud-sud", "union africaine", "ministre senegal", "interpol", "cybersecurite"} {
		t.Run(q, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(bctx) // a tab of its own, with the cache off below
			defer cancel()
			var mu sync.Mutex
			bytes := map[network.RequestID]float64{}
			urls := map[network.RequestID]string{}
			if err := chromedp.Listen(ctx, func(ev any) {
				mu.Lock()
				defer mu.Unlock()
				switch ev := ev.(type) {
				case *network.EventRequestWillBeSent:
					urls[ev.RequestID] = ev.Request.URL
				case *network.EventLoadingFinished:
					bytes[ev.RequestID] = ev.EncodedDataLength
				}
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/recherche/"), chromedp.WaitVisible("#q")); err != nil {
				t.Fatal(err)
			}
			// typed at once, as pasted: the time from the input to the first
			// result on the page
			ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](fmt.Sprintf(`new Promise(done => {
				const t0 = performance.now(), input = document.querySelector('#q');
				input.value = %q;
				input.dispatchEvent(new Event('input'));
				(function wait() {
					if (document.querySelector('.search-results li')) done(performance.now() - t0);
					else requestAnimationFrame(wait);
				})();
			})`, q), chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond) // the last loadingFinished events
			st, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](readResults))
			if err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			total, index, files := 0.0, 0.0, 0
			for id, b := range bytes {
				total += b
				if strings.Contains(urls[id], "/recherche/index/") {
					index += b
					files++
				}
			}
			mu.Unlock()
			t.Logf("%q: %s; first results after %.0f ms; %.0f KB downloaded, of which %.0f KB in %d pieces of the index",
				q, st.Status, ms, total/1024, index/1024, files)
			if total > 300*1024 {
				t.Errorf("%q downloaded %.0f KB, more than 300 KB", q, total/1024)
			}
			if ms > 1000 {
				t.Errorf("%q: first results after %.0f ms, more than 1 s", q, ms)
			}
			if len(st.Results) == 0 {
				t.Errorf("%q: no result", q)
			}
		})
	}
}
