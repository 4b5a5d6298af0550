// Package serve is the editor's loop: it builds the site in memory through
// a build.Session (which keeps what rebuilds reuse), serves it over HTTP,
// and, watching the site's files, rebuilds on every save and tells the
// open pages to reload (Server-Sent Events). A broken build keeps the last
// good site served and shows the error over the page until the next good
// build.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"digest/internal/build"
	"digest/internal/output"
)

// Server builds and serves a site.
type Server struct {
	opts build.Options
	log  io.Writer // one line per build
	// base is the path of the site's baseURL ("/digest/"): the site is
	// served under it, as it will be published
	base string

	// session keeps what a rebuild reuses: the extractor, the cache of
	// each article and page, and when to start over
	session *build.Session

	mu      sync.RWMutex
	current *output.Memory // the site being served
	buildN  int
	lastErr error
	clients map[chan event]struct{}
	// recent are the pages served last, newest last: a rebuild makes them
	// before the others it defers
	recent []string
}

// visited notes a page served.
func (s *Server) visited(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recent = slices.DeleteFunc(s.recent, func(k string) bool { return k == key })
	s.recent = append(s.recent, key)
	if len(s.recent) > recentPages {
		s.recent = s.recent[1:]
	}
}

const recentPages = 16

type event struct {
	name, data string
}

// New makes a server for the site of opts; its builds are held in memory,
// never written to the site's public/ (nor anywhere).
func New(opts build.Options, log io.Writer) (*Server, error) {
	// pages left to be made when read, as Hugo's fast render: but those
	// browsers read last are made now
	base := "/"
	if cfg, err := build.ResolveConfig(opts); err == nil {
		if u, err := url.Parse(cfg.BaseURL); err == nil && strings.HasPrefix(u.Path, "/") {
			base = u.Path
		}
	}
	return &Server{opts: opts, log: log, base: base, session: build.NewSession(opts, true), clients: map[chan event]struct{}{}}, nil
}

// BasePath is the path the site is served under: baseURL's ("/digest/"),
// or "/". It is read when the server starts.
func (s *Server) BasePath() string { return s.base }

// Close lets the served site go.
func (s *Server) Close() error {
	s.mu.Lock()
	s.current = nil
	s.mu.Unlock()
	return nil
}

// Build builds the site into a fresh folder and, when it succeeds, serves
// it and tells the pages to reload (or, when only stylesheets changed, to
// reload them). why says what changed, for the log line.
func (s *Server) Build(why string, cssOnly bool) error {
	start := time.Now()
	s.mu.Lock()
	s.buildN++
	n := s.buildN
	size := 0
	if s.current != nil {
		size = s.current.Len()
	}
	recent := slices.Clone(s.recent)
	s.mu.Unlock()
	site := output.NewMemorySized(size)
	stats, err := s.session.Build(site, recent)
	s.mu.Lock()
	if err == nil {
		s.current, s.lastErr = site, nil
	} else {
		s.lastErr = err
	}
	s.mu.Unlock()
	ms := time.Since(start).Milliseconds()
	if err != nil {
		fmt.Fprintf(s.log, "%s: build failed in %d ms, still serving the last good site:\n%v\n", why, ms, err)
		b, _ := json.Marshal(err.Error())
		s.broadcast(event{"failed", string(b)})
		return err
	}
	deferred := ""
	if stats.Deferred > 0 {
		deferred = fmt.Sprintf(" (%d of them when first asked for)", stats.Deferred)
	}
	fmt.Fprintf(s.log, "%s: %s, %s made again%s, in %d ms (load %d, enrich %d, index %d, render %d)\n", why, plural(stats.Pages, "page", "pages"), plural(stats.Rendered, "file", "files"), deferred, ms,
		stats.Load.Milliseconds(), stats.Enrich.Milliseconds(), stats.Index.Milliseconds(), stats.Render.Milliseconds())
	if stats.Carried == 0 && stats.Rendered > 1000 {
		// a build that made the whole site leaves its garbage: collected
		// now, while the editor reads, its memory is there for the next
		// rebuilds, which otherwise grow the heap into fresh pages (page
		// faults: 50 ms a rebuild at 10,000 articles on a virtual machine)
		go runtime.GC()
	}
	if cssOnly {
		s.broadcast(event{"css", fmt.Sprint(n)})
	} else {
		s.broadcast(event{"reload", fmt.Sprint(n)})
	}
	return nil
}

func (s *Server) broadcast(e event) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow page misses an event, and catches up at the next
		}
	}
}

// Handler serves the site, the live-reload script and its event stream.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/__digest/events", s.events)
	mux.HandleFunc("/__digest/live.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, liveJS)
	})
	if s.base == "/" {
		mux.HandleFunc("/", s.file)
		return mux
	}
	// under baseURL's path, as published: the root sends there
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.mu.RLock()
		site := s.current
		s.mu.RUnlock()
		if site == nil {
			http.Error(w, "the site has not built yet", http.StatusServiceUnavailable)
			return
		}
		s.notFound(w, site)
	})
	mux.Handle(s.base, http.StripPrefix(strings.TrimSuffix(s.base, "/"), http.HandlerFunc(s.file)))
	return mux
}

// events is the Server-Sent Events stream a page listens to.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 4)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	failed := s.lastErr
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	io.WriteString(w, ": digest live reload\n\n")
	if failed != nil {
		b, _ := json.Marshal(failed.Error())
		fmt.Fprintf(w, "event: failed\ndata: %s\n\n", b)
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done(): // the tab closed: its connection goes
			return
		case e := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
			flusher.Flush()
		}
	}
}

// file serves a file of the current build, with the live-reload script in
// HTML pages. Paths that leave the site are not found.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	site := s.current
	s.mu.RUnlock()
	if site == nil {
		http.Error(w, "the site has not built yet", http.StatusServiceUnavailable)
		return
	}
	p := r.URL.Path
	if strings.ContainsAny(p, "\\\x00") {
		s.notFound(w, site)
		return
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			s.notFound(w, site)
			return
		}
	}
	key := strings.TrimPrefix(path.Clean("/"+p), "/")
	if key == "" || strings.HasSuffix(p, "/") {
		key = path.Join(key, "index.html")
	} else if _, ok := site.File(key); !ok {
		if _, dir := site.File(key + "/index.html"); dir {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	b, ok, err := site.Read(key)
	if !ok {
		s.notFound(w, site)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		// a page the build deferred could not be made: its template fails
		// on it. Said in the page; the next good build reloads it.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<!DOCTYPE html><title>digest: page failed</title><h1>This page failed to render</h1><pre>%s</pre>%s",
			html.EscapeString(err.Error()), `<script src="/__digest/live.js"></script>`)
		return
	}
	if strings.HasSuffix(key, ".html") {
		s.visited(key)
	}
	if strings.HasSuffix(key, ".html") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(inject(b))
		return
	}
	if ct := mime.TypeByExtension(path.Ext(key)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Write(b)
}

func (s *Server) notFound(w http.ResponseWriter, site *output.Memory) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	b, ok := site.File("404.html")
	if !ok {
		io.WriteString(w, "404 page not found")
		return
	}
	w.Write(inject(b))
}

// inject puts the live-reload script before </body>: only in responses,
// never in the built files.
func inject(page []byte) []byte {
	script := []byte(`<script src="/__digest/live.js"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, script...)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// Serve serves on ln until ctx ends, then shuts down cleanly.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx) // SSE streams end with their request contexts
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// portTries is how many ports Listen tries after one in use.
const portTries = 20

// ErrPortInUse is what Listen's error is (errors.Is) when the port, and
// with next the ports after it, are taken.
var ErrPortInUse = errors.New("port in use")

type portInUse struct{ msg string }

func (e *portInUse) Error() string        { return e.msg }
func (e *portInUse) Is(target error) bool { return target == ErrPortInUse }

// Listen opens the port on bind, before any build, so that a port in use
// is known at once. With next, a port in use makes it take the next free
// one (up to portTries after it); the listener's address says which.
func Listen(bind string, port int, next bool) (net.Listener, error) {
	tries := 1
	if next && port != 0 {
		tries = portTries + 1
	}
	for i := 0; i < tries && port+i <= 65535; i++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port+i)))
		if err == nil {
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			var op *net.OpError
			if errors.As(err, &op) && op.Err != nil {
				err = op.Err // "listen tcp 1.2.3.4:1313: bind: …": the address is said by the caller
			}
			return nil, fmt.Errorf("cannot listen on %s: %v", net.JoinHostPort(bind, strconv.Itoa(port+i)), err)
		}
	}
	if tries > 1 {
		return nil, &portInUse{fmt.Sprintf("ports %d to %d on %s are all taken; choose one with --port", port, port+tries-1, bind)}
	}
	return nil, &portInUse{fmt.Sprintf("port %d on %s is taken (another digest serve?); choose another with --port, or leave --port out to take the next free one", port, bind)}
}

// URLs are the addresses a browser opens the site at, listening on addr:
// for a wildcard bind (0.0.0.0, ::), localhost and, when there is one,
// the machine's address on the local network, never "http://[::]:1313/".
func URLs(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return []string{"http://" + addr.String() + "/"}
	}
	port := strconv.Itoa(tcp.Port)
	if !tcp.IP.IsUnspecified() {
		return []string{"http://" + net.JoinHostPort(tcp.IP.String(), port) + "/"}
	}
	urls := []string{"http://localhost:" + port + "/"}
	if ip := lanAddress(); ip != nil {
		urls = append(urls, "http://"+net.JoinHostPort(ip.String(), port)+"/")
	}
	return urls
}

// lanAddress is the machine's first IPv4 address that is neither loopback
// nor link-local, or nil.
func lanAddress() net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok {
			continue
		}
		if ip := n.IP.To4(); ip != nil && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() {
			return ip
		}
	}
	return nil
}

const liveJS = `// digest live reload: reloads the page when a build ends, the stylesheets
// alone when only they changed, and shows a failed build over the page.
(function () {
  var es = new EventSource("/__digest/events");
  function overlay(text) {
    var o = document.getElementById("digest-overlay");
    if (!o) {
      o = document.createElement("div");
      o.id = "digest-overlay";
      o.setAttribute("role", "alert");
      o.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;z-index:99999;" +
        "background:#2b0b0b;color:#fff;font:14px/1.5 monospace;padding:1rem 1.25rem;white-space:pre-wrap;border-bottom:4px solid #e33";
      document.body.appendChild(o);
    }
    o.textContent = "digest: the build failed; this is the last good version of the page.\n\n" + text;
  }
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("css", function (e) {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
      var u = new URL(l.href); u.searchParams.set("v", e.data); l.href = u.toString();
    });
    var o = document.getElementById("digest-overlay"); if (o) o.remove();
  });
  es.addEventListener("failed", function (e) { overlay(JSON.parse(e.data)); });
})();
`
