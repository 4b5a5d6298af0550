// Helpers more than one rule family uses: the word sequences that head a
// body's name, looked up at a token (city bodies, general staffs), the
// marking of the tokens such a rule reads whole, and the capital of the
// names rules make (acronyms, city bodies).

package extract

import (
	"unicode"
	"unicode/utf8"
)

// headIndex groups word sequences by their first word.
type headIndex map[string][][]string

func indexHeads(list [][]string) headIndex {
	ix := headIndex{}
	for _, words := range list {
		ix[words[0]] = append(ix[words[0]], words)
	}
	return ix
}

var (
	cityHeadIndex  = indexHeads(cityHeads)
	staffHeadIndex = indexHeads(staffHeads)
)

// wordsAt returns the length of the longest word sequence of the index at
// token i.
func (s *state) wordsAt(i int, ix headIndex) int {
	best := 0
	for _, words := range ix[s.toks[i].Fold] {
		if len(words) <= best || i+len(words) > len(s.toks) {
			continue
		}
		ok := true
		for j, w := range words {
			t := s.toks[i+j]
			if !t.Word || t.Fold != w || j > 0 && t.Break {
				ok = false
				break
			}
		}
		if ok {
			best = len(words)
		}
	}
	return best
}

func (s *state) consume(start, end int) {
	for k := start; k < end; k++ {
		s.consumed[k] = true
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
