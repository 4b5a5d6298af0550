package extract

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word or a punctuation mark of a Doc.
type Token struct {
	Start, End int    // byte range in Doc.Text
	Fold       string // folded key ("surete"); the mark itself for punctuation
	Word       bool
	Cap        bool // starts with an upper-case letter
	Caps       bool // two or more letters, all upper case
	// Join is what separates the token from the previous one: ' ' for white
	// space, '-' for a hyphen, '\'' for an apostrophe (an elision, "l'Algérie"),
	// 0 for nothing ("M.Koné": the dot and the name touch).
	Join byte
	// Break is true for the first token of a block.
	Break bool
}

// Tokenize splits text into words and punctuation. Hyphens and apostrophes
// between letters join words rather than standing as tokens, so that
// "Guinée-Bissau" and "Guinée Bissau", "l'Algérie" and "l’Algérie" read alike.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	var buf []byte
	join := byte(0)
	brk := true
	newlines := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			start := i
			buf = buf[:0]
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				buf = foldRune(buf, r)
				i += size
			}
			word := text[start:i]
			toks = append(toks, Token{Start: start, End: i, Fold: string(buf), Word: true,
				Cap: capitalized(word), Caps: allCaps(word), Join: join, Break: brk})
			join, brk, newlines = 0, false, 0
			continue
		case r == '\n':
			newlines++
			if newlines >= 2 {
				brk = true
			}
			join = ' '
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			join = ' '
		case (isHyphen(r) || isApostrophe(r)) && len(toks) > 0 && toks[len(toks)-1].Word &&
			toks[len(toks)-1].End == i && i+size < len(text) && startsWord(text[i+size:]):
			// Inside a word: a joiner, not a token.
			if isHyphen(r) {
				join = '-'
			} else {
				join = '\''
			}
		case r == utf8.RuneError && size == 1:
			join = ' ' // invalid UTF-8 separates words and is otherwise ignored
		default:
			toks = append(toks, Token{Start: i, End: i + size, Fold: string(r), Join: join, Break: brk})
			join, brk, newlines = 0, false, 0
		}
		i += size
	}
	return toks
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}
