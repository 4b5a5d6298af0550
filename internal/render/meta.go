package render

import (
	"encoding/json"
	"html/template"
	"strings"

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
// "" for pages that describe nothing (404, alias, search).
func (p *Page) JSONLD() template.JS {
	var v map[string]any
	site := map[string]any{"@type": "Organization", "name": p.Site.Title, "url": p.Site.BaseURL}
	switch {
	case p.Article != nil:
		a := p.Article
		v = map[string]any{"@type": "NewsArticle", "headline": a.Title, "url": p.Permalink(),
			"datePublished": a.Date.Format("2006-01-02T15:04:05Z07:00"), "inLanguage": a.Lang, "publisher": site}
		if a.Summary != "" {
			v["description"] = a.Summary
		}
		if a.Article != nil && a.Source != "" {
			v["sourceOrganization"] = map[string]any{"@type": "Organization", "name": a.Source}
		}
		var about []any
		if c := a.Chips; c != nil {
			for _, kind := range index.Kinds {
				for _, l := range *c.List(kind) {
					about = append(about, map[string]any{"@type": schemaType(kind), "name": l.Name, "url": p.AbsURL(l.URL)})
				}
			}
		}
		if len(about) > 0 {
			v["about"] = about
		}
	case p.Entity != nil && p.Entity.Entry != nil:
		e := p.Entity
		v = map[string]any{"@type": schemaType(e.Kind), "name": e.Name, "url": p.AbsURL(e.URL)}
		if e.Acronym != "" {
			v["alternateName"] = e.Acronym
		}
		if e.Kind == index.Official {
			if len(e.Roles) > 0 {
				v["jobTitle"] = e.Roles[0].Title
			}
			if e.Country != nil {
				v["nationality"] = map[string]any{"@type": "Country", "name": e.Country.Name}
			}
		}
		if e.Kind == index.Agency && e.Country != nil {
			v["location"] = map[string]any{"@type": "Country", "name": e.Country.Name}
		}
		if m := e.Meta; m != nil && m.Bio != "" {
			v["description"] = m.Bio
		}
	case p.Relation != nil:
		v = map[string]any{"@type": "CollectionPage", "name": p.Relation.Name, "url": p.Permalink(),
			"about": []any{map[string]any{"@type": "Country", "name": p.Relation.A.Name}, map[string]any{"@type": "Country", "name": p.Relation.B.Name}}}
	case p.Kind == KindHome:
		v = map[string]any{"@type": "WebSite", "name": p.Site.Title, "url": p.Site.BaseURL, "inLanguage": p.Site.Language}
	default:
		return ""
	}
	v["@context"] = "https://schema.org"
	b, err := json.Marshal(v) // escapes <, > and &: safe in a script
	if err != nil {
		return ""
	}
	return template.JS(b)
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
