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

// The tries are compiled into flat arrays that refer to each other by
// index: the extractor lives through a whole build, and every garbage
// collection marks what it holds. Tens of thousands of small nodes, maps and
// slices made most of that work; arrays of integers are marked as one object
// each and never scanned.

// entry is one phrase of the dictionary.
type entry struct {
	first, last string // its first and last folded words
	prefix      bool   // the last word is a prefix ("terroris*")
	targets     span   // in Dict.targets
}

// span is a range of one of a Dict's arrays.
type span struct{ lo, hi int32 }

// node is a node of a compiled trie. Node 0 is the root, so 0 also stands
// for no node.
type node struct {
	// kids are the children by the words' lexicon indexes, sorted: reading
	// a token is a search among a few integers, not a string hash.
	kids span // in Dict.kids
	// prefixes are phrases whose last word, a prefix, follows this node.
	prefixes span  // in Dict.prefixed
	entry    int32 // the phrase that ends at this node, in Dict.entries; -1 for none
}

type kid struct{ lex, node int32 }

// Dict finds gazetteer phrases in token streams, longest first. Phrases
// are a trie of folded words, so reading a token costs a search among a
// node's children, whatever the size of the gazetteer.
type Dict struct {
	nodes    []node
	kids     []kid
	prefixed []int32 // entry indexes, for node.prefixes
	entries  []entry
	targets  []target
	// byPrefix holds the one-word prefix phrases by their first prefixLen
	// bytes, packed (ranges of prefixed): a look-up hashes an integer.
	byPrefix map[uint32]span
	// prefixBits has a bit for each four-letter start of byPrefix (a-z
	// only), so most words skip the map look-up.
	prefixBits  []uint64
	otherPrefix bool // some prefix is not four letters a-z
	b           *dictBuilder
}

// dictBuilder is a Dict while phrases are added: a trie of maps, compiled
// by Dict.compile.
type dictBuilder struct {
	root     buildNode
	entries  []builtEntry
	byKey    map[string]int32 // phrase key → entries index
	byPrefix map[string][]int32
}

type buildNode struct {
	next     map[string]*buildNode
	entry    int32 // entries index + 1; 0 for none
	prefixes []int32
}

type builtEntry struct {
	words   []string
	prefix  bool
	targets []target
}

func (n *buildNode) child(w string) *buildNode {
	if n.next == nil {
		n.next = map[string]*buildNode{}
	}
	c := n.next[w]
	if c == nil {
		c = &buildNode{}
		n.next[w] = c
	}
	return c
}

// byLex is the child of node n for the word of lexicon index lex, or 0.
func (d *Dict) byLex(n int32, lex int32) int32 {
	r := d.nodes[n].kids
	kids := d.kids[r.lo:r.hi]
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
	return 0
}

const prefixLen = 4

func newDict() *Dict {
	return &Dict{b: &dictBuilder{byKey: map[string]int32{}, byPrefix: map[string][]int32{}}}
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
	b := d.b
	key := strings.Join(words, " ")
	if prefix {
		key += "*"
	}
	id, ok := b.byKey[key]
	if !ok {
		id = int32(len(b.entries))
		b.entries = append(b.entries, builtEntry{words: words, prefix: prefix})
		b.byKey[key] = id
		switch {
		case prefix && len(words) == 1:
			p := words[0][:prefixLen]
			b.byPrefix[p] = append(b.byPrefix[p], id)
			if i, ok := prefixIndex(p); ok {
				if d.prefixBits == nil {
					d.prefixBits = make([]uint64, 26*26*26*26/64+1)
				}
				d.prefixBits[i/64] |= 1 << (i % 64)
			} else {
				d.otherPrefix = true
			}
		case prefix:
			n := &b.root
			for _, w := range words[:len(words)-1] {
				n = n.child(w)
			}
			n.prefixes = append(n.prefixes, id)
		default:
			n := &b.root
			for _, w := range words {
				n = n.child(w)
			}
			n.entry = id + 1
		}
	}
	e := &b.entries[id]
	for _, x := range e.targets {
		if x.kind == t.kind && x.id == t.id && x.flags == t.flags {
			return
		}
	}
	e.targets = append(e.targets, t)
}

// compile ends the building: the trie goes to the flat arrays, each word
// given its lexicon index by lexID, and words by intern. Each phrase's
// targets are sorted by kind, so that the targets of one kind are a run of
// them; data order is kept within a kind, since it breaks ties. It returns
// the nodes of the phrases' first words.
func (d *Dict) compile(lexID func(word string) int32, intern func(string) string) map[string]int32 {
	b := d.b
	d.b = nil
	d.entries = make([]entry, len(b.entries))
	for i, e := range b.entries {
		sort.SliceStable(e.targets, func(i, j int) bool { return readingKind(e.targets[i].kind) < readingKind(e.targets[j].kind) })
		lo := int32(len(d.targets))
		d.targets = append(d.targets, e.targets...)
		d.entries[i] = entry{first: intern(e.words[0]), last: intern(e.words[len(e.words)-1]), prefix: e.prefix,
			targets: span{lo, int32(len(d.targets))}}
	}
	d.byPrefix = make(map[uint32]span, len(b.byPrefix))
	for p, ids := range b.byPrefix {
		lo := int32(len(d.prefixed))
		d.prefixed = append(d.prefixed, ids...)
		d.byPrefix[packPrefix(p)] = span{lo, int32(len(d.prefixed))}
	}
	d.nodes = []node{{}}
	at := map[*buildNode]int32{}
	var add func(n *buildNode) int32
	add = func(n *buildNode) int32 {
		i := int32(len(d.nodes))
		d.nodes = append(d.nodes, node{})
		at[n] = i
		d.fill(i, n, lexID, add)
		return i
	}
	d.fill(0, &b.root, lexID, add)
	firsts := make(map[string]int32, len(b.root.next))
	for w, c := range b.root.next {
		firsts[intern(w)] = at[c]
	}
	return firsts
}

// fill writes node at's entry, prefixes and children (made by add).
func (d *Dict) fill(at int32, n *buildNode, lexID func(string) int32, add func(*buildNode) int32) {
	lo := int32(len(d.prefixed))
	d.prefixed = append(d.prefixed, n.prefixes...)
	d.nodes[at].prefixes = span{lo, int32(len(d.prefixed))}
	d.nodes[at].entry = n.entry - 1
	kids := make([]kid, 0, len(n.next))
	for w, c := range n.next {
		kids = append(kids, kid{lexID(w), add(c)})
	}
	slices.SortFunc(kids, func(a, b kid) int { return int(a.lex - b.lex) })
	klo := int32(len(d.kids))
	d.kids = append(d.kids, kids...)
	d.nodes[at].kids = span{klo, int32(len(d.kids))}
}

// match is a phrase found in a token stream.
type match struct {
	start, end int // token range
	targets    []target
}

// candidate is a phrase that matches from a token, before its constraints.
type candidate struct {
	e   int32 // in Dict.entries
	end int
}

// matchAt returns the longest phrase that matches at token i, with the
// targets whose constraints hold.
func (d *Dict) matchAt(text string, toks []Token, i int) (match, bool) {
	if !toks[i].Word {
		return match{}, false
	}
	first := int32(0)
	if toks[i].lex >= 0 {
		first = d.byLex(0, toks[i].lex)
	}
	return d.matchFrom(text, toks, i, first)
}

// matchFrom is matchAt with the trie node of token i already looked up.
func (d *Dict) matchFrom(text string, toks []Token, i int, first int32) (match, bool) {
	t := &toks[i]
	if !t.Word {
		return match{}, false
	}
	var starts []int32 // one-word prefix phrases
	if len(t.Fold) >= prefixLen {
		starts = d.prefixEntries(t.Fold[:prefixLen])
	}
	if first == 0 && len(starts) == 0 {
		return match{}, false // most words: no phrase starts with them
	}
	var buf [8]candidate
	cands := buf[:0]
	for _, e := range starts {
		if strings.HasPrefix(t.Fold, d.entries[e].first) {
			cands = append(cands, candidate{e, i + 1})
		}
	}
	n := first
	for k := i; n != 0; {
		nd := &d.nodes[n]
		if nd.entry >= 0 {
			cands = append(cands, candidate{nd.entry, k + 1})
		}
		k++
		if k >= len(toks) || !toks[k].Word || toks[k].Break {
			break
		}
		tk := toks[k]
		for _, e := range d.prefixed[nd.prefixes.lo:nd.prefixes.hi] {
			if strings.HasPrefix(tk.Fold, d.entries[e].last) {
				cands = append(cands, candidate{e, k + 1})
			}
		}
		if tk.lex < 0 {
			break // a word no phrase has
		}
		n = d.byLex(n, tk.lex)
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
		if m, ok := d.accept(text, toks, i, c); ok {
			return m, true
		}
		cands = append(cands[:bi], cands[bi+1:]...)
	}
	return match{}, false
}

// accept keeps the targets of a candidate whose constraints hold.
func (d *Dict) accept(text string, toks []Token, i int, c candidate) (match, bool) {
	r := d.entries[c.e].targets
	ts := d.targets[r.lo:r.hi:r.hi]
	all := true
	for _, t := range ts {
		if !t.accepts(text, toks, i, c.end) {
			all = false
			break
		}
	}
	if all {
		return match{start: i, end: c.end, targets: ts}, true
	}
	var targets []target
	for _, t := range ts {
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

// mayStart tells, cheaply, whether a phrase may start at token t, whose
// first trie node is first: the callers ask it of every token, and most
// start none. matchFrom gives the answer.
func (d *Dict) mayStart(t *Token, first int32) bool {
	return first != 0 || d.prefixed != nil && d.prefixStarts(t)
}

// prefixStarts stays a call, so that mayStart is inlined into the loops.
//
//go:noinline
func (d *Dict) prefixStarts(t *Token) bool {
	return t.Word && len(t.Fold) >= prefixLen && len(d.prefixEntries(t.Fold[:prefixLen])) > 0
}

// prefixEntries are the one-word prefix phrases that may start p.
func (d *Dict) prefixEntries(p string) []int32 {
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
	r := d.byPrefix[packPrefix(p)]
	return d.prefixed[r.lo:r.hi]
}

// packPrefix packs the prefixLen bytes of p.
func packPrefix(p string) uint32 {
	return uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
}
