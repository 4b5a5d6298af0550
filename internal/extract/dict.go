package extract

import (
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
	exact   string // the written form, for exactCase
}

// entry is one phrase of the dictionary.
type entry struct {
	words   []string // folded words
	prefix  bool     // the last word is a prefix ("terroris*")
	targets []target
}

// Dict finds gazetteer phrases in token streams, longest first.
type Dict struct {
	byFirst  map[string][]*entry
	byPrefix map[string][]*entry // prefix entries by the first prefixLen bytes of their first word
	entries  map[string]*entry   // by phrase key, while building
}

const prefixLen = 4

func newDict() *Dict {
	return &Dict{byFirst: map[string][]*entry{}, byPrefix: map[string][]*entry{}, entries: map[string]*entry{}}
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
	if prefix && len(words[len(words)-1]) < prefixLen && len(words) == 1 {
		prefix = false // too short to be a useful prefix
	}
	if t.flags&exactCase != 0 {
		t.exact = phrase
	}
	key := strings.Join(words, " ")
	if prefix {
		key += "*"
	}
	e := d.entries[key]
	if e == nil {
		e = &entry{words: words, prefix: prefix}
		d.entries[key] = e
		if prefix && len(words) == 1 {
			d.byPrefix[words[0][:prefixLen]] = append(d.byPrefix[words[0][:prefixLen]], e)
		} else {
			d.byFirst[words[0]] = append(d.byFirst[words[0]], e)
		}
	}
	for _, x := range e.targets {
		if x.kind == t.kind && x.id == t.id && x.flags == t.flags {
			return
		}
	}
	e.targets = append(e.targets, t)
}

// freeze sorts candidates longest first, so the first match is the longest.
func (d *Dict) freeze() {
	for _, m := range []map[string][]*entry{d.byFirst, d.byPrefix} {
		for _, list := range m {
			sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		}
	}
	d.entries = nil
}

// match is a phrase found in a token stream.
type match struct {
	start, end int // token range
	targets    []target
}

// matchAt returns the longest entry that matches at token i, with the
// targets whose constraints hold.
func (d *Dict) matchAt(text string, toks []Token, i int) (match, bool) {
	t := toks[i]
	if !t.Word {
		return match{}, false
	}
	if m, ok := d.tryList(text, toks, i, d.byFirst[t.Fold]); ok {
		return m, true
	}
	if len(t.Fold) >= prefixLen {
		if m, ok := d.tryList(text, toks, i, d.byPrefix[t.Fold[:prefixLen]]); ok {
			return m, true
		}
	}
	return match{}, false
}

func (d *Dict) tryList(text string, toks []Token, i int, list []*entry) (match, bool) {
	for _, e := range list {
		end, ok := e.matches(toks, i)
		if !ok {
			continue
		}
		var targets []target
		for _, t := range e.targets {
			if t.accepts(text, toks, i, end) {
				targets = append(targets, t)
			}
		}
		if len(targets) > 0 {
			return match{start: i, end: end, targets: targets}, true
		}
	}
	return match{}, false
}

// matches tells whether the entry's words follow each other from token i,
// with nothing but spaces, hyphens and apostrophes between them.
func (e *entry) matches(toks []Token, i int) (end int, ok bool) {
	n := len(e.words)
	if i+n > len(toks) {
		return 0, false
	}
	for k, w := range e.words {
		t := toks[i+k]
		if !t.Word || (k > 0 && t.Break) {
			return 0, false
		}
		last := k == n-1
		if last && e.prefix {
			if !strings.HasPrefix(t.Fold, w) {
				return 0, false
			}
		} else if t.Fold != w {
			return 0, false
		}
	}
	return i + n, true
}

func (t target) accepts(text string, toks []Token, start, end int) bool {
	first := toks[start]
	switch {
	case t.flags&exactCase != 0:
		return sameWords(text, toks[start:end], t.exact)
	case t.flags&needCap != 0:
		return first.Cap
	}
	return true
}

// sameWords compares the words of a span with a written form, case and
// accents included, ignoring what joins them.
func sameWords(text string, toks []Token, written string) bool {
	var words []string
	for _, tk := range Tokenize(written) {
		if tk.Word {
			words = append(words, written[tk.Start:tk.End])
		}
	}
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
