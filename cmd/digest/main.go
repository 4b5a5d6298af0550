// Command digest builds a static site from a digest of news articles.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"time"

	"digest/internal/build"
	"digest/internal/config"
	"digest/internal/layout"
	"digest/internal/slug"
	"digest/internal/textdist"
)

const usage = `digest builds a static site from a digest of diplomatic and security news.

Usage:
  digest build [flags]          build the site into public/
  digest new "Titre" [flags]    write a new article in content/
  digest extract [--json] PATH  print the entities found in articles
  digest serve [flags]          serve the site, rebuilding and reloading on save
  digest check [--json]         list what an editor should review
  digest entities --kind KIND   list the ids the site knows (themes, countries, …)
  digest version                print the version
  digest help [command]         show help

Run in the site's folder or any folder below it, or name it with --source.
Run "digest help COMMAND" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands are digest's commands, for "did you mean".
var commands = []string{"build", "new", "extract", "serve", "check", "entities", "version", "help"}

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
		if len(rest) > 0 && rest[0] != "help" {
			return run([]string{rest[0], "--help"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	msg := fmt.Sprintf("digest: unknown command %q", cmd)
	if strings.HasPrefix(cmd, "-") {
		msg = fmt.Sprintf("digest: %s is a flag; a command comes first (digest build %s)", cmd, cmd)
	} else if near := textdist.Nearest(cmd, commands, 2); near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	fmt.Fprintf(stderr, "%s; run \"digest help\" for the list of commands\n", msg)
	return 2
}

// draftFlags registers --drafts and --future with Hugo's names beside
// them: -D, --buildDrafts, -F, --buildFuture.
func draftFlags(fs *flags, opts *build.Options) {
	fs.BoolVar(&opts.Drafts, "drafts", false, "include articles marked draft = true")
	fs.alias("D", "drafts")
	fs.alias("buildDrafts", "drafts")
	fs.BoolVar(&opts.Future, "future", false, "include articles dated in the future")
	fs.alias("F", "future")
	fs.alias("buildFuture", "future")
}

// baseURLFlag registers --baseURL, which replaces the config's baseURL
// for one build (a preview deployed elsewhere, a CI job).
func baseURLFlag(fs *flags, opts *build.Options) {
	fs.StringVar(&opts.BaseURL, "baseURL", "", "the `address` the site is published at, instead of the config's baseURL (https://example.org/digest/)")
}

// badBaseURL refuses a --baseURL that is not an address, as a wrong
// command line (exit 2) rather than a problem of the site.
func badBaseURL(fs *flags, opts *build.Options) int {
	if opts.BaseURL == "" {
		return -1
	}
	if err := config.Default().SetBaseURL(opts.BaseURL); err != nil {
		fmt.Fprintf(fs.stderr, "digest %s: %v; see \"digest help %s\"\n", fs.name, err, fs.name)
		return 2
	}
	return -1
}

// noArgs refuses arguments a command does not take.
func noArgs(fs *flags, hint string) int {
	if fs.NArg() == 0 {
		return -1
	}
	fmt.Fprintf(fs.stderr, "digest %s: unexpected argument %q%s; see \"digest help %s\"\n", fs.name, fs.Arg(0), hint, fs.name)
	return 2
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var opts build.Options
	fs := newFlags("build", "digest build [flags]: build the site from content/ into public/, all or nothing.", stdout, stderr)
	sf.register(fs, true)
	draftFlags(fs, &opts)
	baseURLFlag(fs, &opts)
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this `file` (go tool pprof reads it)")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to this `file`")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if code := noArgs(fs, " (the site folder goes in --source)"); code >= 0 {
		return code
	}
	if code := badBaseURL(fs, &opts); code >= 0 {
		return code
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
	previous := previousOutput(opts)
	stats, err := build.Run(opts)
	if err != nil {
		reportErrors(stderr, err)
		if previous != "" {
			fmt.Fprintf(stderr, "digest: build failed; the previous output in %s was left as it was\n", previous)
		} else {
			fmt.Fprintln(stderr, "digest: build failed; nothing was written")
		}
		return 1
	}
	for _, w := range stats.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	fmt.Fprintln(stdout, "digest:", stats)
	return 0
}

// previousOutput is the output folder a build would replace, when there is
// one already: what a failed build says it left alone.
func previousOutput(opts build.Options) string {
	cfg, err := build.ResolveConfig(opts)
	if err != nil {
		return ""
	}
	dest := build.Destination(opts, cfg)
	if entries, err := os.ReadDir(dest); err != nil || len(entries) == 0 {
		return ""
	}
	return dest
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
%s
summary = ""
source = ""
draft = true
+++

`

func cmdNew(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("new", `digest new "Titre de l'article" [flags]: write content/YYYY-MM-DD-titre-de-l-article.md with a front-matter skeleton, in the site the current folder is in.`, stdout, stderr)
	sf.register(fs, false)
	// Flags may come after the title, as users type them.
	var title string
	for len(args) > 0 {
		if code := fs.parse(args); code >= 0 {
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
	if len(args) == 0 && !fs.Parsed() {
		sf.resolve(fs) // no arguments at all: parse never ran
	}
	if strings.TrimSpace(title) == "" {
		fmt.Fprintln(stderr, `digest new: the article's title is missing; give it in quotes: digest new "Titre de l'article"`)
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
	// the language of articles, not of the UI; with auto, left to the text
	lang := fmt.Sprintf("lang = %q", cfg.DefaultArticleLanguage)
	if cfg.DefaultArticleLanguage == config.Auto {
		lang = "# lang = \"fr\" or \"en\": without it, read from the text"
	}
	_, err = fmt.Fprintf(f, newTemplate, title, now.Format(time.RFC3339), lang)
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
