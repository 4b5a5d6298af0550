package render

import (
	"html/template"
	"math"
	"time"

	"digest/internal/index"
)

// EntityLink is an entity as a link: on chips, in lists, in "named with".
type EntityLink struct {
	Kind  string
	ID    string
	Name  string
	URL   string // site path of its page
	Flag  string // for countries: the site path of their flag ("flags/ma.svg"), "" for none
	Count int    // articles, or articles shared
	Role  string // for officials: the role an article gives, or on a country's page their latest
	// Country is an official's or agency's country code: pages that list
	// a country's own people and bodies read it.
	Country string
	// Relation is, for a country's partner, the page of the pair ("" when
	// they share too few articles to have one).
	Relation string
}

// Entity is an entity's page data.
type Entity struct {
	*index.Entry
	// Kind, ID and Name are the entry's, copied to the top: templates read
	// them often, and a field of an embedded struct is found by a
	// reflective search at every evaluation.
	Kind, ID, Name string
	URL            string
	Flag           string      // a country's flag, a site path
	Country        *EntityLink // of an agency or official
	Meta           *Meta
	Articles       int // number of articles
	// Named with it, most shared first.
	Countries, Regions, Agencies, Officials, Themes []EntityLink
	// Agencies an official's roles name.
	RoleAgencies []EntityLink
	// Roles are the official's roles the page shows: those given in the
	// site's language when there are any (the English title of a French
	// function is the same function), latest first.
	Roles []index.RoleSeen
	// Terms are an official's terms of office as the site's data gives
	// them, latest first: what pages say instead of the dates of mentions.
	Terms []Term
	Feed  string // site path of its Atom feed
	// First and Last are the dates of its oldest and newest articles.
	First, Last time.Time
	// Timeline counts its articles by month.
	Timeline *Timeline
	// A country's dossier: the regions it belongs to, its own officials
	// (Role: their latest function) and institutions, and the countries
	// named with it, each with the page of the pair when there is one.
	InRegions    []EntityLink
	OwnOfficials []EntityLink
	OwnAgencies  []EntityLink
	Partners     []EntityLink // with .Relation
	// Members are a region's countries.
	Members []EntityLink
	// Map shades a country's partners on the world map (inline SVG).
	Map template.HTML
	// Definition is what a theme covers, from the vocabulary.
	Definition string
	// ByYear is, for a theme, how often its most named countries were
	// named with it, year by year.
	ByYear *YearTable
}

// YearTable counts, for a few entities, the articles of a page's entity
// that name them, by year: a theme's geography over time.
type YearTable struct {
	Years []int
	Rows  []YearRow
}

// YearRow is an entity's line of a YearTable.
type YearRow struct {
	Link   EntityLink
	Counts []YearCount // by Years
}

// YearCount is a cell: a count, and its shade from 0 (none) to 4 (the
// table's most).
type YearCount struct{ N, Level int }

// Relation is the page of a pair of countries: the articles that name
// both, and who and what of either side they name.
type Relation struct {
	A, B        EntityLink
	Name        string // "Maroc – Mali"
	URL         string
	Articles    int
	First, Last time.Time
	Timeline    *Timeline
	// Officials and Agencies of either country, and Themes, named in the
	// pair's articles, most named first.
	Officials, Agencies, Themes []EntityLink
	Feed                        string
}

// Timeline is a count of articles by month, from the first month to the
// last, drawn as bars (partials/timeline.html): a bar's X and Height are in
// the drawing's units, Width wide and Height high.
type Timeline struct {
	Bars          []Bar
	Width, Height int
	Max, Total    int
	From, To      time.Time // the first and the last month
}

// Bar is a month of a timeline.
type Bar struct {
	Month     time.Time
	Label     string // the month in the timeline's language: "novembre 2025"
	Count     int
	X, Width  float64
	Y, Height float64
}

// timelineWidth and timelineHeight are the drawing's size in its units;
// the page scales it to its column.
const timelineWidth, timelineHeight = 600, 80

// NewTimeline counts dates by month (labels in lang), from the month of the oldest to the
// month of the newest, empty months included: a gap in a relation is
// information. It is nil for no dates.
func NewTimeline(dates []time.Time, lang string) *Timeline {
	if len(dates) == 0 {
		return nil
	}
	month := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	from, to := month(dates[0]), month(dates[0])
	for _, d := range dates[1:] {
		m := month(d)
		if m.Before(from) {
			from = m
		}
		if m.After(to) {
			to = m
		}
	}
	n := (to.Year()-from.Year())*12 + int(to.Month()-from.Month()) + 1
	counts := make([]int, n)
	for _, d := range dates {
		m := month(d)
		counts[(m.Year()-from.Year())*12+int(m.Month()-from.Month())]++
	}
	tl := &Timeline{Width: timelineWidth, Height: timelineHeight, From: from, To: to, Total: len(dates)}
	for _, c := range counts {
		tl.Max = max(tl.Max, c)
	}
	w := float64(timelineWidth) / float64(n)
	for i, c := range counts {
		h := 0.0
		if c > 0 {
			h = math.Max(2, math.Round(float64(c)/float64(tl.Max)*(timelineHeight-2)*10)/10)
		}
		m := from.AddDate(0, i, 0)
		label := ""
		if c > 0 {
			label = MonthName(lang, m.Year(), m.Month())
		}
		tl.Bars = append(tl.Bars, Bar{Month: m, Label: label, Count: c,
			X: math.Round(float64(i)*w*100) / 100, Width: math.Round(math.Max(w-1, w*0.8)*100) / 100,
			Y: timelineHeight - h, Height: h})
	}
	return tl
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
	// Newer and Older are the months next to it that have articles, on a
	// month's page.
	Newer, Older *Month
}

// SharedWith are the entities article a shares with article b, officials
// and agencies first, at most n: why b is related to a.
func SharedWith(a, b *Article, n int) []EntityLink {
	if a == nil || b == nil || a.Chips == nil || b.Chips == nil {
		return nil
	}
	var out []EntityLink
	for _, kind := range []string{index.Official, index.Agency, index.Theme, index.Country, index.Region} {
		for _, l := range *a.Chips.List(kind) {
			for _, m := range *b.Chips.List(kind) {
				if l.URL == m.URL {
					out = append(out, l)
					if len(out) == n {
						return out
					}
				}
			}
		}
	}
	return out
}

// Year groups the months of a year of the archive.
type Year struct {
	Year   int
	Count  int
	Months []Month
}
