package content

import (
	"path"
	"regexp"
	"strings"
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

// Fold removes accents: "Sûreté" → "Surete". It keeps case and every
// character that is not a combining mark.
func Fold(s string) string {
	s = ligatures.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// Slugify makes a URL segment of s: ASCII-folded, lower case, words joined
// by hyphens. "Sûreté nationale" → "surete-nationale".
func Slugify(s string) string {
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

var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[-_]`)

// FileSlug is the default slug of an article: its file name without folder,
// extension and date prefix. "2025-11-25-mali-maroc.md" → "mali-maroc".
func FileSlug(file string) string {
	base := path.Base(file)
	base = strings.TrimSuffix(base, path.Ext(base))
	if s := Slugify(datePrefix.ReplaceAllString(base, "")); s != "" {
		return s
	}
	return Slugify(base)
}
