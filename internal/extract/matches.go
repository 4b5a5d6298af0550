// The gazetteer's phrases: found longest first (findMatches), then read as
// countries, places, regions, agencies and officials (resolveMatches). The
// rules of the other files read these matches, or take tokens from them.

package extract

func (s *state) findMatches() {
	for i := range s.cover {
		s.cover[i] = -1
	}
	for i := 0; i < len(s.toks); {
		first := int32(0)
		if id := s.toks[i].lex; id >= 0 {
			first = s.x.lex.firsts[id].ent
		}
		if !s.x.dict.mayStart(&s.toks[i], first) {
			i++
			continue
		}
		m, ok := s.x.dict.matchFrom(s.text, s.toks, i, first)
		if !ok {
			i++
			continue
		}
		for k := m.start; k < m.end; k++ {
			s.cover[k] = len(s.matches)
		}
		s.matches = append(s.matches, m)
		i = m.end
	}
}

// resolveMatches turns dictionary matches into entities, choosing between
// readings with the article's evidence.
func (s *state) resolveMatches() {
	for mi := range s.matches {
		m := &s.matches[mi]
		if s.consumed[m.start] {
			// read by a rule as part of a longer name; a place inside still
			// places the article
			s.placesInside(m)
			continue
		}
		// Targets are sorted by kind (Dict.freeze), so each kind's targets
		// are a run of them: sub-slices, no copies.
		var byKind [KindTheme + 1][]target
		for a := 0; a < len(m.targets); {
			k := readingKind(m.targets[a].kind)
			b := a + 1
			for b < len(m.targets) && readingKind(m.targets[b].kind) == k {
				b++
			}
			byKind[k] = m.targets[a:b]
			a = b
		}
		// A person's name wins over a place of the same spelling; an agency
		// over a country inside its name (longest match did that already).
		if ts := byKind[KindOfficial]; len(ts) > 0 {
			t := ts[0]
			if t.flags&isVariant != 0 && len(ts) > 1 {
				continue // a variant shared by two people decides nothing
			}
			if o := s.x.g.Official(t.id); o != nil {
				s.officialMatches = append(s.officialMatches, officialMatch{o: o, start: m.start, end: m.end})
			}
			continue
		}
		if ts := byKind[KindAgency]; len(ts) > 0 {
			s.resolveAgency(m, ts)
			continue
		}
		mention := s.mention(m.start, m.end)
		if ts := byKind[KindCountry]; len(ts) > 0 {
			amb := len(ts) > 1 || ts[0].flags&ambiguous != 0
			if amb && s.ambiguousCountryRejected(m) || s.geographicFeature(m.start) {
				continue
			}
			// an ambiguous adjective ("Central African": the country, or
			// the region) reads as the country only if the article names it
			if amb && len(ts) == 1 && ts[0].kind == KindDemonym && s.countryEvidence[ts[0].id] == 0 {
				continue
			}
			t, ok := s.best(ts, func(t target) string { return t.id }, countriesOf(ts) > 1)
			if !ok {
				continue
			}
			e := s.entity(KindCountry, t.id)
			e.Mentions = append(e.Mentions, mention)
			continue
		}
		if ts := byKind[KindPlace]; len(ts) > 0 {
			amb := len(ts) > 1 || ts[0].flags&ambiguous != 0
			t, ok := s.best(ts, func(t target) string { return t.country }, amb)
			if !ok {
				continue
			}
			if s.personFollows(m.end) || s.geographicFeature(m.start) {
				continue
			}
			e := s.entity(KindPlace, t.id)
			e.Country = t.country
			e.Mentions = append(e.Mentions, mention)
			c := s.entity(KindCountry, t.country)
			c.Mentions = append(c.Mentions, mention)
			continue
		}
		if ts := byKind[KindRegion]; len(ts) > 0 {
			e := s.entity(KindRegion, ts[0].id)
			e.Mentions = append(e.Mentions, mention)
		}
	}
}

// readingKind is the kind an entity of a target's kind is recorded under:
// a demonym names a country, an adjective a region.
func readingKind(k Kind) Kind {
	switch k {
	case KindDemonym:
		return KindCountry
	case KindRegionAdj:
		return KindRegion
	}
	return k
}

// placesInside counts the countries a consumed match names.
func (s *state) placesInside(m *match) {
	for _, t := range m.targets {
		cc := t.countryNamed()
		if cc != "" && t.flags&ambiguous == 0 {
			e := s.entity(KindCountry, cc)
			e.Mentions = append(e.Mentions, s.mention(m.start, m.end))
			return
		}
	}
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
