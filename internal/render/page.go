package render

import (
	"html/template"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
)

// Site is what templates see as .Site.
type Site struct {
	Title    string
	BaseURL  string
	Language string
	Params   map[string]any
	Sections config.Sections
	// Home is the site path of the language's home page: "" for a site
	// of one language and the default language's tree, "en/" for the
	// English tree of a multilingual site (whose Sections then begin
	// with it: "en/countries").
	Home     string
	basePath string // the path part of BaseURL, for pages served at any depth
}

func newSite(cfg *config.Config) *Site {
	s := &Site{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language, Params: cfg.Params, Sections: cfg.Sections,
		basePath: "/"}
	if cfg.Prefix != "" {
		s.Home = cfg.Prefix
		s.Sections = prefixSections(cfg.Sections, strings.TrimSuffix(cfg.Prefix, "/"))
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Path != "" {
		s.basePath = u.Path
	}
	return s
}

// Page is the data of one output page: the dot of its template.
type Page struct {
	Kind  string
	Title string
	// Path is where the page is written, relative to the site root: "" for
	// the home page, "articles/slug/" for pretty URLs, "404.html" for a file.
	Path     string
	Site     *Site
	Article  *Article   // on article pages
	Articles []*Article // on list pages
	Pager    *Pager
	// Target is where an alias page redirects.
	Target string
	// Entity is the entity of an entity page.
	Entity *Entity
	// Relation is the pair of countries of a relation page.
	Relation *Relation
	// ListKind and Links are the kind and the entities of a list page.
	ListKind string
	Links    []EntityLink
	// Years is the archive; Month the month of a month page.
	Years []Year
	Month *Month
	// Trending are, by kind, the entities most named in the last 30 days
	// of the digest, from TrendingFrom to TrendingUntil.
	Trending                    map[string][]EntityLink
	TrendingFrom, TrendingUntil time.Time
	// Map is the home page's map of the digest's coverage.
	Map template.HTML
	// Feed is the site path of the page's Atom feed, if any.
	Feed string
	// Nav are the sections of the site, for the header.
	Nav []NavItem
	// Alternates are the page and its twins in the site's other
	// languages (hreflang), and Switch where the language switch leads
	// in each other language; nil on a site of one language.
	Alternates, Switch []Alternate

	strings Strings
}

// Article is an article as pages show it. Make it with NewArticle.
type Article struct {
	*content.Article
	// Title, Lang, Date and Summary are the article's, copied to the top:
	// a template's .Title on a field of an embedded struct makes reflect
	// search the embedded structs, with allocations, at every evaluation
	// (an eighth of a template edit's time at 10,000 articles).
	Title   string
	Lang    string
	Date    time.Time
	Summary string
	URL     string        // its page, relative to the site root ("articles/slug/")
	Content template.HTML // the rendered body
	Chips   *Chips        // its entities as links
	Related []*Article    // articles that share most with it, newest first
	// Newer and Older are the articles next to it in time (nil at the ends).
	Newer, Older *Article
	// Entities are what enrichment found in the article.
	Entities *extract.Result
}

// NewArticle is the article a of URL url, as pages show it.
func NewArticle(a *content.Article, url string) *Article {
	return &Article{Article: a, Title: a.Title, Lang: a.Lang, Date: a.Date, Summary: a.Summary, URL: url}
}

// Pager is one page of a paginated list.
type Pager struct {
	Number  int    // 1-based
	Path    string // this page's path
	Total   int    // number of pages
	Prev    string // path of the previous page, "" on the first
	Next    string // path of the next page, "" on the last
	First   string
	Last    string
	Numbers []PagerLink
}

// PagerLink is one entry of a pager's list of pages.
type PagerLink struct {
	Number  int
	Path    string
	Current bool
}

// Lang is the language of the page's content: the article's on article
// pages, the site's elsewhere.
func (p *Page) Lang() string {
	if p.Article != nil && p.Article.Lang != "" {
		return p.Article.Lang
	}
	return p.Site.Language
}

// RelURL is the URL of a site path as seen from this page: relative, so the
// site works under any sub-path and when opened from disk. The 404 page,
// which hosts serve at any depth, gets root-relative URLs from baseURL instead.
func (p *Page) RelURL(target string) string {
	target = strings.TrimPrefix(target, "/")
	if p.Kind == KindNotFound {
		return p.Site.basePath + target
	}
	dir := p.Path
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir)
		if dir == "." {
			dir = ""
		} else {
			dir += "/"
		}
	}
	depth := strings.Count(dir, "/")
	rel := strings.Repeat("../", depth) + target
	if rel == "" {
		return "./"
	}
	return rel
}

// AbsURL is the absolute URL of a site path, from baseURL.
func (p *Page) AbsURL(target string) string {
	return p.Site.BaseURL + strings.TrimPrefix(target, "/")
}

// Permalink is the page's own absolute URL.
func (p *Page) Permalink() string { return p.AbsURL(p.Path) }

// T is the UI string key in the site's language.
func (p *Page) T(key string, args ...any) string {
	return p.strings.Get(p.Site.Language, key, args...)
}

// Paginate cuts items into pages of size per page. page 1 is at first,
// page n at first + section + "/n/". It never makes an empty page after the
// first, nor a last page of one item: that item joins the page before.
func Paginate[T any](items []T, per int, first, section string) (pages [][]T, pagers []*Pager) {
	n := (len(items) + per - 1) / per
	if n > 1 && len(items)%per == 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	pathOf := func(i int) string {
		if i == 1 {
			return first
		}
		return first + section + "/" + strconv.Itoa(i) + "/"
	}
	for i := 1; i <= n; i++ {
		lo, hi := (i-1)*per, min(i*per, len(items))
		if i == n {
			hi = len(items)
		}
		pages = append(pages, items[lo:hi])
		pg := &Pager{Number: i, Path: pathOf(i), Total: n, First: pathOf(1), Last: pathOf(n)}
		if i > 1 {
			pg.Prev = pathOf(i - 1)
		}
		if i < n {
			pg.Next = pathOf(i + 1)
		}
		// A window around the current page, the ends, and gaps (Number 0)
		// between: thousands of pages must not list thousands of links each.
		for j := 1; j <= n; j++ {
			switch {
			case j == 1 || j == n || (j >= i-2 && j <= i+2):
				pg.Numbers = append(pg.Numbers, PagerLink{Number: j, Path: pathOf(j), Current: j == i})
			case j < i-2:
				pg.Numbers = append(pg.Numbers, PagerLink{})
				j = i - 3
			default:
				pg.Numbers = append(pg.Numbers, PagerLink{})
				j = n - 1
			}
		}
		pagers = append(pagers, pg)
	}
	return pages, pagers
}

// NavItem is a section of the site in the header.
type NavItem struct {
	Key string // UI string key of its label
	URL string
}

// Section is the first segment of the page's path ("pays" for
// pays/ml/page/2/), "" for the home page and pages at the root.
func (p *Page) Section() string {
	path := p.Path
	if p.Site != nil {
		path = strings.TrimPrefix(path, p.Site.Home)
	}
	sec, _, found := strings.Cut(path, "/")
	if !found {
		return ""
	}
	return sec
}

// Current tells whether item is the section of this page.
func (p *Page) Current(item NavItem) bool {
	return item.URL != "" && (p.Site == nil || item.URL != p.Site.Home) && strings.HasPrefix(p.Path, item.URL)
}
