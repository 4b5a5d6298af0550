// The dictionary: the gazetteer's names (demonyms in all their forms) and
// the themes' triggers, compiled into tries of folded words and matched
// longest first, each reading with the constraints it puts on the text
// (capitals, exact case, need of support).

package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"digest/internal/gazetteer"
)

// Kind is the kind of thing a phrase names.
type Kind uint8

const (
	KindCountry   Kind = iota // a country's name or acronym
	KindDemonym               // a country's demonym or adjective
	KindPlace                 // a city or place inside a country
	KindRegion                // a region's name
	KindRegionAdj             // a region's adjective
	KindAgency
	KindOfficial
	KindTheme
)

// Match constraints of a target.
const (
	needCap    uint8 = 1 << iota // the first word must be capitalised in the text
	exactCase                    // the text must be written exactly so (acronyms)
	ambiguous                    // needs support from the rest of the article
	generic                      // an agency name many states share
	adjective                    // a demonym or adjective (for agencies: "police malienne")
	isVariant                    // a spelling variant (officials)
	isSurname                    // an official's surname alone
	isExcluded                   // a theme exclusion phrase
)

type target struct {
	kind    Kind
	id      string // country code, region id, agency id, official id, theme id, place name
	country string // for places, agencies, officials
	flags   uint8
	exact   []string // the written words, for exactCase
	// caps marks the words capitalised in the written form (not articles
	// and particles), for needCap: one of them must be capitalised in the
	// text ("golfe de Guinée" is the Golfe de Guinée, "la réunion" is not
	// La Réunion).
	caps uint32
}

// entry is one phrase of the dictionary.
type entry struct {
	words   []string // folded words
	prefix  bool     // the last word is a prefix ("terroris*")
	targets []target
}

// node is a node of the dictionary's word trie.
type node struct {
	next map[string]*node
	// kids are next by the words' lexicon indexes, sorted: below the root,
	// reading a token is a search among a few integers, not a string hash.
	kids []kid
	// entry is the phrase that ends at this node, if any.
	entry *entry
	// prefixes are phrases whose last word, a prefix, follows this node.
	prefixes []*entry
}

type kid struct {
	lex  int32
	node *node
}

// byLex is the child for the word of lexicon index lex, or nil.
func (n *node) byLex(lex int32) *node {
	kids := n.kids
	for len(kids) > 0 {
		m := len(kids) / 2
		switch k := kids[m].lex; {
		case k == lex:
			return kids[m].node
		case k < lex:
			kids = kids[m+1:]
		default:
			kids = kids[:m]
		}
	}
	return nil
}

// indexKids fills kids from next, below this node, giving each word a
// lexicon index with id. The maps then go: tokens walk below the first word
// by index only, and maps of pointers are what each garbage collection of
// an extraction has to mark (a third of the extractor's heap).
func (n *node) indexKids(id func(word string) int32) {
	n.kids = make([]kid, 0, len(n.next))
	for w, c := range n.next {
		n.kids = append(n.kids, kid{id(w), c})
		c.indexKids(id)
	}
	slices.SortFunc(n.kids, func(a, b kid) int { return int(a.lex - b.lex) })
	n.next = nil
}

func (n *node) child(w string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[w]
	if c == nil {
		c = &node{}
		n.next[w] = c
	}
	return c
}

// Dict finds gazetteer phrases in token streams, longest first. Phrases
// are a trie of folded words, so reading a token costs a map look-up or two,
// whatever the size of the gazetteer.
type Dict struct {
	root     node
	byPrefix map[string][]*entry // one-word prefix phrases by their first prefixLen bytes
	// prefixBits has a bit for each four-letter start of byPrefix (a-z
	// only), so most words skip the map look-up.
	prefixBits  []uint64
	otherPrefix bool              // some prefix is not four letters a-z
	entries     map[string]*entry // by phrase key, while building
}

const prefixLen = 4

func newDict() *Dict {
	return &Dict{byPrefix: map[string][]*entry{}, entries: map[string]*entry{}}
}

// add puts a phrase in the dictionary for a target. The phrase is written
// as an editor would; it is folded here.
func (d *Dict) add(phrase string, t target) {
	phrase = strings.TrimSpace(phrase)
	prefix := strings.HasSuffix(phrase, "*")
	phrase = strings.TrimSuffix(phrase, "*")
	toks := Tokenize(phrase)
	var words []string
	for _, tk := range toks {
		if tk.Word {
			words = append(words, tk.Fold)
		}
	}
	if len(words) == 0 {
		return
	}
	if prefix && len(words) == 1 && len(words[0]) < prefixLen {
		prefix = false // too short to be a useful prefix
	}
	if t.flags&exactCase != 0 {
		for _, tk := range toks {
			if tk.Word {
				t.exact = append(t.exact, phrase[tk.Start:tk.End])
			}
		}
	}
	if t.flags&needCap != 0 {
		k := 0
		for _, tk := range toks {
			if !tk.Word {
				continue
			}
			if k < 32 && tk.Cap && !tk.is(wAcronymStop) {
				t.caps |= 1 << k
			}
			k++
		}
		if t.caps == 0 {
			t.caps = 1
		}
	}
	key := strings.Join(words, " ")
	if prefix {
		key += "*"
	}
	e := d.entries[key]
	if e == nil {
		e = &entry{words: words, prefix: prefix}
		d.entries[key] = e
		switch {
		case prefix && len(words) == 1:
			p := words[0][:prefixLen]
			d.byPrefix[p] = append(d.byPrefix[p], e)
			if i, ok := prefixIndex(p); ok {
				if d.prefixBits == nil {
					d.prefixBits = make([]uint64, 26*26*26*26/64+1)
				}
				d.prefixBits[i/64] |= 1 << (i % 64)
			} else {
				d.otherPrefix = true
			}
		case prefix:
			n := &d.root
			for _, w := range words[:len(words)-1] {
				n = n.child(w)
			}
			n.prefixes = append(n.prefixes, e)
		default:
			n := &d.root
			for _, w := range words {
				n = n.child(w)
			}
			n.entry = e
		}
	}
	for _, x := range e.targets {
		if x.kind == t.kind && x.id == t.id && x.flags == t.flags {
			return
		}
	}
	e.targets = append(e.targets, t)
}

// freeze ends the building. Each phrase's targets are sorted by kind, so
// that the targets of one kind are a run of them; data order is kept within
// a kind, since it breaks ties.
func (d *Dict) freeze() {
	for _, e := range d.entries {
		sort.SliceStable(e.targets, func(i, j int) bool { return readingKind(e.targets[i].kind) < readingKind(e.targets[j].kind) })
	}
	d.entries = nil
}

// match is a phrase found in a token stream.
type match struct {
	start, end int // token range
	targets    []target
}

// candidate is a phrase that matches from a token, before its constraints.
type candidate struct {
	e   *entry
	end int
}

// matchAt returns the longest phrase that matches at token i, with the
// targets whose constraints hold.
func (d *Dict) matchAt(text string, toks []Token, i int) (match, bool) {
	if !toks[i].Word {
		return match{}, false
	}
	return d.matchFrom(text, toks, i, d.root.next[toks[i].Fold])
}

// matchFrom is matchAt with the trie node of token i already looked up.
func (d *Dict) matchFrom(text string, toks []Token, i int, first *node) (match, bool) {
	t := toks[i]
	if !t.Word {
		return match{}, false
	}
	var buf [8]candidate
	cands := buf[:0]
	if len(t.Fold) >= prefixLen {
		for _, e := range d.prefixEntries(t.Fold[:prefixLen]) {
			if strings.HasPrefix(t.Fold, e.words[0]) {
				cands = append(cands, candidate{e, i + 1})
			}
		}
	}
	n := first
	for k := i; n != nil; {
		if n.entry != nil {
			cands = append(cands, candidate{n.entry, k + 1})
		}
		k++
		if k >= len(toks) || !toks[k].Word || toks[k].Break {
			break
		}
		tk := toks[k]
		for _, e := range n.prefixes {
			if strings.HasPrefix(tk.Fold, e.words[len(e.words)-1]) {
				cands = append(cands, candidate{e, k + 1})
			}
		}
		if tk.lex < 0 {
			break // a word no phrase has
		}
		n = n.byLex(tk.lex)
	}
	// longest first; among equals, the order found
	for len(cands) > 0 {
		bi := 0
		for ci, c := range cands {
			if c.end > cands[bi].end {
				bi = ci
			}
		}
		c := cands[bi]
		if m, ok := accept(text, toks, i, c); ok {
			return m, true
		}
		cands = append(cands[:bi], cands[bi+1:]...)
	}
	return match{}, false
}

// accept keeps the targets of a candidate whose constraints hold.
func accept(text string, toks []Token, i int, c candidate) (match, bool) {
	all := true
	for _, t := range c.e.targets {
		if !t.accepts(text, toks, i, c.end) {
			all = false
			break
		}
	}
	if all {
		return match{start: i, end: c.end, targets: c.e.targets}, true
	}
	var targets []target
	for _, t := range c.e.targets {
		if t.accepts(text, toks, i, c.end) {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 {
		return match{}, false
	}
	return match{start: i, end: c.end, targets: targets}, true
}

func (t target) accepts(text string, toks []Token, start, end int) bool {
	switch {
	case t.flags&exactCase != 0:
		return sameWords(text, toks[start:end], t.exact)
	case t.flags&needCap != 0:
		for k := start; k < end && k-start < 32; k++ {
			if t.caps&(1<<(k-start)) != 0 && toks[k].Cap {
				return true
			}
		}
		return false
	}
	return true
}

// sameWords compares the words of a span with the written words, case and
// accents included, ignoring what joins them.
func sameWords(text string, toks []Token, words []string) bool {
	if len(words) != len(toks) {
		return false
	}
	for k, tk := range toks {
		if text[tk.Start:tk.End] != words[k] {
			return false
		}
	}
	return true
}

// startsUpper tells whether a phrase as written starts with a capital.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// wordCount counts the words of a phrase.
func wordCount(s string) int {
	n := 0
	for _, t := range Tokenize(s) {
		if t.Word {
			n++
		}
	}
	return n
}

// buildDict compiles the entity dictionary from a gazetteer.
func buildDict(g *gazetteer.Gazetteer) *Dict {
	d := newDict()
	for _, c := range g.Countries {
		amb := map[string]bool{}
		for _, a := range c.Ambiguous {
			amb[Fold(a)] = true
		}
		flag := func(s string, f uint8) uint8 {
			if amb[Fold(s)] {
				f |= ambiguous
			}
			return f
		}
		for _, n := range append([]string{c.FR, c.EN}, c.Names...) {
			d.add(n, target{kind: KindCountry, id: c.Code, flags: flag(n, needCap)})
		}
		for _, a := range c.Acronyms {
			d.add(a, target{kind: KindCountry, id: c.Code, flags: flag(a, exactCase)})
		}
		for _, dm := range frenchForms(c.DemonymsFR, c.DemonymsFRForms) {
			d.add(dm, target{kind: KindDemonym, id: c.Code, flags: flag(dm, adjective)})
		}
		for _, dm := range englishForms(c.DemonymsEN) {
			d.add(dm, target{kind: KindDemonym, id: c.Code, flags: flag(dm, needCap|adjective)})
		}
		for _, cap := range []string{c.Capital, c.CapitalEN} {
			if cap != "" {
				d.add(cap, target{kind: KindPlace, id: cap, country: c.Code, flags: flag(cap, needCap)})
			}
		}
	}
	for _, c := range g.Cities {
		f := needCap
		if c.Ambiguous {
			f |= ambiguous
		}
		for _, n := range append([]string{c.Name}, c.Variants...) {
			d.add(n, target{kind: KindPlace, id: c.Name, country: c.Country, flags: f})
		}
	}
	for _, r := range g.Regions {
		for _, n := range append([]string{r.FR, r.EN}, r.Names...) {
			d.add(n, target{kind: KindRegion, id: r.ID, flags: needCap})
		}
		for _, a := range frenchForms(r.AdjectivesFR, r.AdjectivesFRFor) {
			d.add(a, target{kind: KindRegionAdj, id: r.ID, flags: adjective})
		}
		for _, a := range englishForms(r.AdjectivesEN) {
			d.add(a, target{kind: KindRegionAdj, id: r.ID, flags: needCap | adjective})
		}
	}
	for _, a := range g.Agencies {
		var f uint8
		if a.Generic {
			f |= generic
		}
		names := append([]string{a.NameFR, a.NameEN}, a.Aliases...)
		for _, n := range names {
			if n == "" {
				continue
			}
			nf := f
			if agencyNeedsCap(n) {
				nf |= needCap
			}
			d.add(n, target{kind: KindAgency, id: a.ID, country: a.Country, flags: nf})
		}
		amb := map[string]bool{}
		for _, x := range a.AmbiguousAcronyms {
			amb[x] = true
		}
		for _, x := range a.Acronyms {
			af := f | exactCase
			if amb[x] {
				af |= ambiguous
			}
			d.add(x, target{kind: KindAgency, id: a.ID, country: a.Country, flags: af})
		}
	}
	for _, o := range g.Officials {
		d.add(o.Name, target{kind: KindOfficial, id: o.ID, country: o.Country, flags: needCap})
		for _, v := range o.Variants {
			d.add(v, target{kind: KindOfficial, id: o.ID, country: o.Country, flags: needCap | isVariant})
		}
	}
	d.freeze()
	return d
}

// agencyNeedsCap: a short name made of common words ("Sécurité intérieure")
// names the agency only when capitalised; a long one, or one headed by a
// word that names a body ("police fédérale"), reads the same in lower case.
func agencyNeedsCap(name string) bool {
	if !startsUpper(name) {
		return false
	}
	if wordCount(name) >= 3 {
		return false
	}
	first := Fold(strings.Fields(name)[0])
	return !bodyHeads[first]
}

// buildThemes compiles the theme triggers.
func buildThemes(g *gazetteer.Gazetteer) *Dict {
	d := newDict()
	for _, t := range g.Themes {
		for _, p := range append(append([]string{}, t.TriggersFR...), t.TriggersEN...) {
			var f uint8
			if isAcronymLike(p) {
				f |= exactCase
			}
			d.add(p, target{kind: KindTheme, id: t.ID, flags: f})
		}
		for _, p := range append(append([]string{}, t.ExcludeFR...), t.ExcludeEN...) {
			d.add(p, target{kind: KindTheme, id: t.ID, flags: isExcluded})
		}
	}
	d.freeze()
	return d
}

// isAcronymLike: a trigger written in capitals ("ISIS", "JNIM") must be
// matched as written, or "isis" the goddess would count.
func isAcronymLike(s string) bool {
	s = strings.TrimSuffix(s, "*")
	return !strings.Contains(s, " ") && allCaps(s)
}

// frenchForms expands masculine singular demonyms into their four forms by
// the rules of French, unless the data gives the forms.
func frenchForms(masc []string, given [][]string) []string {
	var out []string
	explicit := map[string]bool{}
	for _, forms := range given {
		if len(forms) > 0 {
			explicit[forms[0]] = true
		}
		out = append(out, forms...)
	}
	for _, m := range masc {
		if explicit[m] {
			continue
		}
		out = append(out, FrenchInflections(m)...)
	}
	return out
}

// FrenchInflections gives the masculine and feminine, singular and plural
// of a French adjective of nationality; compounds inflect their last part
// ("sud-africain" → "sud-africaine").
func FrenchInflections(m string) []string {
	if i := strings.LastIndexAny(m, "- "); i >= 0 {
		head, tail := m[:i+1], m[i+1:]
		var out []string
		for _, f := range FrenchInflections(tail) {
			out = append(out, head+f)
		}
		return out
	}
	switch {
	case strings.HasSuffix(m, "è") || strings.HasSuffix(m, "é"):
		// burkinabè is invariable; others in -é take e and s
		if strings.HasSuffix(m, "è") {
			return []string{m}
		}
		return []string{m, m + "e", m + "s", m + "es"}
	case strings.HasSuffix(m, "en"):
		return []string{m, m + "ne", m + "s", m + "nes"}
	case strings.HasSuffix(m, "ais"), strings.HasSuffix(m, "ois"), strings.HasSuffix(m, "s"), strings.HasSuffix(m, "x"):
		return []string{m, m + "e", m + "es"}
	case strings.HasSuffix(m, "al"):
		base := strings.TrimSuffix(m, "al")
		return []string{m, m + "e", base + "aux", m + "es"}
	case strings.HasSuffix(m, "e"):
		return []string{m, m + "s"}
	case strings.HasSuffix(m, "on"):
		return []string{m, m + "ne", m + "s", m + "nes"}
	case strings.HasSuffix(m, "et"):
		return []string{m, m + "te", m + "s", m + "tes"}
	case strings.HasSuffix(m, "c"):
		return []string{m, m + "que", m + "s", m + "ques"}
	}
	return []string{m, m + "e", m + "s", m + "es"}
}

// englishForms adds plurals to English demonyms: "Malian" → "Malians";
// words in -ese, -ish, -ch, -sh and -ss do not take s.
func englishForms(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, w)
		switch {
		case strings.HasSuffix(w, "ese"), strings.HasSuffix(w, "ish"), strings.HasSuffix(w, "ch"),
			strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "s"), strings.HasSuffix(w, "i") && strings.HasSuffix(w, "qi"):
		default:
			out = append(out, w+"s")
		}
	}
	return out
}

// prefixIndex numbers a four-letter a-z string.
func prefixIndex(p string) (int, bool) {
	n := 0
	for i := 0; i < prefixLen; i++ {
		c := p[i]
		if c < 'a' || c > 'z' {
			return 0, false
		}
		n = n*26 + int(c-'a')
	}
	return n, true
}

// prefixEntries are the one-word prefix phrases that may start p.
func (d *Dict) prefixEntries(p string) []*entry {
	if len(d.byPrefix) == 0 {
		return nil
	}
	if i, ok := prefixIndex(p); ok {
		if d.prefixBits == nil || d.prefixBits[i/64]&(1<<(i%64)) == 0 {
			return nil
		}
	} else if !d.otherPrefix {
		return nil
	}
	return d.byPrefix[p]
}
