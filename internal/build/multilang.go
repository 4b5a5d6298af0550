package build

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"digest"
	"digest/internal/config"
	"digest/internal/extract"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/markdown"
	"digest/internal/output"
	"digest/internal/parallel"
	"digest/internal/render"
)

// This file is the render step of a multilingual site (languages = ["fr",
// "en"]): the site is loaded, enriched and indexed once; then each
// language has a render pass of its own (the pages, routes and render
// code of a site of one language) with its view of the configuration,
// under its prefix ("en/"), its entities named in its language. An
// article's page is made in its own language's tree only, and every link
// to it, from any tree, goes there. The files all trees share (the map,
// the flags, static files, robots.txt) are written once.

// languages is what every language's pass of a build shares.
type languages struct {
	site  *Site
	langs []string // the default first
	views map[string]*config.Config
	paths map[string]routes
	// rev are, per language, its sections and its themes' and regions'
	// slugs read back: section → key, slug → id
	rev map[string]reverseRoutes
	// tree is the language of each article's tree, and path its page
	tree, path []string
	// translations are, per translationKey, the article of each language
	// (the newest, when two of one language share a key)
	translations map[string]map[string]int
	byPath       map[string]int // an article's path → its index
	// names are the entities' names in each language, for the search
	names map[string]map[index.Key]string
}

type reverseRoutes struct {
	sections map[string]string    // a section's segment → its key
	slugs    map[string]index.Key // a theme's or region's slug → its entity
}

// langTree is one language's pass: pages reads it through site.tree.
type langTree struct {
	*languages
	lang  string
	first bool // the default language's: it writes the shared files
}

// sectionKeys are the keys of config.Sections, in the order of
// sectionsOf.
var sectionKeys = []string{"articles", "page", "countries", "regions", "agencies", "officials", "themes", "archive", "search", "relations"}

func sectionsOf(s config.Sections) []string {
	return []string{s.Articles, s.Page, s.Countries, s.Regions, s.Agencies, s.Officials, s.Themes, s.Archive, s.Search, s.Relations}
}

// newLanguages prepares the passes of a multilingual site.
func newLanguages(site *Site) *languages {
	cfg := site.Config
	var g *gazetteer.Gazetteer
	if site.Extractor != nil {
		g = site.Extractor.Gazetteer()
	}
	l := &languages{site: site, langs: cfg.SiteLanguages(), views: map[string]*config.Config{}, paths: map[string]routes{},
		rev: map[string]reverseRoutes{}, translations: map[string]map[string]int{}, byPath: map[string]int{},
		names: map[string]map[index.Key]string{}}
	for _, lang := range l.langs {
		v := cfg.ForLanguage(lang)
		l.views[lang] = v
		r := newRoutes(v.Sections, g, lang)
		r.prefix = v.Prefix
		l.paths[lang] = r
		rv := reverseRoutes{sections: map[string]string{}, slugs: map[string]index.Key{}}
		for i, s := range sectionsOf(v.Sections) {
			rv.sections[s] = sectionKeys[i]
		}
		for k, s := range r.slugs {
			rv.slugs[s] = k
		}
		l.rev[lang] = rv
	}
	l.tree = make([]string, len(site.Articles))
	l.path = make([]string, len(site.Articles))
	for i, a := range site.Articles {
		lang := cfg.Language
		base, _, _ := strings.Cut(strings.ToLower(a.Lang), "-")
		if slices.Contains(l.langs, base) {
			lang = base
		}
		l.tree[i] = lang
		l.path[i] = l.paths[lang].article(a.Slug)
		l.byPath[l.path[i]] = i
		if key := translationKey(a.Params); key != "" {
			m := l.translations[key]
			if m == nil {
				m = map[string]int{}
				l.translations[key] = m
			}
			if _, taken := m[lang]; !taken { // articles are newest first
				m[lang] = i
			}
		}
	}
	return l
}

// translationKey is an article's translationKey (front matter, as Hugo's):
// articles sharing one are translations of each other.
func translationKey(params map[string]any) string {
	for _, k := range []string{"translationKey", "translationkey"} {
		if v, ok := params[k]; ok {
			return strings.TrimSpace(fmt.Sprint(v))
		}
	}
	return ""
}

// renderLanguages is the render step of a multilingual site: a pass per
// language, one after the other, into out.
func renderLanguages(site *Site, results []*extract.Result, ix *index.Index, out output.Writer) (Rendered, error) {
	l := newLanguages(site)
	// every language's names first: each pass's search finds entities by
	// the others' too
	for _, lang := range l.langs {
		names := make(map[index.Key]string, len(ix.Entries))
		for k, e := range ix.Entries {
			names[k] = e.Name
			if lang != site.Config.Language && site.Extractor != nil {
				names[k] = site.Extractor.LocalNameOf(e.Kind, e.ID, e.Name, e.Country, lang)
			}
		}
		l.names[lang] = names
	}
	var total Rendered
	for k, lang := range l.langs {
		s, err := l.siteFor(lang)
		if err != nil {
			return total, err
		}
		s.tree = &langTree{languages: l, lang: lang, first: k == 0}
		res, lix := results, ix
		if lang != site.Config.Language && site.Extractor != nil {
			// names in lang; extraction ran once. Made after the passes
			// before, whose pages' memory has gone by then
			res = make([]*extract.Result, len(results))
			parallel.For(len(results), func(i int) { res[i] = site.Extractor.Localize(results[i], lang) })
			lix = Index(site.Articles, res)
		}
		if k == len(l.langs)-1 {
			results, ix = nil, nil // the last pass's own results and index only, from here
		}
		r, err := renderSite(s, res, lix, out, nil)
		total.Pages += r.Pages
		total.Files += r.Files
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// siteFor is the site as the pass of lang sees it: its configuration,
// templates with its UI strings and sections, bodies rebased from its
// article pages.
func (l *languages) siteFor(lang string) (*Site, error) {
	v := l.views[lang]
	s := *l.site
	s.Config = v
	// a renderer of its own, even for the default language: a renderer
	// keeps the cards of the articles it rendered, and with them the
	// pass's articles, which the next pass then need not share memory with
	strs, err := render.LoadStrings(dirFS(filepath.Join(s.Dir, layout.I18n)))
	if err != nil {
		return nil, err
	}
	s.Renderer, err = render.New(v, []render.Layer{
		{FS: digest.Templates(), Name: "(built-in)"},
		{FS: dirFS(filepath.Join(s.Dir, layout.Templates)), Name: layout.Templates},
	}, strs)
	if err != nil {
		return nil, err
	}
	if v == l.site.Config {
		return &s, nil // the site's Markdown converter
	}
	articlePage := l.paths[lang].article("x")
	md := markdown.Options{Unsafe: v.Markdown.Unsafe, Root: strings.Repeat("../", strings.Count(articlePage, "/")), BasePath: "/"}
	if u, err := url.Parse(v.BaseURL); err == nil && u.Path != "" {
		md.BasePath = u.Path
	}
	s.Markdown = markdown.New(md)
	return &s, nil
}

// articlePath is the page of article i: in its own language's tree.
func (p *pages) articlePath(i int) string {
	if t := p.site.tree; t != nil {
		return t.path[i]
	}
	return p.routes.article(p.site.Articles[i].Slug)
}

// inTree tells whether article i's page is made in this pass.
func (p *pages) inTree(i int) bool {
	t := p.site.tree
	return t == nil || t.tree[i] == t.lang
}

// writesShared tells whether this pass writes the files every language's
// tree shares: the map, the flags, robots.txt.
func (p *pages) writesShared() bool {
	t := p.site.tree
	return t == nil || t.first
}

// twin is the path, in lang to, of the page at path in lang from: its
// sections and a theme's or region's slug in to's words.
func (l *languages) twin(path, from, to string) string {
	rest := strings.TrimPrefix(path, l.paths[from].prefix)
	segs := strings.Split(rest, "/")
	fromSec, toSec := sectionsOf(l.views[from].Sections), sectionsOf(l.views[to].Sections)
	secIn := func(secs []string, key string) string { return secs[slices.Index(sectionKeys, key)] }
	for i, s := range segs {
		key, ok := l.rev[from].sections[s]
		switch {
		case !ok || s == "":
		case i == 0:
			segs[0] = secIn(toSec, key)
			if (key == "themes" || key == "regions") && len(segs) > 1 {
				if e, ok := l.rev[from].slugs[segs[1]]; ok {
					segs[1] = e.ID
				}
				if s, ok := l.paths[to].slugs[index.Key{Kind: strings.TrimSuffix(key, "s"), ID: segs[1]}]; ok {
					segs[1] = s
				}
			}
		case s == fromSec[1]: // the pager's segment
			segs[i] = toSec[1]
		}
	}
	return l.paths[to].prefix + strings.Join(segs, "/")
}

// translate gives a page of a multilingual site its alternates (hreflang)
// and where its language switch leads: an article's translations (its
// translationKey), else, for the switch, the page of its first country in
// the other language, or that language's home; any other page's twin,
// which every tree has.
func (p *pages) translate(pg *render.Page) {
	t := p.site.tree
	if t == nil || pg == nil || pg.Switch != nil {
		return
	}
	switch pg.Kind {
	case render.KindAlias:
		return
	case render.KindNotFound:
		for _, lang := range t.langs {
			if lang != t.lang {
				pg.Switch = append(pg.Switch, render.Alternate{Lang: lang, Path: t.paths[lang].prefix})
			}
		}
		return
	case render.KindArticle:
		i, ok := t.byPath[pg.Path]
		if !ok {
			return
		}
		var tr map[string]int
		if key := translationKey(t.site.Articles[i].Params); key != "" && t.translations[key][t.lang] == i {
			tr = t.translations[key]
		}
		alts := []render.Alternate{{Lang: t.lang, Path: pg.Path}}
		for _, lang := range t.langs {
			if lang == t.lang {
				continue
			}
			if k, ok := tr[lang]; ok {
				a := render.Alternate{Lang: lang, Path: t.path[k]}
				alts = append(alts, a)
				pg.Switch = append(pg.Switch, a)
				continue
			}
			to := t.paths[lang].prefix
			if r := pg.Article.Entities; r != nil && len(r.Countries) > 0 {
				to = t.paths[lang].entity(index.Country, r.Countries[0].ID)
			}
			pg.Switch = append(pg.Switch, render.Alternate{Lang: lang, Path: to})
		}
		if len(alts) > 1 {
			pg.Alternates = alts
		}
		return
	}
	pg.Alternates = []render.Alternate{{Lang: t.lang, Path: pg.Path}}
	for _, lang := range t.langs {
		if lang != t.lang {
			a := render.Alternate{Lang: lang, Path: t.twin(pg.Path, t.lang, lang)}
			pg.Alternates = append(pg.Alternates, a)
			pg.Switch = append(pg.Switch, a)
		}
	}
}

// sitemapAlternates are a page's alternates as the sitemap gives them:
// absolute.
func (p *pages) sitemapAlternates(pg *render.Page) []render.Alternate {
	if p.site.tree == nil {
		return nil
	}
	p.translate(pg)
	var out []render.Alternate
	for _, a := range pg.Alternates {
		out = append(out, render.Alternate{Lang: a.Lang, Path: p.site.Config.BaseURL + a.Path})
	}
	return out
}

// sitemapJobs are the sitemap of a language's tree, with alternates, and,
// in the default language's pass, robots.txt naming every tree's sitemap.
func (p *pages) sitemapJobs(sitemap []render.SitemapURL) []job {
	t, cfg := p.site.tree, p.site.Config
	jobs := []job{{out: p.routes.file(sitemapFile), owner: "the sitemap", make: func() []byte { return render.SitemapAlternates(sitemap, cfg.Location) }}}
	if !t.first {
		return jobs
	}
	robots := "User-agent: *\nAllow: /\n"
	for _, lang := range t.langs {
		robots += "Sitemap: " + cfg.BaseURL + t.paths[lang].file(sitemapFile) + "\n"
	}
	jobs = append(jobs, job{out: robotsFile, owner: "robots.txt", data: []byte(robots)})
	if t.views[t.lang].Prefix != "" {
		// defaultLanguageInSubdir: the root sends readers to the default
		// language's home, and hosts find a 404 page there
		home := t.paths[t.lang].prefix
		jobs = append(jobs, p.prepare(job{out: page(""), owner: "the root's redirect", page: &render.Page{Kind: render.KindAlias, Path: "", Target: home}}),
			p.prepare(job{out: notFoundFile, owner: "the 404 page", page: &render.Page{Kind: render.KindNotFound, Path: notFoundFile}}))
	}
	return jobs
}

// otherNames are an entity's names in the site's other languages, which
// the search finds it by too ("Maroc" finds Morocco on the English site).
func (p *pages) otherNames(e *index.Entry) string {
	t := p.site.tree
	if t == nil {
		return ""
	}
	var names []string
	for _, lang := range t.langs {
		if n := t.names[lang][e.Key]; lang != t.lang && n != "" && n != e.Name && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, " · ")
}
