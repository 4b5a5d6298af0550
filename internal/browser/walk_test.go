package browser

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// netLog is what the tab fetched, request by request, in order. A
// stylesheet or script that answers 404 gets no responseReceived event:
// Chromium cancels its load, and only the raw response's event
// (responseReceivedExtraInfo) tells its status.
type netLog struct {
	mu    sync.Mutex
	order []network.RequestID
	reqs  map[network.RequestID]*fetched
}

type fetched struct {
	URL      string
	Status   int64  // 0 when no response came
	Failed   string // the browser's error, when the load failed
	Canceled bool   // the load was cancelled (leaving a page cancels its live-reload stream)
}

func (l *netLog) event(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	req := func(id network.RequestID) *fetched {
		f := l.reqs[id]
		if f == nil {
			f = &fetched{}
			l.reqs[id] = f
			l.order = append(l.order, id)
		}
		return f
	}
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		req(ev.RequestID).URL = ev.Request.URL
	case *network.EventResponseReceivedExtraInfo:
		req(ev.RequestID).Status = ev.StatusCode
	case *network.EventResponseReceived:
		f := req(ev.RequestID)
		f.URL, f.Status = ev.Response.URL, ev.Response.Status
	case *network.EventLoadingFailed:
		f := req(ev.RequestID)
		f.Failed, f.Canceled = ev.ErrorText, ev.Canceled
	}
}

// mark is where the next page's fetches start.
func (l *netLog) mark() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.order)
}

func (l *netLog) since(i int) []fetched {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []fetched
	for _, id := range l.order[i:] {
		out = append(out, *l.reqs[id])
	}
	return out
}

// publishChromium is chromium for the tests of the site as published
// (TestSubPathBuild, TestServe): skipped without Chromium, failed then
// when DIGEST_BROWSER_TEST is "required", as the other browser tests.
func publishChromium(t *testing.T) string { return chromium(t) }

// newBrowser starts Chromium (allocator), and returns a function that opens a tab
// with the browser's cache off, whose fetches are logged.
func newBrowser(t *testing.T, exe string) func(t *testing.T) (context.Context, *netLog) {
	bctx, cancel := chromedp.NewContext(allocator(t, exe, 1100, 900))
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil { // the browser starts here
		t.Fatal(err)
	}
	return func(t *testing.T) (context.Context, *netLog) {
		log := &netLog{reqs: map[network.RequestID]*fetched{}}
		ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(log.event))
		t.Cleanup(cancel)
		ctx, cancel = context.WithTimeout(ctx, 30*time.Second)
		t.Cleanup(cancel)
		// every page fetches its stylesheet and scripts again, so that each
		// is seen to load
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Fatal(err)
		}
		return ctx, log
	}
}

// walk follows links as a reader would, from the home page at home: the
// first article, a country it names, the search page (from the menu),
// where "hammouchi" is typed until a result links to him, and that
// result. Each page must answer 200 under base (the path the site is
// published at), and load its stylesheet and scripts; nothing it fetches
// may fail or answer 400 or more. The search is awaited by its result
// link, whatever the index's format.
func walk(t *testing.T, ctx context.Context, log *netLog, home, base string) {
	t.Helper()
	type page struct {
		name, path string // path: a pattern of the page's URL path
		action     chromedp.Action[chromedp.Void]
		then       chromedp.Action[chromedp.Void] // after the load
	}
	pages := []page{
		{"home", `^` + regexp.QuoteMeta(base) + `$`, chromedp.Navigate(home), nil},
		{"an article", `^` + regexp.QuoteMeta(base) + `articles/[^/]+/$`, chromedp.Click(`main .card h2 a`), nil},
		{"a country of it", `^` + regexp.QuoteMeta(base) + `pays/[a-z]{2}/$`, chromedp.Click(`aside.entities dd a[href*="pays/"]`), nil},
		{"the search", `^` + regexp.QuoteMeta(base) + `recherche/$`, chromedp.SendKeys(`.site-search input`, "hammouchi\n"),
			chromedp.WaitVisible(`main a[href*="hammouchi"]`)},
		{"a result", `^` + regexp.QuoteMeta(base) + `[a-z]+/[^/]*hammouchi[^/]*/$`, chromedp.Click(`main a[href*="hammouchi"]`), nil},
	}
	for _, p := range pages {
		from := log.mark()
		resp, err := chromedp.RunResponse(ctx, p.action)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		u, err := url.Parse(resp.URL)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 200 || !regexp.MustCompile(p.path).MatchString(u.Path) {
			t.Errorf("%s: %s answered %d; want 200 at a path matching %s", p.name, resp.URL, resp.Status, p.path)
		}
		assets(t, ctx, p.name, log.since(from))
		if p.then != nil {
			then := log.mark()
			tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := chromedp.Do(tctx, p.then)
			cancel()
			failures(t, p.name, log.since(then))
			if err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
		}
	}
}

// failures reports what a page fetched that failed or answered 400 or
// more, and returns the status each URL answered.
func failures(t *testing.T, name string, got []fetched) map[string]int64 {
	t.Helper()
	status := map[string]int64{}
	for _, f := range got {
		if f.Status >= 400 || f.Failed != "" && !f.Canceled {
			t.Errorf("%s: %s answered %d %s", name, f.URL, f.Status, f.Failed)
		}
		if f.Status != 0 {
			status[f.URL] = f.Status
		}
	}
	if testing.Verbose() && len(got) > 0 {
		var short []string
		for _, f := range got {
			short = append(short, fmt.Sprintf("%d %s", f.Status, f.URL[strings.LastIndex(strings.TrimSuffix(f.URL, "/"), "/")+1:]))
		}
		t.Logf("%s: %s", name, strings.Join(short, ", "))
	}
	return status
}

// assets checks that a page's stylesheets are applied, that each of them
// and each script answered 200, and that nothing it fetched failed.
func assets(t *testing.T, ctx context.Context, name string, got []fetched) {
	t.Helper()
	type sheet struct {
		Href  string
		Rules int
	}
	type loaded struct {
		Sheets  []sheet
		Links   []string // <link rel=stylesheet>
		Scripts []string // <script src>
	}
	l, err := chromedp.Run(ctx, chromedp.Evaluate[loaded](`({
		Sheets: [...document.styleSheets].map(s => { let n = -1; try { n = s.cssRules.length } catch (e) {} return {Href: s.href || '', Rules: n}; }),
		Links: [...document.querySelectorAll('link[rel="stylesheet"]')].map(l => l.href),
		Scripts: [...document.scripts].filter(s => s.src).map(s => s.src),
	})`))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(l.Links) == 0 || len(l.Scripts) == 0 {
		t.Errorf("%s: %d stylesheets and %d scripts; the layout links one of each at least", name, len(l.Links), len(l.Scripts))
	}
	status := failures(t, name, got)
	for _, u := range append(l.Links, l.Scripts...) {
		if status[u] != 200 {
			t.Errorf("%s: %s answered %d, want 200", name, u, status[u])
		}
	}
	for _, href := range l.Links {
		applied := false
		for _, s := range l.Sheets {
			applied = applied || s.Href == href && s.Rules > 0
		}
		if !applied {
			t.Errorf("%s: the stylesheet %s is not applied (document.styleSheets: %+v)", name, href, l.Sheets)
		}
	}
}
