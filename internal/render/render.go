// Package render turns pages into HTML with html/template.
//
// Templates come from two layers: the defaults embedded in the binary and the
// site's templates/ folder, whose files replace the defaults of the same
// name. baseof.html is the layout; it defines blocks that each page template
// fills, one per kind of page (kindTemplate: index.html, article.html,
// entity.html, list.html, archive.html, search.html, 404.html); alias.html
// is a standalone redirect; partials/*.html are shared by all. Feeds and
// the sitemap are written without templates (feed.go).
package render

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
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
	KindEntity   = "entity"   // a country, region, agency, official or theme
	KindRelation = "relation" // a pair of countries
	KindList     = "list"     // all entities of a kind
	KindArchive  = "archive"  // the archive, or a month of it
	KindSearch   = "search"
)

var kindTemplate = map[string]string{
	KindHome:     "index.html",
	KindArticle:  "article.html",
	KindNotFound: "404.html",
	KindAlias:    "alias.html",
	KindEntity:   "entity.html",
	KindRelation: "relation.html",
	KindList:     "list.html",
	KindArchive:  "archive.html",
	KindSearch:   "search.html",
}

// standalone templates do not use the layout.
var standalone = map[string]bool{"alias.html": true}

// Renderer executes the site's templates. It is safe for concurrent use.
type Renderer struct {
	site *Site
	// templates are the masters of each page kind, never executed: each
	// worker executes clones from clones[kind], so workers do not contend
	// on one template set's lock.
	templates map[string]*template.Template
	clones    map[string]*sync.Pool
	strings   Strings
	shown     map[string]string // template name → file as shown in messages
	// base holds the layout and partials; cards caches article cards,
	// partials the output of partialCached.
	base    *template.Template
	sources uint64 // a hash of the templates and UI strings
	// shared is a hash of what every page kind renders with (the layout,
	// the partials, the UI strings); byKind adds each kind's template
	shared   uint64
	byKind   map[string]uint64
	cards    sync.Map // *Article → *card
	links    sync.Map // *Article → *card: its link in lists (ArticleLink)
	cardMu   sync.RWMutex
	cardList []*card // by number, the number in their marks
	store    CardStore
	partials sync.Map // partialKey → template.HTML
	chips    sync.Map // chipKey → template.HTML
}

type partialKey struct {
	name, variant string
}

// PartialCached renders a partial once for each list of variant values and
// reuses it: for parts of pages that vary with a few values only, like the
// navigation (by section and depth). The data must not vary beyond them.
func (r *Renderer) PartialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := partialKey{name, fmt.Sprint(variants...)}
	if v, ok := r.partials.Load(key); ok {
		return v.(template.HTML), nil
	}
	t := r.base.Lookup(name)
	if t == nil {
		return "", fmt.Errorf("partialCached: no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	v, _ := r.partials.LoadOrStore(key, template.HTML(buf.String())) // made by html/template: escaped
	return v.(template.HTML), nil
}

// Card renders partials/article-card.html for an article on a page. A
// card is rendered once per article, as seen from the site's root: list
// pages show the same cards again and again. What the template gets is a
// mark, "\x00card-N\x00", that RenderTo replaces, once the page is made,
// with the card's HTML, its relative links prefixed with the page's way back
// to the root: no copy of a card is made or kept for each depth (they were a
// tenth of a build's memory, and rebasing them for each page a tenth of its
// render before that).
func (r *Renderer) Card(p *Page, a *Article) (template.HTML, error) {
	v, ok := r.cards.Load(a)
	if !ok && r.store != nil {
		if html, found := r.store.LoadCard(a); found {
			v, ok = r.cards.LoadOrStore(a, r.newCard(html))
		}
	}
	if !ok {
		t := r.base.Lookup("partials/article-card.html")
		if t == nil {
			return "", fmt.Errorf("templates: partials/article-card.html is missing")
		}
		root := *p
		root.Kind, root.Path = KindHome, ""
		var buf bytes.Buffer
		if err := t.Execute(&buf, map[string]any{"Page": &root, "Article": a}); err != nil {
			return "", err
		}
		v, ok = r.cards.Load(a)
		if !ok {
			v, _ = r.cards.LoadOrStore(a, r.newCard(buf.String()))
		}
		if r.store != nil {
			r.store.StoreCard(a, v.(*card).root)
		}
	}
	return template.HTML(v.(*card).mark), nil // RenderTo puts the card, escaped by html/template, in its place
}

// ArticleLink renders partials/article-link.html, an article's link with
// its date, for a page: as a card is, once per article as seen from the
// root, put in place as the page is made. Every article page lists five
// related articles; each link ran a dozen template calls.
func (r *Renderer) ArticleLink(p *Page, a *Article) (template.HTML, error) {
	v, ok := r.links.Load(a)
	if !ok {
		t := r.base.Lookup("partials/article-link.html")
		if t == nil {
			return "", fmt.Errorf("templates: partials/article-link.html is missing")
		}
		root := *p
		root.Kind, root.Path = KindHome, ""
		var buf bytes.Buffer
		if err := t.Execute(&buf, map[string]any{"Page": &root, "Article": a}); err != nil {
			return "", err
		}
		v, ok = r.links.Load(a)
		if !ok {
			v, _ = r.links.LoadOrStore(a, r.newCard(buf.String()))
		}
	}
	return template.HTML(v.(*card).mark), nil // RenderTo puts it, escaped by html/template, in its place
}

// card is an article's card as seen from the root, and where its relative
// links start (where a page's prefix goes).
type card struct {
	root string
	cuts []int32
	mark string
}

// cardMark starts the mark of a card in a page being made: html/template
// writes a NUL of the data as U+FFFD, so no text or attribute makes one.
const cardMark = "\x00card-"

// newCard numbers a card made from html: its mark names it.
func (r *Renderer) newCard(html string) *card {
	c := &card{root: html, cuts: rebasePoints(html)}
	r.cardMu.Lock()
	c.mark = cardMark + strconv.Itoa(len(r.cardList)) + "\x00"
	r.cardList = append(r.cardList, c)
	r.cardMu.Unlock()
	return c
}

// writeTo writes the card as seen from a page whose way back to the root
// is prefix.
func (c *card) writeTo(buf *bytes.Buffer, prefix string) {
	if prefix == "" {
		buf.WriteString(c.root)
		return
	}
	prev := 0
	for _, cut := range c.cuts {
		buf.WriteString(c.root[prev:cut])
		buf.WriteString(prefix)
		prev = int(cut)
	}
	buf.WriteString(c.root[prev:])
}

// expandCards replaces the marks of cards in what a page wrote to buf
// from start with the cards, as seen from the page.
func (r *Renderer) expandCards(buf *bytes.Buffer, start int, p *Page) {
	i := bytes.Index(buf.Bytes()[start:], []byte(cardMark))
	if i < 0 {
		return
	}
	tp := tails.Get().(*[]byte)
	defer tails.Put(tp)
	tail := append((*tp)[:0], buf.Bytes()[start+i:]...)
	*tp = tail
	buf.Truncate(start + i)
	prefix := p.RelURL("")
	if prefix == "./" {
		prefix = "" // the root itself
	}
	r.cardMu.RLock()
	defer r.cardMu.RUnlock()
	for len(tail) > 0 {
		// tail starts with a mark: the card it names, or, if it names
		// none, the mark's first byte as it was
		n := len(cardMark)
		end := bytes.IndexByte(tail[n:], 0)
		id, err := strconv.Atoi(string(tail[n : n+max(end, 0)]))
		if end < 0 || err != nil || id < 0 || id >= len(r.cardList) {
			buf.WriteByte(tail[0])
			tail = tail[1:]
		} else {
			r.cardList[id].writeTo(buf, prefix)
			tail = tail[n+end+1:]
		}
		k := bytes.Index(tail, []byte(cardMark))
		if k < 0 {
			buf.Write(tail)
			return
		}
		buf.Write(tail[:k])
		tail = tail[k:]
	}
}

// tails are the buffers expandCards copies the rest of a page to.
var tails = sync.Pool{New: func() any { return new([]byte) }}

// Chip renders partials/chip.html, an entity's link, for a page. An
// entity's link is the same wherever it shows but for the way back to the
// root: it is rendered once per entity as seen from the root, rebased once
// per depth, and reused. Entity pages, article pages and lists show
// thousands of them, and executing the markup anew for each link was half
// of an entity page's time. The partial sees the link's Kind, ID, Name, URL
// and Flag: what varies from one list to another (a count, an official's
// role) stays in the list's own template.
func (r *Renderer) Chip(p *Page, l EntityLink) (template.HTML, error) {
	prefix := p.RelURL("")
	if prefix == "./" {
		prefix = "" // the root itself
	}
	key := chipKey{prefix, l.URL, l.Name, l.Flag}
	if v, ok := r.chips.Load(key); ok {
		return v.(template.HTML), nil
	}
	rootKey := key
	rootKey.prefix = ""
	root, ok := r.chips.Load(rootKey)
	if !ok {
		t := r.base.Lookup("partials/chip.html")
		if t == nil {
			return "", fmt.Errorf("templates: partials/chip.html is missing")
		}
		page := *p
		page.Kind, page.Path = KindHome, ""
		var buf bytes.Buffer
		link := EntityLink{Kind: l.Kind, ID: l.ID, Name: l.Name, URL: l.URL, Flag: l.Flag}
		if err := t.Execute(&buf, map[string]any{"Page": &page, "Link": link}); err != nil {
			return "", err
		}
		root, _ = r.chips.LoadOrStore(rootKey, template.HTML(buf.String())) // made by html/template: escaped
	}
	if prefix == "" {
		return root.(template.HTML), nil
	}
	v, _ := r.chips.LoadOrStore(key, template.HTML(Rebase(string(root.(template.HTML)), prefix)))
	return v.(template.HTML), nil
}

// chipKey is an entity's link as seen from a depth (prefix: "../../").
type chipKey struct{ prefix, url, name, flag string }

// CardStore keeps cards beyond one renderer: digest serve's rebuilds make
// a renderer each, and most cards do not change from one to the next.
type CardStore interface {
	// LoadCard returns the card of a, as seen from the site's root, if
	// one made from the same data and templates is kept.
	LoadCard(a *Article) (string, bool)
	StoreCard(a *Article, html string)
}

// UseCards makes the renderer look cards up in store before rendering them
// and keep there those it renders. Call it before rendering.
func (r *Renderer) UseCards(store CardStore) { r.store = store }

// Rebase prefixes the relative URLs of href and src attributes in html
// with prefix: HTML written as seen from the site's root, moved to a page
// whose way back to the root is prefix ("../../"). URLs with a scheme, a
// leading slash, or only a fragment or query are left as they are.
func Rebase(html, prefix string) string {
	if prefix == "" {
		return html
	}
	cuts := rebasePoints(html)
	if len(cuts) == 0 {
		return html
	}
	var b strings.Builder
	b.Grow(len(html) + len(cuts)*len(prefix))
	prev := 0
	for _, cut := range cuts {
		b.WriteString(html[prev:cut])
		b.WriteString(prefix)
		prev = int(cut)
	}
	b.WriteString(html[prev:])
	return b.String()
}

// rebasePoints are where relative URLs of href and src attributes start
// in html: where Rebase puts its prefix.
func rebasePoints(html string) []int32 {
	var cuts []int32
	rest, off := html, 0
	for {
		i, n := nextURLAttr(rest)
		if i < 0 {
			return cuts
		}
		quote := rest[i+n-1]
		rest = rest[i+n:]
		off += i + n
		if isRelative(rest, quote) {
			cuts = append(cuts, int32(off))
		}
	}
}

// nextURLAttr finds the next href= or src= attribute with a quoted value:
// where it starts and its length up to the value, opening quote included.
func nextURLAttr(s string) (int, int) {
	from := 0
	for {
		i := strings.Index(s[from:], "=")
		if i < 0 {
			return -1, 0
		}
		eq := from + i
		from = eq + 1
		if eq+1 >= len(s) || (s[eq+1] != '"' && s[eq+1] != '\'') {
			continue
		}
		for _, name := range []string{" href", " src", "\nhref", "\nsrc", "\thref", "\tsrc"} {
			if strings.HasSuffix(s[:eq], name) {
				return eq - len(name) + 1, len(name) + 1
			}
		}
	}
}

// isRelative tells whether the URL at the start of s, up to the closing
// quote, is relative to the page.
func isRelative(s string, quote byte) bool {
	end := strings.IndexByte(s, quote)
	if end < 0 {
		return false
	}
	u := s[:end]
	if u == "" || u[0] == '/' || u[0] == '#' || u[0] == '?' {
		return false
	}
	if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
		return false // a scheme: https:, mailto:
	}
	return true
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
	r := &Renderer{site: newSite(cfg), templates: map[string]*template.Template{}, clones: map[string]*sync.Pool{},
		strings: strs, shown: map[string]string{}}
	r.sources, r.shared, r.byKind = sourcesHash(files, strs)
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
				errs = append(errs, templateError(err, files[name].shown, files[name].text, funcs))
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
			errs = append(errs, templateError(err, f.shown, f.text, funcs))
			continue
		}
		if !standalone[name] {
			t = t.Lookup("baseof.html")
		}
		r.templates[kind] = t
		r.clones[kind] = &sync.Pool{New: func() any {
			c, err := t.Clone() // the master is never executed, so Clone cannot fail
			if err != nil {
				return err
			}
			return c
		}}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return r, nil
}

// Sources is a hash of the templates and UI strings the renderer was made
// from: two renderers with the same render pages alike.
func (r *Renderer) Sources() uint64 { return r.sources }

// SourcesOf is a hash of what pages of a kind are rendered with: their
// template, the layout, the partials and the UI strings. Editing the
// template of one kind changes only that kind's.
func (r *Renderer) SourcesOf(kind string) uint64 {
	if h, ok := r.byKind[kind]; ok {
		return h
	}
	return r.sources
}

// SharedSources is a hash of the layout, the partials and the UI strings:
// what article cards are rendered with.
func (r *Renderer) SharedSources() uint64 { return r.shared }

func sourcesHash(files map[string]templateFile, strs Strings) (all, shared uint64, byKind map[string]uint64) {
	pageFiles := map[string]bool{}
	for _, name := range kindTemplate {
		pageFiles[name] = true
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	hash := func(keep func(name string) bool) uint64 {
		h := fnv.New64a()
		for _, name := range names {
			if keep(name) {
				fmt.Fprintf(h, "%s\x00%d\x00%s\x00", name, len(files[name].text), files[name].text)
			}
		}
		fmt.Fprint(h, strs) // fmt prints maps in key order
		return h.Sum64()
	}
	all = hash(func(string) bool { return true })
	shared = hash(func(name string) bool { return !pageFiles[name] })
	byKind = map[string]uint64{}
	for kind, file := range kindTemplate {
		byKind[kind] = hash(func(name string) bool { return !pageFiles[name] || name == file })
	}
	return all, shared, byKind
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

// templateError rewrites html/template's parse error "template:
// name:line: msg" with the file's path as the editor knows it, the line of
// an action left open rather than the end of the file, and what to write
// instead of a function digest does not have.
func templateError(err error, shown, text string, funcs template.FuncMap) string {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	if strings.HasSuffix(msg, ": unexpected EOF") {
		if m, ok := explainEOF(shown, text); ok {
			return m
		}
	}
	msg = explainParse(msg, funcs)
	if i := strings.Index(msg, ":"); i > 0 {
		return shown + msg[i:]
	}
	return shown + ": " + msg
}

// templateNameRe finds the templates an execution error names ("template:
// article.html:2:6:"), its own and those of partials and cards it called.
var templateNameRe = regexp.MustCompile(`(?:template: )?([\w./-]+\.html):`)

// RenderTo executes the template of the page's kind into buf, which a
// build reuses from page to page.
func (r *Renderer) RenderTo(buf *bytes.Buffer, p *Page) error {
	pool, ok := r.clones[p.Kind]
	if !ok {
		return fmt.Errorf("no template for pages of kind %q", p.Kind)
	}
	c := pool.Get()
	t, ok := c.(*template.Template)
	if !ok {
		return fmt.Errorf("page %s: %v", p.Path, c)
	}
	defer pool.Put(t)
	p.Site = r.site
	p.strings = r.strings
	start := buf.Len()
	if err := t.Execute(buf, p); err != nil {
		// name the files templates came from: "templates/article.html:2:5"
		msg := templateNameRe.ReplaceAllStringFunc(err.Error(), func(m string) string {
			name := templateNameRe.FindStringSubmatch(m)[1]
			if shown := r.shown[name]; shown != "" {
				return shown + ":"
			}
			return m
		})
		return &PageError{Page: p.Path, Msg: explainExec(msg)}
	}
	r.expandCards(buf, start, p)
	return nil
}

// Site returns the site-wide data templates see as .Site.
func (r *Renderer) Site() *Site { return r.site }

// T is a UI string in the site's language, for what the build draws before
// the templates run (a map's accessible name).
func (r *Renderer) T(key string, args ...any) string {
	return r.strings.Get(r.site.Language, key, args...)
}
