// Tokens: the text split into words and punctuation, each word looked up
// once in the extractor's lexicon, in buffers reused from one article to
// the next.

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
	flags wordFlag
	lex   int32 // index in the extractor's lexicon, -1 for none
}

// Tokenize splits text into words and punctuation. Hyphens and apostrophes
// between letters join words rather than standing as tokens, so that
// "Guinée-Bissau" and "Guinée Bissau", "l'Algérie" and "l’Algérie" read alike.
func Tokenize(text string) []Token {
	var sc scratch
	return sc.tokenize(text, nil)
}

// lexicon is what an extractor knows of words, by index: tokens hold the
// index, not pointers, so the token buffers give the garbage collector
// nothing to trace.
type lexicon struct {
	index   map[string]int32 // while building
	entries []lexEntry
	// an open-addressing table by hash, frozen: a look-up costs a probe or
	// two in a flat array, with the word's hash made while folding it
	slots []lexSlot
	mask  uint64
	// firsts are, by entry, the trie nodes of the phrases that start with
	// the word (0 for none), apart from the entries: the phrase passes read
	// them for every token, and 8 bytes an entry stay in cache
	firsts []lexFirsts
}

type lexFirsts struct{ ent, theme int32 }

type lexSlot struct {
	hash  uint64
	id    int32    // entry index + 1; 0 for an empty slot
	n     int32    // the word's length
	flags wordFlag // the entry's, so that a token's look-up reads one slot
}

// freeze builds the hash table from the entries.
func (l *lexicon) freeze() {
	size := 16
	for size < 2*len(l.entries) {
		size <<= 1
	}
	l.slots, l.mask = make([]lexSlot, size), uint64(size-1)
	for id, e := range l.entries {
		h := wordHash(e.word)
		i := h & l.mask
		for l.slots[i].id != 0 {
			i = (i + 1) & l.mask
		}
		l.slots[i] = lexSlot{hash: h, id: int32(id + 1), n: int32(len(e.word)), flags: e.flags}
	}
}

// find looks a word up by its 64-bit hash and length, without reading the
// word back: among the few thousand words of a lexicon and those of an
// article, two with one hash and one length would take a one-in-10^14 chance.
func (l *lexicon) find(h uint64, n int) (int32, wordFlag, bool) {
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := &l.slots[i]
		if s.id == 0 {
			return -1, 0, false
		}
		if s.hash == h && int(s.n) == n {
			return s.id - 1, s.flags, true
		}
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHash is FNV-1a of a folded word.
func wordHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= fnvPrime
	}
	return h
}

// lexEntry is what an extractor knows of a word: its lists (where the
// phrases that start with it begin is in lexicon.firsts).
type lexEntry struct {
	word  string
	flags wordFlag
}

// scratch holds the buffers of a tokenization, reused from one article to
// the next: an extraction allocates little, so the garbage collector has
// little to do.
type scratch struct {
	toks   []Token
	folded []byte
	spans  []foldSpan
	// the extraction's per-token arrays and matches
	cover    []int
	consumed []bool
	matches  []match
	// rules' working lists, which never reach the result
	agencySpans     []agencySpan
	officialMatches []officialMatch
	pending         []pendingAgency
	inNames         []bool         // tokens in people's names
	inPlaceNames    []bool         // the same, for places
	countryAt       []string       // nationality.go: the country a mention starting at a token names
	inAgency        []bool         // nationality.go: tokens inside an agency's name
	evidence        map[string]int // state.countryEvidence
}

// foldSpan is a token's key in the folded buffer.
type foldSpan struct{ start, end int32 }

// grow returns b resized to n elements, all zero, reusing its array.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	b = b[:n]
	clear(b)
	return b
}

func (sc *scratch) tokenize(text string, lex *lexicon) []Token {
	toks := sc.toks[:0]
	// Folded keys go to one buffer, made a string once: a token's key is a
	// slice of it, not an allocation of its own.
	folded := sc.folded[:0]
	spans := sc.spans[:0]
	defer func() { sc.folded, sc.spans = folded[:0], spans[:0] }()
	join := byte(0)
	brk := true
	newlines := 0
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			start := i
			fstart := len(folded)
			h := uint64(fnvOffset)
			letters, upper := 0, 0
			first := true
			capital := false
			for i < len(text) {
				c := text[i]
				if c < utf8.RuneSelf {
					// ASCII, the common case, without decoding or tables
					switch {
					case 'a' <= c && c <= 'z':
						letters++
					case 'A' <= c && c <= 'Z':
						letters++
						upper++
						if first {
							capital = true
						}
						c += 'a' - 'A'
					case '0' <= c && c <= '9':
					default:
						goto done
					}
					folded = append(folded, c)
					h = (h ^ uint64(c)) * fnvPrime
					i++
					first = false
					continue
				}
				r, size = utf8.DecodeRuneInString(text[i:])
				cl := classOf(r)
				if cl&classWord == 0 {
					break
				}
				if cl&classLetter != 0 {
					letters++
					if cl&classUpper != 0 {
						upper++
						if first {
							capital = true
						}
					}
				}
				n := len(folded)
				folded = foldRune(folded, r)
				for _, b := range folded[n:] {
					h = (h ^ uint64(b)) * fnvPrime
				}
				i += size
				first = false
			}
		done:
			spans = append(spans, foldSpan{int32(fstart), int32(len(folded))})
			// the lexicon by the hash just made and the key's length: the
			// key itself is a string only once the text is folded
			lexID, flags := int32(-1), wordFlag(0)
			if lex != nil {
				if id, f, ok := lex.find(h, len(folded)-fstart); ok {
					lexID, flags = id, f
				}
			}
			toks = append(toks, Token{Start: start, End: i, Word: true,
				Cap: capital, Caps: letters >= 2 && upper == letters, Join: join, Break: brk,
				lex: lexID, flags: flags})
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
			fstart := len(folded)
			folded = utf8.AppendRune(folded, r)
			spans = append(spans, foldSpan{int32(fstart), int32(len(folded))})
			toks = append(toks, Token{Start: i, End: i + size, Join: join, Break: brk, lex: -1})
			join, brk, newlines = 0, false, 0
		}
		i += size
	}
	keys := string(folded)
	sc.toks = toks
	for k := range toks {
		toks[k].Fold = keys[spans[k].start:spans[k].end]
		if lex == nil && toks[k].Word {
			toks[k].flags = wordFlags[toks[k].Fold]
		}
	}
	return toks
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}
