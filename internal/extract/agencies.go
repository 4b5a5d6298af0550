package extract

import (
	"strings"

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
		if len(a.Acronyms) > 0 {
			e.Acronym = a.Acronyms[0]
		}
	}
	e.Mentions = append(e.Mentions, m)
	return e
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
		if chosen == nil && ts[0].flags&generic != 0 {
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

// qualifierAfter reads a country right after token end: "du Mali",
// "de la Côte d'Ivoire", "malienne". It returns the country and the end of
// the qualifier.
func (s *state) qualifierAfter(end int) (string, int) {
	if end >= len(s.toks) || s.toks[end].Break {
		return "", end
	}
	k := end
	if s.toks[k].is(wConnectors) && s.toks[k].Word {
		k++
		if k < len(s.toks) && (s.toks[k].Fold == "la" || s.toks[k].Fold == "l" || s.toks[k].Fold == "the") {
			k++
		}
		if cc, e := s.countryAt(k, false); cc != "" {
			return cc, e
		}
		return "", end
	}
	if cc, e := s.countryAt(k, true); cc != "" {
		return cc, e
	}
	return "", end
}

// countryAt reads a country at token k: a name or a place (or, when
// adjectiveOnly, a demonym adjective only).
func (s *state) countryAt(k int, adjectiveOnly bool) (string, int) {
	if k >= len(s.toks) || k < 0 || s.toks[k].Break && k > 0 {
		return "", k
	}
	mi := s.cover[k]
	if mi < 0 || s.matches[mi].start != k {
		return "", k
	}
	m := s.matches[mi]
	for _, t := range m.targets {
		switch {
		case t.kind == KindDemonym && adjectiveOnly:
			return t.id, m.end
		case (t.kind == KindCountry || t.kind == KindDemonym) && !adjectiveOnly:
			return t.id, m.end
		case t.kind == KindPlace && !adjectiveOnly:
			return t.country, m.end
		}
	}
	return "", k
}

// countryBefore reads a demonym or a country right before token start:
// "Italian Interior Minister", "US Navy", "Tunisia's foreign minister". The
// new start takes in a demonym or a name used as an adjective, not a
// possessive: "Spain's" is a noun phrase of its own.
func (s *state) countryBefore(start int) (string, int) {
	k := start - 1
	if k < 0 || s.toks[start].Break {
		return "", start
	}
	possessive := false
	if s.toks[k].Fold == "s" && s.toks[k].Join == '\'' && k > 0 {
		k--
		possessive = true
	}
	mi := s.cover[k]
	if mi < 0 || s.matches[mi].end != k+1 {
		return "", start
	}
	m := s.matches[mi]
	for _, t := range m.targets {
		switch t.kind {
		case KindDemonym, KindCountry:
			if possessive {
				return t.id, start
			}
			return t.id, m.start
		}
	}
	return "", start
}

func (s *state) matchKind(i int) Kind {
	if s.cover[i] < 0 {
		return 255
	}
	for _, t := range s.matches[s.cover[i]].targets {
		if t.kind == KindAgency {
			return KindAgency
		}
	}
	return s.matches[s.cover[i]].targets[0].kind
}

// ministriesFromTitles reads the ministries that ministers' titles name:
// "le ministre tunisien de l'Intérieur", "Interior Minister", "the
// Tunisian foreign minister", "le ministère égyptien de l'Intérieur".
func (s *state) ministriesFromTitles() {
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if !t.Word || !t.is(wMinistry) {
			continue
		}
		var portfolio, cc string
		start, end := i, i+1
		switch t.Fold {
		case "ministre", "ministere", "ministres":
			// ministre [demonym] (de l'|des|de la|du) PORTFOLIO [demonym] [du/de Country]
			k := i + 1
			if c, e := s.countryAt(k, true); c != "" {
				cc, k = c, e
			}
			for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Break && (s.toks[k].is(wConnectors) || s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
				k++
			}
			p, n := s.portfolioAt(k)
			if p == "" {
				continue
			}
			portfolio, end = p, k+n
			end = s.titleContinues(end)
			if c, e := s.qualifierAfter(end); c != "" && cc == "" {
				cc, end = c, e
			}
		case "minister", "ministry":
			// [Country's|demonym] [deputy] PORTFOLIO minister | minister of (the) PORTFOLIO
			k := i - 1
			if k >= 0 && s.toks[k].Word && !t.Break {
				if p, n := s.portfolioEndingAt(k); p != "" {
					portfolio, start = p, k-n+1
				}
			}
			if portfolio == "" && i+1 < len(s.toks) && s.toks[i+1].Fold == "of" {
				k = i + 2
				if k < len(s.toks) && s.toks[k].Fold == "the" {
					k++
				}
				if p, n := s.portfolioAt(k); p != "" {
					portfolio, end = p, k+n
				}
			}
			if portfolio == "" {
				continue
			}
			if start > 0 && (s.toks[start-1].Fold == "deputy" || s.toks[start-1].Fold == "vice") && !s.toks[start].Break {
				start--
			}
			if c, b := s.countryBefore(start); c != "" {
				cc, start = c, b
			}
			if c, e := s.qualifierAfter(end); c != "" && cc == "" {
				cc, end = c, e
			}
		case "garde":
			if i+2 < len(s.toks) && s.toks[i+1].Fold == "des" && s.toks[i+2].Fold == "sceaux" {
				portfolio, end, cc = "justice", i+3, "FR"
			} else {
				continue
			}
		default:
			continue
		}
		if cc == "" {
			cc = s.countryOfRoleAt(start)
		}
		if cc == "" {
			cc = s.dominantCountry()
		}
		if cc == "" {
			continue
		}
		if a := s.x.ministry(cc, portfolio); a != nil {
			s.addAgency(a, start, end)
		}
		i = end - 1
	}
}

// portfolioAt reads a portfolio at token k ("Intérieur", "Affaires
// étrangères"), longest first; n is its length in tokens.
func (s *state) portfolioAt(k int) (string, int) {
	if k >= len(s.toks) || !s.toks[k].is(wPortfolio) {
		return "", 0
	}
	var buf [64]byte
	for n := 5; n >= 1; n-- {
		if k+n > len(s.toks) {
			continue
		}
		key := buf[:0]
		ok := true
		for j, t := range s.toks[k : k+n] {
			if !t.Word || (t.Break && j > 0) {
				ok = false
				break
			}
			if j > 0 {
				key = append(key, ' ')
			}
			key = append(key, t.Fold...)
		}
		if !ok {
			continue
		}
		if p, found := portfolios[string(key)]; found {
			first := s.toks[k].Fold
			if p == "interior" && n == 1 && first == "securite" {
				continue // "sécurité" alone is no portfolio
			}
			if p == "foreign" && first == "cooperation" {
				continue
			}
			return p, n
		}
	}
	return "", 0
}

// portfolioEndingAt reads a portfolio whose last token is k ("Interior" in
// "Interior Minister", "Foreign Affairs" in "Foreign Affairs Minister").
func (s *state) portfolioEndingAt(k int) (string, int) {
	for n := 3; n >= 1; n-- {
		j := k - n + 1
		if j < 0 {
			continue
		}
		if p, m := s.portfolioAt(j); p != "" && m == n {
			return p, n
		}
	}
	return "", 0
}

// countryOfRoleAt is the country of the person whose role holds token k.
func (s *state) countryOfRoleAt(k int) string {
	for _, p := range s.people {
		for _, r := range p.roleSpans {
			if k >= r[0] && k < r[1] && p.country != "" {
				return p.country
			}
		}
	}
	return ""
}

// dominantCountry is the article's country when one clearly leads.
func (s *state) dominantCountry() string {
	first, second := "", 0
	firstN := 0
	for cc, n := range s.countryEvidence {
		switch {
		case n > firstN || n == firstN && cc < first:
			second = firstN
			first, firstN = cc, n
		case n > second:
			second = n
		}
	}
	if firstN >= 2 && firstN >= 2*second {
		return first
	}
	return ""
}

// ministry finds or makes a country's ministry of a portfolio.
func (x *Extractor) ministry(cc, portfolio string) *gazetteer.Agency {
	var best *gazetteer.Agency
	for _, a := range x.agenciesByCountry[cc] {
		if a.Kind != "ministry" {
			continue
		}
		names := x.agencyFolds[a].blob
		for _, w := range portfolioNames[portfolio] {
			if strings.Contains(names, w) {
				if best == nil || len(a.NameFR) < len(best.NameFR) {
					best = a
				}
				break
			}
		}
	}
	if best != nil {
		return best
	}
	c := x.g.Country(cc)
	if c == nil {
		return nil
	}
	a := x.synthetic(portfolioFR[portfolio], portfolioEN[portfolio], "ministry", cc)
	a.ID = "ministere-" + map[string]string{"interior": "interieur", "foreign": "affaires-etrangeres", "justice": "justice", "defence": "defense"}[portfolio] + "-" + strings.ToLower(cc)
	return a
}

// descriptive tells whether a name is made of common words headed by a
// word such as "Direction" or "Service", rather than a proper name
// ("Guardia Civil", "Scotland Yard").
func descriptive(a *gazetteer.Agency, written string) bool {
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

// titleContinues extends a ministry's title over the portfolios joined to
// it: "des Affaires étrangères, du Commonwealth et du Développement".
func (s *state) titleContinues(end int) int {
	for end+2 < len(s.toks) {
		t := s.toks[end]
		if !(t.Fold == "," || t.Fold == "et" || t.Fold == "and") || s.toks[end+1].Break {
			break
		}
		k := end + 1
		for k < len(s.toks) && s.toks[k].Word && (s.toks[k].is(wConnectors) || s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
			k++
		}
		if k == end+1 || k >= len(s.toks) || !s.toks[k].Word || !s.toks[k].Cap || s.toks[k].Break {
			break
		}
		k++
		for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Break && s.toks[k].Fold != "et" && s.toks[k].Fold != "and" && !s.isBreaker(s.toks[k]) {
			k++
		}
		end = k
	}
	return end
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
