// Acronyms the article defines in brackets after their long form. The
// article's own definition says what an acronym means here, whatever the
// gazetteer says: resolveAgency reads it before the gazetteer's.

package extract

import (
	"strings"
	"unicode/utf8"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// learnAcronyms reads acronyms the article defines: "la Direction générale
// de la sûreté nationale (DGSN)". A known body gets the acronym for this
// article; an unknown one headed by a word such as "Centre" or "Institut"
// becomes an agency.
func (s *state) learnAcronyms() {
	for p := 1; p+2 < len(s.toks); p++ {
		if s.toks[p].Fold != "(" || s.toks[p+2].Fold != ")" {
			continue
		}
		acr := s.toks[p+1]
		written := s.text[acr.Start:acr.End]
		if !acr.Word || !acr.Caps || utf8.RuneCountInString(written) > 10 {
			continue
		}
		start := s.longForm(p, acr.Fold)
		if start < 0 {
			continue
		}
		end := p
		long := s.surface(start, end)
		// a known body ending right before the bracket
		if mi := s.cover[end-1]; mi >= 0 && s.matches[mi].end == end && s.matches[mi].start == start {
			var ts []target
			for _, t := range s.matches[mi].targets {
				if t.kind == KindAgency {
					ts = append(ts, t)
				}
			}
			if t, ok := s.best(ts, func(t target) string { return t.country }, false); ok {
				if a := s.x.g.Agency(t.id); a != nil {
					s.learned[written] = a
				}
			}
			if s.learned[written] != nil {
				continue
			}
		}
		if !s.toks[start].is(wBodyHeads) {
			// defined as something that is no body ("Confédération
			// africaine de football (CAF)"): no gazetteer reading of it here
			s.definedOther[written] = true
			continue
		}
		cc := ""
		for k := start; k < end; k++ {
			if c, _ := s.countryAt(k, false); c != "" {
				cc = c
			}
		}
		if cc == "" {
			cc, _ = s.qualifierAfter(p + 3)
		}
		if cc == "" && !s.sharedBody(start, end) {
			// "the General Intelligence Department (GID)" in an article
			// about Jordan: a state's body, of the state the article is about
			cc = s.dominantCountry()
		}
		id := slug.Make(written)
		if cc != "" {
			id += "-" + strings.ToLower(cc)
		}
		a := &gazetteer.Agency{ID: id, NameFR: upperFirst(long), Acronyms: []string{written}, Country: cc, Synthetic: true}
		if s.x.lang == "en" {
			a.NameEN = a.NameFR
		}
		s.learned[written] = a
		s.addAgency(a, start, end)
	}
	if len(s.learned) == 0 {
		return
	}
	// Every use of a learnt acronym the dictionary did not read.
	for i, t := range s.toks {
		if !t.Word || !t.Caps || s.cover[i] >= 0 {
			continue
		}
		if a, ok := s.learned[s.text[t.Start:t.End]]; ok {
			s.addAgency(a, i, i+1)
		}
	}
}

// sharedWords mark a body that states share, not one state's: "Centre
// régional de…", "Joint Task Force".
var sharedWords = set("regional", "regionale", "regionaux", "interregional", "interregionale", "sous", "international",
	"internationale", "multinational", "multinationale", "conjoint", "conjointe", "joint", "commun", "commune",
	"africain", "africaine", "african", "continental", "continentale", "mondial", "mondiale", "global", "europeen",
	"europeenne", "european", "arabe", "arab", "islamique", "islamic", "union", "communaute", "community",
	"alliance", "coalition", "mixte", "combined", "interarmees", "integre", "integree", "integrated")

// sharedBody tells whether tokens [start,end) name a body states share.
func (s *state) sharedBody(start, end int) bool {
	for k := start; k < end; k++ {
		if sharedWords[s.toks[k].Fold] {
			return true
		}
	}
	return false
}

// longForm finds where the long form of acronym acr (folded) starts before
// the bracket at token p, or -1: the nearest start whose words' initials
// spell the acronym, or contain its letters in order from the first.
func (s *state) longForm(p int, acr string) int {
	best := -1
	for j := p - 1; j >= 0 && j >= p-16; j-- {
		t := s.toks[j]
		if !t.Word {
			break
		}
		if t.Cap && !t.is(wAcronymStop) && initialsMatch(s.toks[j:p], acr) {
			best = j
		}
		if t.Break {
			break
		}
	}
	return best
}

// initialsMatch: the significant words' initials spell acr exactly, or
// acr's letters appear in order in the words, every significant word giving
// its initial ("Centre régional de sécurité maritime…" → CRESMAO).
func initialsMatch(words []Token, acr string) bool {
	var sig []string
	for _, w := range words {
		if !w.Word {
			return false
		}
		if !w.is(wAcronymStop) {
			sig = append(sig, w.Fold)
		}
	}
	if len(sig) == 0 || len(sig) > len(acr) {
		return false
	}
	var spell func(wi, k int) bool
	spell = func(wi, k int) bool {
		if wi == len(sig) {
			return k == len(acr)
		}
		w := sig[wi]
		if k >= len(acr) || acr[k] != w[0] {
			return false
		}
		k++
		// then any number of the word's other letters, in order
		if spell(wi+1, k) {
			return true
		}
		for c := 1; c < len(w) && k < len(acr); c++ {
			if w[c] == acr[k] {
				k++
				if spell(wi+1, k) {
					return true
				}
			}
		}
		return false
	}
	return spell(0, 0)
}
