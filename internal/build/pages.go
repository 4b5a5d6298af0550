package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"digest/internal/extract"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/markdown"
	"digest/internal/parallel"
	"digest/internal/render"
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
}

func newPages(site *Site, results []*extract.Result, ix *index.Index, rb *rebuild) *pages {
	var g *gazetteer.Gazetteer
	if site.Extractor != nil {
		g = site.Extractor.Gazetteer()
	}
	p := &pages{site: site, results: results, ix: ix, routes: newRoutes(site.Config.Sections, g, site.Config.Language), rb: rb}
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
	v := render.NewArticle(a, p.routes.article(a.Slug))
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
		for _, r := range p.ix.Related[i] {
			a.Related = append(a.Related, p.articles[r])
		}
		links[i] = p.bodyLinks(i)
	})
	// pages' fingerprints hash the articles' cards
	p.rb.fingerprintCards(p)
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

// articleUnit plans the pages of article i: its page and its aliases.
func (p *pages) articleUnit(i int, links []markdown.Link) []job {
	a := p.articles[i]
	jobs := []job{p.prepare(job{out: page(a.URL), owner: a.Path, links: links,
		page: &render.Page{Kind: render.KindArticle, Title: a.Title, Path: a.URL, Article: a}})}
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
	chunks, pagers := render.Paginate(p.articles, cfg.Paginate, "", p.routes.pager())
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
		pg := &render.Page{Kind: render.KindHome, Path: pagers[i].Path, Articles: chunks[i], Pager: pagers[i], Feed: siteFeedFile}
		if i == 0 {
			pg.Trending = trending
		}
		p.add(job{out: page(pagers[i].Path), owner: fmt.Sprintf("home page %d", i+1), page: pg})
	}
}

// entityUnit plans an entity's pages, its articles paginated, and its feed.
func (p *pages) entityUnit(e *index.Entry) []job {
	cfg := p.site.Config
	kind := e.Kind
	url := p.routes.entity(kind, e.ID)
	v := &render.Entity{Entry: e, URL: url, Articles: len(e.Articles), Meta: p.site.Meta[e.Key], Feed: feed(url)}
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
	if kind == index.Official {
		v.Terms = p.terms(e.ID)
	}
	for _, k := range index.ListOrder {
		var with []render.EntityLink
		for _, sh := range p.ix.WithKind(e, k, withCount) {
			with = append(with, p.link(sh.Entry, sh.Count))
		}
		*v.NamedWith(k) = with
	}
	arts := make([]*render.Article, len(e.Articles))
	for k, a := range e.Articles {
		arts[k] = p.articles[a]
	}
	chunks, pagers := render.Paginate(arts, cfg.Paginate, url, p.routes.pager())
	jobs := make([]job, len(chunks), len(chunks)+1)
	for k := range chunks {
		jobs[k] = p.prepare(job{out: page(pagers[k].Path), owner: fmt.Sprintf("the page of %s %q", kind, e.ID),
			page: &render.Page{Kind: render.KindEntity, Title: e.Name, Path: pagers[k].Path, Entity: v,
				Articles: chunks[k], Pager: pagers[k], Feed: v.Feed}})
	}
	return append(jobs, job{out: feed(url), owner: "the feed of " + url, fp: p.rb.feedFingerprint(e.Name+"\x00"+url, e.Articles), make: func() []byte {
		return render.Atom(e.Name+" · "+cfg.Title, cfg.BaseURL+feed(url), cfg.BaseURL+url, cfg.Title, cfg.Language, p.feedEntries(e.Articles))
	}})
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
	for _, k := range keys {
		url := p.routes.month(k[0], k[1])
		m := render.Month{Year: k[0], Month: time.Month(k[1]), Count: len(byMonth[k]), URL: url}
		if len(years) == 0 || years[len(years)-1].Year != k[0] {
			years = append(years, render.Year{Year: k[0]})
		}
		y := &years[len(years)-1]
		y.Months = append(y.Months, m)
		y.Count += m.Count
		chunks, pagers := render.Paginate(byMonth[k], cfg.Paginate, url, p.routes.pager())
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
	p.add(job{out: notFoundFile, owner: "the 404 page", page: &render.Page{Kind: render.KindNotFound, Path: notFoundFile}})
}

// siteFeed plans the site's Atom feed, latest items only.
func (p *pages) siteFeed() {
	cfg := p.site.Config
	all := make([]int, min(len(p.articles), feedItems))
	for i := range all {
		all[i] = i
	}
	p.add(job{out: siteFeedFile, owner: "the site's feed", fp: p.rb.feedFingerprint(cfg.Title, all), make: func() []byte {
		return render.Atom(cfg.Title, cfg.BaseURL+siteFeedFile, cfg.BaseURL, cfg.Title, cfg.Language, p.feedEntries(all))
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

// search plans the search page and its index: a script that sets the
// index, so the search works on any host and opened from disk. Each
// article's entry is made on every core.
func (p *pages) search() {
	base := p.routes.search()
	parts := make([][]byte, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		a := p.articles[i]
		if b, ok := p.rb.searchEntry(a.Version); ok {
			parts[i] = b
			return
		}
		parts[i] = articleSearchEntry(a, p.site.Config.Language)
		p.rb.keepSearchEntry(a.Version, parts[i])
	})
	// entities' entries, which a rebuild may take from the last build
	byEntry := p.rb.lastEntitySearch()
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			b, ok := byEntry[e]
			if !ok {
				b = p.entitySearchEntry(e)
				byEntry[e] = b
			}
			parts = append(parts, b)
		}
	}
	p.rb.keepEntitySearch(byEntry)
	p.add(job{out: base + "index.js", owner: "the search index", fp: p.rb.searchFingerprint(parts), make: func() []byte {
		var js bytes.Buffer
		js.WriteString("window.digestIndex=[")
		js.Write(bytes.Join(parts, []byte(",")))
		js.WriteString("];\n")
		return js.Bytes()
	}})
	p.add(job{out: page(base), owner: "the search page", page: &render.Page{Kind: render.KindSearch, Path: base}})
}

// articleSearchEntry is an article's entry in the search index: its title,
// date (in the site's language, as lists show it) and summary, and the
// folded names it is found by. Regions are left out of those names (each
// has an entry of its own).
func articleSearchEntry(a *render.Article, lang string) []byte {
	names := a.Title + " " + a.Summary
	if r := a.Entities; r != nil {
		for _, kind := range index.ListOrder {
			if kind == index.Region {
				continue
			}
			for _, e := range index.List(r, kind) {
				names += " " + e.Name
			}
		}
	}
	summary := a.Summary
	if len([]rune(summary)) > 160 {
		summary = string([]rune(summary)[:159]) + "…"
	}
	// strings only; json escapes < > & for a script
	b, _ := json.Marshal([]string{"a", a.Title, a.URL, render.FormatDate(lang, a.Date), summary, extract.Fold(names)})
	return b
}

// entitySearchEntry is an entity's entry in the search index; a rebuild
// keeps it by the fingerprint of its fields.
func (p *pages) entitySearchEntry(e *index.Entry) []byte {
	key := e.Name
	if e.Acronym != "" {
		key += " " + e.Acronym
	}
	fields := []string{"e", e.Name, p.routes.entity(e.Kind, e.ID), e.Kind, strconv.Itoa(len(e.Articles)), key}
	fp := p.rb.searchEntryFingerprint(fields)
	if b, ok := p.rb.entitySearchEntry(fp); ok {
		return b
	}
	fields[5] = extract.Fold(key)
	b, _ := json.Marshal(fields)
	p.rb.keptEntitySearchEntry(fp, b)
	return b
}
