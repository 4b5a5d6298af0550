// Bodies named by their city: "la préfecture de police de Tanger", "the
// investigating court in Marbella". No gazetteer lists every city's courts
// and prefectures, so the rule makes the body from its head and its place,
// and consumes the tokens so that the dictionary's reading of a part
// ("Préfecture de police") yields.

package extract

import (
	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// cityHeads are bodies named by their city: "la préfecture de police de
// Tanger", "la Cour de cassation de Dubaï", "the investigating court in
// Marbella", "le bureau central national d'Interpol à Paris".
var cityHeads = [][]string{
	{"cour", "de", "cassation"}, {"cour", "d", "appel"}, {"cour", "supreme"}, {"tribunal", "de", "premiere", "instance"},
	{"tribunal", "correctionnel"}, {"tribunal", "militaire"}, {"tribunal"}, {"parquet"}, {"prefecture", "de", "police"},
	{"police"}, {"bureau", "central", "national"}, {"court"}, {"prosecutor", "s", "office"},
}

// cityBodies reads bodies named by their city; their tokens are consumed so
// that the dictionary's reading of a part ("Préfecture de police") yields.
func (s *state) cityBodies() {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].is(wCityHead) {
			continue
		}
		head := s.wordsAt(i, cityHeadIndex)
		if head == 0 {
			continue
		}
		k := i + head
		// "d'Interpol", "of Interpol"
		if k+1 < len(s.toks) && (s.toks[k].Fold == "d" || s.toks[k].Fold == "of" || s.toks[k].Fold == "de") && s.toks[k+1].Fold == "interpol" {
			k += 2
		}
		if k >= len(s.toks) || !s.toks[k].Word || s.toks[k].Break || !(s.toks[k].is(wConnectors) || s.toks[k].Fold == "a" || s.toks[k].Fold == "in") {
			continue
		}
		k++
		if k < len(s.toks) && (s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
			k++
		}
		place, cc, end := s.placeAt(k)
		if place == "" {
			continue
		}
		start := i
		// English adjectives before "court": "the investigating court"
		if s.toks[i].Fold == "court" {
			for start > 0 && start > i-2 && s.toks[start-1].Word && !s.toks[start-1].Cap && !s.toks[start-1].is(wDeterminers) && !s.toks[start].Break {
				start--
			}
		}
		name := upperFirst(s.surface(start, end))
		a := &gazetteer.Agency{ID: slug.Make(name), NameFR: name, NameEN: name, Country: cc, Kind: "other", Synthetic: true}
		s.addAgency(a, start, end)
		s.consume(start, end)
		i = end - 1
	}
}

// placeAt reads a city or place at token k.
func (s *state) placeAt(k int) (name, cc string, end int) {
	if k >= len(s.toks) || s.cover[k] < 0 || s.matches[s.cover[k]].start != k {
		return "", "", k
	}
	m := s.matches[s.cover[k]]
	for _, t := range m.targets {
		if t.kind == KindPlace && t.flags&ambiguous == 0 {
			return t.id, t.country, m.end
		}
	}
	return "", "", k
}
