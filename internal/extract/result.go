// What an extraction returns: the entities with their mentions, sorted,
// named in the site's language, and holding no slice of the article's text.

package extract

import (
	"slices"
	"strings"
	"unsafe"
)

// Mention is one reading of an entity in the text.
type Mention struct {
	Surface string
	Loc     Location
	// tokens is the token range, for rules that compare spans.
	tokens [2]int32
}

// Entity is what an article says of one country, region, place, agency,
// official or theme.
type Entity struct {
	Kind Kind
	// Manual is true for an entity added by the front matter. (Beside
	// Kind it takes no word of its own: a site holds every entity.)
	Manual   bool
	ID       string // ISO code, region id, agency id, official id, theme id, place name
	Name     string
	Acronym  string   // agencies
	Country  string   // places, agencies, officials
	Roles    []string // officials
	Agencies []string // officials: ids of the bodies their roles name
	Mentions []Mention
	// After Compact: how many mentions there were, and where the first in
	// the body is (nil for none).
	Count     int
	FirstBody *Location
}

// MentionCount is the number of mentions, before or after Compact.
func (e *Entity) MentionCount() int {
	if e.Mentions == nil {
		return e.Count
	}
	return len(e.Mentions)
}

// Surfaces are the distinct strings read as the entity, in order of appearance.
func (e *Entity) Surfaces() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range e.Mentions {
		if m.Surface != "" && !seen[m.Surface] {
			seen[m.Surface] = true
			out = append(out, m.Surface)
		}
	}
	return out
}

// Result is the enrichment of one article.
type Result struct {
	File      string
	Lang      string
	Countries []*Entity
	Regions   []*Entity
	Places    []*Entity
	Agencies  []*Entity
	Officials []*Entity
	Themes    []*Entity
	// Warnings are front-matter values that named nothing.
	Warnings []string
}

// Compact keeps of the mentions only their number and the first in the
// body, which is what pages need: a site of tens of thousands of articles
// then does not hold every mention and, through their surfaces, every
// article's text.
func (r *Result) Compact() {
	for _, list := range [][]*Entity{r.Countries, r.Regions, r.Places, r.Agencies, r.Officials, r.Themes} {
		for _, e := range list {
			if e.Mentions == nil {
				continue
			}
			e.Count = len(e.Mentions)
			for k := range e.Mentions {
				m := e.Mentions[k].Loc
				if m.Field == FieldBody && (e.FirstBody == nil || m.Start < e.FirstBody.Start) {
					loc := m
					e.FirstBody = &loc
				}
			}
			e.Mentions = nil
		}
	}
}

// result sorts the entities and names them in the site's language.
func (s *state) result() *Result {
	r := &Result{File: s.in.File, Lang: s.in.Lang, Warnings: s.warnings}
	lang := s.x.lang
	// each list at most as long as its kind's entities, in one allocation
	if n := len(s.ents[KindCountry]); n > 0 {
		r.Countries = make([]*Entity, 0, n)
	}
	if n := len(s.ents[KindRegion]); n > 0 {
		r.Regions = make([]*Entity, 0, n)
	}
	if n := len(s.ents[KindPlace]); n > 0 {
		r.Places = make([]*Entity, 0, n)
	}
	if n := len(s.ents[KindAgency]); n > 0 {
		r.Agencies = make([]*Entity, 0, n)
	}
	if n := len(s.ents[KindOfficial]); n > 0 {
		r.Officials = make([]*Entity, 0, n)
	}
	if n := len(s.ents[KindTheme]); n > 0 {
		r.Themes = make([]*Entity, 0, n)
	}
	for kind, list := range s.ents {
		for _, e := range list {
			if len(e.Mentions) == 0 && !e.Manual {
				continue
			}
			switch Kind(kind) {
			case KindCountry:
				if c := s.x.g.Country(e.ID); c != nil {
					e.Name = c.Name(lang)
				}
				r.Countries = append(r.Countries, e)
			case KindRegion:
				if g := s.x.g.Region(e.ID); g != nil {
					e.Name = g.Name(lang)
				}
				r.Regions = append(r.Regions, e)
			case KindPlace:
				e.Name = e.ID
				r.Places = append(r.Places, e)
			case KindAgency:
				r.Agencies = append(r.Agencies, e)
			case KindOfficial:
				r.Officials = append(r.Officials, e)
			case KindTheme:
				if t := s.x.g.Theme(e.ID); t != nil {
					e.Name = t.Name(lang)
				}
				r.Themes = append(r.Themes, e)
			}
			s.own(e)
		}
	}
	for _, list := range []*[]*Entity{&r.Countries, &r.Regions, &r.Places, &r.Agencies, &r.Officials, &r.Themes} {
		if len(*list) == 0 {
			*list = nil // none found, as when nothing was made
			continue
		}
		slices.SortFunc(*list, func(a, b *Entity) int {
			if len(a.Mentions) != len(b.Mentions) {
				return len(b.Mentions) - len(a.Mentions)
			}
			return strings.Compare(a.ID, b.ID)
		})
	}
	return r
}

// own gives e copies of its strings that are slices of the article's
// text (the names and roles of officials and places as written): a site
// keeps results after it drops the texts, and one such slice kept a whole
// text alive, 50 MB of a 10,000-article build.
func (s *state) own(e *Entity) {
	e.ID, e.Name, e.Acronym, e.Country = s.detach(e.ID), s.detach(e.Name), s.detach(e.Acronym), s.detach(e.Country)
	for i, v := range e.Roles {
		e.Roles[i] = s.detach(v)
	}
	for i, v := range e.Agencies {
		e.Agencies[i] = s.detach(v)
	}
}

// detach copies v if it points into the text.
func (s *state) detach(v string) string {
	if inside(v, s.text) {
		return strings.Clone(v)
	}
	return v
}

// inside tells whether v's bytes are within text's.
func inside(v, text string) bool {
	if v == "" || text == "" {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(v)))
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return p >= start && p < start+uintptr(len(text))
}
