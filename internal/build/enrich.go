package build

import (
	"path/filepath"
	"time"

	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/gazetteer"
	"digest/internal/parallel"
)

// NewExtractor compiles the extractor of a site: the built-in gazetteer
// with the site's data/*.toml over it.
func NewExtractor(opts Options, cfg *config.Config) (*extract.Extractor, error) {
	g, err := gazetteer.Load(dirFS(filepath.Join(opts.Source, "data")))
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
	return content.Options{
		Defaults: content.Defaults{Lang: cfg.Language, Location: cfg.Location},
		Drafts:   opts.Drafts, Future: opts.Future, Now: now,
		MaxSize: int64(cfg.MaxArticleSize),
	}
}

// Enrich extracts the entities of every article, on every core; results
// are in the order of the articles.
func Enrich(x *extract.Extractor, articles []*content.Article) []*extract.Result {
	results := make([]*extract.Result, len(articles))
	parallel.For(len(articles), func(i int) {
		results[i] = x.Extract(extract.FromArticle(articles[i]))
	})
	for _, a := range articles {
		a.Text = nil // read: the pages need the mentions' places, not the text
	}
	return results
}

// Enrich runs the extractor over the site's articles, keeping of the
// mentions what pages need. With a cache, articles read by an earlier
// build keep the enrichment they had.
func (s *Site) Enrich() {
	if s.Cache == nil {
		s.Entities = Enrich(s.Extractor, s.Articles)
		for _, r := range s.Entities {
			r.Compact()
		}
		return
	}
	s.Entities = make([]*extract.Result, len(s.Articles))
	var fresh []*content.Article
	var at []int
	for i, a := range s.Articles {
		if r := s.Cache.result(a); r != nil {
			s.Entities[i] = r
		} else {
			fresh, at = append(fresh, a), append(at, i)
		}
	}
	for k, r := range Enrich(s.Extractor, fresh) {
		r.Compact()
		s.Entities[at[k]] = r
	}
	s.Cache.remember(s.Articles, s.Entities)
}

// Warnings are the files skipped and what the enrichment found odd in
// front matter, one line a problem.
func (s *Site) Warnings() []string {
	var out []string
	if s.Result != nil {
		out = append(out, s.Result.Warnings...)
	}
	for i, r := range s.Entities {
		for _, w := range r.Warnings {
			out = append(out, s.Articles[i].Path+": "+w)
		}
	}
	return out
}
