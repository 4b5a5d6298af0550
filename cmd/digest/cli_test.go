package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const testSite = "../../internal/build/testdata/site"

// TestUsageErrors: a wrong command line is one line on standard error,
// with what was probably meant and where the help is, and exit status 2;
// nothing on standard output, never the whole help.
func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"server"}, `digest: unknown command "server" (did you mean "serve"?); run "digest help" for the list of commands`},
		{[]string{"buidl"}, `unknown command "buidl" (did you mean "build"?)`},
		{[]string{"frobnicate"}, `digest: unknown command "frobnicate"; run "digest help"`},
		{[]string{"--drafts"}, `digest: --drafts is a flag; a command comes first (digest build --drafts)`},
		{[]string{"help", "server"}, `unknown command "server" (did you mean "serve"?)`},
		{[]string{"build", "--drfts"}, `digest build: unknown flag --drfts (did you mean --drafts?); see "digest help build"`},
		{[]string{"build", "--baseurl=https://x.org/"}, `unknown flag --baseurl (did you mean --baseURL?)`},
		{[]string{"serve", "--prot", "8080"}, `digest serve: unknown flag --prot (did you mean --port?); see "digest help serve"`},
		{[]string{"check", "--jsno"}, `digest check: unknown flag --jsno (did you mean --json?)`},
		{[]string{"build", "-d"}, `digest build: unknown flag -d (did you mean -D?)`},
		{[]string{"build", "-x"}, `digest build: unknown flag -x; see "digest help build"`},
		{[]string{"build", "--frobnicate"}, `digest build: unknown flag --frobnicate; see "digest help build"`},
		{[]string{"build", "--source"}, `digest build: --source needs a folder after it; see "digest help build"`},
		{[]string{"serve", "--port", "abc"}, `digest serve: --port: "abc" is not a valid value (a whole number)`},
		{[]string{"serve", "--watch=maybe"}, `digest serve: --watch: "maybe" is not a valid value (true or false)`},
		{[]string{"build", "public"}, `digest build: unexpected argument "public" (the site folder goes in --source)`},
		{[]string{"serve", "8080"}, `digest serve: unexpected argument "8080"`},
		{[]string{"build", "--baseURL", "example.org"}, `digest build: --baseURL "example.org" is not an address such as https://example.org/digest/ or /digest/`},
		{[]string{"new"}, `digest new: the article's title is missing; give it in quotes: digest new "Titre de l'article"`},
		{[]string{"new", "--source", "."}, `the article's title is missing`},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errOut := digest(t, c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, c.want) {
				t.Errorf("stderr %q, want %q", errOut, c.want)
			}
			if n := strings.Count(errOut, "\n"); n != 1 {
				t.Errorf("%d lines on stderr, want 1:\n%s", n, errOut)
			}
			if out != "" {
				t.Errorf("stdout: %q", out)
			}
		})
	}
}

// TestHelpOnStdout: help, asked for in any of its ways, goes to standard
// output ("digest help build | less") and exits 0.
func TestHelpOnStdout(t *testing.T) {
	for _, cmd := range []string{"build", "new", "extract", "serve", "check", "entities"} {
		for _, args := range [][]string{{"help", cmd}, {cmd, "--help"}, {cmd, "-h"}} {
			code, out, errOut := digest(t, args...)
			if code != 0 || errOut != "" || !strings.HasPrefix(out, "digest "+cmd) || !strings.Contains(out, "Flags:") || !strings.Contains(out, "--source folder") {
				t.Errorf("%v: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
			}
		}
	}
	code, out, _ := digest(t, "help", "serve")
	for _, want := range []string{"--watch, -w", "--port, -p port", "--drafts, -D, --buildDrafts", "--future, -F, --buildFuture", "--baseURL address"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("serve's help lacks %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "help"}} {
		if code, out, errOut := digest(t, args...); code != 0 || errOut != "" || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d %q %q", args, code, out, errOut)
		}
	}
}

// TestDraftFlagAliases: Hugo's -D and --buildDrafts (and -F,
// --buildFuture) are digest's --drafts and --future.
func TestDraftFlagAliases(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "4 articles (left out: 1 draft, 1 future)"},
		{[]string{"-D"}, "5 articles (left out: 0 drafts, 1 future)"},
		{[]string{"--buildDrafts"}, "5 articles (left out: 0 drafts, 1 future)"},
		{[]string{"--drafts"}, "5 articles (left out: 0 drafts, 1 future)"},
		{[]string{"-F"}, "5 articles (left out: 1 draft, 0 future)"},
		{[]string{"-D", "--buildFuture"}, "6 articles,"},
	} {
		args := append([]string{"build", "--source", testSite, "--destination", filepath.Join(t.TempDir(), "out")}, c.args...)
		if code, out, errOut := digest(t, args...); code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, %q %s, want %q", c.args, code, out, errOut, c.want)
		}
	}
}

// TestBaseURLFlag: --baseURL replaces the config's for one build.
func TestBaseURLFlag(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := digest(t, "build", "--source", "../..", "--destination", dest, "--baseURL", "https://preview.example.net/pr-12"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for file, want := range map[string]string{
		"index.html":  `<link rel="canonical" href="https://preview.example.net/pr-12/">`,
		"robots.txt":  "Sitemap: https://preview.example.net/pr-12/sitemap.xml",
		"sitemap.xml": "<loc>https://preview.example.net/pr-12/articles/",
	} {
		b, err := os.ReadFile(filepath.Join(dest, file))
		if err != nil || !strings.Contains(string(b), want) || strings.Contains(string(b), "example.org/digest") {
			t.Errorf("%s lacks %q or keeps the config's baseURL", file, want)
		}
	}
}

// TestFailedBuildWording: a failed build says it left the previous output
// only when there was one.
func TestFailedBuildWording(t *testing.T) {
	site := t.TempDir()
	art := filepath.Join(site, "content", "2025-01-01-a.md")
	write := func(text string) {
		if err := os.MkdirAll(filepath.Dir(art), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("+++\ntitle = 3\n+++\n")
	code, _, errOut := digest(t, "build", "--source", site)
	if code != 1 || !strings.Contains(errOut, "digest: build failed; nothing was written\n") || strings.Contains(errOut, "previous") {
		t.Errorf("first build: exit %d\n%s", code, errOut)
	}
	write("+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\nLe Mali.\n")
	if code, _, errOut := digest(t, "build", "--source", site); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	write("+++\ntitle = 3\n+++\n")
	code, _, errOut = digest(t, "build", "--source", site)
	if want := "digest: build failed; the previous output in " + filepath.Join(site, "public") + " was left as it was\n"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("second build: exit %d, want %q:\n%s", code, want, errOut)
	}
}

// TestNewFindsTheSite: digest new run in content/ or deeper, or in any
// folder of a site, writes into the site's content/, never content/content/.
func TestNewFindsTheSite(t *testing.T) {
	for _, c := range []struct {
		name   string
		files  []string // made in the site before
		cwd    string   // where digest new runs, in the site
		prefix string   // the path it prints starts so
	}{
		{"in content/", []string{"config.toml", "content/"}, "content", "../content/"},
		{"two folders down", []string{"config.toml", "content/2025/11/"}, "content/2025/11", "../../../content/"},
		{"in templates/", []string{"config.toml", "content/", "templates/partials/"}, "templates/partials", "../../content/"},
		{"in content/, no config.toml", []string{"content/2025/"}, "content/2025", "../../content/"},
		{"at the root", []string{"config.toml"}, ".", "content/"},
		{"content/content/ left by an older digest", []string{"config.toml", "content/content/"}, "content", "../content/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := t.TempDir()
			for _, f := range c.files {
				p := filepath.Join(site, f)
				if strings.HasSuffix(f, "/") {
					os.MkdirAll(p, 0o755)
				} else {
					os.WriteFile(p, []byte("title = \"T\"\n"), 0o644)
				}
			}
			t.Chdir(filepath.Join(site, c.cwd))
			code, out, errOut := digest(t, "new", "Accord Maroc-Mali")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			name := strings.TrimSpace(out)
			if !strings.HasPrefix(filepath.ToSlash(name), c.prefix) || !strings.HasSuffix(name, "-accord-maroc-mali.md") {
				t.Errorf("printed %q, want it under %s", name, c.prefix)
			}
			matches, _ := filepath.Glob(filepath.Join(site, "content", "*-accord-maroc-mali.md"))
			if len(matches) != 1 {
				t.Errorf("not written in the site's content/: %v", matches)
			}
		})
	}
}

// syncBuffer is an output several goroutines write.
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

// serveSite runs digest serve in-process until the test stops it; it
// returns its outputs and a channel of its exit status.
func serveSite(t *testing.T, args ...string) (stop func() int, out, errOut *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	saved := stopContext
	stopContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	out, errOut = &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- run(append([]string{"serve"}, args...), out, errOut) }()
	var once sync.Once
	code := -1
	stop = func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Error("digest serve did not stop")
			}
			stopContext = saved
		})
		return code
	}
	t.Cleanup(func() { stop() })
	return stop, out, errOut
}

// waitFor waits until the output holds want.
func waitFor(t *testing.T, b *syncBuffer, want string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if s := b.String(); strings.Contains(s, want) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in:\n%s", want, b.String())
	return ""
}

var servingRe = regexp.MustCompile(`serving \S+ at (http://\S+/)`)

func fetch(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// TestServePortTaken: a port given with --port and taken is said at once,
// before any build.
func TestServePortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	start := time.Now()
	code, out, errOut := digest(t, "serve", "--source", "../..", "--port", port)
	if code != 1 || !strings.Contains(errOut, "digest serve: port "+port+" on 127.0.0.1 is taken") || !strings.Contains(errOut, "--port") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, "build") || time.Since(start) > 2*time.Second {
		t.Errorf("it built before finding the port taken: %q", out)
	}
}

// TestServeNextFreePort: when the default port is taken, digest serve
// takes the next free one and says so.
func TestServeNextFreePort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := ln.Addr().(*net.TCPAddr).Port
	saved := defaultPort
	defaultPort = taken
	defer func() { defaultPort = saved }()
	stop, out, errOut := serveSite(t, "--source", testSite, "--watch=false")
	s := waitFor(t, out, "Ctrl-C")
	m := regexp.MustCompile(`port (\d+) is taken; serving on port (\d+) instead \(choose one with --port\)`).FindStringSubmatch(s)
	if m == nil || m[1] != strconv.Itoa(taken) || m[2] == m[1] {
		t.Fatalf("no word of the port taken:\n%s%s", s, errOut)
	}
	url := servingRe.FindStringSubmatch(s)
	if url == nil || !strings.Contains(url[1], ":"+m[2]+"/") {
		t.Fatalf("the URL is not on port %s:\n%s", m[2], s)
	}
	if code := fetch(t, url[1]); code != 200 {
		t.Errorf("GET %s: %d", url[1], code)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestServeWildcardBind: listening on every interface prints an address a
// browser opens, never http://[::]:port/ or http://0.0.0.0:port/.
func TestServeWildcardBind(t *testing.T) {
	_, out, errOut := serveSite(t, "--source", testSite, "--bind", "0.0.0.0", "--port", "0", "--watch=false")
	s := waitFor(t, out, "Ctrl-C")
	url := servingRe.FindStringSubmatch(s)
	if url == nil || !strings.HasPrefix(url[1], "http://localhost:") || strings.Contains(s, "[::]") || strings.Contains(s, "0.0.0.0") {
		t.Fatalf("printed:\n%s%s", s, errOut)
	}
	if code := fetch(t, url[1]); code != 200 {
		t.Errorf("GET %s: %d", url[1], code)
	}
}

// TestServeWatchesByDefault: without --watch, a save rebuilds; with
// --watch=false it does not.
func TestServeWatchesByDefault(t *testing.T) {
	site := t.TempDir()
	art := filepath.Join(site, "content", "2025-01-01-mali.md")
	os.MkdirAll(filepath.Dir(art), 0o755)
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali\"\ndate = 2025-01-01\n+++\nLe Mali.\n"), 0o644)
	_, out, _ := serveSite(t, "--source", site, "--port", "0")
	waitFor(t, out, "watching for changes")
	time.Sleep(200 * time.Millisecond) // the watcher in place
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali, revu\"\ndate = 2025-01-01\n+++\nLe Mali.\n"), 0o644)
	waitFor(t, out, "content/2025-01-01-mali.md changed: ")

	stop, out, _ := serveSite(t, "--source", site, "--port", "0", "--watch=false")
	s := waitFor(t, out, "Ctrl-C")
	if strings.Contains(s, "watching") {
		t.Errorf("--watch=false still watches:\n%s", s)
	}
	os.WriteFile(art, []byte("+++\ntitle = \"Le Mali, encore\"\ndate = 2025-01-01\n+++\nLe Mali.\n"), 0o644)
	time.Sleep(300 * time.Millisecond)
	if stop(); strings.Contains(out.String(), "changed") {
		t.Errorf("--watch=false rebuilt:\n%s", out.String())
	}
}

// TestNewArticleLanguage: the skeleton's lang is the default language of
// articles, not the UI's; with auto, it is left to the text.
func TestNewArticleLanguage(t *testing.T) {
	for config, want := range map[string]string{
		"language = \"en\"\n": "# lang = \"fr\" or \"en\": without it, read from the text\n",
		"language = \"en\"\ndefaultArticleLanguage = \"fr\"\n": "\nlang = \"fr\"\n",
	} {
		site := t.TempDir()
		os.WriteFile(filepath.Join(site, "config.toml"), []byte(config), 0o644)
		code, out, errOut := digest(t, "new", "Titre", "--source", site)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		b, _ := os.ReadFile(strings.TrimSpace(out))
		if !strings.Contains(string(b), want) || strings.Contains(string(b), `lang = "en"`) {
			t.Errorf("%q: skeleton\n%s\nwant %q", config, b, want)
		}
		// the skeleton builds
		if code, _, errOut := digest(t, "build", "--source", site, "-D"); code != 0 {
			t.Errorf("%q: the skeleton does not build: %s", config, errOut)
		}
	}
}

// TestServeNotASite: digest serve outside any site says so rather than
// serving nothing while it waits for a content/ folder.
func TestServeNotASite(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := digest(t, "serve", "--source", dir, "--port", "0")
	if code != 1 || !strings.Contains(errOut, "is not a site: it has no content/ folder") || out != "" {
		t.Errorf("exit %d, %q %q", code, out, errOut)
	}
}
