package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/markdown"
	"digest/internal/output"
	"digest/internal/parallel"
	"digest/internal/render"
)

// job is one file to write: a page to render, or bytes already made.
type job struct {
	out   string // output file
	owner string // what the page is of, for messages
	page  *render.Page
	data  []byte
	// make makes the bytes when the job runs: feeds are made one at a
	// time, not all held in memory from the start.
	make  func() []byte
	links []markdown.Link // for an article page: its entities' first mentions
	// fp is the fingerprint of the job's inputs, when the build has a
	// cache (0: always make the file)
	fp uint64
}

const (
	relatedCount  = 5  // related articles on an article page
	feedItems     = 20 // entries of an Atom feed
	trendingDays  = 30 // the home page's window of most-mentioned entities
	trendingCount = 8
	withCount     = 12 // entities listed as named with an entity
)

// pages makes the list of everything the site writes.
type pages struct {
	s          *Site
	ix         *index.Index
	articles   []*render.Article
	jobs       []job // the home pages, then lists, archive, search, 404, site feed
	homeJobs   int   // how many of jobs are the home pages: entities come after them
	listJobs   []job // the list pages of each kind, unless carried over
	sameCounts bool  // with prev: no entity came, went, or changed its number of articles
	nav        []render.NavItem
	entryLinks map[*index.Entry]render.EntityLink // read-only once made
	meta       map[index.Key]*render.Meta
	// the pages of each article and each entity made by this build; an
	// article or entity without is carried over from the last build
	articleJobs [][]job
	entityJobs  map[*index.Entry][]job
	prev        *plan          // the last build's, when this one carries pages over
	touched     []*index.Entry // with prev: the entries an edit reached
	// the search index's entries of entities
	entitySearch map[*index.Entry][]byte
	// with a cache (digest serve): fingerprints of pages' inputs
	cache       *Cache
	cards       []uint64 // by article
	urlHashes   []uint64 // by article
	entryHashes map[*index.Entry]uint64
	position    map[*render.Article]int
	entityFPs   sync.Map // *render.Entity → its fingerprint
}

// plan is what a build with a cache leaves for the next (digest serve):
// the index it updates, the articles as rendered, and the files of each
// article and each entity, which the next build carries over when
// nothing they show changed.
type plan struct {
	index       *index.Index
	related     [][]int // index.Related as this build had it
	paths       []string
	versions    []uint64
	articles    []*render.Article
	cards       []uint64
	urlHashes   []uint64
	position    map[*render.Article]int
	entryLinks  map[*index.Entry]render.EntityLink
	entryHashes map[*index.Entry]uint64
	sources     uint64 // the templates'
	// the search index's entries of entities
	entitySearch map[*index.Entry][]byte
	articleUnit  []unitFiles
	entityUnit   map[*index.Entry]unitFiles
	listUnit     unitFiles
	// how many files and sitemap entries the build made: the next one's
	// lists are made that long
	files, sitemap int
}

// unitFiles are the files of an article or an entity, and their sitemap
// entries; an entity's have its number of articles.
type unitFiles struct {
	files    []string
	sitemap  []render.SitemapURL
	articles int
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

// section is the URL segment of a kind of entity.
func (p *pages) section(kind string) string {
	sec := p.s.Config.Sections
	switch kind {
	case index.Country:
		return sec.Countries
	case index.Region:
		return sec.Regions
	case index.Agency:
		return sec.Agencies
	case index.Official:
		return sec.Officials
	}
	return sec.Themes
}

// entityURL is the site path of an entity's page: its section and its
// stable id (a country's ISO code in lower case).
func (p *pages) entityURL(kind, id string) string {
	if kind == index.Country {
		id = strings.ToLower(id)
	}
	return p.section(kind) + "/" + id + "/"
}

func (p *pages) link(e *index.Entry, count int) render.EntityLink {
	l, ok := p.entryLinks[e]
	if !ok {
		l = p.newLink(e)
	}
	l.Count = count
	return l
}

func (p *pages) newLink(e *index.Entry) render.EntityLink {
	l := render.EntityLink{Kind: e.Kind, ID: e.ID, Name: e.Name, URL: p.entityURL(e.Kind, e.ID)}
	if e.Kind == index.Country {
		l.Flag = render.Flag(e.ID)
	}
	return l
}

// linkEntries makes every entry's link once: pages link the same entities
// over and over.
func (p *pages) linkEntries() {
	links := make(map[*index.Entry]render.EntityLink, len(p.ix.Entries))
	for _, e := range p.ix.Entries {
		links[e] = p.newLink(e)
	}
	p.entryLinks = links
}

func (p *pages) add(j job) {
	p.jobs = append(p.jobs, p.prepare(j))
}

// prepare computes what a job needs before it is added: its fingerprint.
// Safe for concurrent use.
func (p *pages) prepare(j job) job {
	if p.cache != nil && j.page != nil && j.fp == 0 {
		j.fp = p.pageFingerprint(j.page)
	}
	return j
}

// sitemapOf are the sitemap entries of jobs' pages.
func (p *pages) sitemapOf(jobs []job) []render.SitemapURL {
	var out []render.SitemapURL
	for _, j := range jobs {
		if j.page != nil && j.page.Kind != render.KindAlias && j.page.Kind != render.KindNotFound {
			var mod time.Time
			if a := j.page.Article; a != nil {
				mod = a.Date
			}
			out = append(out, render.SitemapURL{Loc: p.s.Config.BaseURL + j.page.Path, LastMod: mod})
		}
	}
	return out
}

func (p *pages) unitOf(jobs []job) unitFiles {
	u := unitFiles{files: make([]string, len(jobs)), sitemap: p.sitemapOf(jobs)}
	for k, j := range jobs {
		u.files[k] = j.out
	}
	return u
}

// Render renders every page of the site in parallel, on every core, and
// writes each to out as soon as it is made. It returns the number of pages.
// With a cache and an index updated since the last build, it plans only
// the pages of what changed and carries the others over.
func (s *Site) Render(out output.Writer) (int, error) {
	meta, err := loadMeta(s.Dir)
	if err != nil {
		return 0, err
	}
	if s.Index == nil {
		s.BuildIndex()
	}
	p := &pages{s: s, ix: s.Index, cache: s.Cache, meta: meta}
	cfg := s.Config
	sec := cfg.Sections
	p.nav = []render.NavItem{{Key: "home", URL: ""}, {Key: "countries", URL: sec.Countries + "/"},
		{Key: "officials", URL: sec.Officials + "/"}, {Key: "agencies", URL: sec.Agencies + "/"},
		{Key: "themes", URL: sec.Themes + "/"}, {Key: "regions", URL: sec.Regions + "/"},
		{Key: "archive", URL: sec.Archive + "/"}, {Key: "search", URL: sec.Search + "/"}}
	if s.delta == nil || !p.planChanges(s.delta) {
		p.planAll()
	}
	p.home()
	p.homeJobs = len(p.jobs)
	var listUnit unitFiles
	if p.prev != nil && p.sameCounts {
		listUnit = p.prev.listUnit // no entity's name or number of articles changed
	} else {
		p.lists()
		p.listJobs = slices.Clone(p.jobs[p.homeJobs:])
		listUnit = p.unitOf(p.listJobs)
		p.jobs = p.jobs[:p.homeJobs]
	}
	p.archive()
	p.search()
	p.add(job{out: "404.html", owner: "the 404 page", page: &render.Page{Kind: render.KindNotFound, Path: "404.html"}})
	p.siteFeed()

	all := p.assemble(listUnit)
	jobs, carried := all.jobs, all.carried
	for _, j := range jobs {
		if j.page != nil {
			j.page.Nav = p.nav
		}
	}
	errs := make([]error, len(jobs))
	// a page's bytes live only until written: buffers go from page to page
	buffers := sync.Pool{New: func() any { return new(pageBuffers) }}
	// put hands bytes the build will not change again to out: kept as
	// they are when out can (the cache holds the same bytes)
	put := out.Add
	if keeper, ok := out.(output.Keeper); ok {
		put = keeper.Keep
	}
	if p.cache != nil {
		p.cache.beginPages()
	}
	s.Files, s.Carried = len(jobs)+len(carried), len(carried)
	if len(carried) > 0 {
		errs = append(errs, p.cache.carry(carried, out))
	}
	_, canDefer := out.(deferrer)
	deferred := p.deferrable(jobs, canDefer)
	s.Deferred = 0
	for _, d := range deferred {
		if d {
			s.Deferred++
		}
	}
	parallel.ForIO(len(jobs), func(i int) {
		j := jobs[i]
		if j.fp != 0 {
			if cp, ok := p.cache.page(j.out, j.fp, canDefer); ok {
				errs[i] = cp.put(out, put, j.out, j.owner)
				jobs[i] = job{out: j.out}
				return
			}
		}
		if deferred != nil && deferred[i] {
			l := output.NewLazy(func() ([]byte, error) {
				// made when asked for, maybe after later builds: not
				// while one changes what the page reads
				p.cache.state.RLock()
				defer p.cache.state.RUnlock()
				b := new(pageBuffers)
				if err := s.renderJob(b, j); err != nil {
					return nil, err
				}
				return b.page.Bytes(), nil
			})
			p.cache.keepLazy(j.out, j.fp, l)
			errs[i] = out.(deferrer).Defer(j.out, l, j.owner)
			jobs[i] = job{out: j.out}
			return
		}
		data, err := j.data, error(nil)
		if j.make != nil {
			data = j.make()
		}
		if j.page != nil {
			b := buffers.Get().(*pageBuffers)
			defer buffers.Put(b)
			b.page.Reset()
			b.body.Reset()
			err = s.renderJob(b, j)
			data = b.page.Bytes()
		}
		switch {
		case err == nil && j.fp != 0:
			data = bytes.Clone(data) // out of the reused buffer, for the cache
			p.cache.keepPage(j.out, j.fp, data)
			err = put(j.out, data, j.owner)
		case err == nil:
			err = out.Add(j.out, data, j.owner)
		}
		errs[i] = err
		jobs[i] = job{out: j.out} // written: its page and bytes may go
	})
	err = errors.Join(errs...)
	if p.cache != nil {
		p.cache.endPages(err == nil, func() []string {
			all := slices.Clone(carried)
			for _, j := range jobs {
				all = append(all, j.out)
			}
			return all
		})
		p.cache.pruneCards(p.cards, s.Renderer.SharedSources())
		p.cache.pruneBodies(p.articles)
		if err == nil {
			p.keepPlan(all)
		}
	}
	pagesN := 0
	for _, f := range carried {
		if strings.HasSuffix(f, ".html") {
			pagesN++
		}
	}
	for _, j := range jobs {
		if strings.HasSuffix(j.out, ".html") {
			pagesN++
		}
	}
	return pagesN, err
}

// assembly is every file of a build in order: the articles', the home
// pages, the entities', then the rest. Files carried over are not jobs.
type assembly struct {
	jobs        []job
	carried     []string
	sitemap     []render.SitemapURL // the pages', in that order
	articleUnit []unitFiles
	entityUnit  map[*index.Entry]unitFiles
	listUnit    unitFiles
}

func (p *pages) assemble(listUnit unitFiles) assembly {
	cfg := p.s.Config
	var jobs []job
	var carried []string
	var sitemap []render.SitemapURL
	var articleUnit []unitFiles
	var entityUnit map[*index.Entry]unitFiles
	if p.prev != nil {
		// the last build's, changed in place: most units stay as they were
		articleUnit, entityUnit = p.prev.articleUnit, p.prev.entityUnit
		for _, e := range p.touched {
			delete(entityUnit, e)
		}
		carried = make([]string, 0, p.prev.files)
		sitemap = make([]render.SitemapURL, 0, p.prev.sitemap)
	} else {
		articleUnit = make([]unitFiles, len(p.articles))
		entityUnit = make(map[*index.Entry]unitFiles, len(p.ix.Entries))
	}
	for i := range p.articles {
		if js := p.articleJobs[i]; js != nil {
			articleUnit[i] = p.unitOf(js)
			jobs = append(jobs, js...)
		} else {
			carried = append(carried, articleUnit[i].files...)
		}
		sitemap = append(sitemap, articleUnit[i].sitemap...)
	}
	jobs = append(jobs, p.jobs[:p.homeJobs]...)
	sitemap = append(sitemap, p.sitemapOf(p.jobs[:p.homeJobs])...)
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			var u unitFiles
			if js, ok := p.entityJobs[e]; ok {
				u = p.unitOf(js)
				u.articles = len(e.Articles)
				jobs = append(jobs, js...)
				entityUnit[e] = u
			} else {
				u = entityUnit[e]
				carried = append(carried, u.files...)
			}
			sitemap = append(sitemap, u.sitemap...)
		}
	}
	if listJobs := p.listJobs; listJobs != nil {
		jobs = append(jobs, listJobs...)
	} else {
		carried = append(carried, listUnit.files...)
	}
	sitemap = append(sitemap, listUnit.sitemap...)
	jobs = append(jobs, p.jobs[p.homeJobs:]...)
	sitemap = append(sitemap, p.sitemapOf(p.jobs[p.homeJobs:])...)
	jobs = append(jobs, job{out: "sitemap.xml", owner: "the sitemap", fp: p.sitemapFingerprint(sitemap), make: func() []byte { return render.Sitemap(sitemap) }},
		job{out: "robots.txt", owner: "robots.txt", data: []byte("User-agent: *\nAllow: /\nSitemap: " + cfg.BaseURL + "sitemap.xml\n")})
	// the jobs are in jobs now: as each is written, its page may go
	p.jobs, p.articleJobs, p.entityJobs, p.listJobs = nil, nil, nil, nil
	return assembly{jobs: jobs, carried: carried, sitemap: sitemap, articleUnit: articleUnit, entityUnit: entityUnit, listUnit: listUnit}

}

// keepPlan leaves this build's plan to the next.
func (p *pages) keepPlan(a assembly) {
	s := p.s
	pl := &plan{paths: paths(s.Articles), versions: versions(s.Articles)}
	if p.prev != nil {
		pl = p.prev // the same files: only versions changed
		for _, i := range s.delta.changed {
			pl.versions[i] = s.Articles[i].Version
		}
	}
	*pl = plan{index: p.ix, related: p.ix.Related, paths: pl.paths, versions: pl.versions, files: s.Files, sitemap: len(a.sitemap),
		articles: p.articles, cards: p.cards, urlHashes: p.urlHashes, position: p.position, entryLinks: p.entryLinks,
		entryHashes: p.entryHashes, sources: s.Renderer.Sources(), articleUnit: a.articleUnit, entityUnit: a.entityUnit,
		entitySearch: p.entitySearch, listUnit: a.listUnit}
	p.cache.keepPlan(pl)
}

func paths(articles []*content.Article) []string {
	out := make([]string, len(articles))
	for i, a := range articles {
		out[i] = a.Path
	}
	return out
}

func versions(articles []*content.Article) []uint64 {
	out := make([]uint64, len(articles))
	for i, a := range articles {
		out[i] = a.Version
	}
	return out
}

// planAll plans the pages of every article and every entity.
func (p *pages) planAll() {
	s := p.s
	sec := s.Config.Sections
	p.articles = make([]*render.Article, len(s.Articles))
	for i, a := range s.Articles {
		p.articles[i] = render.NewArticle(a, sec.Articles+"/"+a.Slug+"/")
		if i < len(s.Entities) {
			p.articles[i].Entities = s.Entities[i]
		}
	}
	p.linkEntries()
	links := make([][]markdown.Link, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		a := p.articles[i]
		a.Chips = p.chips(i)
		for _, r := range p.ix.Related[i] {
			a.Related = append(a.Related, p.articles[r])
		}
		links[i] = p.bodyLinks(i)
	})
	if p.cache != nil {
		p.position = make(map[*render.Article]int, len(p.articles))
		for i, a := range p.articles {
			p.position[a] = i
		}
		p.cardFingerprints()
		s.Renderer.UseCards(cardStore{p})
	}
	p.articleJobs = make([][]job, len(p.articles))
	for i := range p.articles {
		p.articleJobs[i] = p.articleUnit(i, links[i])
	}
	var all []*index.Entry
	for _, kind := range index.Kinds {
		all = append(all, p.ix.ByKind[kind]...)
	}
	p.planEntities(all)
}

// planChanges plans the pages of what changed since the last build: the
// articles read again, those whose related articles changed or show one
// read again, and the entities the articles read again name or named. It
// reports false, having planned nothing, when the change reaches further
// (an article's URL, an entity's name, the templates): then every page
// is planned.
func (p *pages) planChanges(d *delta) bool {
	prev := d.prev
	if p.cache == nil || prev.sources != p.s.Renderer.Sources() {
		return false
	}
	sec := p.s.Config.Sections
	for _, i := range d.changed {
		if sec.Articles+"/"+p.s.Articles[i].Slug+"/" != prev.articles[i].URL {
			return false
		}
	}
	for _, e := range d.touched {
		if old, ok := prev.entryLinks[e]; ok && len(e.Articles) > 0 && old != p.newLink(e) {
			return false // linked from pages that do not otherwise change
		}
	}
	// from here on the last build's plan is this one's
	p.prev, p.touched = prev, d.touched
	p.sameCounts = true
	for _, e := range d.touched {
		if u, ok := prev.entityUnit[e]; !ok || len(e.Articles) != u.articles {
			p.sameCounts = false
		}
	}
	p.entryLinks, p.entryHashes = prev.entryLinks, prev.entryHashes
	for _, e := range d.touched {
		if len(e.Articles) == 0 {
			delete(p.entryLinks, e)
			delete(p.entryHashes, e)
			continue
		}
		p.entryLinks[e] = p.newLink(e)
		p.entryHashes[e] = p.entryHash(e)
	}
	p.articles, p.position, p.cards, p.urlHashes = prev.articles, prev.position, prev.cards, prev.urlHashes
	changed := make(map[int]bool, len(d.changed))
	for _, i := range d.changed {
		changed[i] = true
		a := p.articles[i] // in place: other articles' related lists point to it
		*a = *render.NewArticle(p.s.Articles[i], a.URL)
		a.Entities = p.s.Entities[i]
	}
	dirty := map[int]bool{}
	for i := range p.articles {
		if changed[i] || !slices.Equal(prev.related[i], p.ix.Related[i]) {
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
		p.cards[i] = p.cardFingerprint(i)
	}
	p.s.Renderer.UseCards(cardStore{p})
	for i := range dirty {
		a := p.articles[i]
		a.Related = a.Related[:0]
		for _, r := range p.ix.Related[i] {
			a.Related = append(a.Related, p.articles[r])
		}
	}
	for i := range dirty {
		p.articleJobs[i] = p.articleUnit(i, p.bodyLinks(i))
	}
	var entries []*index.Entry
	for _, e := range d.touched {
		if len(e.Articles) > 0 {
			entries = append(entries, e)
		}
	}
	p.planEntities(entries)
	return true
}

// articleUnit plans the pages of article i: its page and its aliases.
func (p *pages) articleUnit(i int, links []markdown.Link) []job {
	a := p.articles[i]
	jobs := []job{p.prepare(job{out: a.URL + "index.html", owner: a.Path, links: links,
		page: &render.Page{Kind: render.KindArticle, Title: a.Title, Path: a.URL, Article: a}})}
	for _, alias := range a.Aliases {
		jobs = append(jobs, p.prepare(job{out: alias + "/index.html", owner: a.Path + " (alias " + alias + ")", page: &render.Page{
			Kind: render.KindAlias, Path: alias + "/", Target: a.URL}}))
	}
	return jobs
}

// planEntities plans the pages and feeds of entries, on every core.
func (p *pages) planEntities(entries []*index.Entry) {
	planned := make([][]job, len(entries))
	parallel.For(len(entries), func(i int) {
		planned[i] = p.entityUnit(entries[i])
	})
	p.entityJobs = make(map[*index.Entry][]job, len(entries))
	for i, e := range entries {
		p.entityJobs[e] = planned[i]
	}
}

// pageBuffers are a worker's buffers for a page and an article's body.
type pageBuffers struct{ page, body bytes.Buffer }

// BuildIndex indexes the enriched articles: the index stage. With a cache
// whose last build had the same files in the same order (an edit, in
// digest serve), the last index is updated for the articles read again.
func (s *Site) BuildIndex() {
	s.delta = nil
	if s.Cache != nil {
		if prev := s.Cache.takePlan(); prev != nil {
			if changed, ok := prev.changedArticles(s.Articles); ok {
				touched := prev.index.Update(s.Articles, s.Entities, changed)
				s.Index, s.delta = prev.index, &delta{prev: prev, changed: changed, touched: touched}
				return
			}
		}
	}
	s.Index = index.Build(s.Articles, s.Entities, relatedCount)
}

// deferrable says which jobs a lazy rebuild (digest serve) leaves to be
// made when first read: pages to make, but not the first of each kind (so
// that a template that fails shows as the build's error), nor those
// browsers read last (Options.Priority). Nil when the build defers nothing.
func (p *pages) deferrable(jobs []job, canDefer bool) []bool {
	if !p.s.lazy || !canDefer || p.cache == nil || !p.cache.built() {
		return nil // a first build makes every page: all its errors show
	}
	deferred := make([]bool, len(jobs))
	first := map[string]bool{}
	for i, j := range jobs {
		if j.page == nil || j.fp == 0 || p.cache.has(j.out, j.fp) {
			continue
		}
		if !first[j.page.Kind] || p.s.priority[j.out] {
			first[j.page.Kind] = true
			continue
		}
		deferred[i] = true
	}
	return deferred
}

func (s *Site) renderJob(b *pageBuffers, j job) error {
	if a := j.page.Article; a != nil && j.page.Kind == render.KindArticle {
		// the body goes on a copy: pages are made concurrently, some
		// later (deferred), and the article is shared with other pages
		copied := *a
		a = &copied
		page := *j.page
		page.Article = a
		j.page = &page
		// a body is the same for one version of an article (its links go
		// to its entities' pages): with a cache, a template edit does not
		// convert every body again
		body, ok := s.Cache.body(a.Version)
		if !ok {
			if err := s.Markdown.ParseLinked(a.Lang, a.Body, j.links).RenderTo(&b.body); err != nil {
				return fmt.Errorf("%s: %v", a.Path, err)
			}
			body = b.body.String()
			s.Cache.keepBody(a.Version, body)
		}
		a.Content = template.HTML(body) // goldmark output: raw HTML dropped unless the config allows it
	}
	return s.Renderer.RenderTo(&b.page, j.page)
}

// chips are article i's entities as links.
func (p *pages) chips(i int) *render.Chips {
	r := p.articles[i].Entities
	if r == nil {
		return nil
	}
	named := p.ix.Named[i] // the entries of r's lists, in order
	c := &render.Chips{}
	conv := func(list []*extract.Entity) []render.EntityLink {
		if len(list) == 0 {
			return nil
		}
		out := make([]render.EntityLink, len(list))
		for k, e := range list {
			out[k] = p.link(named[k], 0)
			if len(e.Roles) > 0 {
				out[k].Role = e.Roles[0]
			}
		}
		named = named[len(list):]
		return out
	}
	c.Countries = conv(r.Countries)
	c.Regions = conv(r.Regions)
	c.Agencies = conv(r.Agencies)
	c.Officials = conv(r.Officials)
	c.Themes = conv(r.Themes)
	return c
}

// bodyLinks are the first mention in the body of each entity of article i,
// as links to the entities' pages: officials first, then agencies,
// countries, regions and themes, where mentions overlap.
func (p *pages) bodyLinks(i int) []markdown.Link {
	a := p.articles[i]
	if a.Chips == nil || a.Entities == nil {
		return nil
	}
	r, c := a.Entities, a.Chips
	// the article page is at articles/slug/: its way back to the root
	root := strings.Repeat("../", strings.Count(a.URL, "/"))
	var links []markdown.Link
	for _, group := range []struct {
		list  []*extract.Entity
		links []render.EntityLink
	}{{r.Officials, c.Officials}, {r.Agencies, c.Agencies}, {r.Countries, c.Countries}, {r.Regions, c.Regions}, {r.Themes, c.Themes}} {
		for k, e := range group.list {
			first := e.FirstBody
			if first == nil || taken(links, first.Start) {
				continue
			}
			links = append(links, markdown.Link{Start: first.Start, End: first.End, URL: root + group.links[k].URL, Title: e.Name})
		}
	}
	// overlapping ranges: keep the earliest, longest
	slices.SortFunc(links, func(x, y markdown.Link) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	kept := links[:0]
	for _, l := range links {
		if len(kept) > 0 && l.Start < kept[len(kept)-1].End {
			continue
		}
		kept = append(kept, l)
	}
	return kept
}

func taken(links []markdown.Link, start int) bool {
	for _, l := range links {
		if l.Start == start {
			return true
		}
	}
	return false
}

// home writes the home pages: the latest articles, and on the first page
// the entities most named in the last 30 days of the digest.
func (p *pages) home() {
	cfg := p.s.Config
	chunks, pagers := render.Paginate(p.articles, cfg.Paginate, "", cfg.Sections.Page)
	var trending map[string][]render.EntityLink
	if len(p.articles) > 0 {
		// the digest's newest date, not the clock: two builds must match
		until := p.articles[0].Date
		trending = map[string][]render.EntityLink{}
		for _, kind := range index.Kinds {
			for _, sh := range p.ix.Trending(kind, until, trendingDays, trendingCount) {
				trending[kind] = append(trending[kind], p.link(sh.Entry, sh.Count))
			}
		}
	}
	for i := range chunks {
		page := &render.Page{Kind: render.KindHome, Path: pagers[i].Path, Articles: chunks[i], Pager: pagers[i], Feed: "index.xml"}
		if i == 0 {
			page.Trending = trending
		}
		p.add(job{out: pagers[i].Path + "index.html", owner: fmt.Sprintf("home page %d", i+1), page: page})
	}
}

// entityUnit plans an entity's pages, its articles paginated, and its feed.
func (p *pages) entityUnit(e *index.Entry) []job {
	cfg := p.s.Config
	meta := p.meta[e.Key]
	kind := e.Kind
	url := p.entityURL(kind, e.ID)
	v := &render.Entity{Entry: e, URL: url, Articles: len(e.Articles), Meta: meta, Feed: url + "index.xml"}
	if kind == index.Country {
		v.Flag = render.Flag(e.ID)
	}
	if e.Country != "" {
		if c := p.ix.Entries[index.Key{Kind: index.Country, ID: e.Country}]; c != nil {
			l := p.link(c, 0)
			v.Country = &l
		}
	}
	for _, a := range e.Agencies {
		if ae := p.ix.Entries[index.Key{Kind: index.Agency, ID: a}]; ae != nil {
			v.RoleAgencies = append(v.RoleAgencies, p.link(ae, 0))
		}
	}
	with := func(k string) []render.EntityLink {
		var out []render.EntityLink
		for _, sh := range p.ix.WithKind(e, k, withCount) {
			out = append(out, p.link(sh.Entry, sh.Count))
		}
		return out
	}
	v.Countries, v.Regions, v.Agencies, v.Officials, v.Themes =
		with(index.Country), with(index.Region), with(index.Agency), with(index.Official), with(index.Theme)
	arts := make([]*render.Article, len(e.Articles))
	for k, a := range e.Articles {
		arts[k] = p.articles[a]
	}
	chunks, pagers := render.Paginate(arts, cfg.Paginate, url, cfg.Sections.Page)
	jobs := make([]job, len(chunks), len(chunks)+1)
	for k := range chunks {
		jobs[k] = p.prepare(job{out: pagers[k].Path + "index.html", owner: fmt.Sprintf("the page of %s %q", kind, e.ID),
			page: &render.Page{Kind: render.KindEntity, Title: e.Name, Path: pagers[k].Path, Entity: v,
				Articles: chunks[k], Pager: pagers[k], Feed: v.Feed}})
	}
	return append(jobs, job{out: url + "index.xml", owner: "the feed of " + url, fp: p.feedFingerprint(e.Name+"\x00"+url, e.Articles), make: func() []byte {
		return render.Atom(e.Name+" · "+cfg.Title, cfg.BaseURL+url+"index.xml", cfg.BaseURL+url, cfg.Title, cfg.Language, p.feedEntries(e.Articles))
	}})
}

// lists writes the index page of each kind, in the site's collation
// ("Égypte" under E in French).
func (p *pages) lists() {
	tag := language.English
	if p.s.Config.Language == "fr" {
		tag = language.French
	}
	col := collate.New(tag, collate.Loose)
	var buf collate.Buffer
	for _, kind := range index.Kinds {
		var links []render.EntityLink
		var keys [][]byte // collation keys: compared as bytes, made once
		for _, e := range p.ix.ByKind[kind] {
			links = append(links, p.link(e, len(e.Articles)))
			key, ok := p.cache.collationKey(e.Name)
			if !ok {
				key = bytes.Clone(col.KeyFromString(&buf, e.Name))
				buf.Reset()
				p.cache.keepCollationKey(e.Name, key)
			}
			keys = append(keys, key)
		}
		order := make([]int, len(links))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := bytes.Compare(keys[a], keys[b]); c != 0 {
				return c
			}
			return strings.Compare(links[a].ID, links[b].ID)
		})
		sorted := make([]render.EntityLink, len(links))
		for i, k := range order {
			sorted[i] = links[k]
		}
		links = sorted
		url := p.section(kind) + "/"
		p.add(job{out: url + "index.html", owner: "the list of " + kind,
			page: &render.Page{Kind: render.KindList, Path: url, ListKind: kind, Links: links}})
	}
}

// archive writes the archive by year and month, and a page per month.
func (p *pages) archive() {
	cfg := p.s.Config
	base := cfg.Sections.Archive + "/"
	var years []render.Year
	byMonth := map[[2]int][]*render.Article{}
	for _, a := range p.articles {
		y, m := a.Date.Year(), int(a.Date.Month())
		byMonth[[2]int{y, m}] = append(byMonth[[2]int{y, m}], a)
	}
	var keys [][2]int
	for k := range byMonth {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] > keys[j][0]
		}
		return keys[i][1] > keys[j][1]
	})
	for _, k := range keys {
		url := fmt.Sprintf("%s%04d/%02d/", base, k[0], k[1])
		m := render.Month{Year: k[0], Month: time.Month(k[1]), Count: len(byMonth[k]), URL: url}
		if len(years) == 0 || years[len(years)-1].Year != k[0] {
			years = append(years, render.Year{Year: k[0]})
		}
		y := &years[len(years)-1]
		y.Months = append(y.Months, m)
		y.Count += m.Count
		chunks, pagers := render.Paginate(byMonth[k], cfg.Paginate, url, cfg.Sections.Page)
		for i := range chunks {
			month := m
			p.add(job{out: pagers[i].Path + "index.html", owner: "the archive of " + url,
				page: &render.Page{Kind: render.KindArchive, Path: pagers[i].Path, Month: &month, Articles: chunks[i], Pager: pagers[i]}})
		}
	}
	p.add(job{out: base + "index.html", owner: "the archive", page: &render.Page{Kind: render.KindArchive, Path: base, Years: years}})
}

// siteFeed writes the site's Atom feed, latest items only.
func (p *pages) siteFeed() {
	cfg := p.s.Config
	all := make([]int, min(len(p.articles), feedItems))
	for i := range all {
		all[i] = i
	}
	p.add(job{out: "index.xml", owner: "the site's feed", fp: p.feedFingerprint(cfg.Title, all), make: func() []byte {
		return render.Atom(cfg.Title, cfg.BaseURL+"index.xml", cfg.BaseURL, cfg.Title, cfg.Language, p.feedEntries(all))
	}})
}

// feedEntries are a feed's entries: the articles idx, latest first.
func (p *pages) feedEntries(idx []int) []render.FeedEntry {
	var out []render.FeedEntry
	for _, i := range idx {
		if len(out) == feedItems {
			break
		}
		a := p.articles[i]
		out = append(out, render.FeedEntry{Title: a.Title, URL: p.s.Config.BaseURL + a.URL, Updated: a.Date, Summary: a.Summary, Lang: a.Lang})
	}
	return out
}

// search writes the search page and its index: a script that sets the
// index, so the search works on any host and opened from disk. Each
// article's entry is made on every core (and, with a cache, kept while
// the article does not change).
func (p *pages) search() {
	base := p.s.Config.Sections.Search + "/"
	parts := make([][]byte, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		a := p.articles[i]
		if p.cache != nil {
			if b, ok := p.cache.searchEntry(a.Version); ok {
				parts[i] = b
				return
			}
		}
		names := a.Title + " " + a.Summary
		if r := a.Entities; r != nil {
			for _, list := range [][]*extract.Entity{r.Countries, r.Agencies, r.Officials, r.Themes} {
				for _, e := range list {
					names += " " + e.Name
				}
			}
		}
		summary := a.Summary
		if len([]rune(summary)) > 160 {
			summary = string([]rune(summary)[:159]) + "…"
		}
		// strings only; json escapes < > & for a script
		parts[i], _ = json.Marshal([]string{"a", a.Title, a.URL, render.FormatDate(a.Lang, a.Date), summary, extract.Fold(names)})
		if p.cache != nil && a.Version != 0 {
			p.cache.keepSearchEntry(a.Version, parts[i])
		}
	})
	if p.cache != nil {
		p.cache.pruneSearch(p.articles)
	}
	// entities' entries: kept by entry from the last build when it carries
	// pages over, else by the fingerprint of their fields
	byEntry := map[*index.Entry][]byte{}
	if p.prev != nil {
		byEntry = p.prev.entitySearch
		for _, e := range p.touched {
			delete(byEntry, e)
		}
	}
	var kept map[uint64][]byte
	if p.cache != nil && p.prev == nil {
		kept = map[uint64][]byte{}
	}
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			if b, ok := byEntry[e]; ok {
				parts = append(parts, b)
				continue
			}
			key := e.Name
			if e.Acronym != "" {
				key += " " + e.Acronym
			}
			fields := []string{"e", e.Name, p.entityURL(kind, e.ID), kind, strconv.Itoa(len(e.Articles)), key}
			var fp uint64
			if kept != nil {
				f := p.cache.fingerprint("search entry")
				for _, x := range fields {
					f.str(x)
				}
				fp = f.sum()
				if b, ok := p.cache.entitySearchEntry(fp); ok {
					parts = append(parts, b)
					kept[fp], byEntry[e] = b, b
					continue
				}
			}
			fields[5] = extract.Fold(key)
			b, _ := json.Marshal(fields)
			if kept != nil {
				kept[fp] = b
			}
			byEntry[e] = b
			parts = append(parts, b)
		}
	}
	if kept != nil {
		p.cache.keepEntitySearch(kept)
	}
	p.entitySearch = byEntry
	var fp uint64
	if p.cache != nil {
		f := p.cache.fingerprint("search").num(uint64(len(parts)))
		for _, b := range parts {
			f.num(uint64(len(b))).num(maphash.Bytes(p.cache.seed, b))
		}
		fp = f.sum()
	}
	p.add(job{out: base + "index.js", owner: "the search index", fp: fp, make: func() []byte {
		var js bytes.Buffer
		js.WriteString("window.digestIndex=[")
		js.Write(bytes.Join(parts, []byte(",")))
		js.WriteString("];\n")
		return js.Bytes()
	}})
	p.add(job{out: base + "index.html", owner: "the search page", page: &render.Page{Kind: render.KindSearch, Path: base}})
}
