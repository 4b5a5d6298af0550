package build

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"digest"
	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/markdown"
	"digest/internal/render"
)

// Site is what the load step read: everything the later steps need but
// the articles' entities.
type Site struct {
	Config   *config.Config
	Dir      string
	Articles []*content.Article
	// Result is the load of content/: its drafts and future articles left
	// out, and the files it skipped.
	Result *content.Result
	// Extractor finds the articles' entities: the built-in gazetteer with
	// the site's data/ over it.
	Extractor *extract.Extractor
	// Meta is what data/entities.toml says of entities, and metaLines
	// where it says it.
	Meta      map[index.Key]*render.Meta
	metaLines map[index.Key]int
	Markdown  *markdown.Converter
	Renderer  *render.Renderer
	// tree is the language's pass of a multilingual site's render step
	// (multilang.go); nil on a site of one language
	tree *langTree
}

// ResolveConfig reads the configuration the options name, with their
// overrides.
func ResolveConfig(opts Options) (*config.Config, error) {
	path, optional := opts.Config, false
	if path == "" {
		path, optional = filepath.Join(opts.Source, layout.Config), true
	}
	cfg, err := config.Load(path, optional)
	if err == nil && opts.BaseURL != "" {
		err = cfg.SetBaseURL(opts.BaseURL)
	}
	return cfg, err
}

// Load is the load step: it reads the configuration, the articles, the
// templates, the UI strings and the data files, and compiles the extractor
// (x, when not nil, is used instead). It reports every problem it finds
// rather than the first.
func Load(opts Options, x *extract.Extractor) (*Site, error) {
	return load(opts, x, nil)
}

// load is Load; a Session's reads r, when not nil, let it read only the
// articles that changed since the last build.
func load(opts Options, x *extract.Extractor, r *reads) (*Site, error) {
	cfg, err := ResolveConfig(opts)
	if err != nil {
		return nil, err
	}
	// bodies are shown on article pages: root-relative links in them are
	// rebased from there
	articlePage := routes{sec: cfg.Sections}.article("x")
	md := markdown.Options{Unsafe: cfg.Markdown.Unsafe, Root: strings.Repeat("../", strings.Count(articlePage, "/")), BasePath: "/"}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Path != "" {
		md.BasePath = u.Path
	}
	s := &Site{Config: cfg, Dir: opts.Source, Extractor: x, Markdown: markdown.New(md)}
	var errs []error
	contentDir := filepath.Join(opts.Source, layout.Content)
	if info, err := os.Stat(contentDir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s: no content folder; a site keeps its articles in %s/ (digest new \"Titre\" writes one)", contentDir, layout.Content)
	}
	copts := ContentOptions(cfg, opts)
	r.loadOptions(&copts, contentDir)
	res, err := content.Load(contentDir, copts)
	if err != nil {
		errs = append(errs, err)
	} else {
		r.keepListing(res.Listing)
	}
	if res != nil {
		s.Result, s.Articles = res, res.Articles
		r.versions(s.Articles)
	}
	if s.Extractor == nil {
		if s.Extractor, err = NewExtractor(opts, cfg); err != nil {
			errs = append(errs, err)
		}
	}
	if s.Meta, s.metaLines, err = loadMeta(opts.Source); err != nil {
		errs = append(errs, err)
	}
	strs, err := render.LoadStrings(dirFS(filepath.Join(opts.Source, layout.I18n)))
	if err != nil {
		errs = append(errs, err)
	}
	if err == nil {
		s.Renderer, err = render.New(cfg, []render.Layer{
			{FS: digest.Templates(), Name: "(built-in)"},
			{FS: dirFS(filepath.Join(opts.Source, layout.Templates)), Name: layout.Templates},
		}, strs)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return s, errors.Join(errs...)
}

// NewExtractor compiles the extractor of a site: the built-in gazetteer
// with the site's data/*.toml over it.
func NewExtractor(opts Options, cfg *config.Config) (*extract.Extractor, error) {
	g, err := gazetteer.Load(dirFS(filepath.Join(opts.Source, layout.Data)))
	if err != nil {
		return nil, err
	}
	return extract.New(g, cfg.Language), nil
}

// ContentOptions are the load options of a site's articles.
func ContentOptions(cfg *config.Config, opts Options) content.Options {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	// an article without lang is in defaultArticleLanguage, or the one
	// its text is in (auto), not the UI's language
	lang := cfg.DefaultArticleLanguage
	if lang == config.Auto {
		lang = ""
	}
	return content.Options{
		Defaults: content.Defaults{Lang: lang, FallbackLang: cfg.Language, Location: cfg.Location, Languages: config.Languages},
		Drafts:   opts.Drafts, Future: opts.Future, Now: now,
		MaxSize: int64(cfg.MaxArticleSize),
	}
}

// dirFS is the folder as a file system, or nil when there is no such folder.
func dirFS(dir string) fs.FS {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}
