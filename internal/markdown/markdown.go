// Package markdown turns article bodies into HTML with goldmark: GFM,
// footnotes, heading ids, links to the pages of the entities a body names
// (links.go), and typography in the article's language (typography.go,
// french.go). Plain text for extraction is the plaintext package's job.
package markdown

import (
	"bytes"
	"io"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"

	"digest/internal/slug"
)

// Options configure the converter.
type Options struct {
	// Unsafe keeps raw HTML from the Markdown; otherwise it is dropped, and
	// so are links with dangerous schemes (javascript:, vbscript:, data:).
	Unsafe bool
	// Root is the site's root as seen from the pages bodies are shown on
	// ("../../" for articles/slug/), and BasePath the path of baseURL
	// ("/digest/"): root-relative links and images are rebased with them
	// (rootlinks.go). With Root empty, they are left as written.
	Root, BasePath string
}

// Converter holds one goldmark instance per typographic convention. It is
// safe for concurrent use.
type Converter struct {
	french, other goldmark.Markdown
}

// New builds a converter.
func New(opts Options) *Converter {
	return &Converter{
		french: build(opts, true),
		other:  build(opts, false),
	}
}

func build(opts Options, french bool) goldmark.Markdown {
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, entityLinks}
	if opts.Root != "" {
		base := opts.BasePath
		if base == "" {
			base = "/"
		}
		exts = append(exts, rootLinks{root: opts.Root, basePath: base})
	}
	exts = append(exts, extension.NewTypographer(extension.WithTypographicSubstitutions(substitutions(french))))
	if french {
		exts = append(exts, FrenchSpacing)
	}
	rendererOpts := []goldmark.Option{}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)...)
}

func (c *Converter) engine(lang string) goldmark.Markdown {
	if IsFrench(lang) {
		return c.french
	}
	return c.other
}

// Document is a parsed body: its AST and the source it points into.
type Document struct {
	Root   ast.Node
	Source []byte
	md     goldmark.Markdown
}

// Parse reads a body in the typographic convention of lang.
func (c *Converter) Parse(lang string, src []byte) *Document {
	return c.ParseLinked(lang, src, nil)
}

// HTML renders the document.
func (d *Document) HTML() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.RenderTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderTo renders the document into w.
func (d *Document) RenderTo(w io.Writer) error {
	return d.md.Renderer().Render(w, d.Source, d.Root)
}

// headingIDs makes heading ids readable in URLs: ASCII-folded like slugs
// ("À l'Assemblée" → "a-l-assemblee"), where goldmark's default drops
// accented letters; repeats get -1, -2.
type headingIDs struct {
	seen map[string]bool
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }
