// Spellings of one person's name: "Abdellatif Hammouchi" and "Abdelatif
// Hammouchi" meet under one key, and transliterations (Mahmut, Mahmoud)
// within one edit of its consonants. News spells Arabic and African names
// in many ways; an article's mentions and the gazetteer's official must meet.

package extract

import (
	"strings"

	"digest/internal/gazetteer"
	"digest/internal/textdist"
)

// PersonKey is the key under which spellings of one name meet: folded,
// without Al-/El-, "Abd el" joined, Bin read as Ben, doubled letters
// collapsed. "Abdellatif Hammouchi" and "Abdelatif Hammouchi" share it, and
// so do "Al-Raisi" and "Al Raisi".
func PersonKey(name string) string {
	words := strings.Fields(Fold(name))
	var b strings.Builder
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case honorifics[w]:
			continue
		case (w == "al" || w == "el") && i+1 < len(words):
			continue
		case w == "bin" || w == "ibn":
			w = "ben"
		case w == "abd" && i+1 < len(words) && (words[i+1] == "el" || words[i+1] == "al"):
			w = "abdel"
			i++
		}
		b.WriteString(w)
	}
	return collapseDoubles(b.String())
}

func collapseDoubles(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

// skeleton is a key without vowels: transliterations of one name
// (Mahmut/Mahmoud, Koumane/Koman) differ mostly in vowels.
func skeleton(key string) string {
	out := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h':
			continue
		}
		out = append(out, key[i])
	}
	return collapseDoubles(string(out))
}

// sameperson tells whether two keys are spellings of one name.
func sameperson(a, b string) bool {
	return samePersonSkel(a, skeleton(a), b, skeleton(b))
}

// samePersonSkel is sameperson with the keys' skeletons already made.
func samePersonSkel(a, sa, b, sb string) bool {
	if a == b {
		return true
	}
	if len(sa) < 6 || len(sb) < 6 || a == "" || b == "" || a[0] != b[0] {
		return false
	}
	return textdist.Levenshtein(sa, sb) <= 1
}

// skeletonIndex finds the gazetteer officials whose skeleton is within one
// edit of a given one, by the symmetric-delete method: an index of the
// skeletons and of their one-letter deletions, so a look-up costs a few
// map reads instead of a comparison with every official.
type skeletonIndex struct {
	exact, deleted map[string][]string // skeleton → official keys
}

func newSkeletonIndex(keys []string) *skeletonIndex {
	ix := &skeletonIndex{exact: map[string][]string{}, deleted: map[string][]string{}}
	for _, k := range keys {
		sk := skeleton(k)
		if len(sk) < 6 {
			continue
		}
		ix.exact[sk] = append(ix.exact[sk], k)
		for _, d := range deletions(sk) {
			ix.deleted[d] = append(ix.deleted[d], k)
		}
	}
	return ix
}

func deletions(s string) []string {
	out := make([]string, 0, len(s))
	for i := range s {
		out = append(out, s[:i]+s[i+1:])
	}
	return out
}

func (ix *skeletonIndex) candidates(key string) []string {
	sk := skeleton(key)
	if len(sk) < 6 {
		return nil
	}
	out := append(append([]string{}, ix.exact[sk]...), ix.deleted[sk]...)
	for _, d := range deletions(sk) {
		out = append(out, ix.exact[d]...)
		out = append(out, ix.deleted[d]...)
	}
	return out
}

// fuzzyOfficial finds a gazetteer official whose name is a near spelling.
func (x *Extractor) fuzzyOfficial(key string) *gazetteer.Official {
	if len(key) < 8 {
		return nil
	}
	var best *gazetteer.Official
	bestKey := ""
	for _, k := range x.skeletons.candidates(key) {
		if sameperson(k, key) && (best == nil || k < bestKey) {
			best, bestKey = x.officialKeys[k], k
		}
	}
	return best
}
