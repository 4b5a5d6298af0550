package build

import (
	"path/filepath"
	"strings"
	"sync"
	"time"

	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/output"
)

// Session is what digest serve keeps between builds of one site, so that
// a rebuild costs what a change touches: the compiled extractor, the Cache
// of what each build read and made, and the lock that pages left to be
// made when first read take. It starts over (a new extractor and cache)
// when data/ or the configuration change, since every entity may then
// change. A Session's builds go to memory; they are not safe to run
// concurrently, while Touch may be called at any time.
type Session struct {
	opts Options
	// lazy leaves the pages to make again to be made when first read, but
	// for the first of each kind and those a build is told to make first:
	// as Hugo's fast render mode
	lazy bool

	mu        sync.Mutex // guards what follows against Touch
	extractor *extract.Extractor
	cache     *Cache
	watching  bool
	startOver bool

	// state is held by a build while it changes in place what the last
	// build left (its index and plan), and by the making of a page it
	// deferred, which reads them
	state sync.RWMutex
}

// NewSession starts a session for the site of opts.
func NewSession(opts Options, lazy bool) *Session {
	return newSession(opts, nil, lazy)
}

// newSession starts a session with an extractor already compiled (tests
// and benchmarks), or none.
func newSession(opts Options, x *extract.Extractor, lazy bool) *Session {
	s := &Session{opts: opts, lazy: lazy, extractor: x, cache: newCache(), startOver: x == nil}
	return s
}

// Watching tells the session that every change of the site's files will
// be told with Touch (digest serve watches them): once a build has looked
// at every file, the next ones read only the files touched.
func (s *Session) Watching() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.watching = true
	s.cache.reads.startWatching()
}

// Touch tells the session that the file or folder at path changed. A
// change in data/ or of the configuration makes the next build start over.
func (s *Session) Touch(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.reads.touch(path)
	if s.changesData(path) {
		s.startOver = true
	}
}

// TouchAll tells the session that any file may have changed (the watch
// lost events): the next build looks at every file.
func (s *Session) TouchAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.reads.touchAll()
}

// changesData tells whether a change reaches what the extractor and the
// cache were made from: data/, or the configuration, wherever --config
// puts it.
func (s *Session) changesData(path string) bool {
	path = filepath.Clean(path)
	if s.opts.Config != "" && path == filepath.Clean(s.opts.Config) {
		return true
	}
	rel, err := filepath.Rel(s.opts.Source, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	return rel == layout.Config || rel == layout.Data || layout.InData(rel)
}

// begin starts over when it must: a new cache, and the extractor compiled
// again. A compile that fails leaves none, and the build then reports why.
func (s *Session) begin() (*extract.Extractor, *Cache) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.startOver || s.extractor == nil {
		s.extractor, s.cache, s.startOver = nil, newCache(), false
		if s.watching {
			s.cache.reads.startWatching()
		}
		if cfg, err := ResolveConfig(s.opts); err == nil {
			s.extractor, _ = NewExtractor(s.opts, cfg)
		}
	}
	return s.extractor, s.cache
}

// Build builds the site into out, reusing what the last builds made: the
// full build's steps, each on what changed. priority are site paths of
// files a lazy session makes now rather than when first read (the pages
// browsers read last).
func (s *Session) Build(out *output.Memory, priority []string) (*Stats, error) {
	x, cache := s.begin()
	start := time.Now()
	site, err := load(s.opts, x, &cache.reads)
	if err != nil {
		return nil, err
	}
	st := newStats(site, "memory")
	st.Load = time.Since(start)

	t := time.Now()
	results := s.enrich(site, cache)
	st.Warnings = Warnings(site, results)
	st.Enrich = time.Since(t)

	// the index and plan the last build left change in place: pages it
	// deferred wait
	s.state.Lock()
	defer s.state.Unlock()
	t = time.Now()
	ix, d := s.index(site.Articles, results, cache)
	st.Entities = len(ix.Entries)
	st.Index = time.Since(t)
	if err := checkMeta(site, ix); err != nil {
		return nil, err
	}

	t = time.Now()
	rb := &rebuild{cache: cache, state: &s.state, lazy: s.lazy, priority: map[string]bool{}, delta: d}
	for _, p := range priority {
		rb.priority[p] = true
	}
	var r Rendered
	if site.Config.Multilingual() {
		// a multilingual site is made whole at each rebuild (its articles
		// still read and enriched again only when changed)
		r, err = renderLanguages(site, results, ix, out)
	} else {
		r, err = renderSite(site, results, ix, out, rb)
	}
	if err == nil {
		st.Static, err = addStatic(out, s.opts.Source)
	}
	if err != nil {
		out.Abort()
		return nil, err
	}
	st.Pages, st.Carried, st.Deferred = r.Pages, r.Carried, r.Deferred
	st.Reused = cache.Reused()
	st.Rendered = r.Files - st.Reused
	st.Render = time.Since(t)

	t = time.Now()
	if err := out.Commit(); err != nil {
		return nil, err
	}
	st.Write = time.Since(t)
	st.Total = time.Since(start)
	return st, nil
}

// enrich is the enrich step of a rebuild: articles read by an earlier
// build keep the entities they had.
func (s *Session) enrich(site *Site, cache *Cache) []*extract.Result {
	results := make([]*extract.Result, len(site.Articles))
	var fresh []*content.Article
	var at []int
	for i, a := range site.Articles {
		if r := cache.reads.result(a); r != nil {
			results[i] = r
		} else {
			fresh, at = append(fresh, a), append(at, i)
		}
	}
	for k, r := range enrichForPages(site.Extractor, fresh) {
		results[at[k]] = r
	}
	cache.reads.remember(site.Articles, results)
	return results
}

// index is the index step of a rebuild: when the last build had the same
// files in the same order (an edit), its index is updated for the
// articles read again, and the delta says what changed.
func (s *Session) index(articles []*content.Article, results []*extract.Result, cache *Cache) (*index.Index, *delta) {
	if prev := cache.takePlan(); prev != nil {
		if changed, ok := prev.changedArticles(articles); ok {
			touched := prev.index.Update(articles, results, changed)
			return prev.index, &delta{prev: prev, changed: changed, touched: touched}
		}
	}
	return Index(articles, results), nil
}
