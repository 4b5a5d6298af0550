// Package index gathers what the articles say of each entity: the articles
// that name it, the entities named with it, the roles officials held and
// when. It is the stage between enrichment and rendering.
//
// Every step is linear in the number of (article, entity) pairs: pairs of
// entities are counted within an article, and related articles are found
// through a bounded window of each entity's articles, never by comparing
// every article with every other.
package index

import (
	"slices"
	"sort"
	"sync"
	"time"

	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/parallel"
)

// Kinds of entities. This file is their one home: every package ranges
// over Kinds or ListOrder and names kinds through these constants.
const (
	Country  = "country"
	Region   = "region"
	Agency   = "agency"
	Official = "official"
	Theme    = "theme"
)

// Kinds lists the kinds in display order: the order pages, the home page's
// most-named entities and the search index list them.
var Kinds = []string{Country, Official, Agency, Theme, Region}

// ListOrder lists the kinds in the order of an extract.Result's lists: the
// order of Index.Named, of an article's chips and of their fingerprints.
var ListOrder = []string{Country, Region, Agency, Official, Theme}

// List is r's list of entities of a kind (nil for an unknown kind).
func List(r *extract.Result, kind string) []*extract.Entity {
	switch kind {
	case Country:
		return r.Countries
	case Region:
		return r.Regions
	case Agency:
		return r.Agencies
	case Official:
		return r.Officials
	case Theme:
		return r.Themes
	}
	return nil
}

// IsKind tells whether kind is one of Kinds.
func IsKind(kind string) bool {
	switch kind {
	case Country, Region, Agency, Official, Theme:
		return true
	}
	return false
}

// Plural is the plural of a kind: its key in UI strings and sections.
func Plural(kind string) string {
	switch kind {
	case Country:
		return "countries"
	case Agency:
		return "agencies"
	}
	return kind + "s"
}

// Key names an entity across kinds.
type Key struct {
	Kind, ID string
}

// Entry is an entity with what the digest says of it.
type Entry struct {
	Key
	Name    string
	Acronym string
	Country string // of an agency or official
	// Articles are indexes into Index.Articles, newest first.
	Articles []int
	Mentions int
	// With are the other entities named in its articles, with the number
	// of articles shared, in the order the articles name them (WithKind
	// ranks them).
	With []Shared
	// Roles of an official, with the first and last dates seen.
	Roles []RoleSeen
	// Agencies of an official, from its roles.
	Agencies []string
	// Latest is the date of the newest article.
	Latest time.Time

	num int // its index among the entries, for dense tables
}

// RoleSeen is a title an official was given, with when, and the language
// of the article that first gave it.
type RoleSeen struct {
	Title       string
	First, Last time.Time
	Lang        string
}

// Index is the digest indexed.
type Index struct {
	Articles []*content.Article // newest first, as loaded
	Results  []*extract.Result  // the enrichment of each article
	Entries  map[Key]*Entry
	// ByKind lists entries of each kind, most articles first, then by id.
	ByKind map[string][]*Entry
	// Related lists, for each article, the articles that share most with it.
	Related [][]int
	// Named lists, for each article, the entries of its enrichment, in the
	// order of its lists: countries, regions, agencies, officials, themes.
	Named [][]*Entry

	list         []*Entry    // by num; nil where Update removed an entry
	perArticle   [][]mention // Named, with each article's place in the entries' lists
	relatedCount int
}

// Build indexes articles and their enrichment; results[i] is articles[i]'s.
func Build(articles []*content.Article, results []*extract.Result, relatedCount int) *Index {
	ix := &Index{Articles: articles, Results: results, Entries: map[Key]*Entry{}, ByKind: map[string][]*Entry{}, relatedCount: relatedCount}
	ix.perArticle = make([][]mention, len(articles))
	ix.Named = make([][]*Entry, len(articles))
	for i, r := range results {
		if r == nil {
			continue
		}
		date := articles[i].Date
		n := len(r.Countries) + len(r.Regions) + len(r.Agencies) + len(r.Officials) + len(r.Themes)
		ix.perArticle[i], ix.Named[i] = make([]mention, 0, n), make([]*Entry, 0, n)
		forEach(r, func(kind string, e *extract.Entity) {
			k := Key{kind, e.ID}
			en := ix.Entries[k]
			if en == nil {
				en = &Entry{Key: k, Name: e.Name, Acronym: e.Acronym, Country: e.Country, num: len(ix.list)}
				ix.Entries[k] = en
				ix.list = append(ix.list, en)
			}
			ix.perArticle[i] = append(ix.perArticle[i], mention{en, len(en.Articles)})
			ix.Named[i] = append(ix.Named[i], en)
			en.Articles = append(en.Articles, i)
			en.add(e, date, articles[i].Lang)
		})
	}
	// co-mentions: pairs within each article
	ix.countWith(ix.list)
	// articles are visited in order, so each entry's list is sorted already
	for _, e := range ix.Entries {
		ix.ByKind[e.Kind] = append(ix.ByKind[e.Kind], e)
	}
	for _, list := range ix.ByKind {
		sortByArticles(list)
	}
	ix.Related = ix.related(ix.perArticle, relatedCount)
	return ix
}

// forEach calls f on each entity of r, in the order of its lists: the
// order of Index.Named.
func forEach(r *extract.Result, f func(kind string, e *extract.Entity)) {
	for _, kind := range ListOrder {
		for _, e := range List(r, kind) {
			f(kind, e)
		}
	}
}

// add counts an article's entity, of an article of that date, in the entry.
func (en *Entry) add(e *extract.Entity, date time.Time, lang string) {
	en.Mentions += e.MentionCount()
	if date.After(en.Latest) {
		en.Latest = date
	}
	if en.Country == "" {
		en.Country = e.Country
	}
	for _, role := range e.Roles {
		en.addRole(role, date, lang)
	}
	for _, a := range e.Agencies {
		en.Agencies = appendNew(en.Agencies, a)
	}
}

func sortByArticles(list []*Entry) {
	sort.Slice(list, func(i, j int) bool {
		if len(list[i].Articles) != len(list[j].Articles) {
			return len(list[i].Articles) > len(list[j].Articles)
		}
		return list[i].ID < list[j].ID
	})
}

// addRole counts a title seen on a date. Titles that differ only in case,
// accents or apostrophes ("Roi", "roi"; "ministre de l'Intérieur", "ministre
// de l’Intérieur") are one role, shown as first written.
func (e *Entry) addRole(title string, date time.Time, lang string) {
	key := extract.Fold(title)
	for i := range e.Roles {
		if e.Roles[i].Title == title || extract.Fold(e.Roles[i].Title) == key {
			if date.Before(e.Roles[i].First) {
				e.Roles[i].First = date
			}
			if date.After(e.Roles[i].Last) {
				e.Roles[i].Last = date
			}
			return
		}
	}
	e.Roles = append(e.Roles, RoleSeen{Title: title, First: date, Last: date, Lang: lang})
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// window bounds how many of an entity's articles around an article are
// candidates for its related articles: a country named in ten thousand
// articles must not make each of them compare with all the others.
const window = 24

// mention is an entity of an article, with the article's position in the
// entity's list of articles.
type mention struct {
	entry *Entry
	pos   int
}

// related ranks, for each article, the articles sharing its entities,
// weighting rare entities more (an official shared says more than a
// country shared), among a window of each entity's articles nearest in time.
// Articles are ranked on every core, each worker with its own score table.
func (ix *Index) related(perArticle [][]mention, count int) [][]int {
	out := make([][]int, len(perArticle))
	if count <= 0 {
		return out
	}
	weight := func(e *Entry) float64 {
		w := 1 / float64(len(e.Articles))
		if e.Kind == Official || e.Kind == Agency {
			w *= 2
		}
		return w
	}
	scratch := sync.Pool{New: func() any { return &scores{score: make([]float64, len(perArticle))} }}
	parallel.For(len(perArticle), func(i int) {
		sc := scratch.Get().(*scores)
		defer scratch.Put(sc)
		for _, m := range perArticle[i] {
			e := m.entry
			if len(e.Articles) < 2 {
				continue
			}
			lo, hi := max(0, m.pos-window/2), min(len(e.Articles), m.pos+window/2+1)
			w := weight(e)
			for _, a := range e.Articles[lo:hi] {
				if a == i {
					continue
				}
				if sc.score[a] == 0 {
					sc.touched = append(sc.touched, a)
				}
				sc.score[a] += w
			}
		}
		// the best count candidates, by score then position: a selection,
		// not a sort of all of them
		better := func(a, b int) bool {
			if sc.score[a] != sc.score[b] {
				return sc.score[a] > sc.score[b]
			}
			return a < b
		}
		best := make([]int, 0, count)
		for _, a := range sc.touched {
			best = keepBest(best, a, count, better)
		}
		out[i] = best
		for _, a := range sc.touched {
			sc.score[a] = 0
		}
		sc.touched = sc.touched[:0]
	})
	return out
}

// scores is a worker's table of related-article scores, by article, with
// the articles it touched so it can be cleared cheaply.
type scores struct {
	score   []float64
	touched []int
}

// WithKind lists the entities of a kind named with e, most shared first,
// then by id; limit > 0 keeps that many, chosen without sorting them all.
func (ix *Index) WithKind(e *Entry, kind string, limit int) []Shared {
	var out []Shared
	if limit <= 0 {
		for _, sh := range e.With {
			if sh.Kind == kind {
				out = append(out, sh)
			}
		}
		slices.SortFunc(out, func(a, b Shared) int {
			if moreShared(a, b) {
				return -1
			}
			if moreShared(b, a) {
				return 1
			}
			return 0
		})
		return out
	}
	for _, sh := range e.With {
		if sh.Kind == kind {
			out = keepBest(out, sh, limit, moreShared)
		}
	}
	return out
}

// SharedArticles are the articles that name both a and b, newest first:
// the articles of a pair of countries' page. It walks the shorter list and
// searches the longer, so a pair costs its smaller entity's articles.
func (ix *Index) SharedArticles(a, b *Entry) []int {
	short, long := a.Articles, b.Articles
	if len(short) > len(long) {
		short, long = long, short
	}
	var out []int
	for _, i := range short {
		k, found := slices.BinarySearch(long, i)
		if found {
			out = append(out, i)
		}
		long = long[k:] // both lists ascend
	}
	return out
}

// keepBest puts x into best, kept in order of better and at most limit
// long: the top of a long list without sorting it all.
func keepBest[T any](best []T, x T, limit int, better func(a, b T) bool) []T {
	if len(best) == limit && !better(x, best[limit-1]) {
		return best
	}
	k := len(best)
	if k < limit {
		best = append(best, x)
	} else {
		k--
	}
	for k > 0 && better(x, best[k-1]) {
		best[k] = best[k-1]
		k--
	}
	best[k] = x
	return best
}

func moreShared(a, b Shared) bool {
	if a.Count != b.Count {
		return a.Count > b.Count
	}
	return a.ID < b.ID
}

// countWith counts, for each entry, the articles it shares with each other
// entry: on every core, each worker with a dense table of counters.
func (ix *Index) countWith(entries []*Entry) {
	list, perArticle := ix.list, ix.perArticle
	type counts struct {
		n       []int32
		touched []int
	}
	scratch := sync.Pool{New: func() any { return &counts{n: make([]int32, len(list))} }}
	parallel.For(len(entries), func(n int) {
		e := entries[n]
		k := e.num
		c := scratch.Get().(*counts)
		defer scratch.Put(c)
		for _, a := range e.Articles {
			for _, m := range perArticle[a] {
				o := m.entry.num
				if o == k {
					continue
				}
				if c.n[o] == 0 {
					c.touched = append(c.touched, o)
				}
				c.n[o]++
			}
		}
		with := make([]Shared, len(c.touched))
		for i, o := range c.touched {
			with[i] = Shared{Entry: list[o], Count: int(c.n[o])}
			c.n[o] = 0
		}
		c.touched = c.touched[:0]
		e.With = with
	})
}

// Shared is an entity named with another, and in how many articles.
type Shared struct {
	*Entry
	Count int
}

// Trending lists the entities of a kind named most in the articles of the
// days before until (inclusive), most mentioned first.
func (ix *Index) Trending(kind string, until time.Time, days, limit int) []Shared {
	from := until.AddDate(0, 0, -days)
	var out []Shared
	for _, e := range ix.ByKind[kind] {
		// an entry's articles are newest first: those of the window are
		// one run of them
		n := 0
		for _, a := range e.Articles {
			d := ix.Articles[a].Date
			if !d.After(from) {
				break
			}
			if !d.After(until) {
				n++
			}
		}
		if n > 0 {
			out = append(out, Shared{Entry: e, Count: n})
		}
	}
	return topShared(out, limit)
}

// topShared sorts by count, most first, then by id, and keeps limit (0: all).
func topShared(out []Shared, limit int) []Shared {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Entry.ID < out[j].Entry.ID
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Update indexes again, in place, the articles at the positions changed:
// articles are the same files in the same order as those ix was made from,
// read again where changed says (digest serve, after an edit). It returns
// the entries whose data may differ from before: those the changed
// articles named before or name now; an entry left with no article is
// removed from the index and keeps none. Afterwards ix is what Build makes
// of the same articles, at the cost of the entries touched (and of the
// related articles, when the edit changed which entities an article names).
func (ix *Index) Update(articles []*content.Article, results []*extract.Result, changed []int) []*Entry {
	affected := map[*Entry]bool{}
	var touched []*Entry
	mark := func(e *Entry) {
		if !affected[e] {
			affected[e] = true
			touched = append(touched, e)
		}
	}
	sameEntities := true
	for _, i := range changed {
		old := ix.Named[i]
		for _, e := range old {
			mark(e)
			e.Articles = removeSorted(e.Articles, i)
		}
		var named []*Entry
		if r := results[i]; r != nil {
			forEach(r, func(kind string, e *extract.Entity) {
				k := Key{kind, e.ID}
				en := ix.Entries[k]
				if en == nil {
					en = &Entry{Key: k, num: len(ix.list)}
					ix.Entries[k] = en
					ix.list = append(ix.list, en)
				}
				en.Articles = insertSorted(en.Articles, i)
				named = append(named, en)
				mark(en)
			})
		}
		if !slices.Equal(old, named) {
			sameEntities = false
		}
		ix.Named[i] = named
		ix.perArticle[i] = make([]mention, len(named))
		for k, en := range named {
			ix.perArticle[i][k].entry = en
		}
	}
	ix.Articles, ix.Results = articles, results

	var present []*Entry
	kinds := map[string]bool{}
	for _, en := range touched {
		kinds[en.Kind] = true
		if len(en.Articles) == 0 {
			delete(ix.Entries, en.Key)
			ix.list[en.num] = nil
			en.With = nil
			continue
		}
		present = append(present, en)
		ix.recount(en)
		// the entry's articles' places in its list
		for pos, a := range en.Articles {
			ms := ix.perArticle[a]
			for k := range ms {
				if ms[k].entry == en {
					ms[k].pos = pos
				}
			}
		}
	}
	ix.countWith(present)
	for kind := range kinds {
		var list []*Entry
		for _, en := range ix.ByKind[kind] {
			if len(en.Articles) > 0 && !affected[en] {
				list = append(list, en)
			}
		}
		for _, en := range present {
			if en.Kind == kind {
				list = append(list, en)
			}
		}
		sortByArticles(list)
		ix.ByKind[kind] = list
	}
	if !sameEntities {
		// an entity's weight is its number of articles, and its window of
		// articles moved: ranks may change anywhere
		ix.Related = ix.related(ix.perArticle, ix.relatedCount)
	}
	return touched
}

// recount makes an entry's data again from its articles, in their order,
// as Build does.
func (ix *Index) recount(en *Entry) {
	en.Mentions, en.Latest, en.Roles, en.Agencies = 0, time.Time{}, nil, nil
	for n, a := range en.Articles {
		e := find(ix.Results[a], en.Key)
		if e == nil {
			continue
		}
		if n == 0 {
			en.Name, en.Acronym, en.Country = e.Name, e.Acronym, e.Country
		}
		en.add(e, ix.Articles[a].Date, ix.Articles[a].Lang)
	}
}

// find is the entity of a kind and id in r.
func find(r *extract.Result, k Key) *extract.Entity {
	for _, e := range List(r, k.Kind) {
		if e.ID == k.ID {
			return e
		}
	}
	return nil
}

func insertSorted(list []int, i int) []int {
	k, found := slices.BinarySearch(list, i)
	if found {
		return list
	}
	return slices.Insert(list, k, i)
}

func removeSorted(list []int, i int) []int {
	if k, found := slices.BinarySearch(list, i); found {
		return slices.Delete(list, k, k+1)
	}
	return list
}
