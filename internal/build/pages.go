package build

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"digest/internal/config"
	"digest/internal/extract"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/markdown"
	"digest/internal/parallel"
	"digest/internal/render"
	"digest/internal/search"
)

// This file answers "which pages exist, and what does each show": the
// home pages, an article's page and aliases, an entity's pages and feed,
// the lists, the archive, the search page and index, the 404 page and the
// site's feed. routes.go says where each goes; render.go makes them.

const (
	relatedCount  = 5  // related articles on an article page
	feedItems     = 20 // entries of an Atom feed
	trendingDays  = 30 // the home page's window of most-mentioned entities
	trendingCount = 8
	withCount     = 12 // entities listed as named with an entity
	maxRegions    = 3  // regions a country's page names
	maxPartners   = 40 // partners a country's page lists and maps
	maxOwn        = 20 // officials, and agencies, a country's page lists
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
	// fp is the fingerprint of the job's inputs in a rebuild (0: a full
	// build, or a file always made)
	fp uint64
}

// pages plans every file of a site.
type pages struct {
	site    *Site
	results []*extract.Result // by article
	ix      *index.Index
	routes  routes
	// rb is what a rebuild (digest serve) carries over and fingerprints;
	// nil in a full build, and its methods then do nothing
	rb       *rebuild
	articles []*render.Article
	nav      []render.NavItem
	// links are every entry's link, made once: read-only once made
	links map[*index.Entry]render.EntityLink
	// planned files: the home pages, then the archive, search, 404 and
	// site feed (jobs); the lists; those of each article and each entity.
	// A rebuild leaves out the units an edit did not reach.
	jobs        []job
	homeJobs    int // how many of jobs are the home pages
	listJobs    []job
	articleJobs [][]job
	entityJobs  map[*index.Entry][]job
	// own are the officials and agencies of each country (ownEntries)
	own     *ownEntries
	ownOnce sync.Once
	// threshold is relationThreshold's
	threshold     int
	thresholdOnce sync.Once
}

func newPages(site *Site, results []*extract.Result, ix *index.Index, rb *rebuild) *pages {
	var g *gazetteer.Gazetteer
	if site.Extractor != nil {
		g = site.Extractor.Gazetteer()
	}
	p := &pages{site: site, results: results, ix: ix, routes: newRoutes(site.Config.Sections, g, site.Config.Language), rb: rb}
	p.routes.prefix = site.Config.Prefix
	p.nav = p.routes.nav()
	return p
}

func (p *pages) link(e *index.Entry, count int) render.EntityLink {
	l, ok := p.links[e]
	if !ok {
		l = p.newLink(e)
	}
	l.Count = count
	return l
}

func (p *pages) newLink(e *index.Entry) render.EntityLink {
	l := render.EntityLink{Kind: e.Kind, ID: e.ID, Name: e.Name, URL: p.routes.entity(e.Kind, e.ID)}
	switch e.Kind {
	case index.Country:
		l.Flag = flagOf(e.ID)
	case index.Official, index.Agency:
		l.Country = e.Country
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
	p.links = links
}

func (p *pages) add(j job) {
	p.jobs = append(p.jobs, p.prepare(j))
}

// prepare gives a page's job its fingerprint in a rebuild. Safe for
// concurrent use.
func (p *pages) prepare(j job) job {
	if j.page != nil && j.fp == 0 {
		j.fp = p.rb.pageFingerprint(j.page)
	}
	return j
}

// newArticle is article i as pages show it.
func (p *pages) newArticle(i int) *render.Article {
	a := p.site.Articles[i]
	v := render.NewArticle(a, p.articlePath(i))
	if i < len(p.results) {
		v.Entities = p.results[i]
	}
	return v
}

// planAll plans the pages of every article and every entity.
func (p *pages) planAll() {
	p.articles = make([]*render.Article, len(p.site.Articles))
	for i := range p.site.Articles {
		p.articles[i] = p.newArticle(i)
	}
	p.linkEntries()
	links := make([][]markdown.Link, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		a := p.articles[i]
		a.Chips = p.chips(i)
		a.Related = p.related(i, a.Related[:0])
		p.neighbours(i)
		if p.inTree(i) {
			links[i] = p.bodyLinks(i)
		}
	})
	// pages' fingerprints hash the articles' cards
	p.rb.fingerprintCards(p)
	p.articleJobs = make([][]job, len(p.articles))
	for i := range p.articles {
		if !p.inTree(i) {
			p.articleJobs[i] = []job{} // another language's tree has its page
			continue
		}
		p.articleJobs[i] = p.articleUnit(i, links[i])
	}
	var all []*index.Entry
	for _, kind := range index.Kinds {
		all = append(all, p.ix.ByKind[kind]...)
	}
	p.planEntities(all)
}

// related are the articles related to article i, newest first (the
// index ranks them by what they share; a reader reads them by date).
func (p *pages) related(i int, into []*render.Article) []*render.Article {
	for _, r := range p.ix.Related[i] {
		into = append(into, p.articles[r])
	}
	slices.SortStableFunc(into, func(a, b *render.Article) int { return b.Date.Compare(a.Date) })
	return into
}

// neighbours links article i to the articles before and after it in time.
func (p *pages) neighbours(i int) {
	a := p.articles[i]
	a.Newer, a.Older = nil, nil
	if i > 0 {
		a.Newer = p.articles[i-1]
	}
	if i+1 < len(p.articles) {
		a.Older = p.articles[i+1]
	}
}

// articleUnit plans the pages of article i: its page and its aliases.
func (p *pages) articleUnit(i int, links []markdown.Link) []job {
	a := p.articles[i]
	jobs := []job{p.prepare(job{out: page(a.URL), owner: a.Path, links: links,
		page: &render.Page{Kind: render.KindArticle, Title: a.Title, Path: a.URL, Article: a, Feed: p.routes.file(siteFeedFile)}})}
	for _, alias := range a.Aliases {
		jobs = append(jobs, p.prepare(job{out: page(alias + "/"), owner: a.Path + " (alias " + alias + ")", page: &render.Page{
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

// chips are article i's entities as links.
func (p *pages) chips(i int) *render.Chips {
	r := p.articles[i].Entities
	if r == nil {
		return nil
	}
	named := p.ix.Named[i] // the entries of r's lists, in order
	c := &render.Chips{}
	for _, kind := range index.ListOrder {
		list := index.List(r, kind)
		if len(list) == 0 {
			continue
		}
		links := make([]render.EntityLink, len(list))
		for k, e := range list {
			links[k] = p.link(named[k], 0)
			if len(e.Roles) > 0 {
				links[k].Role = e.Roles[0]
			}
		}
		named = named[len(list):]
		*c.List(kind) = links
	}
	return c
}

// linkPriority is the order in which an article's entities claim the
// first mention of them in the body, where mentions overlap: an official's
// name before the agency or country it contains.
var linkPriority = []string{index.Official, index.Agency, index.Country, index.Region, index.Theme}

// bodyLinks are the first mention in the body of each entity of article i,
// as links to the entities' pages, in linkPriority where mentions overlap.
func (p *pages) bodyLinks(i int) []markdown.Link {
	a := p.articles[i]
	if a.Chips == nil || a.Entities == nil {
		return nil
	}
	// the article page is at articles/slug/: its way back to the root
	root := strings.Repeat("../", strings.Count(a.URL, "/"))
	var links []markdown.Link
	for _, kind := range linkPriority {
		chips := *a.Chips.List(kind)
		for k, e := range index.List(a.Entities, kind) {
			first := e.FirstBody
			if first == nil || taken(links, first.Start) {
				continue
			}
			links = append(links, markdown.Link{Start: first.Start, End: first.End, URL: root + chips[k].URL, Title: e.Name})
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

// home plans the home pages: the latest articles, and on the first page
// the entities most named in the last 30 days of the digest.
func (p *pages) home() {
	cfg := p.site.Config
	chunks, pagers := render.Paginate(p.articles, cfg.Paginate, p.routes.prefix, p.routes.pager())
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
		pg := &render.Page{Kind: render.KindHome, Path: pagers[i].Path, Articles: chunks[i], Pager: pagers[i], Feed: p.routes.file(siteFeedFile)}
		if i == 0 && trending != nil {
			pg.Map = p.coverageMap(p.site.Renderer.T("map_coverage"))
			pg.Trending = trending
			pg.TrendingUntil = p.articles[0].Date
			pg.TrendingFrom = pg.TrendingUntil.AddDate(0, 0, -trendingDays+1)
		}
		p.add(job{out: page(pagers[i].Path), owner: fmt.Sprintf("home page %d", i+1), page: pg})
	}
}

// entityUnit plans an entity's pages, its articles paginated, and its feed.
func (p *pages) entityUnit(e *index.Entry) []job {
	cfg := p.site.Config
	kind := e.Kind
	url := p.routes.entity(kind, e.ID)
	v := &render.Entity{Entry: e, Kind: e.Kind, ID: e.ID, Name: e.Name, URL: url, Articles: len(e.Articles), Meta: p.site.Meta[e.Key], Feed: feed(url)}
	if kind == index.Country {
		v.Flag = flagOf(e.ID)
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
	if kind == index.Official {
		v.Terms = p.terms(e.ID)
		v.Roles = siteRoles(e, cfg.Language)
	}
	for _, k := range index.ListOrder {
		shared := p.ix.WithKind(e, k, withCount)
		var with []render.EntityLink // its exact size: entity pages wait planned, thousands of them
		if len(shared) > 0 {
			with = make([]render.EntityLink, len(shared))
		}
		for i, sh := range shared {
			with[i] = p.link(sh.Entry, sh.Count)
		}
		*v.NamedWith(k) = with
	}
	arts := make([]*render.Article, len(e.Articles))
	for k, a := range e.Articles {
		arts[k] = p.articles[a]
	}
	if len(arts) > 0 {
		v.Last, v.First = arts[0].Date, arts[len(arts)-1].Date
	}
	switch kind {
	case index.Country, index.Region, index.Theme: // the pages that draw it
		v.Timeline = render.NewTimeline(datesOf(arts), cfg.Language)
	}
	var relations []job
	switch kind {
	case index.Country:
		relations = p.dossier(e, v)
	case index.Region:
		v.Members = p.members(e.ID)
	case index.Theme:
		if t := p.site.Extractor.Gazetteer().Theme(e.ID); t != nil {
			v.Definition = t.Definition(cfg.Language)
		}
		v.ByYear = byYear(arts, v.Countries, index.Country)
	case index.Agency:
		for _, o := range p.ownEntries().byAgency[e.ID] {
			l := p.link(o, len(o.Articles))
			l.Role = p.latestRole(o)
			v.OwnOfficials = append(v.OwnOfficials, l)
		}
	}
	chunks, pagers := render.Paginate(arts, cfg.Paginate, url, p.routes.pager())
	jobs := make([]job, len(chunks), len(chunks)+1+len(relations))
	for k := range chunks {
		jobs[k] = p.prepare(job{out: page(pagers[k].Path), owner: fmt.Sprintf("the page of %s %q", kind, e.ID),
			page: &render.Page{Kind: render.KindEntity, Title: e.Name, Path: pagers[k].Path, Entity: v,
				Articles: chunks[k], Pager: pagers[k], Feed: v.Feed}})
	}
	jobs = append(jobs, relations...)
	return append(jobs, job{out: feed(url), owner: "the feed of " + url, fp: p.rb.feedFingerprint(e.Name+"\x00"+url, e.Articles), make: func() []byte {
		return render.Atom(e.Name+" · "+cfg.Title, cfg.BaseURL+feed(url), cfg.BaseURL+url, cfg.Title, cfg.Language, p.feedEntries(e.Articles))
	}})
}

// dossier fills a country's page beyond its articles: its regions, its
// own officials and institutions, its partners. It plans the pages of the
// pairs it forms with partners of a code after its own (each pair once,
// in the unit of its first country: an edit that changes a pair's
// articles names both, and so re-plans that unit).
func (p *pages) dossier(e *index.Entry, v *render.Entity) []job {
	// its regions, the most specific only (Sahel central, not also Sahel
	// and Afrique), those with a page first, linked (a region has a page
	// when an article names it)
	lang := p.site.Config.Language
	regions := p.regionsOf(e.ID)
	parents := map[string]bool{}
	for _, r := range regions {
		parents[r.Parent] = true
	}
	regions = slices.DeleteFunc(regions, func(r *gazetteer.Region) bool { return parents[r.ID] })
	hasPage := func(r *gazetteer.Region) bool { return p.ix.Entries[index.Key{Kind: index.Region, ID: r.ID}] != nil }
	slices.SortStableFunc(regions, func(a, b *gazetteer.Region) int {
		switch {
		case hasPage(a) && !hasPage(b):
			return -1
		case hasPage(b) && !hasPage(a):
			return 1
		}
		return 0
	})
	for _, r := range regions[:min(len(regions), maxRegions)] {
		if re := p.ix.Entries[index.Key{Kind: index.Region, ID: r.ID}]; re != nil {
			v.InRegions = append(v.InRegions, p.link(re, 0))
		} else {
			v.InRegions = append(v.InRegions, render.EntityLink{Kind: index.Region, ID: r.ID, Name: r.Name(lang)})
		}
	}
	// "named with" leaves out the country's own, listed above it
	notOwn := func(links []render.EntityLink) []render.EntityLink {
		return slices.DeleteFunc(links, func(l render.EntityLink) bool { return l.Country == e.ID })
	}
	v.Officials, v.Agencies = notOwn(v.Officials), notOwn(v.Agencies)
	own := p.ownEntries().byCountry[e.ID] // most named first
	for _, o := range own {
		switch {
		case o.Kind == index.Official && len(v.OwnOfficials) < maxOwn:
			l := p.link(o, len(o.Articles))
			l.Role = p.latestRole(o)
			v.OwnOfficials = append(v.OwnOfficials, l)
		case o.Kind == index.Agency && len(v.OwnAgencies) < maxOwn:
			v.OwnAgencies = append(v.OwnAgencies, p.link(o, len(o.Articles)))
		}
	}
	min := p.relationThreshold()
	var jobs []job
	counts := map[string]int{}
	links := map[string]string{}
	// every pair's page, but the most shared partners only on the page
	for k, sh := range p.ix.WithKind(e, index.Country, 0) {
		pt := p.link(sh.Entry, sh.Count)
		links[sh.ID] = pt.URL
		if sh.Count >= min {
			pt.Relation = p.routes.relation(e.ID, sh.ID)
			links[sh.ID] = pt.Relation
			if e.ID < sh.ID {
				jobs = append(jobs, p.relationUnit(e, sh.Entry)...)
			}
		}
		if k < maxPartners {
			counts[sh.ID] = sh.Count
			v.Partners = append(v.Partners, pt)
		}
	}
	if len(counts) > 0 {
		// the partners, each a link to the pair's page or the country's;
		// the list beside it is its text
		v.Map = p.worldMap(v.URL, p.site.Renderer.T("map_partners", e.Name), counts, e.ID, func(cc string) string { return links[cc] })
	}
	return jobs
}

// relationThreshold is how many articles two countries must share to
// have a page: relations.minArticles, raised until at most relations.max
// pairs do. Made once a build, on first use.
func (p *pages) relationThreshold() int {
	p.thresholdOnce.Do(func() { p.threshold = relationThreshold(p.ix, p.site.Config.Relations) })
	return p.threshold
}

func relationThreshold(ix *index.Index, cfg config.Relations) int {
	var counts []int
	for _, a := range ix.ByKind[index.Country] {
		for _, sh := range a.With {
			if sh.Kind == index.Country && a.ID < sh.ID && sh.Count >= cfg.MinArticles {
				counts = append(counts, sh.Count)
			}
		}
	}
	if cfg.Max == 0 || len(counts) <= cfg.Max {
		return cfg.MinArticles
	}
	slices.Sort(counts)
	slices.Reverse(counts)
	// pairs sharing more than the first one left out
	return counts[cfg.Max] + 1
}

// relationUnit plans the pages of the pair of countries a and b.
func (p *pages) relationUnit(a, b *index.Entry) []job {
	cfg := p.site.Config
	shared := p.ix.SharedArticles(a, b)
	url := p.routes.relation(a.ID, b.ID)
	v := &render.Relation{A: p.link(a, len(a.Articles)), B: p.link(b, len(b.Articles)), URL: url, Articles: len(shared)}
	v.Name = a.Name + " – " + b.Name
	arts := make([]*render.Article, len(shared))
	counts := map[*index.Entry]int{}
	var order []*index.Entry // first named first, for ties
	for k, i := range shared {
		arts[k] = p.articles[i]
		for _, n := range p.ix.Named[i] {
			switch {
			case n.Kind == index.Theme,
				(n.Kind == index.Official || n.Kind == index.Agency) && (n.Country == a.ID || n.Country == b.ID):
				if counts[n] == 0 {
					order = append(order, n)
				}
				counts[n]++
			}
		}
	}
	if len(arts) > 0 {
		v.Last, v.First = arts[0].Date, arts[len(arts)-1].Date
	}
	v.Timeline = render.NewTimeline(datesOf(arts), cfg.Language)
	slices.SortStableFunc(order, func(x, y *index.Entry) int { return counts[y] - counts[x] })
	for _, n := range order {
		l := p.link(n, counts[n])
		switch n.Kind {
		case index.Official:
			v.Officials = append(v.Officials, l)
		case index.Agency:
			v.Agencies = append(v.Agencies, l)
		default:
			v.Themes = append(v.Themes, l)
		}
	}
	chunks, pagers := render.Paginate(arts, cfg.Paginate, url, p.routes.pager())
	jobs := make([]job, len(chunks))
	for k := range chunks {
		jobs[k] = p.prepare(job{out: page(pagers[k].Path), owner: fmt.Sprintf("the page of %s and %s", a.ID, b.ID),
			page: &render.Page{Kind: render.KindRelation, Title: v.Name, Path: pagers[k].Path, Relation: v,
				Articles: chunks[k], Pager: pagers[k]}})
	}
	return jobs
}

// siteRoles are an official's roles given in the site's language lang
// when there are any, else all; latest first, then as the articles gave
// them.
func siteRoles(e *index.Entry, lang string) []index.RoleSeen {
	var same []index.RoleSeen
	for _, r := range e.Roles {
		if r.Lang == "" || r.Lang == lang || strings.HasPrefix(r.Lang, lang+"-") {
			same = append(same, r)
		}
	}
	if len(same) == 0 {
		same = slices.Clone(e.Roles)
	}
	slices.SortStableFunc(same, func(a, b index.RoleSeen) int { return b.Last.Compare(a.Last) })
	return same
}

// latestRole is the title an official was last given, in the site's
// language when one was; of two given last on one day, the first the
// articles gave.
func (p *pages) latestRole(e *index.Entry) string {
	if roles := siteRoles(e, p.site.Config.Language); len(roles) > 0 {
		return roles[0].Title
	}
	return ""
}

// datesOf are the dates of articles.
func datesOf(arts []*render.Article) []time.Time {
	dates := make([]time.Time, len(arts))
	for i, a := range arts {
		dates[i] = a.Date
	}
	return dates
}

// regionsOf are the regions the data makes country cc a member of.
func (p *pages) regionsOf(cc string) []*gazetteer.Region {
	var out []*gazetteer.Region
	for _, r := range p.site.Extractor.Gazetteer().Regions {
		if slices.Contains(r.Countries, cc) {
			out = append(out, r)
		}
	}
	return out
}

// members are the countries of a region, by name, linked when they have
// a page; without counts, so that a region's page is not made again when
// a member's number of articles changes.
func (p *pages) members(id string) []render.EntityLink {
	g := p.site.Extractor.Gazetteer()
	r := g.Region(id)
	if r == nil {
		return nil
	}
	lang := p.site.Config.Language
	var out []render.EntityLink
	for _, cc := range r.Countries {
		if c := p.ix.Entries[index.Key{Kind: index.Country, ID: cc}]; c != nil {
			out = append(out, p.link(c, 0))
		} else if gc := g.Country(cc); gc != nil {
			out = append(out, render.EntityLink{Kind: index.Country, ID: cc, Name: gc.Name(lang), Flag: flagOf(cc)})
		}
	}
	slices.SortFunc(out, func(a, b render.EntityLink) int { return strings.Compare(extract.Fold(a.Name), extract.Fold(b.Name)) })
	return out
}

// ownEntries are the officials and agencies of each country, and the
// officials of each agency (whose roles name it), most named first: made
// once a build, on first use.
func (p *pages) ownEntries() *ownEntries {
	p.ownOnce.Do(func() {
		own := &ownEntries{byCountry: map[string][]*index.Entry{}, byAgency: map[string][]*index.Entry{}}
		for _, kind := range []string{index.Official, index.Agency} {
			for _, e := range p.ix.ByKind[kind] { // most articles first
				if e.Country != "" {
					own.byCountry[e.Country] = append(own.byCountry[e.Country], e)
				}
				if kind == index.Official {
					for _, a := range e.Agencies {
						own.byAgency[a] = append(own.byAgency[a], e)
					}
				}
			}
		}
		p.own = own
	})
	return p.own
}

type ownEntries struct {
	byCountry, byAgency map[string][]*index.Entry
}

// terms are an official's terms of office the gazetteer (or the site's
// data) gives with a date, latest first; roles without dates are the
// articles' to show.
func (p *pages) terms(id string) []render.Term {
	o := p.site.Extractor.Gazetteer().Official(id)
	if o == nil {
		return nil
	}
	year := func(d string) string { return d[:min(4, len(d))] }
	var out []render.Term
	for _, r := range o.Roles { // the data lists the latest first
		if r.From == "" && r.To == "" {
			continue
		}
		out = append(out, render.Term{Title: r.Title(p.site.Config.Language), From: year(r.From), To: year(r.To)})
	}
	return out
}

// lists plans the list page of each kind, in the site's collation
// ("Égypte" under E in French).
func (p *pages) lists() {
	tag := language.English
	if p.site.Config.Language == "fr" {
		tag = language.French
	}
	col := collate.New(tag, collate.Loose)
	var buf collate.Buffer
	for _, kind := range index.Kinds {
		var links []render.EntityLink
		var keys [][]byte // collation keys: compared as bytes, made once
		for _, e := range p.ix.ByKind[kind] {
			links = append(links, p.link(e, len(e.Articles)))
			key, ok := p.rb.collationKey(e.Name)
			if !ok {
				key = bytes.Clone(col.KeyFromString(&buf, e.Name))
				buf.Reset()
				p.rb.keepCollationKey(e.Name, key)
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
		url := p.routes.list(kind)
		p.add(job{out: page(url), owner: "the list of " + kind,
			page: &render.Page{Kind: render.KindList, Path: url, ListKind: kind, Links: sorted}})
	}
	p.relationList()
}

// relationList plans the list of the pairs of countries that have a
// page, most shared articles first.
func (p *pages) relationList() {
	min := p.relationThreshold()
	var links []render.EntityLink
	for _, a := range p.ix.ByKind[index.Country] {
		for _, sh := range p.ix.WithKind(a, index.Country, 0) {
			if sh.Count < min {
				break // most shared first
			}
			if a.ID < sh.ID {
				links = append(links, render.EntityLink{Kind: "relation", ID: a.ID + "-" + sh.ID,
					Name: a.Name + " – " + sh.Name, URL: p.routes.relation(a.ID, sh.ID), Count: sh.Count})
			}
		}
	}
	slices.SortStableFunc(links, func(x, y render.EntityLink) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		return strings.Compare(x.ID, y.ID)
	})
	url := p.routes.relations()
	p.add(job{out: page(url), owner: "the list of relations",
		page: &render.Page{Kind: render.KindList, Path: url, ListKind: "relation", Links: links}})
}

// archive plans the archive by year and month, and a page per month.
func (p *pages) archive() {
	cfg := p.site.Config
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
	month := func(k [2]int) *render.Month {
		return &render.Month{Year: k[0], Month: time.Month(k[1]), Count: len(byMonth[k]), URL: p.routes.month(k[0], k[1])}
	}
	for j, k := range keys {
		url := p.routes.month(k[0], k[1])
		m := *month(k)
		if len(years) == 0 || years[len(years)-1].Year != k[0] {
			years = append(years, render.Year{Year: k[0]})
		}
		y := &years[len(years)-1]
		y.Months = append(y.Months, m)
		y.Count += m.Count
		chunks, pagers := render.Paginate(byMonth[k], cfg.Paginate, url, p.routes.pager())
		if j > 0 {
			m.Newer = month(keys[j-1])
		}
		if j+1 < len(keys) {
			m.Older = month(keys[j+1])
		}
		for i := range chunks {
			month := m
			p.add(job{out: page(pagers[i].Path), owner: "the archive of " + url,
				page: &render.Page{Kind: render.KindArchive, Path: pagers[i].Path, Month: &month, Articles: chunks[i], Pager: pagers[i]}})
		}
	}
	base := p.routes.archive()
	p.add(job{out: page(base), owner: "the archive", page: &render.Page{Kind: render.KindArchive, Path: base, Years: years}})
}

// redirects plans, for each entity the site's data merged into another,
// a page at its old path that sends readers to the one that stays, so
// that published links keep working.
func (p *pages) redirects() {
	for _, m := range p.site.Extractor.Gazetteer().Merge {
		into := m.Into
		if m.Kind == index.Country {
			into = strings.ToUpper(into)
		}
		if p.ix.Entries[index.Key{Kind: m.Kind, ID: into}] == nil {
			continue // no article names it: no page to send readers to
		}
		target := p.routes.entity(m.Kind, into)
		for _, from := range m.From {
			if m.Kind == index.Country {
				from = strings.ToUpper(from)
			}
			if p.ix.Entries[index.Key{Kind: m.Kind, ID: from}] != nil {
				continue // still an entity of its own (the front matter named it)
			}
			old := p.routes.entity(m.Kind, from)
			p.add(job{out: page(old), owner: fmt.Sprintf("the redirect of %s %q", m.Kind, from),
				page: &render.Page{Kind: render.KindAlias, Path: old, Target: target}})
		}
	}
}

// slugRedirects plans, for each theme and region whose URL is the slug
// of its name, a page at the path of its id (themes/south-south/, the URL
// before) that sends readers to it, and a copy of its feed there, which
// feed readers cannot be redirected from; its self link names the new one.
func (p *pages) slugRedirects() {
	cfg := p.site.Config
	for _, kind := range []string{index.Theme, index.Region} {
		taken := map[string]bool{}
		for _, e := range p.ix.ByKind[kind] {
			taken[p.routes.entity(kind, e.ID)] = true
		}
		for _, e := range p.ix.ByKind[kind] {
			target, old := p.routes.entity(kind, e.ID), p.routes.idPath(kind, e.ID)
			if target == old || taken[old] {
				continue
			}
			p.add(job{out: page(old), owner: fmt.Sprintf("the redirect of %s %q", kind, e.ID),
				page: &render.Page{Kind: render.KindAlias, Path: old, Target: target}})
			p.add(job{out: feed(old), owner: "the feed of " + old, fp: p.rb.feedFingerprint(e.Name+"\x00"+old, e.Articles), make: func() []byte {
				return render.Atom(e.Name+" · "+cfg.Title, cfg.BaseURL+feed(target), cfg.BaseURL+target, cfg.Title, cfg.Language, p.feedEntries(e.Articles))
			}})
		}
	}
}

// notFound plans the 404 page.
func (p *pages) notFound() {
	nf := p.routes.file(notFoundFile)
	p.add(job{out: nf, owner: "the 404 page", page: &render.Page{Kind: render.KindNotFound, Path: nf}})
}

// siteFeed plans the site's Atom feed, latest items only.
func (p *pages) siteFeed() {
	cfg := p.site.Config
	all := make([]int, min(len(p.articles), feedItems))
	for i := range all {
		all[i] = i
	}
	file := p.routes.file(siteFeedFile)
	p.add(job{out: file, owner: "the site's feed", fp: p.rb.feedFingerprint(cfg.Title, all), make: func() []byte {
		return render.Atom(cfg.Title, cfg.BaseURL+file, cfg.BaseURL+p.routes.prefix, cfg.Title, cfg.Language, p.feedEntries(all))
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
		out = append(out, render.FeedEntry{Title: a.Title, URL: p.site.Config.BaseURL + a.URL, Updated: a.Date, Summary: a.Summary, Lang: a.Lang})
	}
	return out
}

// Bounds of a theme's table of countries by year: its most named
// countries, over its latest years.
const byYearRows, byYearYears = 8, 6

// byYear counts, for the first of links (entities of kind), the articles
// of arts naming them by year, over the latest years of arts (newest
// first). Nil when there is less than two years or no entity to show.
func byYear(arts []*render.Article, links []render.EntityLink, kind string) *render.YearTable {
	if len(arts) == 0 || len(links) == 0 {
		return nil
	}
	last, first := arts[0].Date.Year(), arts[len(arts)-1].Date.Year()
	first = max(first, last-byYearYears+1)
	if first == last {
		return nil
	}
	links = links[:min(len(links), byYearRows)]
	row := make(map[string]int, len(links))
	for i, l := range links {
		row[l.ID] = i
	}
	counts := make([][]int, len(links))
	for i := range counts {
		counts[i] = make([]int, last-first+1)
	}
	for _, a := range arts {
		y := a.Date.Year()
		if y < first || a.Entities == nil {
			continue
		}
		for _, en := range index.List(a.Entities, kind) {
			if i, ok := row[en.ID]; ok {
				counts[i][y-first]++
			}
		}
	}
	most := 0
	for _, r := range counts {
		most = max(most, slices.Max(r))
	}
	t := &render.YearTable{}
	for y := first; y <= last; y++ {
		t.Years = append(t.Years, y)
	}
	for i, l := range links {
		r := render.YearRow{Link: l}
		for _, n := range counts[i] {
			level := 0
			if n > 0 {
				level = 1 + 3*(n-1)/max(1, most-1) // 1 for one article, 4 for the table's most
				if most == 1 {
					level = 4
				}
			}
			r.Counts = append(r.Counts, render.YearCount{N: n, Level: level})
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// search plans the search page and its index, in pieces (package search)
// so that a query downloads only what it needs. Each article's entry is
// made on every core.
func (p *pages) search() {
	base := p.routes.search()
	dict := p.rb.searchDict()
	// oldest first: a new article then changes the last chunk only
	docs := make([]search.Doc, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		a := p.articles[i]
		d, ok := p.rb.searchEntry(a.Version)
		if !ok {
			d = articleSearchEntry(dict, a, p.site.Config.Language)
			p.rb.keepSearchEntry(a.Version, d)
		}
		docs[len(docs)-1-i] = d
	})
	// entities' entries, which a rebuild may take from the last build
	byEntry := p.rb.lastEntitySearch()
	var ents []search.Entity
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			se, ok := byEntry[e]
			if !ok {
				se = p.entitySearchEntry(dict, e)
				byEntry[e] = se
			}
			ents = append(ents, se)
		}
	}
	p.rb.keepEntitySearch(byEntry)
	for _, f := range search.Build(dict, docs, ents, search.Options{}) {
		p.add(job{out: base + searchFolder + f.Path, owner: "the search index", data: f.Data, fp: p.rb.dataFingerprint("search", f.Data)})
	}
	p.add(job{out: page(base), owner: "the search page", page: &render.Page{Kind: render.KindSearch, Path: base}})
}

// searchFolder holds the search index's pieces, in the search section.
const searchFolder = "index/"

// articleSearchEntry is an article's entry in the search index: its title,
// date (in the site's language, as lists show it) and summary, and the
// names it is found by. Regions are left out of those names (each has an
// entry of its own).
func articleSearchEntry(dict *search.Dict, a *render.Article, lang string) search.Doc {
	var names strings.Builder
	names.WriteString(a.Summary)
	if r := a.Entities; r != nil {
		for _, kind := range index.ListOrder {
			if kind == index.Region {
				continue
			}
			for _, e := range index.List(r, kind) {
				names.WriteString(" ")
				names.WriteString(e.Name)
			}
		}
	}
	summary := a.Summary
	if len([]rune(summary)) > 160 {
		summary = string([]rune(summary)[:159]) + "…"
	}
	return search.NewDoc(dict, a.Title, a.URL, render.FormatDate(lang, a.Date), summary, names.String())
}

// entitySearchEntry is an entity's entry in the search index; a rebuild
// keeps it by the fingerprint of its fields.
func (p *pages) entitySearchEntry(dict *search.Dict, e *index.Entry) search.Entity {
	fields := []string{e.Name, e.Acronym, p.routes.entity(e.Kind, e.ID), e.Kind, strconv.Itoa(len(e.Articles))}
	fp := p.rb.searchEntryFingerprint(fields)
	if se, ok := p.rb.entitySearchEntry(fp); ok {
		return se
	}
	se := search.NewEntityNames(dict, e.Name, p.otherNames(e), e.Acronym, fields[2], e.Kind, len(e.Articles))
	p.rb.keptEntitySearchEntry(fp, se)
	return se
}
