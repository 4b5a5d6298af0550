package build

import (
	"time"

	"digest/internal/index"
	"digest/internal/parallel"
	"digest/internal/render"
)

// Fingerprints say, for digest serve's rebuilds, whether a page would come
// out as last time: each hashes what its page's template can show (the
// versions of the articles it lists, the names and counts of the entities
// it links to, its pager), with the templates' own hash. A page whose
// fingerprint is unchanged is not rendered again.

// cardFingerprints hash, for each article, what any page showing it may
// show: the article as read (its version) and its entities as linked. It
// also hashes each article's URL and each entry's name, which entity
// pages hash by the hundred.
func (p *pages) cardFingerprints() {
	p.entryHashes = make(map[*index.Entry]uint64, len(p.ix.Entries))
	for _, e := range p.ix.Entries {
		p.entryHashes[e] = p.entryHash(e)
	}
	p.urlHashes = make([]uint64, len(p.articles))
	p.cards = make([]uint64, len(p.articles))
	parallel.For(len(p.articles), func(i int) {
		p.urlHashes[i] = p.cache.fingerprint("url").str(p.articles[i].URL).sum()
		p.cards[i] = p.cardFingerprint(i)
	})
}

func (p *pages) entryHash(e *index.Entry) uint64 {
	return p.cache.fingerprint("entry").str(e.Kind).str(e.ID).str(e.Name).sum()
}

func (p *pages) cardFingerprint(i int) uint64 {
	a := p.articles[i]
	f := p.cache.fingerprint("card").num(a.Version).str(a.URL)
	if c := a.Chips; c != nil {
		for _, list := range [][]render.EntityLink{c.Countries, c.Regions, c.Agencies, c.Officials, c.Themes} {
			f.links(list)
		}
	}
	return f.sum()
}

func (f *fingerprint) links(list []render.EntityLink) *fingerprint {
	f.num(uint64(len(list)))
	for _, l := range list {
		f.str(l.Kind).str(l.ID).str(l.Name).str(l.URL).str(l.Flag).str(l.Role).num(uint64(l.Count))
	}
	return f
}

func (f *fingerprint) time(t time.Time) *fingerprint {
	return f.num(uint64(t.UnixNano()))
}

// articles hashes a list of articles by their cards.
func (p *pages) articleList(f *fingerprint, list []*render.Article) {
	f.num(uint64(len(list)))
	for _, a := range list {
		f.num(p.cards[p.position[a]])
	}
}

// pageFingerprint hashes what a page's template can show.
func (p *pages) pageFingerprint(pg *render.Page) uint64 {
	f := p.cache.fingerprint(pg.Kind).num(p.s.Renderer.SourcesOf(pg.Kind)).str(pg.Title).str(pg.Path).str(pg.Target).str(pg.Feed).str(pg.ListKind)
	if pg.Article != nil {
		// its links come from its enrichment (its version) and its
		// entities' pages (in its chips): the card says both
		f.num(p.cards[p.position[pg.Article]])
		p.articleList(f, pg.Article.Related)
	}
	p.articleList(f, pg.Articles)
	if pg.Pager != nil {
		f.num(uint64(pg.Pager.Number)).num(uint64(pg.Pager.Total)).str(pg.Pager.Path)
	}
	f.links(pg.Links)
	for _, kind := range index.Kinds {
		f.links(pg.Trending[kind])
	}
	if m := pg.Month; m != nil {
		f.num(uint64(m.Year)).num(uint64(m.Month)).num(uint64(m.Count))
	}
	f.num(uint64(len(pg.Years)))
	for _, y := range pg.Years {
		f.num(uint64(y.Year)).num(uint64(y.Count)).num(uint64(len(y.Months)))
		for _, m := range y.Months {
			f.num(uint64(m.Month)).num(uint64(m.Count))
		}
	}
	if e := pg.Entity; e != nil {
		f.num(p.entityFingerprint(e))
	}
	return f.sum()
}

// entityFingerprint hashes an entity's page data: its entry (counts,
// roles, dates), its articles in order (by URL: their cards are hashed by
// the pages that show them) and all the entities named with it. It is
// computed once per entity, for all its pages.
func (p *pages) entityFingerprint(e *render.Entity) uint64 {
	if fp, ok := p.entityFPs.Load(e); ok {
		return fp.(uint64)
	}
	en := e.Entry
	f := p.cache.fingerprint("entity").str(en.Kind).str(en.ID).str(en.Name).str(en.Acronym).str(en.Country).
		num(uint64(en.Mentions)).time(en.Latest).str(e.URL).str(e.Flag).str(e.Feed).num(uint64(e.Articles))
	f.num(uint64(len(en.Roles)))
	for _, r := range en.Roles {
		f.str(r.Title).time(r.First).time(r.Last)
	}
	f.num(uint64(len(en.Agencies)))
	for _, a := range en.Agencies {
		f.str(a)
	}
	for _, a := range en.Articles {
		f.num(p.urlHashes[a])
	}
	f.num(uint64(len(en.With)))
	for _, w := range en.With {
		f.num(p.entryHashes[w.Entry]).num(uint64(w.Count))
	}
	if e.Country != nil {
		f.links([]render.EntityLink{*e.Country})
	}
	for _, list := range [][]render.EntityLink{e.Countries, e.Regions, e.Agencies, e.Officials, e.Themes, e.RoleAgencies} {
		f.links(list)
	}
	fp := f.sum()
	p.entityFPs.Store(e, fp)
	return fp
}

// feedFingerprint hashes a feed: its title and the articles it lists.
func (p *pages) feedFingerprint(title string, idx []int) uint64 {
	if p.cache == nil {
		return 0
	}
	f := p.cache.fingerprint("feed").str(title)
	for k, i := range idx {
		if k == feedItems {
			break
		}
		f.num(p.articles[i].Version).str(p.articles[i].URL)
	}
	return f.sum()
}

// sitemapFingerprint hashes the sitemap's entries.
func (p *pages) sitemapFingerprint(urls []render.SitemapURL) uint64 {
	if p.cache == nil {
		return 0
	}
	f := p.cache.fingerprint("sitemap").num(uint64(len(urls)))
	for _, u := range urls {
		f.str(u.Loc).time(u.LastMod)
	}
	return f.sum()
}
