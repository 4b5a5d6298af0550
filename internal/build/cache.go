package build

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"sync"

	"digest/internal/output"
	"digest/internal/render"
	"digest/internal/search"
)

// Cache keeps, between the builds of a Session (digest serve), what a
// build read of each article (reads.go) and made of each page and its
// parts (here), so that a rebuild reads and enriches only the files that
// changed and renders only the pages whose inputs changed. A cache belongs
// to one extractor and one configuration: the Session starts a new one
// when data/ or the configuration change.
type Cache struct {
	// reads are what the loads read and enriched, and what the watch told
	reads reads

	mu     sync.Mutex
	pages  map[string]cachedPage // by output path
	made   map[string]cachedPage // the pages the build under way made
	kept   int                   // the pages it took from pages
	seed   maphash.Seed
	reused int // pages of the build under way taken from the last
	// cards are article cards as seen from the root, by card fingerprint
	// and templates
	cards map[uint64]string
	// search are articles' entries in the search index, by version;
	// entitySearch entities', by the fingerprint of their fields
	search       map[uint64]search.Doc
	dict         *search.Dict // numbers the words of search and entitySearch
	entitySearch map[uint64]search.Entity
	// plan is the last good build's plan, for the next to start from
	plan *plan
	// collation are entities' names' sort keys in the site's language
	collation map[string][]byte
	// bodies are articles' bodies as HTML, by version
	bodies map[uint64]string
}

type cachedPage struct {
	fp   uint64
	data []byte
	lazy *output.Lazy // instead of data: a page deferred until read
}

// put puts the page at p in out.
func (cp cachedPage) put(out output.Writer, put func(p string, data []byte, owner string) error, p, owner string) error {
	if cp.lazy != nil {
		return out.(deferrer).Defer(p, cp.lazy, owner)
	}
	return put(p, cp.data, owner)
}

// deferrer is an output that takes lazy files (output.Memory).
type deferrer interface {
	Defer(p string, l *output.Lazy, owner string) error
}

func newCache() *Cache {
	return &Cache{reads: reads{articles: map[string]*cachedArticle{}, touched: map[string]uint64{}},
		pages: map[string]cachedPage{}, cards: map[uint64]string{}, search: map[uint64]search.Doc{}, entitySearch: map[uint64]search.Entity{},
		collation: map[string][]byte{}, bodies: map[uint64]string{}, seed: maphash.MakeSeed()}
}

// page returns the page at p from the last build, if it was made from
// the same inputs (fingerprint fp); a deferred one only if lazy allows.
func (c *Cache) page(p string, fp uint64, lazy bool) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cp, ok := c.pages[p]
	if !ok || cp.fp != fp || cp.lazy != nil && !lazy {
		return cachedPage{}, false
	}
	c.reused++
	c.kept++
	return cp, true
}

// built tells whether a build made pages into the cache.
func (c *Cache) built() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.pages) > 0
}

// has tells whether the page at p from the last build was made from the
// same inputs, without taking it.
func (c *Cache) has(p string, fp uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	cp, ok := c.pages[p]
	return ok && cp.fp == fp
}

// carry takes the pages at paths from the last build as they are, and
// puts them: in bulk when out can take them so.
func (c *Cache) carry(paths []string, out output.Writer) error {
	c.mu.Lock()
	data := make([][]byte, len(paths))
	var lazy []*output.Lazy
	var errs []error
	for i, p := range paths {
		cp, ok := c.pages[p]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: lost since the last build; restart digest serve", p))
			continue
		}
		data[i] = cp.data
		if cp.lazy != nil {
			if lazy == nil {
				lazy = make([]*output.Lazy, len(paths))
			}
			lazy[i] = cp.lazy
		}
	}
	c.reused += len(paths)
	c.kept += len(paths)
	c.mu.Unlock()
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if carrier, ok := out.(output.Carrier); ok {
		return carrier.Carry(paths, data, lazy)
	}
	for i, p := range paths {
		if lazy != nil && lazy[i] != nil {
			// only a build into memory defers pages, and only it carries them
			return fmt.Errorf("%s: a deferred page cannot be written to %T", p, out)
		}
		if err := out.Add(p, data[i], p); err != nil {
			return err
		}
	}
	return nil
}

// takePlan hands the last build's plan to this one, which changes it in
// place: until it keeps its own, a build that fails leaves none.
func (c *Cache) takePlan() *plan {
	c.mu.Lock()
	defer c.mu.Unlock()
	pl := c.plan
	c.plan = nil
	return pl
}

func (c *Cache) keepPlan(pl *plan) {
	c.mu.Lock()
	c.plan = pl
	c.mu.Unlock()
}

// keepPage keeps a page made by this build.
func (c *Cache) keepPage(p string, fp uint64, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.made[p] = cachedPage{fp: fp, data: data}
}

// keepLazy keeps a page this build deferred.
func (c *Cache) keepLazy(p string, fp uint64, l *output.Lazy) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.made[p] = cachedPage{fp: fp, lazy: l}
}

// beginPages starts a build's pages; endPages makes them the ones to
// compare with next time (a failed build keeps the last good ones). The
// pages the build did not make again stay as they are, and those it did
// not make at all (of entities gone) go: paths lists every file it made.
func (c *Cache) beginPages() {
	c.mu.Lock()
	c.made = map[string]cachedPage{}
	c.reused, c.kept = 0, 0
	c.mu.Unlock()
}

func (c *Cache) endPages(ok bool, paths func() []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	made := c.made
	c.made = nil
	if !ok {
		return
	}
	for p, cp := range made {
		c.pages[p] = cp
	}
	if len(c.pages) == c.kept+len(made) {
		return
	}
	// some pages of the last build are not this one's
	this := make(map[string]bool, c.kept+len(made))
	for _, p := range paths() {
		this[p] = true
	}
	for p := range c.pages {
		if !this[p] {
			delete(c.pages, p)
		}
	}
}

// Reused is the number of files the last build took from the one before.
func (c *Cache) Reused() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reused
}

// fingerprint hashes the inputs of a page.
type fingerprint struct {
	h   maphash.Hash
	buf [8]byte
}

func (c *Cache) fingerprint(kind string) *fingerprint {
	f := &fingerprint{}
	f.h.SetSeed(c.seed)
	f.h.WriteString(kind)
	return f
}

func (f *fingerprint) str(s string) *fingerprint {
	f.num(uint64(len(s)))
	f.h.WriteString(s)
	return f
}

func (f *fingerprint) bytes(b []byte) *fingerprint {
	f.h.Write(b)
	return f
}

func (f *fingerprint) num(n uint64) *fingerprint {
	binary.LittleEndian.PutUint64(f.buf[:], n)
	f.h.Write(f.buf[:])
	return f
}

func (f *fingerprint) sum() uint64 {
	if s := f.h.Sum64(); s != 0 {
		return s
	}
	return 1 // 0 means "no fingerprint: always render"
}

// cardStore is the render.CardStore of one rebuild: cards by the
// fingerprint of their article and the templates.
type cardStore struct{ rb *rebuild }

func (s cardStore) key(a *render.Article) (uint64, bool) {
	i, ok := s.rb.position[a]
	if !ok {
		return 0, false
	}
	return s.rb.cards[i] ^ s.rb.p.site.Renderer.SharedSources(), true
}

func (s cardStore) LoadCard(a *render.Article) (string, bool) {
	k, ok := s.key(a)
	if !ok {
		return "", false
	}
	c := s.rb.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	html, ok := c.cards[k]
	return html, ok
}

func (s cardStore) StoreCard(a *render.Article, html string) {
	if k, ok := s.key(a); ok {
		c := s.rb.cache
		c.mu.Lock()
		c.cards[k] = html
		c.mu.Unlock()
	}
}

// pruneCards keeps the cards of the articles of this build only (cards
// are their card fingerprints, mixed with the shared templates').
func (c *Cache) pruneCards(cards []uint64, shared uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pruneKeys(c.cards, len(cards), func(keep map[uint64]bool) {
		for _, fp := range cards {
			keep[fp^shared] = true
		}
	})
}

// pruneKeys deletes from m the keys that add does not name, once m holds
// more than twice the n keys to keep: the entries of a few edits' old
// versions are not worth a sweep.
func pruneKeys[V any](m map[uint64]V, n int, add func(keep map[uint64]bool)) {
	if len(m) <= 2*n {
		return
	}
	keep := make(map[uint64]bool, n)
	add(keep)
	for k := range m {
		if !keep[k] {
			delete(m, k)
		}
	}
}

// versionsOf adds the versions of articles to keep.
func versionsOf(articles []*render.Article) func(keep map[uint64]bool) {
	return func(keep map[uint64]bool) {
		for _, a := range articles {
			keep[a.Version] = true
		}
	}
}

func (c *Cache) searchDict() *search.Dict {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dict == nil {
		c.dict = search.NewDict()
	}
	return c.dict
}

func (c *Cache) searchEntry(version uint64) (search.Doc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.search[version]
	return b, ok
}

func (c *Cache) keepSearchEntry(version uint64, b search.Doc) {
	c.mu.Lock()
	c.search[version] = b
	c.mu.Unlock()
}

func (c *Cache) entitySearchEntry(fp uint64) (search.Entity, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.entitySearch[fp]
	return b, ok
}

// keepEntitySearch keeps the entities' search entries of this build, and
// only those.
func (c *Cache) keepEntitySearch(entries map[uint64]search.Entity) {
	c.mu.Lock()
	c.entitySearch = entries
	c.mu.Unlock()
}

// pruneSearch keeps the search entries of these articles only.
func (c *Cache) pruneSearch(articles []*render.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pruneKeys(c.search, len(articles), versionsOf(articles))
}

// collationKey is the sort key of an entity's name made by an earlier
// build.
func (c *Cache) collationKey(name string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.collation[name]
	return k, ok
}

func (c *Cache) keepCollationKey(name string, key []byte) {
	c.mu.Lock()
	c.collation[name] = key
	c.mu.Unlock()
}

// body is the HTML of the body of an article's version, made by an
// earlier build.
func (c *Cache) body(version uint64) (string, bool) {
	if version == 0 {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.bodies[version]
	return b, ok
}

func (c *Cache) keepBody(version uint64, html string) {
	if version == 0 {
		return
	}
	c.mu.Lock()
	c.bodies[version] = html
	c.mu.Unlock()
}

// pruneBodies keeps the bodies of these articles only.
func (c *Cache) pruneBodies(articles []*render.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	pruneKeys(c.bodies, len(articles), versionsOf(articles))
}
