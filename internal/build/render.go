package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/output"
	"digest/internal/parallel"
	"digest/internal/render"
)

// Rendered are the figures of the render step.
type Rendered struct {
	Pages int // HTML pages, aliases included
	Files int // every file made: pages, feeds, the search index, the sitemap
	// Rebuilds only (digest serve): files taken from the last build
	// without being planned, because no edit reached them; and files left
	// to be made when first read.
	Carried, Deferred int
}

// Render is the render step: it plans every page of the site and renders
// them in parallel, on every core, writing each to out as soon as it is
// made.
func Render(site *Site, results []*extract.Result, ix *index.Index, out output.Writer) (Rendered, error) {
	if site.Config.Multilingual() {
		return renderLanguages(site, results, ix, out)
	}
	return renderSite(site, results, ix, out, nil)
}

// renderSite renders the site; rb, in a rebuild, carries over what an edit did
// not reach and takes from the last build the pages whose inputs did not
// change (nil in a full build).
func renderSite(site *Site, results []*extract.Result, ix *index.Index, out output.Writer, rb *rebuild) (Rendered, error) {
	p := newPages(site, results, ix, rb)
	if !rb.planChanges(p) {
		p.planAll()
	}
	p.home()
	p.homeJobs = len(p.jobs)
	if !rb.listsUnchanged() {
		p.lists()
		p.listJobs = p.jobs[p.homeJobs:]
		p.jobs = p.jobs[:p.homeJobs:p.homeJobs]
	}
	p.archive()
	p.search()
	p.redirects()
	p.slugRedirects()
	p.notFound()
	p.siteFeed()
	if p.writesShared() {
		p.assets()
	}

	all := p.assemble()
	jobs := all.jobs
	for _, j := range jobs {
		if j.page != nil {
			j.page.Nav = p.nav
			p.translate(j.page)
		}
	}
	errs := make([]error, len(jobs))
	// a page's bytes live only until written: buffers go from page to page
	buffers := sync.Pool{New: func() any { return new(pageBuffers) }}
	rb.beginPages(out, jobs, all.carried)
	errs = append(errs, rb.carry(all.carried, out))
	parallel.ForIO(len(jobs), func(i int) {
		j := jobs[i]
		jobs[i] = job{out: j.out} // written: its page and bytes may go
		if reused, err := rb.reuse(i, j, out, p.renderPage); reused {
			errs[i] = err
			return
		}
		data, err := j.data, error(nil)
		if j.make != nil {
			data = j.make()
		}
		if j.page != nil {
			b := buffers.Get().(*pageBuffers)
			defer buffers.Put(b)
			b.page.Reset()
			b.body.Reset()
			err = p.renderPage(b, j)
			data = b.page.Bytes()
		}
		switch {
		case err != nil:
		case j.fp != 0:
			err = rb.keepPage(j, data, out)
		default:
			err = out.Add(j.out, data, j.owner)
		}
		errs[i] = err
	})
	// a template error on every article is one line, not one per article
	err := render.JoinErrors(errs)
	r := Rendered{Files: len(jobs) + len(all.carried), Carried: len(all.carried), Deferred: rb.deferredCount()}
	rb.endPages(p, all, jobs, r.Files, err == nil)
	for _, f := range all.carried {
		if strings.HasSuffix(f, ".html") {
			r.Pages++
		}
	}
	for _, j := range jobs {
		if strings.HasSuffix(j.out, ".html") {
			r.Pages++
		}
	}
	return r, err
}

// assembly is every file of a build in order: the articles', the home
// pages, the entities', the lists, then the rest. A rebuild's files
// carried over are not jobs.
type assembly struct {
	jobs        []job
	carried     []string
	sitemap     []render.SitemapURL // the pages', in that order
	articleUnit []unitFiles
	entityUnit  map[*index.Entry]unitFiles
	listUnit    unitFiles
}

// unitFiles are the files of an article, an entity or the lists, and
// their sitemap entries; an entity's have its number of articles.
type unitFiles struct {
	files    []string
	sitemap  []render.SitemapURL
	articles int
}

func (p *pages) assemble() assembly {
	cfg := p.site.Config
	a := p.rb.lastUnits(len(p.articles), len(p.ix.Entries))
	for i := range p.articles {
		if js := p.articleJobs[i]; js != nil {
			a.articleUnit[i] = p.unitOf(js)
			a.jobs = append(a.jobs, js...)
		} else {
			a.carried = append(a.carried, a.articleUnit[i].files...)
		}
		a.sitemap = append(a.sitemap, a.articleUnit[i].sitemap...)
	}
	a.jobs = append(a.jobs, p.jobs[:p.homeJobs]...)
	a.sitemap = append(a.sitemap, p.sitemapOf(p.jobs[:p.homeJobs])...)
	for _, kind := range index.Kinds {
		for _, e := range p.ix.ByKind[kind] {
			var u unitFiles
			if js, ok := p.entityJobs[e]; ok {
				u = p.unitOf(js)
				u.articles = len(e.Articles)
				a.jobs = append(a.jobs, js...)
				a.entityUnit[e] = u
			} else {
				u = a.entityUnit[e]
				a.carried = append(a.carried, u.files...)
			}
			a.sitemap = append(a.sitemap, u.sitemap...)
		}
	}
	if p.listJobs != nil {
		a.listUnit = p.unitOf(p.listJobs)
		a.jobs = append(a.jobs, p.listJobs...)
	} else {
		a.carried = append(a.carried, a.listUnit.files...)
	}
	a.sitemap = append(a.sitemap, a.listUnit.sitemap...)
	a.jobs = append(a.jobs, p.jobs[p.homeJobs:]...)
	a.sitemap = append(a.sitemap, p.sitemapOf(p.jobs[p.homeJobs:])...)
	sitemap := a.sitemap
	if p.site.tree != nil {
		a.jobs = append(a.jobs, p.sitemapJobs(sitemap)...)
	} else {
		a.jobs = append(a.jobs, job{out: sitemapFile, owner: "the sitemap", fp: p.rb.sitemapFingerprint(sitemap), make: func() []byte { return render.Sitemap(sitemap, cfg.Location) }},
			job{out: robotsFile, owner: "robots.txt", data: []byte("User-agent: *\nAllow: /\nSitemap: " + cfg.BaseURL + sitemapFile + "\n")})
	}
	// the jobs are in a.jobs now: as each is written, its page may go
	p.jobs, p.articleJobs, p.entityJobs, p.listJobs = nil, nil, nil, nil
	return a
}

func (p *pages) unitOf(jobs []job) unitFiles {
	u := unitFiles{files: make([]string, len(jobs)), sitemap: p.sitemapOf(jobs)}
	for k, j := range jobs {
		u.files[k] = j.out
	}
	return u
}

// sitemapOf are the sitemap entries of jobs' pages.
func (p *pages) sitemapOf(jobs []job) []render.SitemapURL {
	var out []render.SitemapURL
	for _, j := range jobs {
		if j.page != nil && j.page.Kind != render.KindAlias && j.page.Kind != render.KindNotFound {
			var mod time.Time
			if a := j.page.Article; a != nil {
				mod = a.Date
			}
			out = append(out, render.SitemapURL{Loc: p.site.Config.BaseURL + j.page.Path, LastMod: mod, Alternates: p.sitemapAlternates(j.page)})
		}
	}
	return out
}

// pageBuffers are a worker's buffers for a page and an article's body.
type pageBuffers struct{ page, body bytes.Buffer }

// renderPage renders a job's page into b.page.
func (p *pages) renderPage(b *pageBuffers, j job) error {
	s := p.site
	if a := j.page.Article; a != nil && j.page.Kind == render.KindArticle {
		// the body goes on a copy: pages are made concurrently, some
		// later (deferred), and the article is shared with other pages
		copied := *a
		a = &copied
		page := *j.page
		page.Article = a
		j.page = &page
		// a body is the same for one version of an article (its links go
		// to its entities' pages): a rebuild after a template edit does
		// not convert every body again
		body, ok := p.rb.body(a.Version)
		if !ok {
			if err := s.Markdown.ParseLinked(a.Lang, a.Body, j.links).RenderTo(&b.body); err != nil {
				return fmt.Errorf("%s: %v", a.Path, err)
			}
			body = b.body.String()
			p.rb.keepBody(a.Version, body)
		}
		a.Content = template.HTML(body) // goldmark output: raw HTML dropped unless the config allows it
	}
	return s.Renderer.RenderTo(&b.page, j.page)
}
