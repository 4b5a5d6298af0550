// Package build runs the pipeline, one step after the other:
//
//	Load → Enrich → Index → Render → Write
//
// Load reads the configuration, articles, templates and data (load.go);
// Enrich finds each article's entities (enrich.go); Index gathers what the
// articles say of each entity (the index package); Render plans every page
// (pages.go, at the paths of routes.go) and renders them (render.go);
// Write commits the output folder at once (the output package). Run is the
// full build, digest build; it reads top to bottom in build.go.
//
// digest serve's rebuilds live beside it: a Session (session.go) keeps the
// extractor and a Cache (cache.go) between builds, and runs the same steps
// on what changed, reusing the rest (rebuild.go, fingerprint.go). A full
// build has no Session and no cache.
package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/output"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site folder: content/, templates/, static/, config.toml
	Config      string // config file; "" for Source/config.toml, which may be absent
	Destination string // "" for the config's output folder, under Source
	// BaseURL, when not "", replaces the config's baseURL (--baseURL).
	BaseURL string
	Drafts  bool
	Future  bool
	Now     time.Time // zero: the current time
}

// Run builds the site and writes it to its destination. On error the
// previous output is left as it was.
func Run(opts Options) (*Stats, error) {
	return run(opts, nil, nil)
}

// run is Run with an extractor already compiled and another output than
// the destination folder, when not nil (tests and benchmarks).
func run(opts Options, x *extract.Extractor, out output.Writer) (*Stats, error) {
	start := time.Now()
	site, err := Load(opts, x)
	if err != nil {
		return nil, err
	}
	var folder *output.Build
	dest := "memory"
	if out == nil {
		dest = Destination(opts, site.Config)
		if err := checkDestination(dest, opts.Source); err != nil {
			return nil, err
		}
		// the output is locked from here: a second build of it fails now,
		// not after rendering
		if folder, err = output.Begin(dest); err != nil {
			return nil, err
		}
		defer folder.Abort() // after Commit, nothing left to drop
		out = folder
	}
	st := newStats(site, dest)
	st.Load = time.Since(start)

	t := time.Now()
	results := enrichForPages(site.Extractor, site.Articles)
	st.Warnings = Warnings(site, results)
	st.Enrich = time.Since(t)

	t = time.Now()
	ix := Index(site.Articles, results)
	st.Entities = len(ix.Entries)
	st.Index = time.Since(t)
	if err := checkMeta(site, ix); err != nil {
		return nil, err
	}

	t = time.Now()
	r, err := Render(site, results, ix, out)
	if err == nil {
		st.Static, err = addStatic(out, opts.Source)
	}
	if err != nil {
		out.Abort()
		return nil, err
	}
	st.Pages, st.Rendered = r.Pages, r.Files
	st.Render = time.Since(t)

	t = time.Now()
	if err := out.Commit(); err != nil {
		return nil, err
	}
	if folder != nil {
		st.Written, st.Unchanged, st.Removed = folder.Changed, folder.Unchanged, folder.Removed
		st.Warnings = append(st.Warnings, folder.Warnings...)
	}
	st.Write = time.Since(t)
	st.Total = time.Since(start)
	return st, nil
}

// Index is the index step: what the articles say of each entity.
func Index(articles []*content.Article, results []*extract.Result) *index.Index {
	return index.Build(articles, results, relatedCount)
}

// Destination is where the site is written.
func Destination(opts Options, cfg *config.Config) string {
	if opts.Destination != "" {
		return opts.Destination
	}
	if filepath.IsAbs(cfg.Output) {
		return cfg.Output
	}
	return filepath.Join(opts.Source, cfg.Output)
}

// checkDestination refuses an output folder that would swallow the sources.
func checkDestination(dest, source string) error {
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	protected := []string{src}
	for _, dir := range layout.Sources {
		protected = append(protected, filepath.Join(src, dir))
	}
	for _, p := range protected {
		if d == p || strings.HasPrefix(p, d+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s would replace %s; choose another --destination (the default is public/)", dest, p)
		}
	}
	return output.CheckDestination(dest)
}
