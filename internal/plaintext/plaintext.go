// Package plaintext reads the text of an article from its Markdown: the
// title, the summary and the body's text nodes, joined with blank lines
// between blocks, each piece mapped back to its place in its field, so that
// a mention found in the text can be linked where it is written. The load
// stage makes it once; the enrich stage reads it.
package plaintext

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Field is the part of an article a piece of text comes from.
type Field uint8

const (
	FieldTitle Field = iota
	FieldSummary
	FieldBody
)

func (f Field) String() string {
	return [...]string{"title", "summary", "body"}[f]
}

// Location is a byte range of the title, of the summary, or of the Markdown
// source of the body.
type Location struct {
	Field      Field
	Start, End int
}

// Doc is the plain text of an article: title, summary and the body's text
// blocks, separated by blank lines so that no phrase runs from one block
// into the next.
type Doc struct {
	Text  string
	spans []span
}

// span maps Text[start:end] to a byte range of a field.
type span struct {
	start, end int
	field      Field
	src        int
}

// BlockSep separates blocks; readers treat it as a hard boundary.
const BlockSep = "\n\n"

// plainParser reads bodies without typography, so every text node is a
// slice of the source and offsets are exact. CommonMark and bare links are
// enough: a table's cells or a footnote's marks read as text and
// punctuation, but a URL ("www.interpol.int") must not read as words.
var plainParser = goldmark.New(goldmark.WithExtensions(extension.Linkify)).Parser()

// Body is the text of a Markdown body, before the title and summary join it.
type Body struct {
	text  string
	spans []span
	// Lead is the first paragraph, white space collapsed: the default summary.
	Lead string
}

// ParseBody reads a body's text nodes.
func ParseBody(body []byte) *Body {
	var b, lead strings.Builder
	b.Grow(len(body) + 32)
	out := &Body{spans: make([]span, 0, 64)}
	root := plainParser.Parse(text.NewReader(body))
	inLead, leadDone := false, false
	write := func(p []byte) {
		b.Write(p)
		if inLead {
			lead.Write(p)
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*ast.Paragraph); ok && !entering && inLead {
			inLead, leadDone = false, true
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			if b.Len() > 0 {
				b.WriteString(BlockSep)
			}
			if _, ok := x.(*ast.Paragraph); ok && !leadDone && !inLead {
				inLead = true
			}
		case *ast.AutoLink:
			// a URL is no text to read entities in, but the lead shows it
			if inLead {
				lead.Write(x.Label(body))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := x.Segment
			if seg.Stop > seg.Start {
				start := b.Len()
				write(body[seg.Start:seg.Stop])
				out.spans = append(out.spans, span{start: start, end: b.Len(), field: FieldBody, src: seg.Start})
			}
			if x.SoftLineBreak() || x.HardLineBreak() {
				write([]byte{' '})
			}
		case *ast.String:
			write(x.Value)
		}
		return ast.WalkContinue, nil
	})
	out.text = b.String()
	out.Lead = collapseSpace(lead.String())
	return out
}

// New assembles the text of an article. The summary is left out when it
// only repeats the body's first paragraph (pass "").
func New(title, summary string, body *Body) *Doc {
	d := &Doc{spans: make([]span, 0, len(body.spans)+2)}
	var b strings.Builder
	b.Grow(len(title) + len(summary) + len(body.text) + 8)
	add := func(s string, field Field) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString(BlockSep)
		}
		start := b.Len()
		b.WriteString(s)
		d.spans = append(d.spans, span{start: start, end: b.Len(), field: field, src: 0})
	}
	add(title, FieldTitle)
	add(summary, FieldSummary)
	if body.text != "" {
		if b.Len() > 0 {
			b.WriteString(BlockSep)
		}
		shift := b.Len()
		b.WriteString(body.text)
		for _, s := range body.spans {
			s.start += shift
			s.end += shift
			d.spans = append(d.spans, s)
		}
	}
	d.Text = b.String()
	return d
}

// Locate maps a range of Text back to its field. A range that spans two
// source pieces (an emphasised word inside a name) maps from the start of
// the first to the end of the last.
func (d *Doc) Locate(start, end int) Location {
	i := d.spanAt(start)
	if i < 0 {
		return Location{}
	}
	s := d.spans[i]
	loc := Location{Field: s.field, Start: s.src + start - s.start}
	j := d.spanAt(end - 1)
	if j < 0 || d.spans[j].field != s.field {
		j = i
	}
	e := d.spans[j]
	loc.End = e.src + min(end, e.end) - e.start
	return loc
}

func (d *Doc) spanAt(pos int) int {
	lo, hi := 0, len(d.spans)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case pos < d.spans[m].start:
			hi = m
		case pos >= d.spans[m].end:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// collapseSpace joins lines and runs of ASCII white space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
