// Agencies the gazetteer's phrases name: the recording of an agency's
// mention that every agency rule uses (addAgency), and the choice between
// the bodies a shared name or an ambiguous acronym ("UA", "FAR") may mean,
// made with the article's countries and the acronym's context; and the
// name pages show (a country in brackets only when two bodies share the
// name).

package extract

import (
	"strings"
	"sync"

	"digest/internal/gazetteer"
)

// agencySpan is where an agency is named, in tokens.
type agencySpan struct {
	start, end  int
	id, country string
}

// addAgency records a mention of an agency at tokens [start,end).
func (s *state) addAgency(a *gazetteer.Agency, start, end int) *Entity {
	s.agencySpans = append(s.agencySpans, agencySpan{start: start, end: end, id: a.ID, country: a.Country})
	m := s.mention(start, end)
	e := s.entity(KindAgency, a.ID)
	if e.Name == "" {
		e.Name = s.x.displayName(a)
		e.Country = a.Country
		// pages show the acronym in brackets after the name: not after a
		// country in brackets ("Police nationale (Mali) (DGPN)")
		if len(a.Acronyms) > 0 && !strings.HasSuffix(e.Name, ")") {
			e.Acronym = a.Acronyms[0]
		}
	}
	e.Mentions = append(e.Mentions, m)
	return e
}

// displayName names an agency; a body whose name many states share gets its
// country: "Ministère de l'Intérieur (Tunisie)".
func (x *Extractor) displayName(a *gazetteer.Agency) string {
	if f := x.agencyFolds[a]; f != nil {
		return f.display // made once; articles name the same bodies over and over
	}
	return x.makeDisplayName(a)
}

func (x *Extractor) makeDisplayName(a *gazetteer.Agency) string {
	name := a.Name(x.lang)
	if a.Country != "" && (a.Synthetic && a.Generic || x.nameShared(name)) {
		if c := x.g.Country(a.Country); c != nil && !strings.Contains(name, "(") && !namesCountry(Fold(name), c, x.lang) {
			name += " (" + c.Name(x.lang) + ")"
		}
	}
	return name
}

// sharedNames counts, per gazetteer and language, the agencies of each
// folded name: a name two bodies bear gets its country on pages, a name
// one body bears needs none.
var sharedNames sync.Map // sharedKey → map[string]int

type sharedKey struct {
	g    *gazetteer.Gazetteer
	lang string
}

func (x *Extractor) nameShared(name string) bool {
	k := sharedKey{x.g, x.lang}
	v, ok := sharedNames.Load(k)
	if !ok {
		m := map[string]int{}
		for _, a := range x.g.Agencies {
			m[Fold(a.Name(x.lang))]++
		}
		v, _ = sharedNames.LoadOrStore(k, m)
	}
	return v.(map[string]int)[Fold(name)] > 1
}

// namesCountry tells whether a folded name already says its country, by
// name or demonym ("Défense belge", "Police nationale du Mali").
func namesCountry(name string, c *gazetteer.Country, lang string) bool {
	if containsWords(name, Fold(c.Name(lang))) || containsWords(name, Fold(c.FR)) || containsWords(name, Fold(c.EN)) {
		return true
	}
	for _, d := range c.DemonymsFR {
		for _, f := range FrenchInflections(d) {
			if containsWords(name, Fold(f)) {
				return true
			}
		}
	}
	for _, d := range c.DemonymsEN {
		if containsWords(name, Fold(d)) {
			return true
		}
	}
	return false
}

// resolveAgency reads a dictionary match that names one or more agencies.
func (s *state) resolveAgency(m *match, ts []target) {
	written := s.surface(m.start, m.end)
	if a, ok := s.learned[written]; ok {
		s.addAgency(a, m.start, m.end)
		return
	}
	if s.definedOther[written] {
		return
	}
	// "police nationale du Mali", "la Sûreté nationale marocaine", "the
	// Turkish National Police": a country right after or before decides.
	cc, end := s.qualifierAfter(m.end)
	start := m.start
	// "la Polizia di Stato italienne": a demonym after a name describes
	// the body without being part of its name ("du Mali" is)
	if cc != "" && end > m.end && !s.toks[m.end].is(wConnectors) {
		end = m.end
	}
	if cc == "" && (len(ts) > 1 || ts[0].flags&generic != 0) {
		cc, start = s.countryBefore(m.start)
		end = m.end
	}
	if cc != "" {
		var chosen *gazetteer.Agency
		for _, t := range ts {
			if t.country == cc {
				chosen = s.x.g.Agency(t.id)
				break
			}
		}
		// a name many states share, or a descriptive one ("Conseil national
		// de sécurité" + "du Niger"): that country's body of the name
		if chosen == nil && (ts[0].flags&generic != 0 || ts[0].flags&exactCase == 0 && end > m.end && descriptiveName(s.surface(m.start, m.end))) {
			chosen = s.x.nationalBody(ts[0].id, cc)
		}
		if chosen != nil {
			s.addAgency(chosen, start, end)
			return
		}
	}
	amb := true
	for _, t := range ts {
		if t.flags&ambiguous == 0 {
			amb = false
		}
	}
	shared := len(ts) > 1 || ts[0].flags&generic != 0
	t, ok := s.best(ts, func(t target) string { return t.country }, false)
	if !ok {
		return
	}
	// "Police nationale du Mali" as one name: the name holds its country.
	if shared && s.countryEvidence[t.country] == 0 {
		for _, c := range ts {
			if c.country != "" && s.spanNamesCountry(m.start, m.end, c.country) {
				t, shared = c, false
				break
			}
		}
	}
	if shared && s.countryEvidence[t.country] == 0 {
		// No country of the article owns this name: an international body
		// of that name if there is one; else it says too little to tag.
		found := false
		for _, c := range ts {
			if c.country == "" {
				t, found = c, true
				break
			}
		}
		if !found {
			return
		}
	}
	a := s.x.g.Agency(t.id)
	if a == nil {
		return
	}
	// A national body named by a descriptive name ("Direction du
	// renseignement et de la sécurité") in an article that never speaks of
	// its country is some other state's body of the same description.
	if a.Country != "" && t.flags&exactCase == 0 && s.countryEvidence[a.Country] == 0 && descriptive(a, s.surface(m.start, m.end)) &&
		!s.spanNamesCountry(m.start, m.end, a.Country) {
		return
	}
	if amb && s.acronymInContext(m.start) {
		amb = false
	}

	if amb {
		s.pendingAmbiguous = append(s.pendingAmbiguous, pendingAgency{agency: a, start: m.start, end: m.end})
		return
	}
	s.addAgency(a, m.start, m.end)
}

// descriptive tells whether a name is made of common words headed by a
// word such as "Direction" or "Service", rather than a proper name
// ("Guardia Civil", "Scotland Yard").
func descriptive(a *gazetteer.Agency, written string) bool {
	return descriptiveName(written)
}

func descriptiveName(written string) bool {
	f := strings.Fields(Fold(written))
	return len(f) > 0 && bodyHeads[f[0]] && !properBodyWords[f[0]]
}

// acronymInContext: an ambiguous acronym reads as the body after a
// determiner ("l'UA", "the UN", "les FAR") or before a capitalised title
// ("UN Secretary-General"), outside a heading in capitals.
func (s *state) acronymInContext(i int) bool {
	prev, next := i-1, i+1
	if prev >= 0 && s.toks[prev].Word && s.toks[prev].Caps || next < len(s.toks) && s.toks[next].Word && s.toks[next].Caps {
		return false // a heading in capitals
	}
	if prev >= 0 && !s.toks[i].Break && s.toks[prev].Word && s.toks[prev].is(wDeterminers) {
		return true
	}
	return next < len(s.toks) && !s.toks[next].Break && s.toks[next].Word && s.toks[next].Cap && s.toks[next].Join != 0
}

// spanNamesCountry tells whether tokens [start,end) name country cc.
func (s *state) spanNamesCountry(start, end int, cc string) bool {
	for k := start; k < end; k++ {
		m, ok := s.x.dict.matchAt(s.text, s.toks[:end], k)
		if !ok {
			continue
		}
		for _, t := range m.targets {
			if (t.kind == KindCountry || t.kind == KindDemonym) && t.id == cc || t.kind == KindPlace && t.country == cc {
				return true
			}
		}
	}
	return false
}

type pendingAgency struct {
	agency     *gazetteer.Agency
	start, end int
}

// settleAmbiguous keeps the mentions of ambiguous acronyms ("UA", "FAR")
// whose agency the article otherwise names, or whose country it speaks of.
func (s *state) settleAmbiguous() {
	for _, p := range s.pendingAmbiguous {
		if s.has(KindAgency, p.agency.ID) || (p.agency.Country != "" && s.countryEvidence[p.agency.Country] > 0) {
			s.addAgency(p.agency, p.start, p.end)
		}
	}
}
