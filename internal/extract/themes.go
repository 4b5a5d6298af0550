// Themes: their trigger phrases, read in a trie of their own (buildThemes
// in dict.go), apart from the entities, which they neither need nor change.

package extract

// findThemes reads the themes' trigger phrases. An exclusion phrase that
// covers a trigger ("formation politique") hides it.
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
		excluded := false
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
