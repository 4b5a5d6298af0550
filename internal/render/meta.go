package render

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"digest/internal/index"
)

// What a page says of itself to search engines and link previews: its
// description, Open Graph's locale and type, and its JSON-LD (schema.org).

// Description is the page's summary for <meta name="description"> and
// Open Graph: an article's summary, a theme's definition, the site's
// description on the home page, else a sentence the UI strings make.
func (p *Page) Description() string {
	switch {
	case p.Article != nil:
		return p.Article.Summary
	case p.Entity != nil && p.Entity.Entry != nil:
		e := p.Entity
		if e.Definition != "" {
			return p.T("theme_covers", e.Definition)
		}
		if e.Articles == 1 {
			return p.T("desc_entity_1", p.T(e.Kind), e.Name)
		}
		return p.T("desc_entity", p.T(e.Kind), e.Name, e.Articles)
	case p.Relation != nil:
		return p.T("desc_relation", p.Relation.A.Name, p.Relation.B.Name, p.Relation.Articles)
	case p.ListKind != "":
		return p.T("desc_list", p.T("all_"+index.Plural(p.ListKind)), len(p.Links))
	case p.Kind == KindHome:
		if d, ok := p.Site.Params["description"].(string); ok {
			return d
		}
	}
	return p.Site.Title
}

// Locale is the page's language as Open Graph writes it.
func (p *Page) Locale() string {
	switch lang := p.Lang(); {
	case strings.HasPrefix(lang, "fr"):
		return "fr_FR"
	case strings.HasPrefix(lang, "en"):
		return "en_GB"
	default:
		return strings.ReplaceAll(lang, "-", "_")
	}
}

// JSONLD is the page's schema.org description as JSON, for a <script
// type="application/ld+json">: a NewsArticle with what it is about, a
// Person, an Organization, a Country or a Place, a collection of articles.
// "" for pages that describe nothing (404, alias, search). It is written
// by hand, not marshalled: every page has one, and maps made and sorted
// for encoding/json were a tenth of a build's allocations.
func (p *Page) JSONLD() template.JS {
	var j jsonObject
	j.str("@context", "https://schema.org")
	switch {
	case p.Article != nil:
		a := p.Article
		j.str("@type", "NewsArticle").str("headline", a.Title).str("url", p.Permalink()).
			str("datePublished", a.Date.Format("2006-01-02T15:04:05Z07:00")).str("inLanguage", a.Lang)
		if a.Summary != "" {
			j.str("description", a.Summary)
		}
		j.raw("publisher", p.siteOrganization())
		if a.Article != nil && a.Source != "" {
			var src jsonObject
			j.raw("sourceOrganization", src.str("@type", "Organization").str("name", a.Source).end())
		}
		if c := a.Chips; c != nil {
			// what it is about, the first of each kind first, at most
			// maxAbout: every article page carries it
			var about []string
			for _, kind := range index.Kinds {
				for _, l := range *c.List(kind) {
					if len(about) == maxAbout {
						break
					}
					var o jsonObject
					about = append(about, o.str("@type", schemaType(kind)).str("name", l.Name).end())
				}
			}
			if len(about) > 0 {
				j.raw("about", "["+strings.Join(about, ",")+"]")
			}
		}
	case p.Entity != nil && p.Entity.Entry != nil:
		e := p.Entity
		j.str("@type", schemaType(e.Kind)).str("name", e.Name).str("url", p.AbsURL(e.URL))
		if e.Acronym != "" {
			j.str("alternateName", e.Acronym)
		}
		if e.Kind == index.Official && len(e.Roles) > 0 {
			j.str("jobTitle", e.Roles[0].Title)
		}
		if e.Country != nil && (e.Kind == index.Official || e.Kind == index.Agency) {
			key := "location"
			if e.Kind == index.Official {
				key = "nationality"
			}
			var c jsonObject
			j.raw(key, c.str("@type", "Country").str("name", e.Country.Name).end())
		}
		if m := e.Meta; m != nil && m.Bio != "" {
			j.str("description", m.Bio)
		}
	case p.Relation != nil:
		var a, b jsonObject
		j.str("@type", "CollectionPage").str("name", p.Relation.Name).str("url", p.Permalink()).
			raw("about", "["+a.str("@type", "Country").str("name", p.Relation.A.Name).end()+","+
				b.str("@type", "Country").str("name", p.Relation.B.Name).end()+"]")
	case p.Kind == KindHome:
		j.str("@type", "WebSite").str("name", p.Site.Title).str("url", p.Site.BaseURL).str("inLanguage", p.Site.Language)
	default:
		return ""
	}
	return template.JS(j.end())
}

func (p *Page) siteOrganization() string {
	var o jsonObject
	return o.str("@type", "Organization").str("name", p.Site.Title).str("url", p.Site.BaseURL).end()
}

// maxAbout bounds an article's "about" list.
const maxAbout = 8

// jsonObject writes a JSON object member by member.
type jsonObject struct{ b strings.Builder }

func (o *jsonObject) key(k string) {
	if o.b.Len() == 0 {
		o.b.WriteByte('{')
	} else {
		o.b.WriteByte(',')
	}
	o.b.WriteString(jsonString(k))
	o.b.WriteByte(':')
}

func (o *jsonObject) str(k, v string) *jsonObject {
	o.key(k)
	o.b.WriteString(jsonString(v))
	return o
}

func (o *jsonObject) raw(k, v string) *jsonObject {
	o.key(k)
	o.b.WriteString(v)
	return o
}

func (o *jsonObject) end() string {
	if o.b.Len() == 0 {
		return "{}"
	}
	o.b.WriteByte('}')
	return o.b.String()
}

// jsonString is s as a JSON string, with <, > and & escaped as
// encoding/json does: safe inside a script element. It writes what
// json.Marshal writes for a string, without its reflection: a page's JSON-LD
// has a few dozen strings.
func jsonString(s string) string {
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	b = append(b, '"')
	return string(b)
}

// schemaType is the schema.org type of a kind of entity.
func schemaType(kind string) string {
	switch kind {
	case index.Country:
		return "Country"
	case index.Official:
		return "Person"
	case index.Agency:
		return "GovernmentOrganization"
	case index.Region:
		return "Place"
	}
	return "Thing"
}

// SearchKinds are the kinds of entities' labels in the site's language, as
// JSON, for the search page's script to name what it finds ("Pays", not
// "country").
func (p *Page) SearchKinds() string {
	var o jsonObject
	for _, kind := range index.Kinds {
		o.str(kind, p.T(kind))
	}
	return o.end()
}
