package extract

import (
	"digest/internal/content"
)

// The shape of `digest extract --json` (shared/spec/extract-json.md):
// fields may be added, none renamed or removed.

// JSONOutput is the whole document.
type JSONOutput struct {
	Articles []JSONArticle `json:"articles"`
}

// JSONArticle is one article's enrichment.
type JSONArticle struct {
	File      string         `json:"file"`
	Lang      string         `json:"lang"`
	Countries []JSONCountry  `json:"countries"`
	Regions   []JSONNamed    `json:"regions"`
	Places    []JSONPlace    `json:"places"`
	Agencies  []JSONAgency   `json:"agencies"`
	Officials []JSONOfficial `json:"officials"`
	Themes    []JSONNamed    `json:"themes"`
}

// JSONCountry is a country: ISO code and name in the site's language.
type JSONCountry struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Mentions int      `json:"mentions"`
	Surfaces []string `json:"surfaces"`
}

// JSONNamed is a region or a theme.
type JSONNamed struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Mentions int      `json:"mentions"`
	Surfaces []string `json:"surfaces"`
}

// JSONPlace is a city or place.
type JSONPlace struct {
	Name     string   `json:"name"`
	Country  string   `json:"country"`
	Mentions int      `json:"mentions"`
	Surfaces []string `json:"surfaces"`
}

// JSONAgency is an agency.
type JSONAgency struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Acronym  string   `json:"acronym"`
	Country  string   `json:"country"`
	Mentions int      `json:"mentions"`
	Surfaces []string `json:"surfaces"`
}

// JSONOfficial is an official.
type JSONOfficial struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Country  string   `json:"country"`
	Roles    []string `json:"roles"`
	Agencies []string `json:"agencies"`
	Mentions int      `json:"mentions"`
	Surfaces []string `json:"surfaces"`
}

// JSON gives the result in the shape of the contract; file is the path as
// the caller found it.
func (r *Result) JSON(file string) JSONArticle {
	out := JSONArticle{File: file, Lang: r.Lang,
		Countries: []JSONCountry{}, Regions: []JSONNamed{}, Places: []JSONPlace{},
		Agencies: []JSONAgency{}, Officials: []JSONOfficial{}, Themes: []JSONNamed{}}
	for _, e := range r.Countries {
		out.Countries = append(out.Countries, JSONCountry{Code: e.ID, Name: e.Name, Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	for _, e := range r.Regions {
		out.Regions = append(out.Regions, JSONNamed{ID: e.ID, Name: e.Name, Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	for _, e := range r.Places {
		out.Places = append(out.Places, JSONPlace{Name: e.Name, Country: e.Country, Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	for _, e := range r.Agencies {
		out.Agencies = append(out.Agencies, JSONAgency{ID: e.ID, Name: e.Name, Acronym: e.Acronym, Country: e.Country, Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	for _, e := range r.Officials {
		out.Officials = append(out.Officials, JSONOfficial{ID: e.ID, Name: e.Name, Country: e.Country, Roles: nonNil(e.Roles), Agencies: nonNil(e.Agencies), Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	for _, e := range r.Themes {
		out.Themes = append(out.Themes, JSONNamed{ID: e.ID, Name: e.Name, Mentions: len(e.Mentions), Surfaces: nonNil(e.Surfaces())})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// FromArticle is the extractor's reading of a loaded article.
func FromArticle(a *content.Article) Input {
	in := Input{File: a.File, Lang: a.Lang, Title: a.Title, Body: a.Body, Doc: a.Text,
		Countries: a.Overrides.Countries, Agencies: a.Overrides.Agencies, Officials: a.Overrides.Officials,
		Themes: a.Overrides.Themes, Exclude: a.Overrides.Exclude}
	if !a.SummaryIsLead {
		in.Summary = a.Summary
	}
	return in
}
