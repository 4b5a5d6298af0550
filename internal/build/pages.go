package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

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
	jobs       []job
	nav        []render.NavItem
	sitemap    []render.SitemapURL
	entryLinks map[*index.Entry]render.EntityLink // read-only once made
	// with a cache (digest serve): fingerprints of pages' inputs
	cache       *Cache
	cards       []uint64 // by article
	urlHashes   []uint64 // by article
	entryHashes map[*index.Entry]uint64
	position    map[*render.Article]int
	entityFPs   sync.Map // *render.Entity → its fingerprint
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
		l = render.EntityLink{Kind: e.Kind, ID: e.ID, Name: e.Name, URL: p.entityURL(e.Kind, e.ID)}
		if e.Kind == index.Country {
			l.Flag = render.Flag(e.ID)
		}
	}
	l.Count = count
	return l
}

// linkEntries makes every entry's link once: pages link the same entities
// over and over.
func (p *pages) linkEntries() {
	links := make(map[*index.Entry]render.EntityLink, len(p.ix.Entries))
	for _, e := range p.ix.Entries {
		links[e] = p.link(e, 0)
	}
	p.entryLinks = links
}

func (p *pages) add(j job) {
	p.addPrepared(p.prepare(j))
}

// prepare computes what a job needs before it is added: its fingerprint.
// Safe for concurrent use.
func (p *pages) prepare(j job) job {
	if p.cache != nil && j.page != nil && j.fp == 0 {
		j.fp = p.pageFingerprint(j.page)
	}
	return j
}

func (p *pages) addPrepared(j job) {
	p.jobs = append(p.jobs, j)
	if j.page != nil && j.page.Kind != render.KindAlias && j.page.Kind != render.KindNotFound {
		var mod time.Time
		if a := j.page.Article; a != nil {
			mod = a.Date
		}
		p.sitemap = append(p.sitemap, render.SitemapURL{Loc: p.s.Config.BaseURL + j.page.Path, LastMod: mod})
	}
}

// Render renders every page of the site in parallel, on every core, and
// writes each to out as soon as it is made. It returns the number of pages.
func (s *Site) Render(out output.Writer) (int, error) {
	meta, err := loadMeta(s.Dir)
	if err != nil {
		return 0, err
	}
	if s.Index == nil {
		s.BuildIndex()
	}
	p := &pages{s: s, ix: s.Index, cache: s.Cache}
	cfg := s.Config
	sec := cfg.Sections
	p.nav = []render.NavItem{{Key: "home", URL: ""}, {Key: "countries", URL: sec.Countries + "/"},
		{Key: "officials", URL: sec.Officials + "/"}, {Key: "agencies", URL: sec.Agencies + "/"},
		{Key: "themes", URL: sec.Themes + "/"}, {Key: "regions", URL: sec.Regions + "/"},
		{Key: "archive", URL: sec.Archive + "/"}, {Key: "search", URL: sec.Search + "/"}}

	p.articles = make([]*render.Article, len(s.Articles))
	for i, a := range s.Articles {
		p.articles[i] = &render.Article{Article: a, URL: sec.Articles + "/" + a.Slug + "/"}
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
	for i, a := range p.articles {
		p.add(job{out: a.URL + "index.html", owner: a.Path, links: links[i],
			page: &render.Page{Kind: render.KindArticle, Title: a.Title, Path: a.URL, Article: a}})
		for _, alias := range a.Aliases {
			p.add(job{out: alias + "/index.html", owner: a.Path + " (alias " + alias + ")", page: &render.Page{
				Kind: render.KindAlias, Path: alias + "/", Target: a.URL}})
		}
	}
	p.home()
	p.entities(meta)
	p.lists()
	p.archive()
	p.search()
	p.add(job{out: "404.html", owner: "the 404 page", page: &render.Page{Kind: render.KindNotFound, Path: "404.html"}})
	p.feeds()
	p.add(job{out: "sitemap.xml", owner: "the sitemap", make: func() []byte { return render.Sitemap(p.sitemap) }})
	p.add(job{out: "robots.txt", owner: "robots.txt", data: []byte("User-agent: *\nAllow: /\nSitemap: " + cfg.BaseURL + "sitemap.xml\n")})

	for _, j := range p.jobs {
		if j.page != nil {
			j.page.Nav = p.nav
		}
	}
	errs := make([]error, len(p.jobs))
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
	parallel.ForIO(len(p.jobs), func(i int) {
		j := p.jobs[i]
		if j.fp != 0 {
			if data, ok := p.cache.page(j.out, j.fp); ok {
				errs[i] = put(j.out, data, j.owner)
				p.jobs[i] = job{out: j.out}
				return
			}
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
			if a := j.page.Article; a != nil && j.page.Kind == render.KindArticle {
				a.Content = "" // written; the build need not hold every body
			}
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
		p.jobs[i] = job{out: j.out} // written: its page and bytes may go
	})
	err = errors.Join(errs...)
	if p.cache != nil {
		p.cache.endPages(err == nil)
		keys := make(map[uint64]bool, len(p.cards))
		for _, fp := range p.cards {
			keys[fp^s.Renderer.SharedSources()] = true
		}
		p.cache.pruneCards(keys)
	}
	s.Files = len(p.jobs)
	pagesN := 0
	for _, j := range p.jobs {
		if strings.HasSuffix(j.out, ".html") {
			pagesN++
		}
	}
	return pagesN, err
}

// pageBuffers are a worker's buffers for a page and an article's body.
type pageBuffers struct{ page, body bytes.Buffer }

// BuildIndex indexes the enriched articles: the index stage.
func (s *Site) BuildIndex() {
	s.Index = index.Build(s.Articles, s.Entities, relatedCount)
}

func (s *Site) renderJob(b *pageBuffers, j job) error {
	if a := j.page.Article; a != nil && j.page.Kind == render.KindArticle {
		if err := s.Markdown.ParseLinked(a.Lang, a.Body, j.links).RenderTo(&b.body); err != nil {
			return fmt.Errorf("%s: %v", a.Path, err)
		}
		a.Content = template.HTML(b.body.String()) // goldmark output: raw HTML dropped unless the config allows it
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

// entities writes a page per entity, its articles paginated. The pages of
// each entity are planned on every core.
func (p *pages) entities(meta map[index.Key]*render.Meta) {
	var all []*index.Entry
	for _, kind := range index.Kinds {
		all = append(all, p.ix.ByKind[kind]...)
	}
	planned := make([][]job, len(all))
	parallel.For(len(all), func(i int) {
		planned[i] = p.entityJobs(all[i], meta[all[i].Key])
	})
	for _, jobs := range planned {
		for _, j := range jobs {
			p.addPrepared(j)
		}
	}
}

func (p *pages) entityJobs(e *index.Entry, meta *render.Meta) []job {
	cfg := p.s.Config
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
	jobs := make([]job, len(chunks))
	for k := range chunks {
		jobs[k] = p.prepare(job{out: pagers[k].Path + "index.html", owner: fmt.Sprintf("the page of %s %q", kind, e.ID),
			page: &render.Page{Kind: render.KindEntity, Title: e.Name, Path: pagers[k].Path, Entity: v,
				Articles: chunks[k], Pager: pagers[k], Feed: v.Feed}})
	}
	return jobs
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
			keys = append(keys, bytes.Clone(col.KeyFromString(&buf, e.Name)))
			buf.Reset()
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

// feeds writes the site's Atom feed and each entity's, latest items only.
func (p *pages) feeds() {
	cfg := p.s.Config
	entries := func(idx []int) []render.FeedEntry {
		var out []render.FeedEntry
		for _, i := range idx {
			if len(out) == feedItems {
				break
			}
			a := p.articles[i]
			out = append(out, render.FeedEntry{Title: a.Title, URL: cfg.BaseURL + a.URL, Updated: a.Date, Summary: a.Summary, Lang: a.Lang})
		}
		return out
	}
	all := make([]int, min(len(p.articles), feedItems))
	for i := range all {
		all[i] = i
	}
	fp := func(title string, idx []int) uint64 {
		if p.cache == nil {
			return 0
		}
		return p.feedFingerprint(title, idx)
	}
	p.add(job{out: "index.xml", owner: "the site's feed", fp: fp(cfg.Title, all), make: func() []byte {
		return render.Atom(cfg.Title, cfg.BaseURL+"index.xml", cfg.BaseURL, cfg.Title, cfg.Language, entries(all))
	}})
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			url := p.entityURL(kind, e.ID)
			p.add(job{out: url + "index.xml", owner: "the feed of " + url, fp: fp(e.Name+"\x00"+url, e.Articles), make: func() []byte {
				return render.Atom(e.Name+" · "+cfg.Title, cfg.BaseURL+url+"index.xml", cfg.BaseURL+url, cfg.Title, cfg.Language, entries(e.Articles))
			}})
		}
	}
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
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			key := e.Name
			if e.Acronym != "" {
				key += " " + e.Acronym
			}
			b, _ := json.Marshal([]string{"e", e.Name, p.entityURL(kind, e.ID), kind, fmt.Sprint(len(e.Articles)), extract.Fold(key)})
			parts = append(parts, b)
		}
	}
	var js bytes.Buffer
	js.WriteString("window.digestIndex=[")
	js.Write(bytes.Join(parts, []byte(",")))
	js.WriteString("];\n")
	p.add(job{out: base + "index.js", owner: "the search index", data: js.Bytes()})
	p.add(job{out: base + "index.html", owner: "the search page", page: &render.Page{Kind: render.KindSearch, Path: base}})
}
