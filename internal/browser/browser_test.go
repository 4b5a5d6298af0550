// Package browser tests the built sample digest in a real browser: Debian's
// Chromium driven by chromedp. Without Chromium the test skips, saying how
// to run it; DIGEST_BROWSER_TEST=required (as .ci/run sets) makes it fail.
package browser

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"digest/internal/build"
)

func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("DIGEST_BROWSER_TEST") == "required" {
		t.Fatal("no Chromium on this machine, and DIGEST_BROWSER_TEST=required: apt-get install chromium")
	}
	t.Skip("no Chromium: apt-get install chromium to run the browser test (.ci/run does, and makes it mandatory)")
	return ""
}

// allocator starts Chromium at width × height for the test, with a
// profile of its own and the flags this machine's closed network needs:
// without those it keeps trying Google's hosts, refused many at a time.
func allocator(t *testing.T, exe string, width, height int) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(width, height))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	return actx
}

// TestReaderJourney: home → Mali → Youssouf Koné → an article → search
// "Hammouchi" (and "kone" without its accent) → a result, a screenshot a step.
func TestReaderJourney(t *testing.T) {
	exe := chromium(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Source: "../..", Destination: dest}); err != nil {
		t.Fatal(err)
	}
	// served under the sub-path of the sample's baseURL, as a host would
	mux := http.NewServeMux()
	mux.Handle("/digest/", http.StripPrefix("/digest/", http.FileServer(http.Dir(dest))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	shots := os.Getenv("DIGEST_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(os.TempDir(), "digest-browser-test")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)

	ctx, cancel := chromedp.NewContext(allocator(t, exe, 1100, 1400))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	step := 0
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			step++
			buf, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return chromedp.Void{}, err
			}
			return chromedp.Void{}, os.WriteFile(filepath.Join(shots, strings.ReplaceAll(name, " ", "-")+".png"), buf, 0o644)
		}
	}
	expect := func(want string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			h1, err := chromedp.Text("h1")(ctx, tg)
			if err != nil {
				return chromedp.Void{}, err
			}
			if !strings.Contains(h1, want) {
				t.Errorf("step %d: h1 is %q, want %q", step, h1, want)
			}
			return chromedp.Void{}, nil
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/digest/"),
		chromedp.WaitVisible("main"),
		shot("1 home"),
		chromedp.Click(`nav a[href$="pays/"]`),
		chromedp.WaitVisible(`main a[href$="pays/ml/"]`),
		shot("2 countries"),
		chromedp.Click(`main a[href$="pays/ml/"]`),
		chromedp.WaitVisible(`main a[href$="personnalites/youssouf-kone/"]`),
		expect("Mali"),
		shot("3 mali"),
		chromedp.Click(`main a[href$="personnalites/youssouf-kone/"]`),
		chromedp.WaitVisible(`.card h2 a`),
		expect("Youssouf Koné"),
		shot("4 youssouf kone"),
		chromedp.Click(`.card h2 a`),
		chromedp.WaitVisible("article.article"),
		shot("5 article"),
		// the header's search box leads to the search page with the query
		chromedp.SendKeys(`.site-search input`, "Hammouchi\n"),
		chromedp.WaitVisible("#q"),
		chromedp.WaitVisible(`.search-results a[href$="personnalites/abdellatif-hammouchi/"]`),
		shot("6 search hammouchi"),
		chromedp.Click(`.search-results a[href$="personnalites/abdellatif-hammouchi/"]`),
		chromedp.WaitVisible(`.entity-header`),
		expect("Abdellatif Hammouchi"),
		shot("7 hammouchi"),
		// without the accent
		chromedp.Navigate(srv.URL+"/digest/recherche/?q=kone"),
		chromedp.WaitVisible(`.search-results a[href$="personnalites/youssouf-kone/"]`),
		shot("8 search kone"),
	)
	if err != nil {
		t.Fatalf("after step %d: %v", step, err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "Recherche") {
		t.Errorf("search page title %q", title)
	}
}
