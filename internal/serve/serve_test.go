package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"digest/internal/build"
)

// site writes a small site to a temporary folder.
func site(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("config.toml", "title = \"Test\"\n")
	write("content/2025-01-01-mali.md", "+++\ntitle = \"Le Mali\"\ndate = 2025-01-01\n+++\nLe Mali et le Maroc coopèrent.\n")
	write("static/css/site.css", "body { color: black }\n")
	return dir
}

// events reads the server's event stream, one event per receive.
func events(t *testing.T, ctx context.Context, url string) <-chan string {
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/__digest/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				out <- ev + " " + strings.TrimPrefix(line, "data: ")
			}
		}
		close(out)
	}()
	return out
}

func next(t *testing.T, c <-chan string, want string) string {
	t.Helper()
	select {
	case e := <-c:
		if !strings.HasPrefix(e, want) {
			t.Fatalf("event %q, want %q", e, want)
		}
		return e
	case <-time.After(15 * time.Second):
		t.Fatalf("no %s event", want)
	}
	return ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func start(t *testing.T, dir string) (*Server, *httptest.Server, context.Context) {
	srv, err := New(build.Options{Source: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	if err := srv.Build("first build", false); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go srv.Watch(ctx)
	time.Sleep(200 * time.Millisecond) // the watcher in place
	return srv, hs, ctx
}

// TestEditReloads: save an article, receive the reload event, fetch the new text.
func TestEditReloads(t *testing.T) {
	dir := site(t)
	_, hs, ctx := start(t, dir)
	ev := events(t, ctx, hs.URL)
	code, page := get(t, hs.URL+"/articles/mali/")
	if code != 200 || !strings.Contains(page, "Le Mali") || !strings.Contains(page, `<script src="/__digest/live.js"></script></body>`) {
		t.Fatalf("%d %s", code, page)
	}
	// an editor's atomic save: write a temporary file, rename it over the article
	tmp := filepath.Join(dir, "content", ".2025-01-01-mali.md.swp")
	os.WriteFile(tmp, []byte("+++\ntitle = \"Le Mali, revu\"\ndate = 2025-01-01\n+++\nTexte neuf.\n"), 0o644)
	if err := os.Rename(tmp, filepath.Join(dir, "content", "2025-01-01-mali.md")); err != nil {
		t.Fatal(err)
	}
	next(t, ev, "reload")
	if _, page := get(t, hs.URL+"/articles/mali/"); !strings.Contains(page, "Le Mali, revu") {
		t.Errorf("the new text is not served:\n%s", page)
	}
	// a new article in a new folder appears, with the page of the entity it is the first to name
	os.MkdirAll(filepath.Join(dir, "content", "2025"), 0o755)
	next(t, ev, "reload") // the new folder, empty: a build, and it is watched
	os.WriteFile(filepath.Join(dir, "content", "2025", "2025-02-01-niger.md"), []byte("+++\ntitle = \"Le Niger\"\ndate = 2025-02-01\n+++\nLe Niger et le Tchad.\n"), 0o644)
	next(t, ev, "reload")
	if code, _ := get(t, hs.URL+"/pays/td/"); code != 200 {
		t.Errorf("the page of the new entity: %d", code)
	}
	// deleting it takes its pages away
	os.Remove(filepath.Join(dir, "content", "2025", "2025-02-01-niger.md"))
	next(t, ev, "reload")
	if code, _ := get(t, hs.URL+"/pays/td/"); code != 404 {
		t.Errorf("the page of an entity no longer named: %d", code)
	}
	// a stylesheet alone: the pages reload their styles only
	os.WriteFile(filepath.Join(dir, "static", "css", "site.css"), []byte("body { color: navy }\n"), 0o644)
	next(t, ev, "css")
	if _, css := get(t, hs.URL+"/css/site.css"); !strings.Contains(css, "navy") {
		t.Errorf("css: %s", css)
	}
	// config.toml replaced the way Neovim does: removed, then written anew
	os.Remove(filepath.Join(dir, "config.toml"))
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Nouveau titre\"\n"), 0o644)
	next(t, ev, "reload")
	if _, page := get(t, hs.URL+"/"); !strings.Contains(page, "Nouveau titre") {
		t.Errorf("the new config is not applied")
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote into the site's public/")
	}
}

// TestBrokenThenFixed: a broken article keeps the last good site served and
// sends the error for the overlay; the fix reloads.
func TestBrokenThenFixed(t *testing.T) {
	dir := site(t)
	_, hs, ctx := start(t, dir)
	ev := events(t, ctx, hs.URL)
	art := filepath.Join(dir, "content", "2025-01-01-mali.md")
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali\"\ndate = \"hier\"\n+++\nTexte.\n"), 0o644)
	e := next(t, ev, "failed")
	if !strings.Contains(e, "2025-01-01-mali.md:3: date") {
		t.Errorf("the overlay's message lacks the file and line: %s", e)
	}
	if code, page := get(t, hs.URL+"/articles/mali/"); code != 200 || !strings.Contains(page, "Le Mali") {
		t.Errorf("the last good page is not served: %d", code)
	}
	// a page opened now learns of the failure at once
	ev2 := events(t, ctx, hs.URL)
	next(t, ev2, "failed")
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali réparé\"\ndate = 2025-01-01\n+++\nTexte.\n"), 0o644)
	next(t, ev, "reload")
	if _, page := get(t, hs.URL+"/articles/mali/"); !strings.Contains(page, "Le Mali réparé") {
		t.Error("the fixed page is not served")
	}
}

func TestPathsOutsideTheSite(t *testing.T) {
	dir := site(t)
	_, hs, _ := start(t, dir)
	for _, p := range []string{"/../config.toml", "/%2e%2e/config.toml", "/articles/..%2f..%2fconfig.toml", "/..%5cconfig.toml", "/nope/", "/%00"} {
		req, _ := http.NewRequest("GET", hs.URL+"/", nil)
		req.URL.RawPath, req.URL.Path = p, p
		req.URL.Opaque = p
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(b), "title = ") {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
}

// TestTemplateEditFastRender: after a template edit, the page read last is
// made at once and the others when asked for, each with the new template;
// one its template fails on says so in the browser.
func TestTemplateEditFastRender(t *testing.T) {
	dir := site(t)
	for i, c := range []string{"Sénégal", "Niger", "Tchad", "Bénin"} {
		os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("2025-02-0%d-a%d.md", i+1, i)),
			[]byte(fmt.Sprintf("+++\ntitle = \"Article %d\"\ndate = 2025-02-0%d\n+++\nLe %s et le Maroc coopèrent.\n", i, i+1, c)), 0o644)
	}
	_, hs, ctx := start(t, dir)
	ev := events(t, ctx, hs.URL)
	get(t, hs.URL+"/articles/a2/")
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "article.html"),
		[]byte("{{define \"main\"}}<h1>Nouveau gabarit : {{.Article.Title}}</h1>{{if eq .Article.Title \"Article 0\"}}{{index .Article.Related 99}}{{end}}{{end}}\n"), 0o644)
	next(t, ev, "reload")
	for _, a := range []string{"a2", "a1", "a3", "mali"} {
		if code, page := get(t, hs.URL+"/articles/"+a+"/"); code != 200 || !strings.Contains(page, "Nouveau gabarit") {
			t.Errorf("%s: %d %s", a, code, page)
		}
	}
	if code, page := get(t, hs.URL+"/articles/a0/"); code != 500 || !strings.Contains(page, "index out of range") {
		t.Errorf("a page its template fails on: %d %s", code, page)
	}
}

// syncBuffer is a log several goroutines write.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestToolTemporaryFilesIgnored: what sed -i, Vim, Emacs, JetBrains
// editors and macOS leave beside a file while it is saved is not counted
// as a change; the log line names the article alone, in the singular.
func TestToolTemporaryFilesIgnored(t *testing.T) {
	dir := site(t)
	log := &syncBuffer{}
	srv, err := New(build.Options{Source: dir}, log)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Build("first build", false); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx)
	time.Sleep(200 * time.Millisecond)
	ev := events(t, ctx, hs.URL)
	content := filepath.Join(dir, "content")
	art := filepath.Join(content, "2025-01-01-mali.md")
	// sed -i: a sedXXXXXX beside the file, renamed over it
	tmp := filepath.Join(content, "sedA1b2C3")
	os.WriteFile(tmp, []byte("+++\ntitle = \"Le Mali par sed\"\ndate = 2025-01-01\n+++\nTexte.\n"), 0o644)
	if err := os.Rename(tmp, art); err != nil {
		t.Fatal(err)
	}
	next(t, ev, "reload")
	if l := log.String(); !strings.Contains(l, "content/2025-01-01-mali.md changed: ") || strings.Contains(l, "more changed") {
		t.Errorf("sed's temporary file counted as a change:\n%s", l)
	}
	// the others, each written and removed, then one real save
	for _, name := range []string{"4913", ".2025-01-01-mali.md.swp", ".2025-01-01-mali.md.swx", "2025-01-01-mali.md~",
		"#2025-01-01-mali.md#", ".#2025-01-01-mali.md", "2025-01-01-mali.md___jb_tmp___", "2025-01-01-mali.md___jb_old___",
		".DS_Store", "2025-01-01-mali.md.bak", "2025-01-01-mali.md.orig"} {
		p := filepath.Join(content, name)
		os.WriteFile(p, []byte("x"), 0o644)
		os.Remove(p)
	}
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali, une fois\"\ndate = 2025-01-01\n+++\nTexte.\n"), 0o644)
	e := next(t, ev, "reload")
	for strings.Count(log.String(), "\n") < 3 {
		time.Sleep(10 * time.Millisecond)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "content/2025-01-01-mali.md changed: ") {
		t.Errorf("the temporary files were counted (%s):\n%s", e, log.String())
	}
	// one article edited: its page, and files in the singular where one
	if strings.Contains(log.String(), " 1 files") || strings.Contains(log.String(), " 1 pages") {
		t.Errorf("a plural after 1:\n%s", log.String())
	}
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}} {
		if got := plural(c.n, "file", "files"); got != c.want {
			t.Errorf("plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := describe([]string{"content/a.md", "content/b.md"}); got != "content/a.md and 1 more changed" {
		t.Errorf("describe: %q", got)
	}
}

// TestListen: a port in use is an error naming it, or, when asked, the
// next free port is taken.
func TestListen(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	if _, err := Listen("127.0.0.1", port, false); !errors.Is(err, ErrPortInUse) || !strings.Contains(err.Error(), fmt.Sprintf("port %d on 127.0.0.1 is taken", port)) {
		t.Errorf("a port in use: %v", err)
	}
	ln, err := Listen("127.0.0.1", port, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if got := ln.Addr().(*net.TCPAddr).Port; got <= port || got > port+portTries {
		t.Errorf("took port %d after %d", got, port)
	}
	if _, err := Listen("192.0.2.250", 0, true); err == nil || !strings.Contains(err.Error(), "cannot listen on 192.0.2.250:0") {
		t.Errorf("an address not of this machine: %v", err)
	}
}

// TestURLs: the address a browser opens for each kind of bind.
func TestURLs(t *testing.T) {
	for _, c := range []struct {
		ip   net.IP
		want string
	}{
		{net.IPv4zero, "http://localhost:1414/"},
		{net.IPv6unspecified, "http://localhost:1414/"},
		{net.IPv4(127, 0, 0, 1), "http://127.0.0.1:1414/"},
		{net.IPv6loopback, "http://[::1]:1414/"},
	} {
		urls := URLs(&net.TCPAddr{IP: c.ip, Port: 1414})
		if urls[0] != c.want {
			t.Errorf("%v: %v, want %s first", c.ip, urls, c.want)
		}
		for _, u := range urls {
			if strings.Contains(u, "[::]") || strings.Contains(u, "0.0.0.0") {
				t.Errorf("%v: %s", c.ip, u)
			}
		}
	}
}

// TestServedUnderBasePath: a site whose baseURL has a path is served under
// it, as it will be published; the root sends there.
func TestServedUnderBasePath(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("baseURL = \"https://example.org/digest/\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"Le Mali et le Maroc\"\ndate = 2025-01-01\n+++\n\nLe Mali et le Maroc coopèrent.\n"), 0o644)
	s, err := New(build.Options{Source: dir}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Build("first", false); err != nil {
		t.Fatal(err)
	}
	if s.BasePath() != "/digest/" {
		t.Fatalf("base path %q", s.BasePath())
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/digest/" {
		t.Errorf("/: %d to %q, want a redirect to /digest/", resp.StatusCode, resp.Header.Get("Location"))
	}
	for path, want := range map[string]int{"/digest/": 200, "/digest/pays/ml/": 200, "/digest/css/site.css": 200, "/pays/ml/": 404} {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}
}
