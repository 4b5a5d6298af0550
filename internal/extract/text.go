package extract

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Field is the part of an article a mention was read in.
type Field uint8

const (
	FieldTitle Field = iota
	FieldSummary
	FieldBody
)

func (f Field) String() string {
	return [...]string{"title", "summary", "body"}[f]
}

// Location is where a mention sits: a byte range of the title, of the
// summary, or of the Markdown source of the body (so that a renderer can
// link the mention in place).
type Location struct {
	Field      Field
	Start, End int
}

// Doc is the plain text of an article as the extractor reads it: title,
// summary and the body's text blocks, separated by blank lines so that no
// phrase runs from one block into the next.
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

// blockSep separates blocks; the tokenizer reads it as a hard boundary.
const blockSep = "\n\n"

// plainParser reads bodies without typography, so every text node is a
// slice of the source and offsets are exact. CommonMark alone is enough: a
// table's cells or a footnote's marks read as text and punctuation.
var plainParser = goldmark.DefaultParser()

// NewDoc assembles the text of an article. The summary is left out when it
// only repeats the body's first paragraph.
func NewDoc(title, summary string, body []byte) *Doc {
	d := &Doc{}
	var b strings.Builder
	b.Grow(len(title) + len(summary) + len(body) + 64)
	d.spans = make([]span, 0, 64)
	add := func(s []byte, field Field, src int) {
		if len(s) == 0 {
			return
		}
		start := b.Len()
		b.Write(s)
		d.spans = append(d.spans, span{start: start, end: b.Len(), field: field, src: src})
	}
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(blockSep)
		}
	}
	add([]byte(title), FieldTitle, 0)
	if summary != "" {
		sep()
		add([]byte(summary), FieldSummary, 0)
	}
	root := plainParser.Parse(text.NewReader(body))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			sep()
		case *ast.Text:
			seg := x.Segment
			add(body[seg.Start:seg.Stop], FieldBody, seg.Start)
			if x.SoftLineBreak() || x.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(x.Value)
		}
		return ast.WalkContinue, nil
	})
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
