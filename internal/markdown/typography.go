package markdown

import (
	"strings"

	"github.com/yuin/goldmark/extension"
)

// The typography of each convention lives here alone: goldmark's
// typographer reads it for bodies, render.Typography for plain text
// (titles, summaries). Characters, not entities: plain text reads them too.

// IsFrench tells whether a language tag follows French typography.
func IsFrench(lang string) bool { return lang == "fr" || strings.HasPrefix(lang, "fr-") }

// Quotes are the double quotes that straight ones become: guillemets with
// narrow no-break spaces inside in French, English quotes elsewhere.
func Quotes(french bool) (open, close string) {
	if french {
		return "«" + narrowNbsp, narrowNbsp + "»"
	}
	return "“", "”"
}

// substitutions are goldmark's typographic substitutions of a convention.
func substitutions(french bool) map[extension.TypographicPunctuation]string {
	open, close := Quotes(french)
	return map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  open,
		extension.RightDoubleQuote: close,
		extension.LeftAngleQuote:   "«",
		extension.RightAngleQuote:  "»",
		extension.Apostrophe:       "’",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: "’",
	}
}
