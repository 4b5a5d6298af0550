// Package check is digest check: the editor's report of what to review in
// a site, read-only. It loads, enriches and indexes the site as a build
// does, writes nothing, and lists findings by kind: articles the
// extraction found little in, names and bodies it read but does not know,
// entities that look like one, officials with no country or role, data
// that no article uses, drafts and future articles.
package check

import (
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"digest"

	"digest/internal/build"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/output"
	"digest/internal/textdist"
)

// Kinds of findings, in the order the report lists them.
const (
	NoCountry       = "no-country"       // an article tagged with no country
	NoTheme         = "no-theme"         // an article tagged with no theme
	AllOverridden   = "all-overridden"   // an article whose entities all come from its front matter
	UnknownPerson   = "unknown-person"   // a name after a title, not read as an official
	UnknownAgency   = "unknown-agency"   // a body read from a pattern, not in the gazetteer
	Duplicate       = "duplicate"        // two entities whose names are one or two edits apart
	OfficialCountry = "official-country" // an official with no country
	OfficialRole    = "official-role"    // an official with no role
	UnusedData      = "unused-data"      // an entry of data/entities.toml no article names
	Draft           = "draft"            // an article left out as a draft
	Future          = "future"           // an article left out as dated in the future
	BrokenLink      = "broken-link"      // a link of a page to a path the site does not have (RunLinks)
)

// Kinds lists the kinds of findings in report order.
var Kinds = []string{NoCountry, NoTheme, AllOverridden, UnknownPerson, UnknownAgency, Duplicate,
	OfficialCountry, OfficialRole, UnusedData, Draft, Future, BrokenLink}

// Finding is one thing to review.
type Finding struct {
	Kind    string   `json:"kind"`
	Subject string   `json:"subject"`          // what it is about: an article, a name, an entity
	Detail  string   `json:"detail,omitempty"` // why
	Files   []string `json:"files,omitempty"`  // the articles concerned
}

// Report is every finding, by kind in report order, then by subject.
type Report struct {
	Articles int       `json:"articles"`
	Findings []Finding `json:"findings"`
}

// Run checks the site of opts.
func Run(opts build.Options) (*Report, error) { return RunLinks(opts, false) }

// RunLinks checks the site of opts and, with links, renders it (in
// memory) to find the links of its pages to paths it does not have.
func RunLinks(opts build.Options, links bool) (*Report, error) {
	// drafts and future articles are read, to be named
	all := opts
	all.Drafts, all.Future = true, true
	site, err := build.Load(all, nil)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	var published []*content.Article
	r := &Report{}
	for _, a := range site.Articles {
		switch {
		case a.Draft && !opts.Drafts:
			r.add(Draft, a.File, "draft = true: left out of the site", a.File)
		case a.Date.After(now) && !opts.Future:
			r.add(Future, a.File, "dated "+a.Date.Format(time.RFC3339)+": left out until then", a.File)
		default:
			published = append(published, a)
		}
	}
	r.Articles = len(published)
	names := unknownPeopleCandidates(published)
	results := build.Enrich(site.Extractor, published)
	ix := build.Index(published, results)
	r.articles(published, results)
	r.people(published, results, names)
	r.agencies(ix, site)
	r.duplicates(ix)
	r.officials(ix)
	for k := range site.Meta {
		if ix.Entries[k] == nil {
			r.add(UnusedData, k.Kind+" "+k.ID, "in data/entities.toml, named by no article")
		}
	}
	if links {
		site.Articles = published // the pages are those of the articles published
		if err := r.brokenLinks(site, results, ix, opts.Source); err != nil {
			return nil, err
		}
	}
	r.sort()
	return r, nil
}

// linkRe reads the links and sources of a page.
var linkRe = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// brokenLinks renders the site in memory and reports each link of a page
// to a site path that is neither a page nor a static file: a mistyped link
// in an article's body, most often.
func (r *Report) brokenLinks(site *build.Site, results []*extract.Result, ix *index.Index, source string) error {
	for _, res := range results {
		res.Compact()
	}
	mem := output.NewMemory()
	if _, err := build.Render(site, results, ix, mem); err != nil {
		return err
	}
	if err := mem.Resolve(); err != nil {
		return err
	}
	files := mem.Files()
	exists := func(p string) bool {
		if _, ok := files[p]; ok {
			return true
		}
		if _, err := fs.Stat(digest.Static(), p); err == nil {
			return true
		}
		info, err := os.Stat(filepath.Join(source, layout.Static, filepath.FromSlash(p)))
		return err == nil && !info.IsDir()
	}
	base := site.Config.BaseURL
	basePath := "/" // the 404 page links from the root the site is served at
	if u, err := url.Parse(base); err == nil && u.Path != "" {
		basePath = u.Path
	}
	broken := map[string][]string{} // target → pages
	for page, b := range files {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		dir := path.Dir(page)
		for _, m := range linkRe.FindAllSubmatch(b, -1) {
			link := html.UnescapeString(string(m[1]))
			if strings.HasPrefix(link, base) {
				link = "/" + strings.TrimPrefix(link, base)
			} else if strings.HasPrefix(link, basePath) {
				link = "/" + strings.TrimPrefix(link, basePath)
			}
			if link == "" || strings.HasPrefix(link, "#") || strings.Contains(link, ":") || strings.HasPrefix(link, "//") {
				continue // an anchor, another site, mailto:, data:
			}
			link, _, _ = strings.Cut(link, "#")
			link, _, _ = strings.Cut(link, "?")
			target := path.Clean(path.Join(dir, link))
			if strings.HasPrefix(link, "/") {
				target = path.Clean(strings.TrimPrefix(link, "/"))
			}
			if !exists(target) && !exists(path.Join(target, "index.html")) {
				broken[target] = appendNew(broken[target], page)
			}
		}
	}
	for target, pages := range broken {
		sort.Strings(pages)
		r.add(BrokenLink, target, fmt.Sprintf("linked from %d page(s), but the site has no such file", len(pages)), pages...)
	}
	return nil
}

func (r *Report) add(kind, subject, detail string, files ...string) {
	r.Findings = append(r.Findings, Finding{Kind: kind, Subject: subject, Detail: detail, Files: files})
}

func (r *Report) sort() {
	order := map[string]int{}
	for i, k := range Kinds {
		order[k] = i
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Kind != b.Kind {
			return order[a.Kind] < order[b.Kind]
		}
		return a.Subject < b.Subject
	})
}

// articles finds articles tagged with no country or theme, or only by
// their front matter.
func (r *Report) articles(articles []*content.Article, results []*extract.Result) {
	for i, a := range articles {
		res := results[i]
		if len(res.Countries) == 0 {
			r.add(NoCountry, a.File, "no country found; name one in the text, or countries = [...] in the front matter", a.File)
		}
		if len(res.Themes) == 0 {
			r.add(NoTheme, a.File, "no theme found; themes = [...] in the front matter adds one", a.File)
		}
		n, manual := 0, 0
		for _, kind := range index.ListOrder {
			for _, e := range index.List(res, kind) {
				n++
				if e.Manual && len(e.Mentions) == 0 {
					manual++
				}
			}
		}
		if n > 0 && manual == n {
			r.add(AllOverridden, a.File, fmt.Sprintf("all %d entities come from the front matter: the text names none of them", n), a.File)
		}
	}
}

// titleWords stand before the name of someone holding an office.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ministre minister directeur directrice director president presidente
		general generale colonel commandant commissaire prefet ambassadeur ambassadrice ambassador chef chief
		secretaire secretary procureur prosecutor juge judge porte parole spokesman spokeswoman spokesperson
		amiral admiral capitaine captain lieutenant inspecteur inspector gouverneur governor consul envoy
		representant representative commander superintendent roi king prince emir sheikh cheikh`) {
		titleWords[w] = true
	}
}

// notPersonWords end or fill names that are bodies or places, not people
// ("Chief of the Naval Staff", "Moulay Abdellah Stadium").
var notPersonWords = map[string]bool{}

// placeNouns name places called after people ("amphithéâtre Général X").
var placeNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`staff fleet command commandement stadium stade army armee navy marine police
		force forces department departement ministry ministere council conseil office bureau centre center court cour
		agency agence service services brigade division unit unite academy academie school ecole institute institut
		university universite hospital hopital airport aeroport port base camp group groupe`) {
		notPersonWords[w] = true
	}
	for _, w := range strings.Fields(`amphitheatre stade stadium rue avenue boulevard place mausolee caserne camp
		base ecole lycee hopital aeroport port salle promotion prix trophee`) {
		placeNouns[w] = true
	}
}

// candidate is a name read after a title word in an article.
type candidate struct {
	name, file string
}

// unknownPeopleCandidates are the capitalised names of two or more words
// that follow a title word within three words, in each article: people
// the extractor may have missed. Read before enrichment drops the text.
func unknownPeopleCandidates(articles []*content.Article) [][]candidate {
	out := make([][]candidate, len(articles))
	for i, a := range articles {
		if a.Text == nil {
			continue
		}
		text := a.Text.Text
		toks := extract.Tokenize(text)
		for k := 0; k < len(toks); k++ {
			if !toks[k].Word || !titleWords[toks[k].Fold] || k > 0 && placeNouns[toks[k-1].Fold] {
				continue
			}
			for j := k + 1; j < len(toks) && j <= k+4; j++ {
				t := toks[j]
				if t.Break || !t.Word && t.Fold != "," {
					break
				}
				if !t.Word || !t.Cap || t.Caps {
					continue
				}
				end := j
				for end < len(toks) && toks[end].Word && toks[end].Cap && !toks[end].Caps && !toks[end].Break || end < len(toks) && end > j && toks[end].Join == '-' {
					end++
				}
				person := end-j >= 2
				for _, t := range toks[j:end] {
					if notPersonWords[t.Fold] {
						person = false
					}
				}
				if person {
					out[i] = append(out[i], candidate{name: text[toks[j].Start:toks[end-1].End], file: a.File})
				}
				k = end - 1
				break
			}
		}
	}
	return out
}

// people lists the names after a title that no official of the article
// is known by, with their counts over the site.
func (r *Report) people(articles []*content.Article, results []*extract.Result, cands [][]candidate) {
	files := map[string][]string{}
	for i := range articles {
		known := map[string]bool{}
		for _, kind := range index.ListOrder {
			for _, e := range index.List(results[i], kind) {
				known[extract.Fold(e.Name)] = true
				for _, s := range e.Surfaces() {
					known[extract.Fold(s)] = true
				}
			}
		}
		for _, c := range cands[i] {
			if !covered(extract.Fold(c.name), known) {
				files[c.name] = appendNew(files[c.name], c.file)
			}
		}
	}
	for name, fs := range files {
		r.add(UnknownPerson, name, fmt.Sprintf("follows a title in %d article(s) but is no official; data/officials.toml can add them", len(fs)), fs...)
	}
}

// covered tells whether a name is one of the article's entities: a form
// it is known by holds the name ("Koné" in "Youssouf Koné"), or the name
// holds a form of more than four bytes ("M. Hammouchi").
func covered(key string, known map[string]bool) bool {
	if known[key] {
		return true
	}
	for k := range known {
		if strings.Contains(k, key) || len(k) > 4 && strings.Contains(key, k) {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// agencies lists the bodies read from a pattern that the gazetteer does
// not know, with the articles that name them.
func (r *Report) agencies(ix *index.Index, site *build.Site) {
	g := site.Extractor.Gazetteer()
	for _, e := range ix.ByKind[index.Agency] {
		if g.Agency(e.ID) != nil {
			continue
		}
		r.add(UnknownAgency, e.Name+" ("+e.ID+")", fmt.Sprintf("read from its name in %d article(s), unknown to the gazetteer", len(e.Articles)), filesOf(ix, e)...)
	}
}

func filesOf(ix *index.Index, e *index.Entry) []string {
	var out []string
	for _, a := range e.Articles {
		out = append(out, ix.Articles[a].File)
	}
	sort.Strings(out)
	return out
}

// duplicates lists pairs of entities of one kind whose folded names are
// one or two edits apart, or equal.
func (r *Report) duplicates(ix *index.Index) {
	for _, kind := range index.Kinds {
		entries := ix.ByKind[kind]
		// folded once, and in order of length: a pair more than two
		// bytes apart in length is no pair, so the inner loop stops there
		folded := make([]string, len(entries))
		order := make([]int, len(entries))
		for i, e := range entries {
			folded[i], order[i] = extract.Fold(e.Name), i
		}
		sort.SliceStable(order, func(x, y int) bool { return len(folded[order[x]]) < len(folded[order[y]]) })
		for oi := 0; oi < len(order); oi++ {
			i := order[oi]
			a := folded[i]
			for oj := oi + 1; oj < len(order); oj++ {
				j := order[oj]
				b := folded[j]
				if len(b)-len(a) > 2 {
					break
				}
				if min(len(a), len(b)) < 6 {
					continue
				}
				if d := textdist.Levenshtein(a, b); d <= 2 {
					x, y := entries[i], entries[j]
					if x.Name > y.Name {
						x, y = y, x
					}
					r.add(Duplicate, kind+": "+x.Name+" / "+y.Name, fmt.Sprintf("%s and %s may be one %s; data can merge them", x.ID, y.ID, kind),
						append(filesOf(ix, x), filesOf(ix, y)...)...)
				}
			}
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// officials lists the officials with no country or no role.
func (r *Report) officials(ix *index.Index) {
	for _, e := range ix.ByKind[index.Official] {
		if e.Country == "" {
			r.add(OfficialCountry, e.Name+" ("+e.ID+")", "no country: an international official, or one to give a country in data/officials.toml", filesOf(ix, e)...)
		}
		if len(e.Roles) == 0 {
			r.add(OfficialRole, e.Name+" ("+e.ID+")", "no role read in any article", filesOf(ix, e)...)
		}
	}
}

// Print writes the report for a person, grouped by kind.
func (r *Report) Print(w io.Writer) {
	last := ""
	for _, f := range r.Findings {
		if f.Kind != last {
			fmt.Fprintf(w, "\n%s (%d)\n", f.Kind, r.count(f.Kind))
			last = f.Kind
		}
		fmt.Fprintf(w, "  %s: %s", f.Subject, f.Detail)
		if len(f.Files) > 0 && !(len(f.Files) == 1 && f.Files[0] == f.Subject) {
			fmt.Fprintf(w, " [%s]", strings.Join(f.Files, ", "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\n%d articles checked, %d findings\n", r.Articles, len(r.Findings))
}

func (r *Report) count(kind string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Kind == kind {
			n++
		}
	}
	return n
}

// Fails tells whether any finding is of one of kinds (all kinds when
// kinds is empty).
func (r *Report) Fails(kinds []string) bool {
	for _, f := range r.Findings {
		if len(kinds) == 0 {
			return true
		}
		for _, k := range kinds {
			if f.Kind == k {
				return true
			}
		}
	}
	return false
}
