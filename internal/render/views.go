package render

import (
	"strings"
	"time"

	"digest/internal/index"
)

// EntityLink is an entity as a link: on chips, in lists, in "named with".
type EntityLink struct {
	Kind  string
	ID    string
	Name  string
	URL   string // site path of its page
	Flag  string // for countries: the flag drawn from the ISO code
	Count int    // articles, or articles shared
	Role  string // for officials on an article: the role it gives
}

// Entity is an entity's page data.
type Entity struct {
	*index.Entry
	URL      string
	Flag     string
	Country  *EntityLink // of an agency or official
	Meta     *Meta
	Articles int // number of articles
	// Named with it, most shared first.
	Countries, Regions, Agencies, Officials, Themes []EntityLink
	// Agencies an official's roles name.
	RoleAgencies []EntityLink
	// Terms are an official's terms of office as the site's data gives
	// them, latest first: what pages say instead of the dates of mentions.
	Terms []Term
	Feed  string // site path of its Atom feed
}

// Term is an office held, with the years it began and ended when known.
type Term struct {
	Title    string
	From, To string // years, "" when not known
}

// Meta is what the site's data/entities.toml says of an entity.
type Meta struct {
	Kind  string     `toml:"kind"`
	ID    string     `toml:"id"`
	Bio   string     `toml:"bio"`
	Photo string     `toml:"photo"` // a path in static/
	Alt   string     `toml:"alt"`   // the photo's text alternative
	Links []MetaLink `toml:"links"`
	Roles []string   `toml:"roles"` // known roles, beyond those the articles give
}

// MetaLink is an official link of an entity.
type MetaLink struct {
	Title string `toml:"title"`
	URL   string `toml:"url"`
}

// Chips are an article's entities as links.
type Chips struct {
	Countries, Regions, Agencies, Officials, Themes []EntityLink
}

// List is the chips of a kind, to fill or read in index.ListOrder.
func (c *Chips) List(kind string) *[]EntityLink {
	return ofKind(kind, &c.Countries, &c.Regions, &c.Agencies, &c.Officials, &c.Themes)
}

// NamedWith is the list of entities of a kind named with the entity.
func (e *Entity) NamedWith(kind string) *[]EntityLink {
	return ofKind(kind, &e.Countries, &e.Regions, &e.Agencies, &e.Officials, &e.Themes)
}

// ofKind picks the list of a kind among lists by kind.
func ofKind(kind string, countries, regions, agencies, officials, themes *[]EntityLink) *[]EntityLink {
	switch kind {
	case index.Country:
		return countries
	case index.Region:
		return regions
	case index.Agency:
		return agencies
	case index.Official:
		return officials
	}
	return themes
}

// Any tells whether there is a chip at all.
func (c *Chips) Any() bool {
	return c != nil && len(c.Countries)+len(c.Regions)+len(c.Agencies)+len(c.Officials)+len(c.Themes) > 0
}

// Month is a month of the archive.
type Month struct {
	Year  int
	Month time.Month
	Count int
	URL   string
}

// Year groups the months of a year of the archive.
type Year struct {
	Year   int
	Count  int
	Months []Month
}

// Flag draws a country's flag from its ISO 3166-1 code, as the two regional
// indicator symbols that fonts render as the flag.
func Flag(code string) string {
	if len(code) != 2 {
		return ""
	}
	code = strings.ToUpper(code)
	var b strings.Builder
	for _, c := range code {
		if c < 'A' || c > 'Z' {
			return ""
		}
		b.WriteRune(0x1F1E6 + (c - 'A'))
	}
	return b.String()
}
