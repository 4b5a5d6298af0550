// Spellings of one person's name: "Abdellatif Hammouchi" and "Abdelatif
// Hammouchi" meet under one key, and transliterations (Mahmut, Mahmoud)
// within one edit of its consonants. News spells Arabic and African names
// in many ways; an article's mentions and the gazetteer's official must meet.

package extract

import (
	"bytes"

	"digest/internal/gazetteer"
	"digest/internal/textdist"
)

// PersonKey is the key under which spellings of one name meet: folded,
// without Al-/El-, "Abd el" joined, Bin read as Ben, doubled letters
// collapsed. "Abdellatif Hammouchi" and "Abdelatif Hammouchi" share it, and
// so do "Al-Raisi" and "Al Raisi".
func PersonKey(name string) string {
	var fb, kb [64]byte // most names fit: one allocation, the key
	folded := appendFold(fb[:0], name)
	key := kb[:0]
	for rest := folded; len(rest) > 0; {
		var w []byte
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			w, rest = rest, nil
		}
		next := rest
		if i := bytes.IndexByte(next, ' '); i >= 0 {
			next = next[:i]
		}
		switch sw := string(w); { // string(w) in a switch does not allocate
		case honorifics[sw]:
			continue
		case (sw == "al" || sw == "el") && len(next) > 0:
			continue
		case sw == "bin" || sw == "ibn":
			w = []byte("ben")
		case sw == "abd" && (string(next) == "el" || string(next) == "al"):
			w = []byte("abdel")
			rest = rest[len(next):]
			if len(rest) > 0 {
				rest = rest[1:]
			}
		}
		key = append(key, w...)
	}
	return string(collapseDoubles(key))
}

// collapseDoubles removes, in place, a byte that repeats the one before.
func collapseDoubles(s []byte) []byte {
	out := s[:0]
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// skeleton is a key without vowels: transliterations of one name
// (Mahmut/Mahmoud, Koumane/Koman) differ mostly in vowels.
func skeleton(key string) string {
	var buf [64]byte
	out := buf[:0]
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h':
			continue
		}
		out = append(out, key[i])
	}
	return string(collapseDoubles(out))
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
	// the deletions of sk, as deletions makes them, in a buffer: a map
	// look-up by string(bytes) does not allocate
	var buf [64]byte
	for i := range sk {
		d := append(append(buf[:0], sk[:i]...), sk[i+1:]...)
		out = append(out, ix.exact[string(d)]...)
		out = append(out, ix.deleted[string(d)]...)
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
