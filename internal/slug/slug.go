// Package slug makes URL segments and accent-free keys from text.
package slug

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// ligatures are letters that decomposition does not split into ASCII.
var ligatures = strings.NewReplacer(
	"œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE", "ß", "ss", "ø", "o", "Ø", "O",
	"ł", "l", "Ł", "L", "đ", "d", "Đ", "D", "ð", "d", "þ", "th", "ı", "i",
)

// stripAccents decomposes, drops combining marks and recomposes. A chain
// holds state, so each use takes one from the pool.
var stripAccents = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Fold removes accents: "Sûreté" → "Surete". It keeps case and every
// character that is not a combining mark.
func Fold(s string) string {
	s = ligatures.Replace(s)
	if isASCII(s) {
		return s
	}
	t := stripAccents.Get().(transform.Transformer)
	defer stripAccents.Put(t)
	t.Reset()
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Make makes a URL segment of s: ASCII-folded, lower case, words joined
// by hyphens. "Sûreté nationale" → "surete-nationale".
func Make(s string) string {
	s = strings.ToLower(Fold(s))
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	return b.String()
}
