// Themes: their trigger phrases, read in a trie of their own (buildThemes
// in dict.go), apart from the entities, which they neither need nor change.
// A trigger that is a word of an agency's name ("Centre africain d'études
// et de recherche sur le terrorisme") does not make the theme: the article
// names the body, it need not discuss its subject.

package extract

// findThemes reads the themes' trigger phrases. An exclusion phrase that
// covers a trigger ("formation politique") hides it, and so does an agency
// span that holds it (the agency passes ran before).
func (s *state) findThemes() {
	for i := 0; i < len(s.toks); {
		var first *node
		if id := s.toks[i].lex; id >= 0 {
			first = s.x.lex.entries[id].theme
		}
		m, ok := s.x.themes.matchFrom(s.text, s.toks, i, first)
		if !ok {
			i++
			continue
		}
		excluded := s.insideAgencyName(m.start, m.end)
		for _, t := range m.targets {
			if t.flags&isExcluded != 0 {
				excluded = true
			}
		}
		if !excluded {
			seen := map[string]bool{}
			for _, t := range m.targets {
				if !seen[t.id] {
					seen[t.id] = true
					e := s.entity(KindTheme, t.id)
					e.Mentions = append(e.Mentions, s.mention(m.start, m.end))
				}
			}
		}
		i = m.end
	}
}

// insideAgencyName: tokens [start,end) lie within an agency's name and are
// not the whole of it. A trigger that is the name itself ("Frontex",
// "GIABA") is listed because the body stands for the theme; a word inside
// a longer name ("Office des Nations unies contre la drogue et le crime")
// is not.
func (s *state) insideAgencyName(start, end int) bool {
	for _, sp := range s.agencySpans {
		if sp.start <= start && end <= sp.end && (sp.start != start || sp.end != end) {
			return true
		}
	}
	return false
}
