package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// French typography puts a no-break space before the high punctuation and
// inside guillemets, so that "?" never starts a line. Following the
// Imprimerie nationale: a narrow no-break space before ; ! ? and inside « »,
// a full no-break space before :.
const (
	nbsp       = "\u00a0"
	narrowNbsp = "\u202f"
)

// FrenchSpacing is a goldmark extension that applies French spacing to text.
var FrenchSpacing goldmark.Extender = frenchSpacing{}

type frenchSpacing struct{}

func (frenchSpacing) Extend(m goldmark.Markdown) {
	// Transformers run in ascending priority: after the entity links (100).
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(frenchSpacingTransformer{}, 999)))
}

type frenchSpacingTransformer struct{}

func (frenchSpacingTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindAutoLink:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			if t := n.(*ast.Text); !t.IsRaw() && !t.HardLineBreak() {
				texts = append(texts, t)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		v := t.Segment.Value(src)
		// The punctuation may sit in the next node ("!" starts an inline
		// parse of its own) and « in the previous one: read across.
		prefix := edge(t.PreviousSibling(), src, false)
		if prefix != "«" {
			prefix = ""
		}
		suffix := edge(t.NextSibling(), src, true)
		if suffix == "" || !strings.Contains(";!?:»", suffix) {
			suffix = ""
		}
		if prefix == "" && suffix == "" && !needsFrenchSpacing(v) {
			continue
		}
		joined := FrenchSpaces([]byte(prefix + string(v) + suffix))
		out := joined[len(prefix) : len(joined)-len(suffix)]
		if bytes.Equal(out, v) {
			continue
		}
		if t.SoftLineBreak() {
			out = append(out, '\n')
		}
		t.Parent().ReplaceChild(t.Parent(), t, ast.NewString(out))
	}
}

// edge is the first (or last) character of a text-like sibling, or "".
func edge(n ast.Node, src []byte, first bool) string {
	var v []byte
	switch x := n.(type) {
	case *ast.Text:
		v = x.Segment.Value(src)
	case *ast.String:
		v = x.Value
	default:
		return ""
	}
	if len(v) == 0 {
		return ""
	}
	if first {
		r, size := utf8.DecodeRune(v)
		if r == utf8.RuneError {
			return ""
		}
		return string(v[:size])
	}
	r, size := utf8.DecodeLastRune(v)
	if r == utf8.RuneError {
		return ""
	}
	return string(v[len(v)-size:])
}

func needsFrenchSpacing(b []byte) bool {
	return bytes.ContainsAny(b, ":;!?«»")
}

// FrenchSpaces returns b with French spacing: a space (or none, for
// guillemets) before ; ! ? » becomes a narrow no-break space, before : a
// no-break space, and after « a narrow no-break space. Colons and marks
// written without a space are left alone: "10:30", "http://", "?!".
func FrenchSpaces(b []byte) []byte {
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == ' ' && i+1 < len(b) && (b[i+1] == ';' || b[i+1] == '!' || b[i+1] == '?'):
			out = append(out, narrowNbsp...)
		case c == ' ' && i+1 < len(b) && b[i+1] == ':':
			out = append(out, nbsp...)
		case bytes.HasPrefix(b[i:], []byte("«")):
			out = append(out, "«"+narrowNbsp...)
			i += len("«") - 1
			for i+1 < len(b) {
				if n := spaceLen(b[i+1:]); n > 0 {
					i += n
					continue
				}
				break
			}
		case bytes.HasPrefix(b[i:], []byte("»")):
			out = trimTrailingSpace(out)
			out = append(out, narrowNbsp+"»"...)
			i += len("»") - 1
		default:
			out = append(out, c)
		}
	}
	return out
}

// spaceLen is the length of the space (plain, no-break or narrow) b starts with.
func spaceLen(b []byte) int {
	switch {
	case len(b) > 0 && b[0] == ' ':
		return 1
	case bytes.HasPrefix(b, []byte(nbsp)):
		return len(nbsp)
	case bytes.HasPrefix(b, []byte(narrowNbsp)):
		return len(narrowNbsp)
	}
	return 0
}

func trimTrailingSpace(b []byte) []byte {
	for {
		switch {
		case bytes.HasSuffix(b, []byte(" ")):
			b = b[:len(b)-1]
		case bytes.HasSuffix(b, []byte(nbsp)):
			b = b[:len(b)-len(nbsp)]
		case bytes.HasSuffix(b, []byte(narrowNbsp)):
			b = b[:len(b)-len(narrowNbsp)]
		default:
			return b
		}
	}
}
