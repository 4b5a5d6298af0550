package build

import (
	"fmt"
	"strings"

	"digest/internal/config"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/render"
	"digest/internal/slug"
)

// routes owns every site path: the section of each kind of page and the
// URL of each page. Paths have no leading slash; a folder's ends in one
// and its page is that folder's index.html.
type routes struct {
	sec config.Sections
	// prefix is the folder of the language's tree on a multilingual
	// site ("en/"); "" at the root
	prefix string
	// slugs are the URL segments of the themes and regions whose segment
	// is not their id (entitySlugs)
	slugs map[index.Key]string
}

// newRoutes are the routes of a site whose vocabulary is g, in lang.
func newRoutes(sec config.Sections, g *gazetteer.Gazetteer, lang string) routes {
	return routes{sec: sec, slugs: entitySlugs(g, lang)}
}

// entitySlugs are the URL segments of themes and regions: their names in
// the site's language, ASCII-folded (themes/cooperation-sud-sud/,
// regions/afrique-de-l-ouest/), so that a French site's URLs read French.
// Ids stay what data and front matter name them by; a page at the id's
// path sends readers to the new one (pages.slugRedirects). A name whose
// slug another entity of the kind took keeps its id.
func entitySlugs(g *gazetteer.Gazetteer, lang string) map[index.Key]string {
	slugs := map[index.Key]string{}
	if g == nil {
		return slugs
	}
	add := func(kind string, ids, names []string) {
		used := map[string]bool{}
		for _, id := range ids {
			used[id] = true // an id's path stays its entity's, or its redirect
		}
		for i, id := range ids {
			s := slug.Make(names[i])
			if s == "" || s == id || used[s] {
				continue
			}
			used[s] = true
			slugs[index.Key{Kind: kind, ID: id}] = s
		}
	}
	var ids, names []string
	for _, t := range g.Themes {
		ids, names = append(ids, t.ID), append(names, t.Name(lang))
	}
	add(index.Theme, ids, names)
	ids, names = nil, nil
	for _, r := range g.Regions {
		ids, names = append(ids, r.ID), append(names, r.Name(lang))
	}
	add(index.Region, ids, names)
	return slugs
}

// Files at the root of the site.
const (
	siteFeedFile = "index.xml"
	notFoundFile = "404.html"
	sitemapFile  = "sitemap.xml"
	robotsFile   = "robots.txt"
)

// section is the URL segment of a kind of entity.
func (r routes) section(kind string) string {
	switch kind {
	case index.Country:
		return r.sec.Countries
	case index.Region:
		return r.sec.Regions
	case index.Agency:
		return r.sec.Agencies
	case index.Official:
		return r.sec.Officials
	}
	return r.sec.Themes
}

// entity is the path of an entity's page: its section and its stable id
// (a country's ISO code in lower case), or for themes and regions the slug
// of their name.
func (r routes) entity(kind, id string) string {
	if kind == index.Country {
		id = strings.ToLower(id)
	}
	if s, ok := r.slugs[index.Key{Kind: kind, ID: id}]; ok {
		id = s
	}
	return r.prefix + r.section(kind) + "/" + id + "/"
}

// idPath is the path of an entity's page by its id, as URLs were before
// themes and regions took the slugs of their names.
func (r routes) idPath(kind, id string) string {
	return r.prefix + r.section(kind) + "/" + id + "/"
}

// relation is the path of the page of two countries: their codes in
// lower case, in alphabetical order, so that each pair has one page.
func (r routes) relation(a, b string) string {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if b < a {
		a, b = b, a
	}
	return r.prefix + r.sec.Relations + "/" + a + "-" + b + "/"
}

// relations is the path of the list of pairs of countries.
func (r routes) relations() string { return r.prefix + r.sec.Relations + "/" }

// article is the path of an article's page.
func (r routes) article(slug string) string { return r.prefix + r.sec.Articles + "/" + slug + "/" }

// list is the path of the list of every entity of a kind.
func (r routes) list(kind string) string { return r.prefix + r.section(kind) + "/" }

func (r routes) archive() string { return r.prefix + r.sec.Archive + "/" }

// month is the path of the archive of a month.
func (r routes) month(year, month int) string {
	return fmt.Sprintf("%s%04d/%02d/", r.archive(), year, month)
}

func (r routes) search() string { return r.prefix + r.sec.Search + "/" }

// file is the path of a file at the root of the language's tree
// (siteFeedFile, notFoundFile, sitemapFile).
func (r routes) file(name string) string { return r.prefix + name }

// pager is the segment of list pages after the first ("page/2/").
func (r routes) pager() string { return r.sec.Page }

// nav is the site's navigation: home, the lists in display order, the
// archive and the search.
func (r routes) nav() []render.NavItem {
	nav := []render.NavItem{{Key: "home", URL: r.prefix}}
	for _, kind := range index.Kinds {
		nav = append(nav, render.NavItem{Key: index.Plural(kind), URL: r.list(kind)})
	}
	return append(nav, render.NavItem{Key: "archive", URL: r.archive()}, render.NavItem{Key: "search", URL: r.search()})
}

// page is the file of the page at a folder's path.
func page(path string) string { return path + "index.html" }

// feed is the file of the Atom feed of the page at a folder's path.
func feed(path string) string { return path + siteFeedFile }
