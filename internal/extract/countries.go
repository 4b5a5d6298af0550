// Countries: the article's direct evidence for each, which decides between
// ambiguous readings; the readings that make a country or place name
// something else (a river, a strait, a first name, part of a person's
// name); the country written next to a phrase, or leading the article, that
// the rules of bodies and titles read; and the countries that agencies and
// officials imply.

package extract

// countDirectEvidence counts the unambiguous mentions of each country.
func (s *state) countDirectEvidence() {
	for _, m := range s.matches {
		if countriesOf(m.targets) > 1 {
			continue
		}
		for _, t := range m.targets {
			if t.flags&ambiguous != 0 {
				continue
			}
			switch t.kind {
			case KindCountry, KindDemonym:
				s.countryEvidence[t.id]++
			case KindPlace:
				s.countryEvidence[t.country]++
			}
		}
	}
}

// countryNamed is the country a target names: a country's or demonym's
// own, a place's country; "" for other kinds.
func (t target) countryNamed() string {
	switch t.kind {
	case KindCountry, KindDemonym:
		return t.id
	case KindPlace:
		return t.country
	}
	return ""
}

// countriesOf counts the distinct countries targets name (0, 1 or more).
func countriesOf(ts []target) int {
	first := ""
	for _, t := range ts {
		cc := t.countryNamed()
		switch {
		case cc == "":
		case first == "":
			first = cc
		case cc != first:
			return 2
		}
	}
	if first == "" {
		return 0
	}
	return 1
}

// best picks, among targets, the one whose country the article supports
// most; ties go to data order. ok is false when none has support and the
// reading needs it.
func (s *state) best(ts []target, country func(target) string, needSupport bool) (target, bool) {
	bestI, bestN := -1, 0
	for i, t := range ts {
		if n := s.countryEvidence[country(t)]; n > bestN {
			bestI, bestN = i, n
		}
	}
	if bestI >= 0 {
		return ts[bestI], true
	}
	if needSupport || len(ts) == 0 {
		return target{}, false
	}
	return ts[0], true
}

// ambiguousCountryRejected applies the rules that make an ambiguous country
// name mean something else: a river ("the Niger river", "fleuve Niger"), or
// a first name ("Chad Smith").
func (s *state) ambiguousCountryRejected(m *match) bool {
	prev := s.prevWord(m.start)
	next := s.nextWord(m.end - 1)
	if prev >= 0 && s.toks[prev].is(wRiverWords) {
		return true
	}
	if next >= 0 && s.toks[next].is(wRiverWords) {
		return true
	}
	return s.personFollows(m.end)
}

// personFollows: "Maurice Kamto", "Jordan Bardella": a place or country name
// directly followed by a capitalised word that is no entity is a first name.
func (s *state) personFollows(end int) bool {
	if end >= len(s.toks) {
		return false
	}
	t := s.toks[end]
	return t.Word && t.Cap && !t.Caps && t.Join == ' ' && s.cover[end] < 0 && !t.is(wStopCap) && !t.is(wRoleHeads)
}

// geographicFeature: "le détroit de Gibraltar", "the Strait of Hormuz",
// "le lac Tchad" name a strait or a lake, not the country or the city.
func (s *state) geographicFeature(start int) bool {
	k := start - 1
	for k >= 0 && k >= start-3 && s.toks[k].Word && !s.toks[k+1].Break && (s.toks[k].is(wConnectors) || s.toks[k].Fold == "the" || s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
		k--
	}
	return k >= 0 && k < start && s.toks[k].Word && !s.toks[k+1].Break && geoFeatures[s.toks[k].Fold]
}

// prevWord is the index of the word token before i in the same block, or -1.
func (s *state) prevWord(i int) int {
	if i <= 0 || s.toks[i].Break {
		return -1
	}
	if s.toks[i-1].Word {
		return i - 1
	}
	return -1
}

// nextWord is the index of the word token after i in the same block, or -1.
func (s *state) nextWord(i int) int {
	if i+1 >= len(s.toks) || s.toks[i+1].Break || !s.toks[i+1].Word {
		return -1
	}
	return i + 1
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

// dropPlacesInNames drops the countries and places read inside a person's
// name: "Mohamed Al Kuwaiti" names no Kuwait.
func (s *state) dropPlacesInNames() {
	s.sc.inPlaceNames = s.markNames(s.sc.inPlaceNames)
	inName := s.sc.inPlaceNames
	for _, kind := range []Kind{KindCountry, KindPlace, KindRegion} {
		for _, e := range s.ents[kind] {
			kept := e.Mentions[:0]
			for _, m := range e.Mentions {
				if m.tokens[1] > m.tokens[0] && inName[m.tokens[0]] {
					continue
				}
				kept = append(kept, m)
			}
			e.Mentions = kept
		}
	}
}

// impliedCountries adds the countries of national agencies and officials.
func (s *state) impliedCountries() {
	for _, kind := range []Kind{KindAgency, KindOfficial} {
		for _, e := range s.ents[kind] {
			if e.Country == "" || len(e.Mentions) == 0 {
				continue
			}
			c := s.entity(KindCountry, e.Country)
			if len(c.Mentions) == 0 {
				c.Mentions = append(c.Mentions, e.Mentions[0])
			}
		}
	}
}
