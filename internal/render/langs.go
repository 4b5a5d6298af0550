package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"digest/internal/config"
)

// This file holds what pages of a multilingual site add: their twins in
// the other languages (hreflang links, the language switch) and the
// sitemap's alternates.

// Alternate is a page in a language: its site path.
type Alternate struct {
	Lang string
	Path string
}

// Name is the language's name in itself, as a language switch shows it.
func (a Alternate) Name() string { return LanguageName(a.Lang) }

// LanguageName is a language's name in itself ("Français", "English").
func LanguageName(lang string) string {
	switch lang {
	case "fr":
		return "Français"
	case "en":
		return "English"
	}
	return lang
}

// prefixSections are sections under a language's folder ("en/countries"):
// templates that write (printf "%s/" .Site.Sections.Archive) link inside
// their language's tree.
func prefixSections(s config.Sections, prefix string) config.Sections {
	for _, f := range []*string{&s.Articles, &s.Countries, &s.Regions, &s.Agencies, &s.Officials, &s.Themes,
		&s.Archive, &s.Search, &s.Relations} {
		*f = prefix + "/" + *f
	}
	return s // Page is a segment after a list's path: it stays one
}

// SitemapAlternates writes sitemap.xml with each page's twins in the
// other languages as xhtml:link alternates (Google's form for multilingual
// sites); the page itself is among its alternates.
func SitemapAlternates(urls []SitemapURL, loc *time.Location) []byte {
	if loc == nil {
		loc = time.UTC
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, u := range urls {
		b.WriteString("  <url>\n    <loc>")
		xml.EscapeText(&b, []byte(u.Loc))
		b.WriteString("</loc>\n")
		if !u.LastMod.IsZero() {
			b.WriteString("    <lastmod>" + u.LastMod.In(loc).Format("2006-01-02") + "</lastmod>\n")
		}
		for _, a := range u.Alternates {
			b.WriteString(`    <xhtml:link rel="alternate" hreflang="` + a.Lang + `" href="`)
			xml.EscapeText(&b, []byte(a.Path))
			b.WriteString("\"/>\n")
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
