// The country an official serves, when the gazetteer does not say. The
// words of their roles come first ("le ministre malien", "Spain's justice
// minister", "chef des garde-côtes à Nouadhibou"), then what the text says
// of them as a group ("La délégation marocaine comprenait : – X, …",
// "plusieurs officiers mauritaniens, dont le colonel X", "X, …, côté
// mauritanien"), then the national bodies their roles name. An official of
// an international body serves none. Last, a role with no country of its
// own takes the one country its sentence names, else the one the paragraph
// names before it, else, for a national office ("government spokesman"),
// the article's leading country.

package extract

// placePeople gives each person the gazetteer leaves without a country the
// country the text gives them.
func (s *state) placePeople() {
	var ev []string
	for _, p := range s.people {
		if p.official != nil {
			continue // the gazetteer says, "" for an international official
		}
		if ev == nil {
			ev = s.evidenceByToken()
		}
		p.country = s.countryOfPerson(p, ev)
	}
}

// evidenceByToken is, for each token, the country that a mention starting
// there names: a country, a demonym, a place, a national body. Tokens of
// people's names name none ("Mohamed Al Kuwaiti"). It also marks the
// tokens inside agencies' names (inAgencyName).
func (s *state) evidenceByToken() []string {
	s.sc.countryAt = grow(s.sc.countryAt, len(s.toks))
	s.sc.inAgency = grow(s.sc.inAgency, len(s.toks))
	ev := s.sc.countryAt
	inName := s.sc.inNames // marked by shortMentions, just before
	for _, kind := range []Kind{KindCountry, KindPlace} {
		for _, e := range s.ents[kind] {
			cc := e.ID
			if kind == KindPlace {
				cc = e.Country
			}
			for _, m := range e.Mentions {
				if k := int(m.tokens[0]); m.tokens[1] > m.tokens[0] && !inName[k] {
					ev[k] = cc
				}
			}
		}
	}
	for _, sp := range s.agencySpans {
		for k := sp.start; k < sp.end; k++ {
			s.sc.inAgency[k] = true
		}
		if !inName[sp.start] {
			ev[sp.start] = sp.country
			if sp.country == "" {
				ev[sp.start] = international
			}
		}
	}
	return ev
}

// international marks, in the evidence, a body of no country.
const international = "-"

// oneCountry is the country that tokens [a,b) name, if they name exactly
// one; skip tells tokens not to count.
func oneCountry(ev []string, a, b int, skip func(k int) bool) string {
	one := ""
	for k := max(a, 0); k < b && k < len(ev); k++ {
		cc := ev[k]
		if cc == "" || skip != nil && skip(k) {
			continue
		}
		if one != "" && cc != one {
			return ""
		}
		one = cc
	}
	return one
}

func (s *state) countryOfPerson(p *person, ev []string) string {
	// a country in brackets after the name: "X (Niger), Y (Tchad)"
	for _, n := range p.nameSpans {
		if k := n[1]; k+2 < len(s.toks) && s.toks[k].Fold == "(" {
			if cc, e := s.countryAt(k+1, false); cc != "" && e < len(s.toks) && s.toks[e].Fold == ")" {
				return cc
			}
		}
	}
	diplomat := false
	for _, r := range p.roleSpans {
		for k := r[0]; k < r[1]; k++ {
			if diplomatHeads[s.toks[k].Fold] {
				diplomat = true
			}
		}
	}
	// the words of a role, and those that qualify it from the left
	// ("Spain's justice minister"); a diplomat's posting is not their country
	for _, r := range p.roleSpans {
		var countries []string
		for k := s.qualifierStart(r[0]); k < r[1]; k++ {
			if cc := ev[k]; cc != "" && cc != international && !s.inAgencyName(k) && !(diplomat && k > 0 && postingWords[s.toks[k-1].Fold]) {
				countries = appendNew(countries, cc)
			}
		}
		switch {
		case len(countries) == 0:
		case !s.pluralTitle(r):
			return countries[0]
		case len(countries) == 1:
			return countries[0]
		case p.inList >= 0 && p.inList < len(countries):
			// "the presidents of A and B, X and Y": in the order named
			return countries[p.inList]
		default:
			return "" // a title of several countries: whose is not said
		}
	}
	if cc := s.ofAfterName(p, ev); cc != "" {
		return cc
	}
	if cc := s.sideAfter(p); cc != "" {
		return cc
	}
	if cc := s.groupCountry(p, ev); cc != "" && cc != international {
		return cc
	}
	// the bodies a role names; an international one makes an international official
	for _, r := range p.roleSpans {
		for _, sp := range s.agencySpans {
			if sp.start >= r[0] && sp.end <= r[1] {
				return sp.country
			}
		}
	}
	if len(p.nameSpans) == 0 || len(p.roleSpans) == 0 {
		return ""
	}
	if cc, ok := s.bodyHeaded(p); ok {
		return cc
	}
	name := p.nameSpans[0]
	notOwnName := func(k int) bool { return k >= name[0] && k < name[1] }
	// a sentence that names one international body and no country speaks
	// of an international official
	switch cc := oneCountry(ev, s.sentenceStart(name[0]), s.sentenceEnd(name[1]), notOwnName); cc {
	case international:
		return ""
	case "":
	default:
		return cc
	}
	if cc := oneCountry(ev, s.blockStart(name[0]), name[0], nil); cc != "" && cc != international {
		return cc
	}
	for _, r := range p.roleSpans {
		for k := s.qualifierStart(r[0]); k < r[1]; k++ {
			if nationalWords[s.toks[k].Fold] || forceRanks[s.toks[k].Fold] {
				return s.dominantCountry()
			}
		}
	}
	return ""
}

// ofAfterName reads the body a person is "of", right after their name:
// "Judge X of the Audiencia Nacional", "Major General Y of the General
// Directorate of Narcotics Affairs at Iraq's Ministry of Interior".
func (s *state) ofAfterName(p *person, ev []string) string {
	for _, n := range p.nameSpans {
		k := n[1]
		if k >= len(s.toks) || !(s.toks[k].Fold == "of" || s.toks[k].Fold == "du" || s.toks[k].Fold == "de") || s.toks[k].Join != ' ' {
			continue
		}
		for stop := min(k+16, len(s.toks)); k < stop && s.toks[k].Fold != "," && !s.sentenceEndsAt(k) && !(s.toks[k].Break && k > n[1]); k++ {
			switch cc := ev[k]; cc {
			case "":
			case international:
				return ""
			default:
				return cc
			}
		}
	}
	return ""
}

// diplomatHeads are roles held abroad; postingWords introduce the posting.
var (
	diplomatHeads = set("ambassadeur", "ambassadrice", "ambassador", "consul", "envoy", "envoye", "charge")
	postingWords  = set("au", "aux", "en", "a", "in", "to", "aupres", "at")
)

// nationalWords name a state's own offices: a role with one of them and
// no other country is of the article's leading country.
var nationalWords = set("gouvernement", "government", "armee", "army", "marine", "navy", "gendarmerie", "police",
	"ministre", "minister", "ministere", "ministry", "presidence", "presidency", "premier", "prime")

// forceRanks are the ranks of armies and police forces, which are
// national: a rank with no other country is of the article's leading one.
var forceRanks = set("general", "generale", "amiral", "admiral", "commodore", "colonel", "capitaine", "captain",
	"lieutenant", "commandant", "brigadier", "marshal", "sergent", "sergeant", "adjudant", "commissaire",
	"superintendent", "gendarme", "caporal", "corporal")

// qualifierStart is where the words that qualify a role written before a
// name begin: up to four words to its left, not across a verb, a
// conjunction, punctuation or another name.
func (s *state) qualifierStart(start int) int {
	k := start
	for n := 0; n < 4 && k > 0; n++ {
		t := s.toks[k-1]
		if !t.Word || s.toks[k].Break || s.isBreaker(t) || t.is(wDeterminers) {
			break
		}
		if k >= 2 && s.nameWord(k-1, false) && s.nameWord(k-2, false) {
			break
		}
		k--
	}
	return k
}

// inAgencyName tells whether token k is inside an agency's name, as
// evidenceByToken marked them (inAgencySpan, without a look at each span).
func (s *state) inAgencyName(k int) bool { return s.sc.inAgency[k] }

// sideAfter reads the side a person is on, after their name or role: ",
// côté mauritanien", "du côté marocain", "on the Nigerian side".
func (s *state) sideAfter(p *person) string {
	end := 0
	for _, sp := range append(p.roleSpans, p.nameSpans...) {
		end = max(end, sp[1])
	}
	k := end
	if k < len(s.toks) && s.toks[k].Fold == "," {
		k++
	}
	if k+1 < len(s.toks) && s.toks[k].Fold == "du" && s.toks[k+1].Fold == "cote" {
		k++
	}
	if k+1 < len(s.toks) && s.toks[k].Fold == "cote" {
		if cc, _ := s.countryAt(k+1, true); cc != "" {
			return cc
		}
	}
	if k+3 < len(s.toks) && s.toks[k].Fold == "on" && s.toks[k+1].Fold == "the" && s.toks[k+3].Fold == "side" {
		if cc, _ := s.countryAt(k+2, true); cc != "" {
			return cc
		}
	}
	return ""
}

// headVerbs say that the subject heads the body that follows: "X, qui
// dirige depuis Abidjan le CRESMAO", "Y, who heads the UNODC".
var headVerbs = set("dirige", "dirigeait", "commande", "commandait", "preside", "presidait", "heads", "headed",
	"leads", "led", "commands", "chairs", "directs", "runs")

// bodyHeaded reads the body a person heads, said in a clause after their
// name: ", qui dirige … le X", ", à la tête du X", "who heads X". ok is
// false when there is none; an international body gives "".
func (s *state) bodyHeaded(p *person) (string, bool) {
	if r, ok := s.headingClause(p); ok {
		for _, sp := range s.agencySpans {
			if sp.end == r[1] && sp.start >= r[0] {
				return sp.country, true
			}
		}
	}
	return "", false
}

// headingClause is the span of the clause that says which body a person
// heads, from its verb to the end of the body's name: a function, where
// the title before the name may be only a rank ("le commodore X, qui
// dirige depuis Abidjan le CRESMAO").
func (s *state) headingClause(p *person) ([2]int, bool) {
	end := 0
	for _, sp := range append(p.roleSpans, p.nameSpans...) {
		end = max(end, sp[1])
	}
	return s.headingClauseAt(end)
}

// headingClauseAt reads the clause at token k that says which body the
// subject heads.
func (s *state) headingClauseAt(k int) ([2]int, bool) {
	if k < len(s.toks) && s.toks[k].Fold == "," {
		k++
	}
	var start int
	switch {
	case k+1 < len(s.toks) && (s.toks[k].Fold == "qui" || s.toks[k].Fold == "who") && headVerbs[s.toks[k+1].Fold]:
		start, k = k+1, k+2
	case k+2 < len(s.toks) && s.toks[k].Fold == "a" && s.toks[k+1].Fold == "la" && s.toks[k+2].Fold == "tete":
		start, k = k, k+3
	case k+3 < len(s.toks) && s.toks[k].Fold == "at" && s.toks[k+1].Fold == "the" && s.toks[k+2].Fold == "head" && s.toks[k+3].Fold == "of":
		start, k = k, k+4
	default:
		return [2]int{}, false
	}
	for stop := min(k+8, len(s.toks)); k < stop && !s.sentenceEndsAt(k) && !s.toks[k].Break; k++ {
		for _, sp := range s.agencySpans {
			if sp.start == k {
				return [2]int{start, sp.end}, true
			}
		}
	}
	return [2]int{}, false
}

// addHeadingRoles adds to each person the clause that says which body
// they head, as a role; its places are where the body sits, not the
// person's country, so it is kept apart from the titles (roleSpans).
func (s *state) addHeadingRoles() {
	for _, p := range s.people {
		if r, ok := s.headingClause(p); ok {
			p.roles = appendNew(p.roles, s.surface(r[0], r[1]))
			p.heading = append(p.heading, r)
		}
	}
}

// groupWords name a group of people the text then lists.
var groupWords = set("delegation", "delegations", "officiers", "officier", "officers", "officials", "responsables",
	"representants", "delegues", "membres", "members", "ministres", "ministers", "chefs", "chiefs", "hauts", "senior",
	"cadres", "autorites", "authorities", "militaires", "policiers", "diplomates", "diplomats", "participants")

// listWords open the list of a group: "…, dont le colonel X", "including".
var listWords = set("dont", "notamment", "including", "among", "parmi", "comprenait", "comprend", "composee", "compose")

// groupCountry is the country of the group a person is listed in: a
// sentence that names a group of one country and then lists it ("plusieurs
// officiers mauritaniens …, dont le colonel X"), or a list whose items
// follow a lead that ends with a colon ("La délégation marocaine
// comprenait : – X, …").
func (s *state) groupCountry(p *person, ev []string) string {
	if len(p.nameSpans) == 0 {
		return ""
	}
	i := p.nameSpans[0][0]
	start := s.sentenceStart(i)
	for k := i - 1; k > start; k-- {
		if s.toks[k].Word && listWords[s.toks[k].Fold] || s.toks[k].Fold == ":" {
			if s.hasGroupWord(start, k) {
				return oneCountry(ev, start, k, nil)
			}
			break
		}
	}
	// a list item: its block follows others like it, after a lead ending in ":"
	b := s.blockStart(i)
	for n := 0; n < 20 && b > 0; n++ {
		last := b - 1 // the last token of the block before
		if s.toks[last].Fold == ":" {
			lead := s.sentenceStart(last)
			if s.hasGroupWord(lead, last) {
				return oneCountry(ev, lead, last, nil)
			}
			return ""
		}
		prev := s.blockStart(last)
		if f := s.toks[last].Fold; f != ";" && f != "." && f != "," || last-prev > 60 {
			return ""
		}
		b = prev
	}
	return ""
}

func (s *state) hasGroupWord(a, b int) bool {
	for k := a; k < b; k++ {
		if s.toks[k].Word && groupWords[s.toks[k].Fold] {
			return true
		}
	}
	return false
}

// blockStart is the first token of the block of token i.
func (s *state) blockStart(i int) int {
	for i > 0 && !s.toks[i].Break {
		i--
	}
	return i
}

// sentenceStart is the first token of the sentence of token i: after the
// last full stop, question or exclamation mark or semicolon before it, in
// its block. The dot of an initial or an honorific ("M.", "J.T.") ends none.
func (s *state) sentenceStart(i int) int {
	for k := i - 1; k >= 0; k-- {
		if s.sentenceEndsAt(k) {
			return k + 1
		}
		if s.toks[k].Break {
			return k
		}
	}
	return 0
}

// sentenceEnd is the end (exclusive) of the sentence of token i.
func (s *state) sentenceEnd(i int) int {
	for k := i; k < len(s.toks); k++ {
		if s.toks[k].Break && k > i || s.sentenceEndsAt(k) {
			return k
		}
	}
	return len(s.toks)
}

func (s *state) sentenceEndsAt(k int) bool {
	switch s.toks[k].Fold {
	case "!", "?", ";":
		return true
	case ".":
		if k == 0 {
			return true
		}
		prev := s.toks[k-1]
		return !(prev.Word && (isInitial(prev) || prev.is(wHonorifics)))
	}
	return false
}
