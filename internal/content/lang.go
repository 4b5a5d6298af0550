package content

import (
	"strings"
	"unicode"
)

// Words only one of the two languages uses often: what GuessLang counts.
// Short and frequent, so a paragraph holds several; none is a word of the
// other language (French "a" and "en", English "a" and "in" are left out).
var (
	frenchWords = set("le", "la", "les", "des", "du", "et", "une", "est", "dans", "pour", "sur", "avec", "qui", "que",
		"au", "aux", "par", "pas", "ce", "cette", "ces", "sont", "ont", "été", "lors", "entre", "leur", "leurs",
		"il", "elle", "ils", "selon", "mais", "ou", "plus", "son", "sa", "ses", "l", "d", "qu")
	englishWords = set("the", "of", "and", "to", "is", "for", "with", "that", "by", "was", "were", "from", "has",
		"have", "be", "are", "its", "this", "which", "will", "after", "their", "they", "he", "she", "said", "not", "but")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// guessWords is how many words GuessLang reads: the first paragraphs tell.
const guessWords = 400

// GuessLang is the language of text, "fr" or "en", by the words only one
// of them uses often; fallback when the text is too short to tell (fewer
// than three such words, or not twice as many of one language's).
func GuessLang(text, fallback string) string {
	fr, en, n := 0, 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		switch {
		case frenchWords[w]:
			fr++
		case englishWords[w]:
			en++
		}
		if n++; n == guessWords {
			break
		}
	}
	switch {
	case fr >= 3 && fr >= 2*en:
		return "fr"
	case en >= 3 && en >= 2*fr:
		return "en"
	}
	return fallback
}
