package markdown

import (
	"bytes"

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
	// Run after the typographer's nodes exist: priority past the defaults.
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
			t := n.(*ast.Text)
			if !t.IsRaw() && !t.HardLineBreak() && needsFrenchSpacing(t.Segment.Value(src)) {
				texts = append(texts, t)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		v := FrenchSpaces(t.Segment.Value(src))
		if t.SoftLineBreak() {
			v = append(v, '\n')
		}
		s := ast.NewString(v)
		t.Parent().ReplaceChild(t.Parent(), t, s)
	}
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
