package extract

import (
	"strings"

	"digest/internal/gazetteer"
)

// This file names a result's entities in another language than the
// extractor's: a multilingual site extracts each article once, and each
// language's pages name its entities in their own language.

// Localize is a copy of r whose entities are named in lang; r is left as
// it is. Countries, regions and themes take their gazetteer names in
// lang, agencies theirs as pages show them (with their country where
// the name is shared); officials and places keep their names, and so do
// entities a merge renamed.
func (x *Extractor) Localize(r *Result, lang string) *Result {
	if r == nil {
		return nil
	}
	out := *r
	for _, list := range []*[]*Entity{&out.Countries, &out.Regions, &out.Places, &out.Agencies, &out.Officials, &out.Themes} {
		if len(*list) == 0 {
			continue
		}
		copied := make([]*Entity, len(*list))
		entities := make([]Entity, len(*list)) // one allocation a list
		for i, e := range *list {
			entities[i] = *e
			entities[i].Name = x.LocalName(e, lang)
			copied[i] = &entities[i]
		}
		*list = copied
	}
	return &out
}

// LocalName is the name of e, found by the extractor, in lang.
func (x *Extractor) LocalName(e *Entity, lang string) string {
	if lang == x.lang {
		return e.Name
	}
	kind := kindName(e.Kind)
	for _, m := range x.g.Merge {
		if m.Name != "" && m.Kind == kind && strings.EqualFold(m.Into, e.ID) {
			return e.Name // renamed by the site's data: one name
		}
	}
	switch e.Kind {
	case KindCountry:
		if c := x.g.Country(e.ID); c != nil {
			return c.Name(lang)
		}
	case KindRegion:
		if g := x.g.Region(e.ID); g != nil {
			return g.Name(lang)
		}
	case KindTheme:
		if t := x.g.Theme(e.ID); t != nil {
			return t.Name(lang)
		}
	case KindAgency:
		if a := x.g.Agency(e.ID); a != nil {
			return x.agencyName(a, lang)
		}
		return x.syntheticName(e, lang)
	}
	return e.Name
}

// agencyName is makeDisplayName in lang.
func (x *Extractor) agencyName(a *gazetteer.Agency, lang string) string {
	name := a.Name(lang)
	if a.Country != "" && (a.Synthetic && a.Generic || (&Extractor{g: x.g, lang: lang}).nameShared(name)) {
		if c := x.g.Country(a.Country); c != nil && !strings.Contains(name, "(") && !namesCountry(Fold(name), c, lang) {
			name += " (" + c.Name(lang) + ")"
		}
	}
	return name
}

// syntheticLabels are the English of the labels of bodies the extractor
// names by kind and country ("Douanes (Mali)": national.go).
var syntheticLabels = map[string]string{"Police": "Police", "Gendarmerie": "Gendarmerie", "Forces armées": "Armed Forces",
	"Marine": "Navy", "Douanes": "Customs", "Garde-côtes": "Coast Guard", "Renseignement": "Intelligence", "Justice": "Justice"}

// syntheticName names in lang a body read from the text, which the
// gazetteer does not know: its country in brackets in lang, and a label
// of national.go's in English.
func (x *Extractor) syntheticName(e *Entity, lang string) string {
	c := x.g.Country(e.Country)
	if c == nil {
		return e.Name
	}
	suffix := " (" + c.Name(x.lang) + ")"
	head, ok := strings.CutSuffix(e.Name, suffix)
	if !ok {
		return e.Name
	}
	if lang == "en" {
		if en, ok := syntheticLabels[head]; ok {
			head = en
		}
	}
	return head + " (" + c.Name(lang) + ")"
}

// LocalNameOf is LocalName for an entity known by its kind's name
// ("country", "agency"…, as data files and the index name kinds), id,
// name in the extractor's language and country.
func (x *Extractor) LocalNameOf(kind, id, name, country, lang string) string {
	for _, k := range []Kind{KindCountry, KindRegion, KindAgency, KindOfficial, KindTheme} {
		if kindName(k) == kind {
			return x.LocalName(&Entity{Kind: k, ID: id, Name: name, Country: country}, lang)
		}
	}
	return name
}
