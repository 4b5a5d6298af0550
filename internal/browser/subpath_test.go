package browser

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"digest/internal/build"
)

// TestSubPathBuild publishes the sample digest as a host would under a
// path: built for https://example.org/digest/ (digest build --baseURL) into
// DIR/digest/, and DIR served as the host's root by a plain file server.
// A reader follows links from /digest/ to an article, a country, the
// search and a result: each page answers 200 and loads its stylesheet and
// scripts, and nothing they fetch is missing.
func TestSubPathBuild(t *testing.T) {
	exe := publishChromium(t)
	root := t.TempDir()
	if _, err := build.Run(build.Options{Source: "../..", Destination: filepath.Join(root, "digest"), BaseURL: "https://example.org/digest/"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(root)))
	defer srv.Close()

	tab := newBrowser(t, exe)
	ctx, log := tab(t)
	walk(t, ctx, log, srv.URL+"/digest/", "/digest/")
}
