package markdown

import (
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Link asks for the source bytes [Start,End) of a body to become a link.
type Link struct {
	Start, End int
	URL        string
	Title      string
}

var linksKey = parser.NewContextKey()

// entityLinks is a goldmark extension that makes links of the byte ranges
// given in the parser context: the first mention of each entity becomes a
// link to its page. It works on the AST, so it never cuts into markup, and
// runs before the French spacing rewrites text nodes.
var entityLinks goldmark.Extender = linker{}

type linker struct{}

func (linker) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100)))
}

type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	links, _ := pc.Get(linksKey).([]Link)
	if len(links) == 0 {
		return
	}
	sort.Slice(links, func(i, j int) bool { return links[i].Start < links[j].Start })
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock,
			ast.KindHTMLBlock, ast.KindRawHTML, ast.KindHeading, ast.KindImage:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			if t := n.(*ast.Text); !t.IsRaw() {
				texts = append(texts, t)
			}
		}
		return ast.WalkContinue, nil
	})
	// texts are in source order; walk both lists together
	ti := 0
	for _, l := range links {
		for ti < len(texts) && texts[ti].Segment.Stop <= l.Start {
			ti++
		}
		if ti == len(texts) {
			break
		}
		t := texts[ti]
		seg := t.Segment
		if l.Start < seg.Start || l.End > seg.Stop || l.End <= l.Start {
			continue // the mention crosses markup: it is not linked
		}
		parent := t.Parent()
		before := ast.NewTextSegment(text.NewSegment(seg.Start, l.Start))
		inside := ast.NewTextSegment(text.NewSegment(l.Start, l.End))
		after := ast.NewTextSegment(text.NewSegment(l.End, seg.Stop))
		after.SetSoftLineBreak(t.SoftLineBreak())
		after.SetHardLineBreak(t.HardLineBreak())
		link := ast.NewLink()
		link.Destination = []byte(l.URL)
		link.Title = []byte(l.Title)
		link.AppendChild(link, inside)
		if l.Start > seg.Start {
			parent.InsertBefore(parent, t, before)
		}
		parent.InsertBefore(parent, t, link)
		if l.End < seg.Stop || t.SoftLineBreak() || t.HardLineBreak() {
			parent.InsertBefore(parent, t, after)
			texts[ti] = after // later links may fall in what follows
		} else {
			ti++
		}
		parent.RemoveChild(parent, t)
	}
}

// ParseLinked reads a body like Parse, making links of the given ranges.
func (c *Converter) ParseLinked(lang string, src []byte, links []Link) *Document {
	md := c.engine(lang)
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	ctx.Set(linksKey, links)
	return &Document{Root: md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx)), Source: src, md: md}
}
