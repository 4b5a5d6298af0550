// Overrides: the site's corrections in its data files ([[suppress]]:
// what is never tagged), then the entities an article's front matter adds
// or excludes, named by id, code, name or acronym. The editor has the last
// word over every rule, so they apply last.

package extract

import (
	"fmt"
	"strings"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// applySuppressions applies the site's corrections (data/*.toml
// [[suppress]]): an entity never tagged, a surface never read as one,
// optionally only after some words. They come before the front matter,
// which may still add what they suppress.
func (s *state) applySuppressions() {
	for _, sp := range s.x.g.Suppress {
		surface := Fold(sp.Surface)
		for kind, list := range s.ents {
			if sp.Kind != "" && kindName(Kind(kind)) != sp.Kind {
				continue
			}
			kept := list[:0]
			for _, e := range list {
				if sp.ID != "" && strings.EqualFold(e.ID, sp.ID) {
					continue
				}
				if surface != "" {
					ms := e.Mentions[:0]
					for _, m := range e.Mentions {
						if Fold(m.Surface) == surface && s.after(int(m.tokens[0]), sp.After) {
							continue
						}
						ms = append(ms, m)
					}
					e.Mentions = ms
					if len(e.Mentions) == 0 {
						continue
					}
				}
				kept = append(kept, e)
			}
			s.ents[kind] = kept
		}
	}
}

// applyMerges applies the site's merges (data/*.toml [[merge]]): an
// entity whose id is absorbed takes the id (and name) of the one that
// stays, its mentions joining that one's when the article names both.
func (s *state) applyMerges() {
	for _, mg := range s.x.g.Merge {
		for kind, list := range s.ents {
			if kindName(Kind(kind)) != mg.Kind {
				continue
			}
			var into *Entity
			for _, e := range list {
				if strings.EqualFold(e.ID, mg.Into) {
					into = e
				}
			}
			kept := list[:0]
			for _, e := range list {
				absorbed := false
				for _, f := range mg.From {
					absorbed = absorbed || strings.EqualFold(e.ID, f)
				}
				switch {
				case !absorbed:
				case into != nil:
					into.Mentions = append(into.Mentions, e.Mentions...)
					into.Roles = appendNewAll(into.Roles, e.Roles)
					into.Agencies = appendNewAll(into.Agencies, e.Agencies)
					if into.Country == "" {
						into.Country = e.Country
					}
					into.Manual = into.Manual || e.Manual
					continue
				default:
					e.ID = mg.Into
					switch Kind(kind) {
					case KindCountry:
						e.ID = strings.ToUpper(mg.Into)
					case KindOfficial:
						if o := s.x.g.Official(mg.Into); o != nil {
							e.Name, e.Country = o.Name, o.Country
						}
					case KindAgency:
						if a := s.x.g.Agency(mg.Into); a != nil {
							e.Name, e.Country = s.x.displayName(a), a.Country
						}
					}
					into = e
				}
				kept = append(kept, e)
			}
			if into != nil && mg.Name != "" {
				into.Name = mg.Name
			}
			s.ents[kind] = kept
		}
	}
}

func appendNewAll(list, more []string) []string {
	for _, x := range more {
		list = appendNew(list, x)
	}
	return list
}

// kindName is the name data files give a kind of entity ("" for places,
// which have none).
func kindName(k Kind) string {
	switch k {
	case KindCountry:
		return "country"
	case KindRegion:
		return "region"
	case KindAgency:
		return "agency"
	case KindOfficial:
		return "official"
	case KindTheme:
		return "theme"
	}
	return ""
}

// after tells whether the token before k is one of words (folded), or
// whether words is empty.
func (s *state) after(k int, words []string) bool {
	if len(words) == 0 {
		return true
	}
	if k <= 0 || k > len(s.toks) {
		return false
	}
	prev := s.toks[k-1].Fold
	for _, w := range words {
		if Fold(w) == prev {
			return true
		}
	}
	return false
}

// applyOverrides adds the entities the front matter lists and drops those
// it excludes. A value is an id, an ISO code, a name or an acronym.
func (s *state) applyOverrides() {
	add := func(kind Kind, id string, fill func(e *Entity)) {
		e := s.entity(kind, id)
		e.Manual = true
		if fill != nil {
			fill(e)
		}
	}
	for _, v := range s.in.Countries {
		if c := s.x.findCountry(v); c != nil {
			add(KindCountry, c.Code, nil)
		} else {
			s.warn("countries: %q is no country code or name", v)
		}
	}
	for _, v := range s.in.Agencies {
		if a := s.x.findAgency(v); a != nil {
			add(KindAgency, a.ID, func(e *Entity) {
				e.Name, e.Country = s.x.displayName(a), a.Country
				if len(a.Acronyms) > 0 {
					e.Acronym = a.Acronyms[0]
				}
			})
		} else {
			id := slug.Make(v)
			add(KindAgency, id, func(e *Entity) {
				if e.Name == "" {
					e.Name = v
				}
			})
		}
	}
	for _, v := range s.in.Officials {
		if o := s.x.findOfficial(v); o != nil {
			add(KindOfficial, o.ID, func(e *Entity) { e.Name, e.Country = o.Name, o.Country })
			continue
		}
		title, name := splitTitle(v)
		if name == "" {
			s.warn("officials: %q is a title with no name", v)
			continue
		}
		// an official the text names already ("Commissaire Keita" for the
		// "commissaire Moussa Keita" the article found)
		if e := s.officialNamed(name); e != nil {
			e.Manual = true
			continue
		}
		add(KindOfficial, slug.Make(name), func(e *Entity) { s.fillManualOfficial(e, title, name) })
	}
	for _, v := range s.in.Themes {
		if t := s.x.findTheme(v); t != nil {
			add(KindTheme, t.ID, nil)
		} else {
			s.warn("themes: %q is no theme of the vocabulary", v)
		}
	}
	for _, v := range s.in.Exclude {
		key := Fold(v)
		dropped := false
		for kind, list := range s.ents {
			kept := list[:0]
			for _, e := range list {
				if e.matchesKey(key) {
					dropped = true
					continue
				}
				kept = append(kept, e)
			}
			s.ents[kind] = kept
		}
		if !dropped {
			s.warn("exclude: %q names nothing the article was tagged with", v)
		}
	}
}

func (s *state) warn(format string, args ...any) {
	s.warnings = append(s.warnings, fmt.Sprintf(format, args...))
}

// matchesKey tells whether a folded key names the entity: its id, code,
// name, acronym or one of its surfaces.
func (e *Entity) matchesKey(key string) bool {
	if key == Fold(e.ID) || key == Fold(e.Name) || e.Acronym != "" && key == Fold(e.Acronym) {
		return true
	}
	for _, m := range e.Mentions {
		if key == Fold(m.Surface) {
			return true
		}
	}
	return false
}

func (x *Extractor) findCountry(v string) *gazetteer.Country {
	if c := x.g.Country(strings.TrimSpace(v)); c != nil {
		return c
	}
	key := Fold(v)
	for _, c := range x.g.Countries {
		for _, n := range append([]string{c.FR, c.EN}, c.Names...) {
			if Fold(n) == key {
				return c
			}
		}
	}
	return nil
}

func (x *Extractor) findAgency(v string) *gazetteer.Agency {
	if a := x.g.Agency(strings.TrimSpace(v)); a != nil {
		return a
	}
	key := Fold(v)
	for _, a := range x.g.Agencies {
		for _, n := range append(append([]string{a.NameFR, a.NameEN}, a.Aliases...), a.Acronyms...) {
			if n != "" && Fold(n) == key {
				return a
			}
		}
	}
	return nil
}

func (x *Extractor) findOfficial(v string) *gazetteer.Official {
	if o := x.g.Official(strings.TrimSpace(v)); o != nil {
		return o
	}
	return x.officialKeys[PersonKey(v)]
}

func (x *Extractor) findTheme(v string) *gazetteer.Theme {
	if t := x.g.Theme(strings.TrimSpace(v)); t != nil {
		return t
	}
	key := Fold(v)
	for _, t := range x.g.Themes {
		if Fold(t.FR) == key || Fold(t.EN) == key {
			return t
		}
	}
	return nil
}

// splitTitle splits a front-matter official into the title before the
// name and the name: "Commissaire Keita" is the commissaire Keita.
func splitTitle(v string) (title, name string) {
	words := strings.Fields(v)
	k := 0
	for k < len(words)-1 {
		f := Fold(strings.TrimSuffix(words[k], "."))
		if wordFlags[f]&(wRoleHeads|wRankTitles|wHonorifics) == 0 && !rankComplements[f] {
			break
		}
		k++
	}
	return strings.Join(words[:k], " "), strings.Join(words[k:], " ")
}

// officialNamed is the article's official whose name is name or ends with
// it (a surname), if exactly one is.
func (s *state) officialNamed(name string) *Entity {
	key := Fold(name)
	var found *Entity
	for _, e := range s.ents[KindOfficial] {
		n := Fold(e.Name)
		if n == key || strings.HasSuffix(n, " "+key) {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

// fillManualOfficial gives an official the front matter names, and the
// text does not read as one, what the text says of them: its mentions of
// the name (linked like any), the roles written around it, the title the
// front matter gives, and the country read as for any official.
func (s *state) fillManualOfficial(e *Entity, title, name string) {
	if e.Name == "" {
		e.Name = name
	}
	key := strings.Fields(Fold(name))
	p := &person{name: name, inList: -1}
	for i := 0; i+len(key) <= len(s.toks); i++ {
		same := true
		for j, w := range key {
			if t := s.toks[i+j]; !t.Word || t.Fold != w {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		end := i + len(key)
		p.nameSpans = append(p.nameSpans, [2]int{i, end})
		e.Mentions = append(e.Mentions, s.mention(i, end))
		for _, r := range s.rolesAround(i, end) {
			s.addRole(p, r[0], r[1])
		}
		i = end - 1
	}
	if title != "" {
		p.roles = appendNew(p.roles, title)
	}
	e.Roles = s.functionsFirst(p)
	if len(p.nameSpans) == 0 {
		return
	}
	ev := s.evidenceByToken()
	if e.Country = s.countryOfPerson(p, ev); e.Country != "" || len(p.roleSpans) > 0 {
		return
	}
	// titled only in the front matter: the country of the sentence, of
	// the paragraph before, or for a force's rank the article's
	n := p.nameSpans[0]
	for _, cc := range []string{oneCountry(ev, s.sentenceStart(n[0]), s.sentenceEnd(n[1]), nil), oneCountry(ev, s.blockStart(n[0]), n[0], nil)} {
		if cc != "" && cc != international {
			e.Country = cc
			return
		}
	}
	for _, w := range strings.Fields(Fold(title)) {
		if forceRanks[w] || nationalWords[w] {
			e.Country = s.dominantCountry()
			return
		}
	}
}
