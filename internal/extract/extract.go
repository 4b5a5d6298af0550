// Package extract finds the countries, regions, places, agencies, officials
// and themes an article speaks of. It is the enrich stage of the build and
// the engine of `digest extract`.
//
// Extract (extract.go) reads the article's plain text (title, summary, body
// text nodes), splits it into tokens (token.go, fold.go), finds gazetteer
// phrases longest first (dict.go, matches.go), then applies rules, a file
// per family: acronyms defined in the article (acronyms.go), bodies named
// by their city (citybodies.go) and general staffs (staffs.go), the
// gazetteer's agencies and ambiguous acronyms (agencies.go), national
// bodies named by kind and country, "police nationale du Mali", "Beninese
// army" (national.go), people named with a title or apposition and their
// later short mentions (people.go, roles.go, spellings.go), ministries
// named through their minister (ministries.go), the countries all of these
// name or bring (countries.go), themes (themes.go) and the front matter's
// overrides (overrides.go). The rules' word lists are in lexicon.go; the
// comments of Extract say why each pass sits where it does.
package extract

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"digest/internal/gazetteer"
)

// Extractor holds the compiled gazetteer. It is safe for concurrent use.
type Extractor struct {
	g      *gazetteer.Gazetteer
	dict   *Dict
	themes *Dict
	lang   string // the site's language, for names
	// agenciesByCountry lists each country's agencies, for rules that name
	// a body by its kind.
	agenciesByCountry map[string][]*gazetteer.Agency
	officialKeys      map[string]*gazetteer.Official
	skeletons         *skeletonIndex
	lex               *lexicon
	surnames          map[string]*gazetteer.Official
	officialKey       map[*gazetteer.Official]string // PersonKey of each official's name
	scratch           sync.Pool                      // of *scratch
	// folded names of agencies, for the rules that compare them
	agencyFolds map[*gazetteer.Agency]*agencyFold
}

// agencyFold holds an agency's names folded once.
type agencyFold struct {
	fr, en string
	names  []string // name_fr, name_en and aliases
	blob   string   // all of them and the id, for word searches
	// display is its name as pages show it
	display string
}

// New compiles an extractor. lang is the language names are given in.
func New(g *gazetteer.Gazetteer, lang string) *Extractor {
	x := &Extractor{g: g, dict: buildDict(g), themes: buildThemes(g), lang: lang,
		agenciesByCountry: map[string][]*gazetteer.Agency{}, officialKeys: map[string]*gazetteer.Official{}}
	x.agencyFolds = map[*gazetteer.Agency]*agencyFold{}
	for _, a := range g.Agencies {
		if a.Country != "" {
			x.agenciesByCountry[a.Country] = append(x.agenciesByCountry[a.Country], a)
		}
		f := &agencyFold{fr: Fold(a.NameFR), en: Fold(a.NameEN)}
		for _, n := range append([]string{a.NameFR, a.NameEN}, a.Aliases...) {
			if n != "" {
				f.names = append(f.names, Fold(n))
			}
		}
		f.blob = strings.Join(f.names, " | ") + " | " + Fold(a.ID)
		f.display = x.makeDisplayName(a)
		x.agencyFolds[a] = f
	}
	var keys []string
	x.officialKey = map[*gazetteer.Official]string{}
	for _, o := range g.Officials {
		x.officialKey[o] = PersonKey(o.Name)
		for _, n := range append([]string{o.Name}, o.Variants...) {
			k := PersonKey(n)
			if _, dup := x.officialKeys[k]; !dup {
				keys = append(keys, k)
			}
			x.officialKeys[k] = o
		}
	}
	x.skeletons = newSkeletonIndex(keys)
	// surnames that name one official only, for "M. Hammouchi" in an
	// article that never gives the full name
	x.surnames = map[string]*gazetteer.Official{}
	shared := map[string]bool{}
	for _, o := range g.Officials {
		if o.Surname == "" || o.AmbiguousSurname {
			continue
		}
		k := Fold(o.Surname)
		if prev, ok := x.surnames[k]; ok && prev != o {
			shared[k] = true
		}
		x.surnames[k] = o
	}
	for k := range shared {
		delete(x.surnames, k)
	}
	x.scratch.New = func() any { return &scratch{} }
	x.lex = &lexicon{index: map[string]int32{}}
	// Every word of every phrase gets an index, so that tokens walk the
	// tries by index; the words are copied into one string, so that the
	// phrases' own strings (and what the gazetteer's loading made) can go.
	words := map[string]string{}
	// A Builder only appends (or moves on to a larger buffer), so a string
	// cut from its String stays as it was.
	var arena strings.Builder
	arena.Grow(1 << 18)
	intern := func(w string) string {
		if v, ok := words[w]; ok {
			return v
		}
		arena.WriteString(w)
		all := arena.String()
		v := all[len(all)-len(w):]
		words[w] = v
		return v
	}
	entry := func(w string) *lexEntry {
		id, ok := x.lex.index[w]
		if !ok {
			w = intern(w)
			id = int32(len(x.lex.entries))
			x.lex.index[w] = id
			x.lex.entries = append(x.lex.entries, lexEntry{word: w})
		}
		return &x.lex.entries[id]
	}
	for w, f := range wordFlags {
		entry(w).flags = f
	}
	for k := range x.surnames {
		if !strings.Contains(k, " ") {
			entry(k).flags |= wSurname
		}
	}
	id := func(w string) int32 { entry(w); return x.lex.index[w] }
	ents, themes := x.dict.compile(id, intern), x.themes.compile(id, intern)
	// every word has its entry now: the tries' first nodes go by its index
	x.lex.firsts = make([]lexFirsts, len(x.lex.entries))
	for w, n := range ents {
		x.lex.firsts[x.lex.index[w]].ent = n
	}
	for w, n := range themes {
		x.lex.firsts[x.lex.index[w]].theme = n
	}
	x.lex.freeze()
	x.lex.index = nil
	return x
}

// Gazetteer is the data the extractor was compiled from.
func (x *Extractor) Gazetteer() *gazetteer.Gazetteer { return x.g }

// Input is an article as the extractor reads it.
type Input struct {
	File    string
	Lang    string
	Title   string
	Summary string // empty when it only repeats the first paragraph
	Body    []byte
	// Doc is the text the load stage made of title, summary and body
	// (NFC-normalised); when nil, the extractor reads the fields above.
	Doc *Doc
	// Front-matter lists: entities to add (ids, codes or names) and to drop.
	Countries, Agencies, Officials, Themes, Exclude []string
}

// state is the work of one extraction.
type state struct {
	x       *Extractor
	in      Input
	doc     *Doc
	text    string
	toks    []Token
	matches []match
	// cover maps a token to the match that covers it (-1 for none).
	cover []int
	// consumed marks tokens a rule has read as a whole, so that the
	// dictionary's reading of a part of them yields.
	consumed []bool
	// entities by kind, in the order found (an article names a few dozen:
	// a scan is cheaper than a map)
	ents [KindTheme + 1][]*Entity
	sc   *scratch // the extraction's reused buffers
	// countryEvidence counts direct mentions of each country (names,
	// demonyms, places), which decide between ambiguous readings.
	countryEvidence  map[string]int
	people           []*person
	officialMatches  []officialMatch
	pendingAmbiguous []pendingAgency
	agencySpans      []agencySpan
	learned          map[string]*gazetteer.Agency // acronyms defined in the article
	definedOther     map[string]bool              // acronyms it defines as no body
	warnings         []string
}

// Extract reads one article.
func (x *Extractor) Extract(in Input) *Result {
	s := &state{x: x, in: in, learned: map[string]*gazetteer.Agency{}, definedOther: map[string]bool{}}
	if in.Doc != nil {
		s.doc = in.Doc
	} else {
		body := in.Body
		if !norm.NFC.IsNormal(body) {
			body = norm.NFC.Bytes(body)
		}
		s.doc = NewDoc(normalize(in.Title), normalize(in.Summary), body)
	}
	s.text = s.doc.Text
	sc := x.scratch.Get().(*scratch)
	defer x.scratch.Put(sc)
	s.sc = sc
	if sc.evidence == nil {
		sc.evidence = map[string]int{}
	}
	clear(sc.evidence)
	s.countryEvidence = sc.evidence
	s.toks = sc.tokenize(s.text, x.lex)
	sc.cover, sc.consumed = grow(sc.cover, len(s.toks)), grow(sc.consumed, len(s.toks))
	s.cover, s.consumed, s.matches = sc.cover, sc.consumed, sc.matches[:0]
	s.agencySpans, s.officialMatches, s.pendingAmbiguous = sc.agencySpans[:0], sc.officialMatches[:0], sc.pending[:0]
	defer func() {
		sc.matches = s.matches[:0]
		sc.agencySpans, sc.officialMatches, sc.pending = s.agencySpans[:0], s.officialMatches[:0], s.pendingAmbiguous[:0]
	}()
	// The passes, in order; each says why it sits where it does. The agency
	// rules record through addAgency, whose spans and entities later passes read.
	s.findMatches()          // first: every rule reads the gazetteer's phrases (matches, cover)
	s.countDirectEvidence()  // before any choice by country (best, dominantCountry); fixed from here on
	s.learnAcronyms()        // before resolveMatches, which reads a defined acronym as the article defines it
	s.cityBodies()           // before resolveMatches, which yields the tokens it consumes ("Préfecture de police")
	s.generalStaffs()        // before resolveMatches, likewise ("des FAR"); needs the evidence (dominantCountry)
	s.resolveMatches()       // after the rules that overrule the dictionary; gives findPeople its officials
	s.qualifiedBodies()      // after resolveMatches, so a gazetteer name leads an agency's surfaces; before people
	s.findPeople()           // needs resolveMatches' officials and the agency spans so far (a role's country)
	s.dropPlacesInNames()    // needs people's names; before impliedCountries, which fills the countries it empties
	s.ministriesFromTitles() // needs people (a minister's country); before finishPeople, which links roles to bodies
	s.settleAmbiguous()      // after every agency rule: an ambiguous acronym stands if its body is named otherwise
	s.finishPeople()         // after every agency rule: an official's bodies are the agency spans in their roles
	s.impliedCountries()     // once agencies and officials are final and the places in names dropped
	s.findThemes()           // needs nothing above (a trie of its own); before applyOverrides
	s.applySuppressions()    // the site's corrections, after every reading pass, before the front matter
	s.applyMerges()          // then its merges, so that what the front matter names is named once
	s.applyOverrides()       // last: the front matter overrules every pass, and what it excludes stays out
	return s.result()
}

// surface is the text of a token range as written.
func (s *state) surface(start, end int) string {
	return s.text[s.toks[start].Start:s.toks[end-1].End]
}

func (s *state) mention(start, end int) Mention {
	a, b := s.toks[start].Start, s.toks[end-1].End
	return Mention{Surface: s.text[a:b], Loc: s.doc.Locate(a, b), tokens: [2]int32{int32(start), int32(end)}}
}

// entity returns the entity of a kind and id, creating it.
func (s *state) entity(kind Kind, id string) *Entity {
	if e := s.find(kind, id); e != nil {
		return e
	}
	e := &Entity{Kind: kind, ID: id}
	s.ents[kind] = append(s.ents[kind], e)
	return e
}

func (s *state) find(kind Kind, id string) *Entity {
	for _, e := range s.ents[kind] {
		if e.ID == id {
			return e
		}
	}
	return nil
}

func (s *state) has(kind Kind, id string) bool {
	e := s.find(kind, id)
	return e != nil && len(e.Mentions) > 0
}
