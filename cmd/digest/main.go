// Command digest builds a static site from a digest of news articles.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"digest/internal/build"
	"digest/internal/layout"
	"digest/internal/slug"
)

const usage = `digest builds a static site from a digest of diplomatic and security news.

Usage:
  digest build [flags]          build the site into public/
  digest new "Titre" [flags]    write a new article in content/
  digest extract [--json] PATH  print the entities found in articles
  digest serve [--watch]        serve the site, rebuilding and reloading on save
  digest check [--json]         list what an editor should review
  digest entities --kind KIND   list the ids the site knows (themes, countries, …)
  digest version                print the version
  digest help [command]         show help

Run "digest COMMAND --help" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "extract":
		return cmdExtract(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "entities":
		return cmdEntities(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "digest", version())
		return 0
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			return run([]string{rest[0], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "digest: unknown command %q\n\n%s", cmd, usage)
	return 2
}

// siteFlags are the flags every command that reads a site takes.
type siteFlags struct {
	source, destination, config string
}

func (f *siteFlags) register(fs *flag.FlagSet, withDestination bool) {
	fs.StringVar(&f.source, "source", ".", "the site `folder` (holding content/, templates/, static/, config.toml)")
	fs.StringVar(&f.config, "config", "", "the config `file` (default: config.toml in the source folder, optional)")
	if withDestination {
		fs.StringVar(&f.destination, "destination", "", "the output `folder` (default: the config's output, public/)")
	}
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, returning -1 to go on or an exit status.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	return -1
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var opts build.Options
	fs := newFlagSet("build", "digest build [flags]: build the site from content/ into public/, all or nothing.", stderr)
	sf.register(fs, true)
	fs.BoolVar(&opts.Drafts, "drafts", false, "include articles marked draft = true")
	fs.BoolVar(&opts.Future, "future", false, "include articles dated in the future")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof reads it)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to this file")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "digest build: unexpected argument %q (the site folder goes in --source)\n", fs.Arg(0))
		return 2
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "digest build:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "digest build:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(stderr, "digest build:", err)
			}
		}()
	}
	opts.Source, opts.Destination, opts.Config = sf.source, sf.destination, sf.config
	// A build's heap is mostly the site it holds; collecting at 50% growth
	// rather than 100% keeps the peak near what it holds (at 10,000
	// articles 0.52 GB, not 0.66). The collector's extra CPU is about what
	// the kernel spends faulting in the larger heap: the wall time is the
	// same. GOGC in the environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	stats, err := build.Run(opts)
	if err != nil {
		reportErrors(stderr, err)
		fmt.Fprintln(stderr, "digest: build failed; the previous output was left as it was")
		return 1
	}
	for _, w := range stats.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	fmt.Fprintln(stdout, "digest:", stats)
	return 0
}

// reportErrors prints one problem a line, each naming its file.
func reportErrors(w io.Writer, err error) {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	for _, l := range lines {
		if l != "" {
			fmt.Fprintln(w, "error:", l)
		}
	}
	if len(lines) > 1 {
		fmt.Fprintf(w, "digest: %d problems\n", len(lines))
	}
}

const newTemplate = `+++
title = %q
date = %s
lang = %q
summary = ""
source = ""
draft = true
+++

`

func cmdNew(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("new", `digest new "Titre de l'article" [flags]: write content/YYYY-MM-DD-titre-de-l-article.md with a front-matter skeleton.`, stderr)
	sf.register(fs, false)
	// Flags may come after the title, as users type them.
	var title string
	for len(args) > 0 {
		if code := parse(fs, args); code >= 0 {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		if title != "" {
			fmt.Fprintf(stderr, "digest new: one title only; put it in quotes (got %q and %q)\n", title, fs.Arg(0))
			return 2
		}
		title, args = fs.Arg(0), fs.Args()[1:]
	}
	if strings.TrimSpace(title) == "" {
		fs.Usage()
		return 2
	}
	cfg, err := build.ResolveConfig(build.Options{Source: sf.source, Config: sf.config})
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	slug := slug.Make(title)
	if slug == "" {
		fmt.Fprintf(stderr, "digest new: the title %q has no letters or digits to name the file with\n", title)
		return 2
	}
	now := time.Now().In(cfg.Location)
	name := filepath.Join(sf.source, layout.Content, now.Format("2006-01-02")+"-"+slug+".md")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		fmt.Fprintln(stderr, "digest new:", err)
		return 1
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "digest new: %s already exists; choose another title or edit that file\n", name)
		} else {
			fmt.Fprintln(stderr, "digest new:", err)
		}
		return 1
	}
	_, err = fmt.Fprintf(f, newTemplate, title, now.Format(time.RFC3339), cfg.Language)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(stderr, "digest new:", err)
		return 1
	}
	fmt.Fprintln(stdout, name)
	return 0
}

// version is the module version, or the VCS revision for a development build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		return fmt.Sprintf("%s (%s%s) %s", v, rev, modified, info.GoVersion)
	}
	return v + " " + info.GoVersion
}
