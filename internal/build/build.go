// Package build runs the pipeline: load the articles, render their pages,
// write the site. It wires the stage packages; each does one job.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"digest"
	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/markdown"
	"digest/internal/output"
	"digest/internal/render"
)

// Options say what to build and where.
type Options struct {
	Source      string // the site folder: content/, templates/, static/, config.toml
	Config      string // config file; "" for Source/config.toml, which may be absent
	Destination string // "" for the config's output folder, under Source
	Drafts      bool
	Future      bool
	Now         time.Time // zero: the current time
	// Extractor, when set, is used instead of one compiled from the
	// gazetteer and the site's data/: digest serve keeps one between builds
	// until data/ or config.toml change.
	Extractor *extract.Extractor
	// Memory, when set, receives the site instead of the output folder.
	Memory *output.Memory
	// Cache, when set, keeps what this build makes for the next: digest
	// serve rebuilds only what a change touches. It must be dropped when
	// the extractor (data/) or the configuration change.
	Cache *Cache
	// Lazy, with a Cache and Memory, leaves the pages to make again to be
	// made when first read, but for the first of each kind and those of
	// Priority (site paths of files): digest serve after a template edit,
	// as Hugo's fast render mode.
	Lazy     bool
	Priority []string
}

// Stats are the figures of a build.
type Stats struct {
	Articles int
	Entities int // distinct countries, regions, agencies, officials and themes tagged
	Pages    int // HTML pages, aliases included
	Aliases  int
	Static   int
	Drafts   int // left out
	Future   int // left out
	// Warnings are problems that do not stop the build, one line each.
	Warnings []string
	Output   string
	// Written, Unchanged and Removed are files of the output folder: moved
	// in because their bytes changed, left as they were, removed.
	Written, Unchanged, Removed int
	// Rendered and Reused count the files of Render: made, or taken from
	// the cache (digest serve) because their inputs had not changed.
	Rendered, Reused int
	// Carried are the files of Reused taken without being planned: those
	// of the articles and entities an edit did not reach.
	Carried int
	// Deferred are the files of Rendered left to be made when first read
	// (Options.Lazy).
	Deferred int
	Load     time.Duration
	Enrich   time.Duration
	Index    time.Duration
	Render   time.Duration
	Write    time.Duration
	Total    time.Duration
}

func (s *Stats) String() string {
	var skipped string
	if s.Drafts+s.Future > 0 {
		skipped = fmt.Sprintf(" (left out: %s, %s)", plural(s.Drafts, "draft"), plural(s.Future, "future"))
	}
	var files string
	if s.Written+s.Unchanged+s.Removed > 0 {
		files = fmt.Sprintf("; files: %d written, %d unchanged, %d removed", s.Written, s.Unchanged, s.Removed)
	}
	return fmt.Sprintf("%s%s, %s, %s (%s), %s → %s in %d ms (load %d, enrich %d, index %d, render %d, write %d)%s",
		plural(s.Articles, "article"), skipped, plural(s.Entities, "entity"), plural(s.Pages, "page"), plural(s.Aliases, "alias"),
		plural(s.Static, "static file"), s.Output,
		s.Total.Milliseconds(), s.Load.Milliseconds(), s.Enrich.Milliseconds(), s.Index.Milliseconds(), s.Render.Milliseconds(), s.Write.Milliseconds(), files)
}

func plural(n int, word string) string {
	switch {
	case n == 1 || word == "future":
		return fmt.Sprintf("%d %s", n, word)
	case strings.HasSuffix(word, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	case strings.HasSuffix(word, "s"):
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Site is a loaded site, ready to render.
type Site struct {
	Config   *config.Config
	Dir      string
	Articles []*content.Article
	// Entities are the enrichment of each article, in the same order.
	Entities  []*extract.Result
	Extractor *extract.Extractor
	// Index is what the articles say of each entity, once BuildIndex ran.
	Index    *index.Index
	Markdown *markdown.Converter
	Renderer *render.Renderer
	Result   *content.Result
	// Cache is the build cache of the options, if any.
	Cache *Cache
	// Files is the number of files the last Render made (pages, feeds, the
	// search index, the sitemap).
	Files int
	// Carried is how many of them the last build made and this one took
	// as they were, without planning them (digest serve, after an edit).
	Carried int
	// Deferred is how many of them are lazy (Options.Lazy).
	Deferred int
	// delta is what changed since the cache's last build, when BuildIndex
	// updated its index
	delta    *delta
	lazy     bool
	priority map[string]bool
}

// ResolveConfig reads the configuration the options name.
func ResolveConfig(opts Options) (*config.Config, error) {
	path, optional := opts.Config, false
	if path == "" {
		path, optional = filepath.Join(opts.Source, "config.toml"), true
	}
	return config.Load(path, optional)
}

// Load reads configuration, templates and articles, reporting every problem
// it finds rather than the first.
func Load(opts Options) (*Site, error) {
	cfg, err := ResolveConfig(opts)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	s := &Site{Config: cfg, Dir: opts.Source, Markdown: markdown.New(markdown.Options{Unsafe: cfg.Markdown.Unsafe}), Cache: opts.Cache,
		lazy: opts.Lazy && opts.Cache != nil && opts.Memory != nil, priority: map[string]bool{}}
	for _, p := range opts.Priority {
		s.priority[p] = true
	}
	var errs []error
	contentDir := filepath.Join(opts.Source, "content")
	if info, err := os.Stat(contentDir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no content folder; a site keeps its articles in content/ (digest new \"Titre\" writes one)", contentDir)
	}
	copts := ContentOptions(cfg, opts)
	copts.Now = now
	if opts.Cache != nil {
		copts.Listing = opts.Cache.beginLoad(contentDir)
		copts.Reuse, copts.Known = opts.Cache.reuse, opts.Cache.known
	}
	res, err := content.Load(contentDir, copts)
	if err != nil {
		errs = append(errs, err)
	} else if opts.Cache != nil {
		opts.Cache.keepListing(res.Listing)
	}
	if res != nil {
		s.Result, s.Articles = res, res.Articles
		if opts.Cache != nil {
			opts.Cache.versions(s.Articles)
		}
	}
	if s.Extractor = opts.Extractor; s.Extractor == nil {
		if s.Extractor, err = NewExtractor(opts, cfg); err != nil {
			errs = append(errs, err)
		}
	}
	strs, err := render.LoadStrings(dirFS(filepath.Join(opts.Source, "i18n")))
	if err != nil {
		errs = append(errs, err)
	}
	if err == nil {
		s.Renderer, err = render.New(cfg, []render.Layer{
			{FS: digest.Templates(), Name: "(built-in)"},
			{FS: dirFS(filepath.Join(opts.Source, "templates")), Name: "templates"},
		}, strs)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return s, errors.Join(errs...)
}

// dirFS is the folder as a file system, or nil when there is no such folder.
func dirFS(dir string) fs.FS {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return os.DirFS(dir)
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
	for _, protected := range []string{src, filepath.Join(src, "content"), filepath.Join(src, "static"), filepath.Join(src, "templates")} {
		if d == protected || strings.HasPrefix(protected, d+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s would replace %s; choose another --destination (the default is public/)", dest, protected)
		}
	}
	return output.CheckDestination(dest)
}

// Run builds the site and writes it. On error the previous output is left as it was.
func Run(opts Options) (*Stats, error) {
	start := time.Now()
	site, err := Load(opts)
	if err != nil {
		return nil, err
	}
	dest := Destination(opts, site.Config)
	if opts.Memory != nil {
		dest = "memory"
	} else if err := checkDestination(dest, opts.Source); err != nil {
		return nil, err
	}
	stats := &Stats{Articles: len(site.Articles), Output: dest, Drafts: site.Result.Drafts, Future: site.Result.Future}
	stats.Load = time.Since(start)

	t0 := time.Now()
	site.Enrich()
	stats.Warnings = site.Warnings()
	stats.Enrich = time.Since(t0)

	if opts.Cache != nil {
		// the index and plan the last build left change in place: pages
		// it deferred wait
		opts.Cache.state.Lock()
		defer opts.Cache.state.Unlock()
	}
	t := time.Now()
	site.BuildIndex()
	stats.Entities = len(site.Index.Entries)
	stats.Index = time.Since(t)

	t = time.Now()
	var out output.Writer = opts.Memory
	var folder *output.Build
	if opts.Memory == nil {
		if folder, err = output.Begin(dest); err != nil {
			return nil, err
		}
		out = folder
	}
	pages, err := site.Render(out)
	if err != nil {
		out.Abort()
		return nil, err
	}
	stats.Pages = pages
	stats.Rendered, stats.Carried, stats.Deferred = site.Files, site.Carried, site.Deferred
	if opts.Cache != nil {
		stats.Reused = opts.Cache.Reused()
		stats.Rendered -= stats.Reused
	}
	for _, a := range site.Articles {
		stats.Aliases += len(a.Aliases)
	}
	n, err := addStatic(out, digest.Static(), dirFS(filepath.Join(opts.Source, "static")))
	if err != nil {
		out.Abort()
		return nil, err
	}
	stats.Static = n
	stats.Render = time.Since(t)

	t = time.Now()
	if err := out.Commit(); err != nil {
		return nil, err
	}
	if folder != nil {
		stats.Written, stats.Unchanged, stats.Removed = folder.Changed, folder.Unchanged, folder.Removed
	}
	stats.Write = time.Since(t)
	stats.Total = time.Since(start)
	return stats, nil
}

// addStatic copies the built-in static files, then the site's over them.
func addStatic(out output.Writer, layers ...fs.FS) (int, error) {
	files := map[string]fs.FS{}
	for _, l := range layers {
		if l == nil {
			continue
		}
		err := fs.WalkDir(l, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				files[p] = l
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("static: %w", err)
		}
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if out.Has(p) {
			return 0, fmt.Errorf("static/%s would overwrite a page of the same path", p)
		}
		b, err := fs.ReadFile(files[p], p)
		if err != nil {
			return 0, fmt.Errorf("static: %w", err)
		}
		if err := out.Add(p, b, "static/"+p); err != nil {
			return 0, err
		}
	}
	return len(paths), nil
}
