package build

import (
	"fmt"
	"strings"

	"digest/internal/config"
	"digest/internal/index"
	"digest/internal/render"
)

// routes owns every site path: the section of each kind of page and the
// URL of each page. Paths have no leading slash; a folder's ends in one
// and its page is that folder's index.html.
type routes struct{ sec config.Sections }

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
// (a country's ISO code in lower case).
func (r routes) entity(kind, id string) string {
	if kind == index.Country {
		id = strings.ToLower(id)
	}
	return r.section(kind) + "/" + id + "/"
}

// relation is the path of the page of two countries: their codes in
// lower case, in alphabetical order, so that each pair has one page.
func (r routes) relation(a, b string) string {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if b < a {
		a, b = b, a
	}
	return r.sec.Relations + "/" + a + "-" + b + "/"
}

// relations is the path of the list of pairs of countries.
func (r routes) relations() string { return r.sec.Relations + "/" }

// article is the path of an article's page.
func (r routes) article(slug string) string { return r.sec.Articles + "/" + slug + "/" }

// list is the path of the list of every entity of a kind.
func (r routes) list(kind string) string { return r.section(kind) + "/" }

func (r routes) archive() string { return r.sec.Archive + "/" }

// month is the path of the archive of a month.
func (r routes) month(year, month int) string {
	return fmt.Sprintf("%s%04d/%02d/", r.archive(), year, month)
}

func (r routes) search() string { return r.sec.Search + "/" }

// pager is the segment of list pages after the first ("page/2/").
func (r routes) pager() string { return r.sec.Page }

// nav is the site's navigation: home, the lists in display order, the
// archive and the search.
func (r routes) nav() []render.NavItem {
	nav := []render.NavItem{{Key: "home", URL: ""}}
	for _, kind := range index.Kinds {
		nav = append(nav, render.NavItem{Key: index.Plural(kind), URL: r.list(kind)})
	}
	return append(nav, render.NavItem{Key: "archive", URL: r.archive()}, render.NavItem{Key: "search", URL: r.search()})
}

// page is the file of the page at a folder's path.
func page(path string) string { return path + "index.html" }

// feed is the file of the Atom feed of the page at a folder's path.
func feed(path string) string { return path + siteFeedFile }
