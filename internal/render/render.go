// Package render turns pages into HTML with html/template.
//
// Templates come from two layers: the defaults embedded in the binary and the
// site's templates/ folder, whose files replace the defaults of the same
// name. baseof.html is the layout; it defines blocks that each page template
// (index.html, article.html, 404.html) fills; partials/*.html are shared by all.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"digest/internal/config"
)

// Page kinds, one template each.
const (
	KindHome     = "home"
	KindArticle  = "article"
	KindNotFound = "404"
	KindAlias    = "alias"
	KindEntity   = "entity"  // a country, region, agency, official or theme
	KindList     = "list"    // all entities of a kind
	KindArchive  = "archive" // the archive, or a month of it
	KindSearch   = "search"
)

var kindTemplate = map[string]string{
	KindHome:     "index.html",
	KindArticle:  "article.html",
	KindNotFound: "404.html",
	KindAlias:    "alias.html",
	KindEntity:   "entity.html",
	KindList:     "list.html",
	KindArchive:  "archive.html",
	KindSearch:   "search.html",
}

// standalone templates do not use the layout.
var standalone = map[string]bool{"alias.html": true}

// Renderer executes the site's templates. It is safe for concurrent use.
type Renderer struct {
	site      *Site
	templates map[string]*template.Template // by page kind
	strings   Strings
	shown     map[string]string // template name → file as shown in messages
	// base holds the layout and partials; cards caches article cards, which
	// list pages show again and again, by article and by the page's way
	// back to the site root (the only thing that changes their HTML).
	base  *template.Template
	cards sync.Map // cardKey → template.HTML
}

type cardKey struct {
	article *Article
	root    string
}

// Card renders partials/article-card.html for an article on a page, once
// per article and page depth.
func (r *Renderer) Card(p *Page, a *Article) (template.HTML, error) {
	key := cardKey{a, p.RelURL("")}
	if v, ok := r.cards.Load(key); ok {
		return v.(template.HTML), nil
	}
	t := r.base.Lookup("partials/article-card.html")
	if t == nil {
		return "", fmt.Errorf("templates: partials/article-card.html is missing")
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, map[string]any{"Page": p, "Article": a}); err != nil {
		return "", err
	}
	html := template.HTML(buf.String()) // made by html/template: escaped
	r.cards.Store(key, html)
	return html, nil
}

// Layer is one source of templates: a file system and the name it is shown
// under in messages ("templates" for the site's folder, "(built-in)" for the defaults).
type Layer struct {
	FS   fs.FS
	Name string
}

// New parses templates from layers, later layers overriding earlier ones,
// and loads the UI strings.
func New(cfg *config.Config, layers []Layer, strs Strings) (*Renderer, error) {
	files, err := collect(layers)
	if err != nil {
		return nil, err
	}
	r := &Renderer{site: newSite(cfg), templates: map[string]*template.Template{}, strings: strs, shown: map[string]string{}}
	for name, f := range files {
		r.shown[name] = f.shown
	}
	funcs := r.funcs()

	base := template.New("").Funcs(funcs)
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []string
	for _, name := range names {
		if name == "baseof.html" || strings.HasPrefix(name, "partials/") {
			if _, err := base.New(name).Parse(files[name].text); err != nil {
				errs = append(errs, templateError(err, files[name].shown))
			}
		}
	}
	r.base = base
	if _, ok := files["baseof.html"]; !ok {
		errs = append(errs, "templates: baseof.html is missing")
	}
	for kind, name := range kindTemplate {
		f, ok := files[name]
		if !ok {
			errs = append(errs, fmt.Sprintf("templates: %s is missing", name))
			continue
		}
		var t *template.Template
		if standalone[name] {
			t = template.New(name).Funcs(funcs)
		} else {
			t, err = base.Clone()
			if err != nil {
				return nil, err
			}
			t = t.New(name)
		}
		if _, err := t.Parse(f.text); err != nil {
			errs = append(errs, templateError(err, f.shown))
			continue
		}
		if !standalone[name] {
			t = t.Lookup("baseof.html")
		}
		r.templates[kind] = t
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return r, nil
}

type templateFile struct {
	text  string
	shown string // path shown in messages
}

// collect reads every .html file of every layer; a later layer's file
// replaces an earlier one of the same name.
func collect(layers []Layer) (map[string]templateFile, error) {
	files := map[string]templateFile{}
	for _, l := range layers {
		if l.FS == nil {
			continue
		}
		err := fs.WalkDir(l.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			b, err := fs.ReadFile(l.FS, p)
			if err != nil {
				return err
			}
			files[p] = templateFile{text: string(b), shown: path.Join(l.Name, p)}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
	}
	return files, nil
}

// templateError rewrites html/template's "template: name:line: msg" with
// the file's path as the editor knows it.
func templateError(err error, shown string) string {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if i := strings.Index(msg, ":"); i > 0 {
		return shown + msg[i:]
	}
	return shown + ": " + msg
}

// Render executes the template of the page's kind.
func (r *Renderer) Render(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.RenderTo(&buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RenderTo executes the template of the page's kind into buf, which a
// build reuses from page to page.
func (r *Renderer) RenderTo(buf *bytes.Buffer, p *Page) error {
	t, ok := r.templates[p.Kind]
	if !ok {
		return fmt.Errorf("no template for pages of kind %q", p.Kind)
	}
	p.Site = r.site
	p.strings = r.strings
	if err := t.Execute(buf, p); err != nil {
		msg := strings.TrimPrefix(err.Error(), "template: ")
		// name the file the template came from: "templates/article.html:2:5"
		if name, _, ok := strings.Cut(msg, ":"); ok && r.shown[name] != "" {
			msg = r.shown[name] + msg[len(name):]
		}
		return fmt.Errorf("page %s (template %s): %s", p.Path, r.shown[kindTemplate[p.Kind]], msg)
	}
	return nil
}

// Site returns the site-wide data templates see as .Site.
func (r *Renderer) Site() *Site { return r.site }
