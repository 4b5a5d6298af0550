package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rootLinks rebases the root-relative links and images of a body ("/pays/sn/",
// "/img/x.png"), which an author writes meaning the site's root, onto the
// page: a site published under a sub-path (baseURL https://host/digest/)
// or opened from disk has its root elsewhere than the host's. A link that
// already starts with the base path ("/digest/pays/sn/") means the same.
type rootLinks struct {
	root     string // the site's root as seen from the page: "../../"
	basePath string // the path of baseURL: "/digest/"
}

func (r rootLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(r, 900)))
}

func (r rootLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = r.rebase(l.Destination)
		case *ast.Image:
			l.Destination = r.rebase(l.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// rebase is dest seen from the page, when it is root-relative.
func (r rootLinks) rebase(dest []byte) []byte {
	d := string(dest)
	if !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") {
		return dest // relative, absolute, or protocol-relative: as written
	}
	if r.basePath != "/" && strings.HasPrefix(d, r.basePath) {
		d = "/" + strings.TrimPrefix(d, r.basePath)
	}
	return []byte(r.root + strings.TrimPrefix(d, "/"))
}
