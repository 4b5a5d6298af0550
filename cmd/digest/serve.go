package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"digest/internal/build"
	"digest/internal/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var opts build.Options
	fs := newFlagSet("serve", "digest serve [--watch] [flags]: build the site and serve it; with --watch, rebuild on every save and reload the open pages.", stderr)
	sf.register(fs, false)
	watch := fs.Bool("watch", false, "rebuild when the site's files change, and reload the pages")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on (loopback by default)")
	port := fs.Int("port", 1313, "the `port` to listen on (0 for any free port)")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include articles marked draft = true")
	fs.BoolVar(&opts.Future, "future", false, "include articles dated in the future")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	opts.Source, opts.Config = sf.source, sf.config
	srv, err := serve.New(opts, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "digest serve:", err)
		return 1
	}
	defer srv.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Build("first build", false); err != nil && !*watch {
		return 1 // without --watch there is nothing to wait for
	}
	if *watch {
		go func() {
			if err := srv.Watch(ctx); err != nil {
				fmt.Fprintln(stderr, "digest serve: watch:", err)
			}
		}()
	}
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	err = srv.ListenAndServe(ctx, addr, func(url string) {
		fmt.Fprintf(stdout, "serving %s at %s (Ctrl-C to stop)\n", sf.source, url)
	})
	if err != nil {
		fmt.Fprintln(stderr, "digest serve:", err)
		return 1
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
