package build

import (
	"time"

	"digest/internal/index"
	"digest/internal/parallel"
	"digest/internal/render"
)

// Fingerprints say, for a rebuild, whether a page would come out as last
// time: each hashes what its page's template can show (the versions of the
// articles it lists, the names and counts of the entities it links to, its
// pager), with the templates' own hash. A page whose fingerprint is
// unchanged is not rendered again. A full build fingerprints nothing: on a
// nil *rebuild each of these is 0, "always make the file".

// cardFingerprints hash, for each article, what any page showing it may
// show: the article as read (its version) and its entities as linked. It
// also hashes each article's URL and each entry's name, which entity
// pages hash by the hundred.
func (rb *rebuild) cardFingerprints() {
	p := rb.p
	rb.entryHashes = make(map[*index.Entry]uint64, len(p.ix.Entries))
	for _, e := range p.ix.Entries {
		rb.entryHashes[e] = rb.entryHash(e)
	}
	rb.urlHashes = make([]uint64, len(p.articles))
	rb.cards = make([]uint64, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		rb.urlHashes[i] = rb.cache.fingerprint("url").str(p.articles[i].URL).sum()
		rb.cards[i] = rb.cardFingerprint(i)
	})
}

func (rb *rebuild) entryHash(e *index.Entry) uint64 {
	return rb.cache.fingerprint("entry").str(e.Kind).str(e.ID).str(e.Name).sum()
}

func (rb *rebuild) cardFingerprint(i int) uint64 {
	a := rb.p.articles[i]
	f := rb.cache.fingerprint("card").num(a.Version).str(a.URL)
	if c := a.Chips; c != nil {
		for _, kind := range index.ListOrder {
			f.links(*c.List(kind))
		}
	}
	return f.sum()
}

func (f *fingerprint) links(list []render.EntityLink) *fingerprint {
	f.num(uint64(len(list)))
	for _, l := range list {
		f.str(l.Kind).str(l.ID).str(l.Name).str(l.URL).str(l.Flag).str(l.Role).num(uint64(l.Count)).str(l.Country).str(l.Relation)
	}
	return f
}

func (f *fingerprint) time(t time.Time) *fingerprint {
	return f.num(uint64(t.UnixNano()))
}

// articleList hashes a list of articles by their cards.
func (rb *rebuild) articleList(f *fingerprint, list []*render.Article) {
	f.num(uint64(len(list)))
	for _, a := range list {
		f.num(rb.cards[rb.position[a]])
	}
}

// pageFingerprint hashes what a page's template can show.
func (rb *rebuild) pageFingerprint(pg *render.Page) uint64 {
	if rb == nil {
		return 0
	}
	f := rb.cache.fingerprint(pg.Kind).num(rb.p.site.Renderer.SourcesOf(pg.Kind)).str(pg.Title).str(pg.Path).str(pg.Target).str(pg.Feed).str(pg.ListKind)
	if pg.Article != nil {
		// its links come from its enrichment (its version) and its
		// entities' pages (in its chips): the card says both
		f.num(rb.cards[rb.position[pg.Article]])
		rb.articleList(f, pg.Article.Related)
		for _, n := range []*render.Article{pg.Article.Newer, pg.Article.Older} {
			if n == nil {
				f.num(0)
			} else {
				f.num(rb.cards[rb.position[n]])
			}
		}
	}
	rb.articleList(f, pg.Articles)
	if pg.Pager != nil {
		f.num(uint64(pg.Pager.Number)).num(uint64(pg.Pager.Total)).str(pg.Pager.Path)
	}
	f.links(pg.Links)
	for _, kind := range index.Kinds {
		f.links(pg.Trending[kind])
	}
	f.time(pg.TrendingFrom).time(pg.TrendingUntil).str(string(pg.Map))
	if m := pg.Month; m != nil {
		f.num(uint64(m.Year)).num(uint64(m.Month)).num(uint64(m.Count))
		for _, n := range []*render.Month{m.Newer, m.Older} {
			if n != nil {
				f.str(n.URL).num(uint64(n.Count))
			} else {
				f.num(0)
			}
		}
	}
	f.num(uint64(len(pg.Years)))
	for _, y := range pg.Years {
		f.num(uint64(y.Year)).num(uint64(y.Count)).num(uint64(len(y.Months)))
		for _, m := range y.Months {
			f.num(uint64(m.Month)).num(uint64(m.Count))
		}
	}
	if e := pg.Entity; e != nil {
		f.num(rb.entityFingerprint(e))
	}
	if r := pg.Relation; r != nil {
		f.links([]render.EntityLink{r.A, r.B}).str(r.Name).str(r.URL).num(uint64(r.Articles)).time(r.First).time(r.Last)
		f.timeline(r.Timeline).links(r.Officials).links(r.Agencies).links(r.Themes)
	}
	return f.sum()
}

// yearTable hashes a table of counts by year (nil: none).
func (f *fingerprint) yearTable(t *render.YearTable) *fingerprint {
	if t == nil {
		return f.num(0)
	}
	f.num(uint64(len(t.Years))).num(uint64(t.Years[0]))
	for _, r := range t.Rows {
		f.links([]render.EntityLink{r.Link})
		for _, c := range r.Counts {
			f.num(uint64(c.N)).num(uint64(c.Level))
		}
	}
	return f
}

// timeline hashes a timeline's months and counts (nil: none).
func (f *fingerprint) timeline(t *render.Timeline) *fingerprint {
	if t == nil {
		return f.num(0)
	}
	f.num(uint64(len(t.Bars))).time(t.From)
	for _, b := range t.Bars {
		f.num(uint64(b.Count))
	}
	return f
}

// entityFingerprint hashes an entity's page data: its entry (counts,
// roles, dates), its articles in order (by URL: their cards are hashed by
// the pages that show them) and all the entities named with it. It is
// computed once per entity, for all its pages.
func (rb *rebuild) entityFingerprint(e *render.Entity) uint64 {
	if fp, ok := rb.entityFPs.Load(e); ok {
		return fp.(uint64)
	}
	en := e.Entry
	f := rb.cache.fingerprint("entity").str(en.Kind).str(en.ID).str(en.Name).str(en.Acronym).str(en.Country).
		num(uint64(en.Mentions)).time(en.Latest).str(e.URL).str(e.Flag).str(e.Feed).num(uint64(e.Articles))
	f.num(uint64(len(en.Roles)))
	for _, r := range en.Roles {
		f.str(r.Title).time(r.First).time(r.Last).str(r.Lang)
	}
	f.num(uint64(len(en.Agencies)))
	for _, a := range en.Agencies {
		f.str(a)
	}
	for _, a := range en.Articles {
		f.num(rb.urlHashes[a])
	}
	f.num(uint64(len(en.With)))
	for _, w := range en.With {
		f.num(rb.entryHashes[w.Entry]).num(uint64(w.Count))
	}
	if e.Country != nil {
		f.links([]render.EntityLink{*e.Country})
	}
	for _, kind := range index.ListOrder {
		f.links(*e.NamedWith(kind))
	}
	f.links(e.RoleAgencies)
	f.num(uint64(len(e.Terms)))
	for _, t := range e.Terms {
		f.str(t.Title).str(t.From).str(t.To)
	}
	// the dossier: dates, timeline, regions, own people and bodies, partners
	f.time(e.First).time(e.Last).timeline(e.Timeline)
	f.links(e.InRegions).links(e.OwnOfficials).links(e.OwnAgencies).links(e.Members).str(string(e.Map)).str(e.Definition).yearTable(e.ByYear)
	f.links(e.Partners)
	fp := f.sum()
	rb.entityFPs.Store(e, fp)
	return fp
}

// feedFingerprint hashes a feed: its title and the articles it lists.
func (rb *rebuild) feedFingerprint(title string, idx []int) uint64 {
	if rb == nil {
		return 0
	}
	f := rb.cache.fingerprint("feed").str(title)
	for k, i := range idx {
		if k == feedItems {
			break
		}
		f.num(rb.p.articles[i].Version).str(rb.p.articles[i].URL)
	}
	return f.sum()
}

// sitemapFingerprint hashes the sitemap's entries.
func (rb *rebuild) sitemapFingerprint(urls []render.SitemapURL) uint64 {
	if rb == nil {
		return 0
	}
	f := rb.cache.fingerprint("sitemap").num(uint64(len(urls)))
	for _, u := range urls {
		f.str(u.Loc).time(u.LastMod)
	}
	return f.sum()
}
