package build

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sync"

	"digest/internal/content"
	"digest/internal/index"
	"digest/internal/output"
	"digest/internal/render"
	"digest/internal/search"
)

// This file answers "what may a rebuild reuse": digest serve's rebuilds
// (a Session's) take from the last build the pages whose inputs did not
// change, and carry over unplanned the pages of the articles and entities
// an edit did not reach. A full build has no *rebuild: every method here
// does nothing on a nil one, finds nothing to reuse and fingerprints
// nothing (0), so the full build's path reads as if rebuilds did not exist.

// rebuild is one rebuild's view of what the last build left.
type rebuild struct {
	cache *Cache
	// state is held by the build while it changes the last build's index
	// and plan in place, and read by the making of a page it deferred
	state *sync.RWMutex
	// lazy leaves pages to be made when first read, but those of priority
	// (site paths of files) and the first of each kind
	lazy     bool
	priority map[string]bool
	// delta is what the index step updated; nil when it made the index anew
	delta *delta

	p *pages // the pages being planned
	// when planning carried the last build's plan over: that plan, the
	// entries the changed articles reached, and whether every entry kept
	// its number of articles (then the lists are as they were)
	prev       *plan
	touched    []*index.Entry
	sameCounts bool
	hashes
	entityFPs sync.Map // *render.Entity → its fingerprint
	// the search index's entries of entities, by entry (for the next
	// build's plan) and, when not carried over, by fingerprint
	entitySearch map[*index.Entry]search.Entity
	keptSearch   map[uint64]search.Entity
	// writing: whether out takes deferred pages, which pages are
	// deferred, how unchanged bytes are handed to out
	canDefer bool
	deferred []bool
	put      func(p string, data []byte, owner string) error
}

// hashes are what pages' fingerprints hash, computed once a build and
// carried to the next with its plan.
type hashes struct {
	cards       []uint64 // by article
	urlHashes   []uint64 // by article
	entryHashes map[*index.Entry]uint64
	position    map[*render.Article]int
}

// plan is what a build leaves for the next: the index it updates, the
// articles as rendered, and the files of each article and each entity,
// which the next build carries over when nothing they show changed.
type plan struct {
	index    *index.Index
	related  [][]int // index.Related as this build had it
	paths    []string
	versions []uint64
	sources  uint64 // the templates'
	articles []*render.Article
	links    map[*index.Entry]render.EntityLink
	hashes
	// the search index's entries of entities
	entitySearch map[*index.Entry]search.Entity
	articleUnit  []unitFiles
	entityUnit   map[*index.Entry]unitFiles
	listUnit     unitFiles
	// relationThreshold is the articles a pair shared to have a page
	relationThreshold int
	// officialAgencies are the agencies each official's roles named,
	// as this build saw them: the next re-plans those agencies' pages
	// when the official changes
	officialAgencies map[*index.Entry][]string
	// how many files and sitemap entries the build made: the next one's
	// lists are made that long
	files, sitemap int
}

// delta is what changed since the last build when the index was updated
// rather than made anew.
type delta struct {
	prev    *plan
	changed []int          // positions of the articles read again
	touched []*index.Entry // the entries they named before or name now
}

// changedArticles are the positions of the articles read again since the
// plan was made; ok is false unless the articles are the same files in
// the same order.
func (pl *plan) changedArticles(articles []*content.Article) (changed []int, ok bool) {
	if len(articles) != len(pl.paths) {
		return nil, false
	}
	for i, a := range articles {
		if a.Path != pl.paths[i] {
			return nil, false
		}
		if a.Version != pl.versions[i] {
			changed = append(changed, i)
		}
	}
	return changed, true
}

// planChanges plans the pages of what changed since the last build: the
// articles read again, those whose related articles changed or show one
// read again, and the entities the articles read again name or named. It
// reports false, having planned nothing, when the change reaches further
// (an article's URL, an entity's name, the templates) or there is no last
// build: then every page is planned.
func (rb *rebuild) planChanges(p *pages) bool {
	if rb == nil {
		return false
	}
	rb.p = p
	d := rb.delta
	if d == nil || d.prev.sources != p.site.Renderer.Sources() {
		return false
	}
	prev := d.prev
	for _, i := range d.changed {
		if p.routes.article(p.site.Articles[i].Slug) != prev.articles[i].URL {
			return false
		}
	}
	for _, e := range d.touched {
		if old, ok := prev.links[e]; ok && len(e.Articles) > 0 && old != p.newLink(e) {
			return false // linked from pages that do not otherwise change
		}
	}
	if p.relationThreshold() != prev.relationThreshold {
		return false // pairs of countries that did not change gain or lose their page
	}
	// A country's page lists its own officials and institutions, with an
	// official's latest role: an edit that reaches them reaches it too.
	touched := slices.Clone(d.touched)
	seen := map[*index.Entry]bool{}
	for _, e := range touched {
		seen[e] = true
	}
	also := func(key index.Key) {
		if c := p.ix.Entries[key]; c != nil && !seen[c] {
			seen[c] = true
			touched = append(touched, c)
		}
	}
	for _, e := range d.touched {
		if (e.Kind == index.Official || e.Kind == index.Agency) && e.Country != "" {
			also(index.Key{Kind: index.Country, ID: e.Country})
		}
		// an agency's page lists the officials whose roles name it, as
		// they were and as they are
		if e.Kind == index.Official {
			for _, a := range append(slices.Clone(prev.officialAgencies[e]), e.Agencies...) {
				also(index.Key{Kind: index.Agency, ID: a})
			}
		}
	}
	// from here on the last build's plan is this one's
	rb.prev, rb.touched = prev, touched
	rb.sameCounts = true
	for _, e := range touched {
		if u, ok := prev.entityUnit[e]; !ok || len(e.Articles) != u.articles {
			rb.sameCounts = false
		}
	}
	p.articles, p.links, rb.hashes = prev.articles, prev.links, prev.hashes
	for _, e := range touched {
		if len(e.Articles) == 0 {
			delete(p.links, e)
			delete(rb.entryHashes, e)
			continue
		}
		p.links[e] = p.newLink(e)
		rb.entryHashes[e] = rb.entryHash(e)
	}
	changed := make(map[int]bool, len(d.changed))
	for _, i := range d.changed {
		changed[i] = true
		a := p.articles[i] // in place: other articles' related lists point to it
		*a = *p.newArticle(i)
		p.neighbours(i)
	}
	dirty := map[int]bool{}
	for i := range p.articles {
		// an article's page names the articles next to it in time
		if changed[i] || changed[i-1] || changed[i+1] || !slices.Equal(prev.related[i], p.ix.Related[i]) {
			dirty[i] = true
			continue
		}
		for _, r := range p.ix.Related[i] {
			if changed[r] {
				dirty[i] = true // shows the card of an article read again
				break
			}
		}
	}
	p.articleJobs = make([][]job, len(p.articles))
	for _, i := range d.changed {
		p.articles[i].Chips = p.chips(i)
		rb.cards[i] = rb.cardFingerprint(i)
	}
	p.site.Renderer.UseCards(cardStore{rb})
	for i := range dirty {
		a := p.articles[i]
		a.Related = p.related(i, a.Related[:0])
	}
	for i := range dirty {
		p.articleJobs[i] = p.articleUnit(i, p.bodyLinks(i))
	}
	var entries []*index.Entry
	for _, e := range touched {
		if len(e.Articles) > 0 {
			entries = append(entries, e)
		}
	}
	p.planEntities(entries)
	return true
}

// fingerprintCards hashes, once every article's card is planned, what
// pages' fingerprints read of each article, and lets the renderer keep
// cards by those hashes.
func (rb *rebuild) fingerprintCards(p *pages) {
	if rb == nil {
		return
	}
	rb.position = make(map[*render.Article]int, len(p.articles))
	for i, a := range p.articles {
		rb.position[a] = i
	}
	rb.cardFingerprints()
	p.site.Renderer.UseCards(cardStore{rb})
}

// listsUnchanged tells whether the list pages are as the last build made
// them: no entity came, went, or changed its number of articles.
func (rb *rebuild) listsUnchanged() bool {
	return rb != nil && rb.prev != nil && rb.sameCounts
}

// lastUnits are the files of each article and entity of the last build,
// changed in place (most units stay as they were), or empty ones.
func (rb *rebuild) lastUnits(articles, entries int) assembly {
	if rb == nil || rb.prev == nil {
		return assembly{articleUnit: make([]unitFiles, articles), entityUnit: make(map[*index.Entry]unitFiles, entries)}
	}
	a := assembly{articleUnit: rb.prev.articleUnit, entityUnit: rb.prev.entityUnit, listUnit: rb.prev.listUnit,
		carried: make([]string, 0, rb.prev.files), sitemap: make([]render.SitemapURL, 0, rb.prev.sitemap)}
	for _, e := range rb.touched {
		delete(a.entityUnit, e)
	}
	return a
}

func (rb *rebuild) collationKey(name string) ([]byte, bool) {
	if rb == nil {
		return nil, false
	}
	return rb.cache.collationKey(name)
}

func (rb *rebuild) keepCollationKey(name string, key []byte) {
	if rb != nil {
		rb.cache.keepCollationKey(name, key)
	}
}

func (rb *rebuild) body(version uint64) (string, bool) {
	if rb == nil {
		return "", false
	}
	return rb.cache.body(version)
}

func (rb *rebuild) keepBody(version uint64, html string) {
	if rb != nil {
		rb.cache.keepBody(version, html)
	}
}

// searchDict numbers the search index's words: the cache's, which the
// entries it keeps were numbered by, or a new one in a full build.
func (rb *rebuild) searchDict() *search.Dict {
	if rb == nil {
		return search.NewDict()
	}
	return rb.cache.searchDict()
}

// searchEntry is an article's search entry of the last build, by version.
func (rb *rebuild) searchEntry(version uint64) (search.Doc, bool) {
	if rb == nil {
		return search.Doc{}, false
	}
	return rb.cache.searchEntry(version)
}

func (rb *rebuild) keepSearchEntry(version uint64, b search.Doc) {
	if rb != nil && version != 0 {
		rb.cache.keepSearchEntry(version, b)
	}
}

// lastEntitySearch are the entities' search entries of the last build,
// by entry, when planning carried its plan over, less those of the
// entries an edit reached; otherwise none.
func (rb *rebuild) lastEntitySearch() map[*index.Entry]search.Entity {
	if rb == nil || rb.prev == nil {
		if rb != nil {
			rb.keptSearch = map[uint64]search.Entity{}
		}
		return map[*index.Entry]search.Entity{}
	}
	byEntry := rb.prev.entitySearch
	for _, e := range rb.touched {
		delete(byEntry, e)
	}
	return byEntry
}

// searchEntryFingerprint hashes an entity's search fields, when entries
// are kept by fingerprint (0: they are not).
func (rb *rebuild) searchEntryFingerprint(fields []string) uint64 {
	if rb == nil || rb.keptSearch == nil {
		return 0
	}
	f := rb.cache.fingerprint("search entry")
	for _, x := range fields {
		f.str(x)
	}
	return f.sum()
}

// entitySearchEntry is the entry an earlier build made of the same fields.
func (rb *rebuild) entitySearchEntry(fp uint64) (search.Entity, bool) {
	if fp == 0 {
		return search.Entity{}, false
	}
	b, ok := rb.cache.entitySearchEntry(fp)
	if ok {
		rb.keptSearch[fp] = b
	}
	return b, ok
}

func (rb *rebuild) keptEntitySearchEntry(fp uint64, b search.Entity) {
	if fp != 0 {
		rb.keptSearch[fp] = b
	}
}

// keepEntitySearch keeps this build's entities' entries: by entry for the
// next plan, by fingerprint in the cache when made so.
func (rb *rebuild) keepEntitySearch(byEntry map[*index.Entry]search.Entity) {
	if rb == nil {
		return
	}
	rb.entitySearch = byEntry
	if rb.keptSearch != nil {
		rb.cache.keepEntitySearch(rb.keptSearch)
	}
}

// dataFingerprint hashes a file made whole before it is planned (a piece
// of the search index), so that a rebuild writes it only when it changed.
func (rb *rebuild) dataFingerprint(what string, b []byte) uint64 {
	if rb == nil {
		return 0
	}
	return rb.cache.fingerprint(what).num(uint64(len(b))).num(maphash.Bytes(rb.cache.seed, b)).sum()
}

// beginPages starts the writing of a rebuild's files.
func (rb *rebuild) beginPages(out output.Writer, jobs []job, carried []string) {
	if rb == nil {
		return
	}
	// bytes the build will not change again are kept as they are when out
	// can (the cache holds the same bytes)
	rb.put = out.Add
	if keeper, ok := out.(output.Keeper); ok {
		rb.put = keeper.Keep
	}
	_, rb.canDefer = out.(deferrer)
	rb.cache.beginPages()
	rb.deferred = rb.deferrable(jobs)
}

// deferrable says which jobs a lazy rebuild leaves to be made when first
// read: pages to make, but not the first of each kind (so that a template
// that fails shows as the build's error), nor those browsers read last.
// Nil when the build defers nothing.
func (rb *rebuild) deferrable(jobs []job) []bool {
	if !rb.lazy || !rb.canDefer || !rb.cache.built() {
		return nil // a first build makes every page: all its errors show
	}
	deferred := make([]bool, len(jobs))
	first := map[string]bool{}
	for i, j := range jobs {
		if j.page == nil || j.fp == 0 || rb.cache.has(j.out, j.fp) {
			continue
		}
		if !first[j.page.Kind] || rb.priority[j.out] {
			first[j.page.Kind] = true
			continue
		}
		deferred[i] = true
	}
	return deferred
}

func (rb *rebuild) deferredCount() int {
	if rb == nil {
		return 0
	}
	n := 0
	for _, d := range rb.deferred {
		if d {
			n++
		}
	}
	return n
}

// carry puts the files carried over from the last build.
func (rb *rebuild) carry(paths []string, out output.Writer) error {
	if rb == nil || len(paths) == 0 {
		return nil
	}
	return rb.cache.carry(paths, out)
}

// reuse puts job i's file without making it, when the last build made it
// from the same inputs, or defers its making until it is first read.
func (rb *rebuild) reuse(i int, j job, out output.Writer, renderPage func(*pageBuffers, job) error) (bool, error) {
	if rb == nil {
		return false, nil
	}
	if j.fp != 0 {
		if cp, ok := rb.cache.page(j.out, j.fp, rb.canDefer); ok {
			return true, cp.put(out, rb.put, j.out, j.owner)
		}
	}
	if rb.deferred == nil || !rb.deferred[i] {
		return false, nil
	}
	l := output.NewLazy(func() ([]byte, error) {
		// made when asked for, maybe after later builds: not while one
		// changes what the page reads
		rb.state.RLock()
		defer rb.state.RUnlock()
		b := new(pageBuffers)
		if err := renderPage(b, j); err != nil {
			return nil, err
		}
		return b.page.Bytes(), nil
	})
	rb.cache.keepLazy(j.out, j.fp, l)
	return true, out.(deferrer).Defer(j.out, l, j.owner)
}

// keepPage keeps a page made by this build for the next, and puts it.
func (rb *rebuild) keepPage(j job, data []byte, out output.Writer) error {
	data = bytes.Clone(data) // out of the reused buffer, for the cache
	rb.cache.keepPage(j.out, j.fp, data)
	return rb.put(j.out, data, j.owner)
}

// endPages makes this build's files the ones to compare with next time
// and, when it succeeded, leaves its plan to the next.
func (rb *rebuild) endPages(p *pages, a assembly, jobs []job, files int, ok bool) {
	if rb == nil {
		return
	}
	rb.cache.endPages(ok, func() []string {
		all := slices.Clone(a.carried)
		for _, j := range jobs {
			all = append(all, j.out)
		}
		return all
	})
	rb.cache.pruneCards(rb.cards, p.site.Renderer.SharedSources())
	rb.cache.pruneBodies(p.articles)
	rb.cache.pruneSearch(p.articles)
	if ok {
		rb.keepPlan(p, a, files)
	}
}

// keepPlan leaves this build's plan to the next.
func (rb *rebuild) keepPlan(p *pages, a assembly, files int) {
	articles := p.site.Articles
	var pl *plan
	if rb.prev != nil {
		pl = rb.prev // the same files: only versions changed
		for _, i := range rb.delta.changed {
			pl.versions[i] = articles[i].Version
		}
	} else {
		pl = &plan{paths: make([]string, len(articles)), versions: make([]uint64, len(articles))}
		for i, a := range articles {
			pl.paths[i], pl.versions[i] = a.Path, a.Version
		}
	}
	officialAgencies := map[*index.Entry][]string{}
	if rb.prev != nil {
		officialAgencies = rb.prev.officialAgencies
		for _, e := range rb.touched {
			if e.Kind == index.Official {
				officialAgencies[e] = slices.Clone(e.Agencies)
			}
		}
	} else {
		for _, e := range p.ix.ByKind[index.Official] {
			if len(e.Agencies) > 0 {
				officialAgencies[e] = slices.Clone(e.Agencies)
			}
		}
	}
	*pl = plan{index: p.ix, related: p.ix.Related, paths: pl.paths, versions: pl.versions, sources: p.site.Renderer.Sources(),
		officialAgencies: officialAgencies, relationThreshold: p.relationThreshold(),
		articles: p.articles, links: p.links, hashes: rb.hashes, entitySearch: rb.entitySearch,
		articleUnit: a.articleUnit, entityUnit: a.entityUnit, listUnit: a.listUnit, files: files, sitemap: len(a.sitemap)}
	rb.cache.keepPlan(pl)
}

// assetFingerprint is the fingerprint of an asset the binary holds (the
// map's shapes, a flag): the same for a path as long as the binary is.
func (rb *rebuild) assetFingerprint(path string) uint64 {
	if rb == nil {
		return 0
	}
	return rb.cache.fingerprint("asset").str(path).sum()
}
