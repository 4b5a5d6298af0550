package render

import (
	"bytes"
	"encoding/xml"
	"time"
)

// FeedEntry is an item of an Atom feed.
type FeedEntry struct {
	Title   string
	URL     string // absolute
	Updated time.Time
	Summary string
	Lang    string
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string    `xml:"title"`
	ID      string    `xml:"id"`
	Link    atomLink  `xml:"link"`
	Updated string    `xml:"updated"`
	Summary *atomText `xml:"summary,omitempty"`
	Lang    string    `xml:"xml:lang,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// Atom writes an Atom 1.0 feed. self is the feed's own absolute URL, page
// the page it is the feed of; updated is the newest entry's date, so that
// the feed does not change from one build to the next.
func Atom(title, self, page, author, lang string, entries []FeedEntry) []byte {
	f := atomFeed{Lang: lang, Title: title, ID: page, Author: atomAuthor{Name: author},
		Links: []atomLink{{Href: self, Rel: "self", Type: "application/atom+xml"}, {Href: page, Rel: "alternate", Type: "text/html"}}}
	var newest time.Time
	for _, e := range entries {
		if e.Updated.After(newest) {
			newest = e.Updated
		}
		ae := atomEntry{Title: e.Title, ID: e.URL, Link: atomLink{Href: e.URL, Rel: "alternate", Type: "text/html"},
			Updated: e.Updated.UTC().Format(time.RFC3339), Lang: e.Lang}
		if e.Summary != "" {
			ae.Summary = &atomText{Type: "text", Text: e.Summary}
		}
		f.Entries = append(f.Entries, ae)
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0)
	}
	f.Updated = newest.UTC().Format(time.RFC3339)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	_ = enc.Encode(f) // only strings and fixed types: it cannot fail
	buf.WriteByte('\n')
	return buf.Bytes()
}

// SitemapURL is a page of the sitemap.
type SitemapURL struct {
	Loc     string
	LastMod time.Time
	// Alternates are the page's twins, absolute, on a multilingual site
	// (SitemapAlternates).
	Alternates []Alternate
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap writes sitemap.xml. Dates are days in loc, the site's time
// zone: an article of 16 November in Paris is midnight there, 15 November
// in UTC.
func Sitemap(urls []SitemapURL, loc *time.Location) []byte {
	if loc == nil {
		loc = time.UTC
	}
	var s urlset
	for _, u := range urls {
		su := sitemapURL{Loc: u.Loc}
		if !u.LastMod.IsZero() {
			su.LastMod = u.LastMod.In(loc).Format("2006-01-02")
		}
		s.URLs = append(s.URLs, su)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	_ = enc.Encode(s)
	buf.WriteByte('\n')
	return buf.Bytes()
}
