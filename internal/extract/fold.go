// Folding: the lower-case, accent-free keys on which the text, the
// gazetteer and the word lists meet.

package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Folding maps a word to its lower-case, accent-free key: "Sûreté" →
// "surete". The table is computed once with x/text's decomposition, so the
// hot loop is a lookup per rune.
const foldTableSize = 0x2000

var (
	foldTable  [foldTableSize]string
	stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
)

func init() {
	special := map[rune]string{
		'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ø': "o", 'Ø': "o",
		'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'İ': "i",
	}
	for r := rune(0); r < foldTableSize; r++ {
		if s, ok := special[r]; ok {
			foldTable[r] = s
			continue
		}
		lower := unicode.ToLower(r)
		s, _, err := transform.String(stripMarks, string(lower))
		if err != nil || s == "" {
			s = string(lower)
		}
		foldTable[r] = s
	}
}

// foldRune appends the folded form of r to b.
func foldRune(b []byte, r rune) []byte {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if r < foldTableSize {
		return append(b, foldTable[r]...)
	}
	if unicode.Is(unicode.Mn, r) {
		return b // a combining mark left by non-normalised input
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// Fold is the matching key of a string: lower case, no accents, words
// separated by one space; apostrophes and hyphens count as separators.
func Fold(s string) string {
	var buf [64]byte // most names fit: one allocation, the string
	return string(appendFold(buf[:0], s))
}

// appendFold appends the folded form of s to b.
func appendFold(b []byte, s string) []byte {
	space := false
	for _, r := range s {
		if isWordRune(r) {
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = foldRune(b, r)
		} else {
			space = true
		}
	}
	return b
}

// runeClass caches, for the runes of the fold table, whether a rune is part
// of words and whether it is an upper-case letter.
var runeClass [foldTableSize]uint8

const (
	classWord uint8 = 1 << iota
	classLetter
	classUpper
)

func init() {
	for r := rune(0); r < foldTableSize; r++ {
		runeClass[r] = computeClass(r)
	}
}

func classOf(r rune) uint8 {
	if r >= 0 && r < foldTableSize {
		return runeClass[r]
	}
	return computeClass(r)
}

func computeClass(r rune) uint8 {
	var c uint8
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		c |= classWord
	}
	if unicode.IsLetter(r) {
		c |= classLetter
	}
	if unicode.IsUpper(r) {
		c |= classUpper
	}
	return c
}

func isWordRune(r rune) bool { return classOf(r)&classWord != 0 }

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == '´'
}

func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '‒'
}

// normalize puts text in NFC, so that "e" + combining acute folds like "é".
func normalize(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// allCaps tells whether a word has two or more letters, all upper case.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
