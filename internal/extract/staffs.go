// General staffs: "l'état-major général des armées mauritaniennes",
// "l'état-major général des FAR". A country's staff is named by a head
// phrase and its country or its forces; the rule makes the body and
// consumes the tokens, so that the forces named ("FAR") are not read as a
// body of their own.

package extract

import (
	"strings"

	"digest/internal/gazetteer"
)

// staffHeads name a general staff: "l'état-major général des armées
// mauritaniennes", "l'état-major général des FAR".
var staffHeads = [][]string{
	{"etat", "major", "general", "des", "armees"}, {"etat", "major", "general", "des", "forces", "armees"},
	{"etat", "major", "des", "armees"}, {"etat", "major", "general"}, {"etat", "major", "de", "l", "armee"},
	{"general", "staff", "of", "the", "armed", "forces"}, {"general", "staff"},
}

// generalStaffs reads a country's general staff, named with its country,
// its armed forces or in an article about one country.
func (s *state) generalStaffs() {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].is(wStaffHead) {
			continue
		}
		n := s.wordsAt(i, staffHeadIndex)
		if n == 0 {
			continue
		}
		end := i + n
		cc, qend := s.qualifierAfter(end)
		if cc == "" {
			// "des FAR": the armed forces named by their acronym
			if end+1 < len(s.toks) && (s.toks[end].Fold == "des" || s.toks[end].Fold == "de") {
				if mi := s.cover[end+1]; mi >= 0 {
					for _, t := range s.matches[mi].targets {
						if t.kind == KindAgency && t.country != "" {
							cc, qend = t.country, s.matches[mi].end
						}
					}
				}
			}
		}
		if cc == "" && n >= 4 {
			cc, qend = s.dominantCountry(), end
		}
		if cc == "" {
			continue
		}
		c := s.x.g.Country(cc)
		if c == nil {
			continue
		}
		a := &gazetteer.Agency{ID: "etat-major-general-des-armees-" + strings.ToLower(cc),
			NameFR: "État-major général des armées (" + c.Name("fr") + ")", NameEN: "General Staff of the Armed Forces (" + c.Name("en") + ")",
			Country: cc, Kind: "military", Synthetic: true}
		s.addAgency(a, i, qend)
		s.consume(i, qend)
		i = qend - 1
	}
}
