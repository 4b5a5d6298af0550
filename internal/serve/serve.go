// Package serve is the editor's loop: it builds the site into a private
// folder, serves it over HTTP, and, watching the site's files, rebuilds on
// every save and tells the open pages to reload (Server-Sent Events). A
// broken build keeps the last good site served and shows the error over
// the page until the next good build.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"digest/internal/build"
)

// Server builds and serves a site.
type Server struct {
	opts build.Options
	root string    // private folder holding the builds
	log  io.Writer // one line per build

	mu      sync.RWMutex
	current string // the folder being served
	buildN  int
	lastErr error
	clients map[chan event]struct{}
}

type event struct {
	name, data string
}

// New makes a server for the site of opts; its builds go to a private
// temporary folder, never to the site's public/.
func New(opts build.Options, log io.Writer) (*Server, error) {
	root, err := os.MkdirTemp("", "digest-serve-")
	if err != nil {
		return nil, err
	}
	return &Server{opts: opts, root: root, log: log, clients: map[chan event]struct{}{}}, nil
}

// Close removes the private folder.
func (s *Server) Close() error { return os.RemoveAll(s.root) }

// Build builds the site into a fresh folder and, when it succeeds, serves
// it and tells the pages to reload (or, when only stylesheets changed, to
// reload them). why says what changed, for the log line.
func (s *Server) Build(why string, cssOnly bool) error {
	start := time.Now()
	s.mu.Lock()
	s.buildN++
	n := s.buildN
	s.mu.Unlock()
	dest := filepath.Join(s.root, fmt.Sprintf("build-%d", n))
	opts := s.opts
	opts.Destination = dest
	stats, err := build.Run(opts)
	s.mu.Lock()
	old := s.current
	if err == nil {
		s.current, s.lastErr = dest, nil
	} else {
		s.lastErr = err
	}
	s.mu.Unlock()
	ms := time.Since(start).Milliseconds()
	if err != nil {
		fmt.Fprintf(s.log, "%s: build failed in %d ms, still serving the last good site:\n%v\n", why, ms, err)
		b, _ := json.Marshal(err.Error())
		s.broadcast(event{"failed", string(b)})
		os.RemoveAll(dest)
		return err
	}
	fmt.Fprintf(s.log, "%s: %d pages in %d ms\n", why, stats.Pages, ms)
	if old != "" {
		go os.RemoveAll(old) // no request is served from it any more
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
	mux.HandleFunc("/", s.file)
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
	dir := s.current
	s.mu.RUnlock()
	if dir == "" {
		http.Error(w, "the site has not built yet", http.StatusServiceUnavailable)
		return
	}
	p := r.URL.Path
	if strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		s.notFound(w, dir)
		return
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			s.notFound(w, dir)
			return
		}
	}
	clean := path.Clean("/" + p)
	full := filepath.Join(dir, filepath.FromSlash(clean))
	if rel, err := filepath.Rel(dir, full); err != nil || strings.HasPrefix(rel, "..") {
		s.notFound(w, dir)
		return
	}
	info, err := os.Stat(full)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		full = filepath.Join(full, "index.html")
		info, err = os.Stat(full)
	}
	if err != nil || info.IsDir() {
		s.notFound(w, dir)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(full, ".html") {
		b, err := os.ReadFile(full)
		if err != nil {
			s.notFound(w, dir)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(inject(b))
		return
	}
	http.ServeFile(w, r, full)
}

func (s *Server) notFound(w http.ResponseWriter, dir string) {
	b, err := os.ReadFile(filepath.Join(dir, "404.html"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if err != nil {
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

// ListenAndServe serves until ctx ends, then shuts down cleanly.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(url string)) error {
	srv := &http.Server{Addr: addr, Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ln, err := listen(addr)
	if err != nil {
		return err
	}
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
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
