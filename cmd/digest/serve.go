package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"digest/internal/build"
	"digest/internal/layout"
	"digest/internal/serve"
)

// defaultPort is Hugo's, which editors coming from it expect (a variable
// for tests, which cannot count on it being free).
var defaultPort = 1313

// stopContext ends when the user stops digest serve (a variable for tests,
// which stop it without a signal).
var stopContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var opts build.Options
	fs := newFlags("serve", "digest serve [flags]: build the site in memory and serve it; on every save, rebuild and reload the open pages (--watch=false to serve one build).", stdout, stderr)
	sf.register(fs, false)
	watch := fs.Bool("watch", true, "rebuild when the site's files change, and reload the pages")
	fs.alias("w", "watch")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on (loopback by default; 0.0.0.0 for every interface)")
	port := fs.Int("port", defaultPort, "the `port` to listen on (0 for any free port); when the default one is taken, the next free one")
	fs.alias("p", "port")
	draftFlags(fs, &opts)
	baseURLFlag(fs, &opts)
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if code := noArgs(fs, " (the site folder goes in --source)"); code >= 0 {
		return code
	}
	if code := badBaseURL(fs, &opts); code >= 0 {
		return code
	}
	opts.Source, opts.Config = sf.source, sf.config
	// watching a folder that is no site would serve nothing, forever
	if !isDir(filepath.Join(sf.source, layout.Content)) {
		fmt.Fprintf(stderr, "digest serve: %s is not a site: it has no %s/ folder; run digest serve in the site's folder, or give it with --source\n", sf.source, layout.Content)
		return 1
	}
	// the port first: a port in use is said before a build of minutes
	explicit := fs.given("port") || fs.given("p")
	ln, err := serve.Listen(*bind, *port, !explicit)
	if err != nil {
		fmt.Fprintln(stderr, "digest serve:", err)
		return 1
	}
	defer ln.Close()
	if got := ln.Addr().(*net.TCPAddr).Port; *port != 0 && got != *port {
		fmt.Fprintf(stdout, "port %d is taken; serving on port %d instead (choose one with --port)\n", *port, got)
	}
	srv, err := serve.New(opts, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "digest serve:", err)
		return 1
	}
	defer srv.Close()
	ctx, stop := stopContext()
	defer stop()
	if err := srv.Build("first build", false); err != nil && !*watch {
		return 1 // without watching there is nothing to wait for
	}
	if *watch {
		go func() {
			if err := srv.Watch(ctx); err != nil {
				fmt.Fprintln(stderr, "digest serve: watch:", err)
			}
		}()
	}
	urls := serve.URLs(ln.Addr())
	for i := range urls { // under baseURL's path, as the site is published
		urls[i] += strings.TrimPrefix(srv.BasePath(), "/")
	}
	also := ""
	if len(urls) > 1 {
		also = " (on the local network: " + strings.Join(urls[1:], ", ") + ")"
	}
	watching := ", watching for changes"
	if !*watch {
		watching = ""
	}
	fmt.Fprintf(stdout, "serving %s at %s%s%s (Ctrl-C to stop)\n", sf.source, urls[0], also, watching)
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "digest serve:", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
