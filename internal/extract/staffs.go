// General staffs: "l'état-major général des armées mauritaniennes",
// "l'état-major général des FAR". A country's staff is named by a head
// phrase and its country or its forces; the rule makes the body and
// consumes the tokens, so that the forces named ("FAR") are not read as a
// body of their own.

package extract

import (
	"strings"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// staffHeads name a general staff: "l'état-major général des armées
// mauritaniennes", "l'état-major général des FAR".
var staffHeads = [][]string{
	{"etat", "major", "general", "des", "armees"}, {"etat", "major", "general", "des", "forces", "armees"},
	{"etat", "major", "des", "armees"}, {"etat", "major", "general"}, {"etat", "major", "de", "l", "armee"},
	{"general", "staff", "of", "the", "armed", "forces"}, {"general", "staff"}, {"etat", "major"},
}

// staffOrdinals number a staff's bureaus: "le deuxième bureau de
// l'état-major des FAR" (French staffs number theirs, the second being
// intelligence).
var staffOrdinals = set("premier", "1er", "deuxieme", "2e", "2eme", "troisieme", "3e", "3eme", "quatrieme", "4e",
	"4eme", "cinquieme", "5e", "5eme", "sixieme", "6e", "6eme", "second")

// staffBureau finds the start of "deuxième bureau de l'" before the staff
// at token i, or -1.
func (s *state) staffBureau(i int) int {
	k := i - 1
	if k >= 0 && (s.toks[k].Fold == "l" || s.toks[k].Fold == "la") {
		k--
	}
	if k < 2 || s.toks[k].Fold != "de" && s.toks[k].Fold != "du" || s.toks[k-1].Fold != "bureau" || !staffOrdinals[s.toks[k-2].Fold] {
		return -1
	}
	for j := k - 2; j < i; j++ {
		if s.toks[j+1].Break || !s.toks[j].Word {
			return -1
		}
	}
	return k - 2
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
		// "le deuxième bureau de l'état-major des FAR": the bureau, named
		// as the text names it
		if b := s.staffBureau(i); b >= 0 {
			name := upperFirst(s.surface(b, qend))
			a := &gazetteer.Agency{ID: slug.Make(name) + "-" + strings.ToLower(cc), NameFR: name, NameEN: name,
				Country: cc, Kind: "military", Synthetic: true}
			s.addAgency(a, b, qend)
			s.consume(b, qend)
			i = qend - 1
			continue
		}
		// "les chefs d'état-major des FAMa": the chiefs of the forces named
		if n == 2 && i > 1 && s.toks[i-1].Fold == "d" && (s.toks[i-2].Fold == "chef" || s.toks[i-2].Fold == "chefs") {
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
