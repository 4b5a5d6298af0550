// People: the gazetteer's officials and the people named with the title of
// a public office (roles.go), their later short mentions ("M. Koné"), and
// their entities with the bodies their roles name. A capitalised name
// alone is no official: the gazetteer or a title must say so.

package extract

import (
	"slices"
	"strings"

	"digest/internal/gazetteer"
)

// person is an official found in one article.
type person struct {
	official  *gazetteer.Official // nil for a person the gazetteer lacks
	name      string
	key       string
	skel      string // skeleton of key
	country   string
	roles     []string
	roleSpans [][2]int
	heading   [][2]int // clauses saying which body the person heads
	// inList is the person's place in the list of names a plural title
	// heads ("the presidents of A and B, X and Y": X 0, Y 1), or -1
	inList    int
	nameSpans [][2]int
	surnames  []string // folded, words joined by spaces
	mentions  []Mention
}

// officialMatch is a gazetteer official read by the dictionary.
type officialMatch struct {
	o          *gazetteer.Official
	start, end int
}

// findPeople reads the officials of the article: those of the gazetteer,
// and people named with the title of a public office.
func (s *state) findPeople() {
	for _, om := range s.officialMatches {
		p := s.personFor(om.o, s.surface(om.start, om.end))
		s.addName(p, om.start, om.end)
		for _, r := range s.rolesAround(om.start, om.end) {
			s.addRole(p, r[0], r[1])
		}
	}
	// a plural title shared by the names listed after it, to the end of
	// its sentence: "les capitaines de vaisseau X, du CRESMAO, et Y, du CIC"
	var shared [2]int
	sharedUntil, sharedN := -1, 0
	for i := 0; i < len(s.toks); i++ {
		end := s.nameEnd(i)
		if end <= i {
			continue
		}
		if s.cover[i] >= 0 && s.matchKind(i) == KindOfficial {
			i = end - 1
			continue
		}
		if s.namedAfterPlace(i, end) {
			i = end - 1
			continue
		}
		roles := s.rolesAround(i, end)
		inList := -1
		for _, r := range roles {
			if s.pluralTitle(r) {
				shared, sharedUntil, sharedN, inList = r, s.sentenceEnd(end), 0, 0
			}
		}
		if len(roles) == 0 && i < sharedUntil && i > 0 {
			if f := s.toks[i-1].Fold; f == "et" || f == "and" || f == "," || f == "—" || f == "–" {
				roles = [][2]int{shared}
				sharedN++
				inList = sharedN
			}
		}
		name := s.nameText(i, end)
		key := PersonKey(name)
		o := s.x.officialKeys[key]
		// a near spelling of a known official, for a name read as a person
		if o == nil && (len(roles) > 0 || s.honorificBefore(i)) {
			o = s.x.fuzzyOfficial(key)
		}
		// no title, but a clause that says which body the person heads:
		// "X, qui dirige la police judiciaire", "Y, who heads Europol"
		_, headed := s.headingClauseAt(end)
		if o == nil && len(roles) == 0 && !headed || o == nil && s.surnameOfOne(i, end) {
			i = end - 1 // no person, or a later short mention ("Brig. Gen. Al-Qudah")
			continue
		}
		p := s.personFor(o, name)
		s.addName(p, i, end)
		for _, r := range roles {
			s.addRole(p, r[0], r[1])
		}
		if inList >= 0 {
			p.inList = inList
		}
		i = end - 1
	}
	s.shortMentions()
	s.addHeadingRoles()
	s.placePeople()
}

// personFor returns the article's person for an official or a name,
// merging spellings.
func (s *state) personFor(o *gazetteer.Official, name string) *person {
	var key string
	if o != nil {
		key = s.x.officialKey[o]
	} else {
		key = PersonKey(name)
	}
	skel := skeleton(key)
	for _, p := range s.people {
		if (o != nil && p.official == o) || samePersonSkel(p.key, p.skel, key, skel) {
			if p.official == nil && o != nil {
				p.official, p.name, p.key, p.skel = o, o.Name, key, skel
			}
			return p
		}
	}
	p := &person{official: o, name: name, key: key, skel: skel, inList: -1}
	if o != nil {
		p.name = o.Name
		p.country = o.Country
		if o.Surname != "" && !o.AmbiguousSurname {
			p.surnames = append(p.surnames, Fold(o.Surname))
		}
	}
	s.people = append(s.people, p)
	return p
}

func (s *state) addName(p *person, start, end int) {
	p.nameSpans = append(p.nameSpans, [2]int{start, end})
	m := s.mention(start, end)
	p.mentions = append(p.mentions, m)
	// Surnames: the last word, and the last two when the name has three or
	// more words or ends in a particle and a word ("El Ghazouani").
	var words []string
	for k := start; k < end; k++ {
		if s.toks[k].Word && !isRoman(s.toks[k]) && len(s.toks[k].Fold) > 1 {
			words = append(words, s.toks[k].Fold)
		}
	}
	if len(words) >= 2 {
		last := words[len(words)-1]
		p.surnames = appendNew(p.surnames, last)
		if len(words) >= 3 {
			p.surnames = appendNew(p.surnames, words[len(words)-2]+" "+last)
		}
	}
}

func (s *state) addRole(p *person, start, end int) {
	role := s.surface(start, end)
	p.roles = appendNew(p.roles, role)
	p.roleSpans = append(p.roleSpans, [2]int{start, end})
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// countryOfSpan is the first country a span names, by name, demonym,
// place or national agency; "" when it names an international body first.
func (s *state) countryOfSpan(start, end int) string {
	for k := start; k < end; k++ {
		for _, sp := range s.agencySpans {
			if sp.start == k {
				return sp.country
			}
		}
		if c, _ := s.countryAt(k, false); c != "" {
			return c
		}
	}
	return ""
}

// nameEnd returns the end of a person's name starting at token i, or i.
// A name is two or more capitalised words, with particles (ben, ould, al-,
// de), initials (J.T.) and a regnal number (Mohammed VI) allowed.
func (s *state) nameEnd(i int) int {
	if !s.nameWord(i, true) {
		return i
	}
	words := 1
	k := i + 1
	for k < len(s.toks) && !s.toks[k].Break {
		t := s.toks[k]
		switch {
		case t.Fold == "." && k+1 < len(s.toks) && isInitial(s.toks[k-1]) && s.nameWord(k+1, false):
			k++ // the dot of an initial
			continue
		case t.Join == 0 && !isInitial(s.toks[k-1]) && s.toks[k-1].Word:
			// a word glued to the previous without space or joiner is not a new word
		case isRoman(t) && words >= 1 && t.Join == ' ':
			return k + 1
		case t.Word && t.is(wParticles) && k+1 < len(s.toks) && s.nameWord(k+1, false) && !s.toks[k+1].Break:
			k++
			continue
		case s.nameWord(k, false):
			words++
			k++
			continue
		}
		break
	}
	if words < 2 {
		return i
	}
	return k
}

// nameWord tells whether token k can be part of a name.
func (s *state) nameWord(k int, first bool) bool {
	t := &s.toks[k]
	if !t.Word || !t.Cap {
		return false
	}
	if isInitial(*t) {
		if s.honorificInitials(k) {
			return false
		}
		if k+1 < len(s.toks) && s.toks[k+1].Fold == "." {
			// "M." is Monsieur in French news, not an initial
			return t.Fold != "m"
		}
	}
	if t.Caps {
		// a surname in capitals after a first name: "Mikkel HANSEN"
		capsSurname := !first && s.cover[k] < 0 && k > 0 && s.toks[k-1].Word && s.toks[k-1].Cap && !s.toks[k-1].Caps && !isInitial(s.toks[k-1])
		if len(t.Fold) > 3 && !capsSurname {
			return false // an acronym
		}
		if !(k+1 < len(s.toks) && s.toks[k+1].Word && s.toks[k+1].Cap && !s.toks[k+1].Caps) && !capsSurname {
			return false // "MG Oamen" yes, "DGSN" no
		}
	}
	if first && (t.is(wHonorifics) || t.is(wParticles)) && t.Fold != "al" && t.Fold != "el" && t.Fold != "abd" && t.Fold != "abou" && t.Fold != "abu" {
		return false
	}
	if t.is(wStopCap) || t.is(wRoleHeads) || t.is(wRankTitles) || t.is(wHonorifics) || t.is(wTitleWords) {
		return false
	}
	if mi := s.cover[k]; mi >= 0 {
		afterParticle := k > 0 && (s.toks[k-1].Fold == "al" || s.toks[k-1].Fold == "el") && s.matches[mi].start == k
		for _, tg := range s.matches[mi].targets {
			switch {
			case tg.kind == KindOfficial:
				return true
			case afterParticle && (tg.kind == KindDemonym || tg.kind == KindCountry || tg.kind == KindPlace):
				return true // "Al Kuwaiti", "El Masri": a name
			case tg.flags&ambiguous == 0:
				return false
			}
		}
	}
	return true
}

func isInitial(t Token) bool { return t.Word && t.Cap && len(t.Fold) == 1 }

// honorificInitials tells whether token k is a letter of "H.E." (His or
// Her Excellency) or "S.E." (Son Excellence), which stand before a name.
func (s *state) honorificInitials(k int) bool {
	at := func(i int, fold string) bool {
		return i >= 0 && i < len(s.toks) && s.toks[i].Fold == fold && (fold == "." || isInitial(s.toks[i]))
	}
	first := func(i int) bool { return at(i, "h") || at(i, "s") }
	return first(k) && at(k+1, ".") && at(k+2, "e") && at(k+3, ".") ||
		at(k, "e") && at(k+1, ".") && at(k-1, ".") && first(k-2)
}

func isRoman(t Token) bool {
	if !t.Word || !t.Caps {
		return false
	}
	for _, c := range t.Fold {
		if c != 'i' && c != 'v' && c != 'x' {
			return false
		}
	}
	return true
}

// nameText is a name as written, with the dots of initials; a surname
// written in capitals ("Mikkel HANSEN") is written as a name.
func (s *state) nameText(start, end int) string {
	name := s.surface(start, end)
	for k := start + 1; k < end; k++ {
		if t := s.toks[k]; t.Caps && !isRoman(t) && len(t.Fold) > 1 {
			w := s.text[t.Start:t.End]
			rs := []rune(strings.ToLower(w))
			rs[0] = []rune(w)[0]
			name = strings.Replace(name, w, string(rs), 1)
		}
	}
	return name
}

// namedAfterPlace: "stade Prince Moulay Abdellah", "Prince Moulay Abdellah
// Stadium", "amphithéâtre Général Mamadou Niang", "le plan Mattei".
func (s *state) namedAfterPlace(start, end int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		t := s.toks[k]
		if !t.Word {
			break
		}
		if t.is(wPlaceNouns) {
			return true
		}
		if !t.is(wRankTitles) && !t.is(wHonorifics) && !t.Cap {
			break
		}
	}
	if end < len(s.toks) && s.toks[end].Word && s.toks[end].is(wPlaceNouns) && s.toks[end].Cap {
		return true
	}
	return false
}

// shortMentions links later mentions to the article's people: "M. Koné",
// "le général Diomandé", "Mr Saied", and a bare surname that only one
// person of the article bears.
func (s *state) shortMentions() {
	owner := map[string]*person{}
	shared := map[string]bool{}
	for _, p := range s.people {
		for _, sn := range p.surnames {
			if o, ok := owner[sn]; ok && o != p {
				shared[sn] = true
			}
			owner[sn] = p
		}
	}
	s.sc.inNames = s.markNames(s.sc.inNames)
	inName := s.sc.inNames
	// "M. Hammouchi" with no full name in the article: the gazetteer's
	// official of that surname, when a title or an honorific says it is a person
	for i := 1; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.Word || !t.Cap || !t.is(wSurname) || owner[t.Fold] != nil || s.cover[i] >= 0 && s.matchKind(i) != KindOfficial {
			continue
		}
		o := s.x.surnames[t.Fold]
		if o == nil {
			continue
		}
		prev := s.toks[i-1]
		titled := prev.Word && (prev.is(wHonorifics) || prev.is(wRankTitles)) ||
			prev.Fold == "." && i >= 2 && s.toks[i-2].is(wHonorifics)
		if !titled || i+1 < len(s.toks) && s.nameWord(i+1, false) && s.toks[i+1].Join == ' ' {
			continue
		}
		p := s.personFor(o, o.Name)
		for _, sn := range p.surnames {
			owner[sn] = p
		}
		owner[t.Fold] = p
	}
	// an article names a few people: a list is quicker than a map
	var firstWords []string
	for sn := range owner {
		w, _, _ := strings.Cut(sn, " ")
		if !slices.Contains(firstWords, w) {
			firstWords = append(firstWords, w)
		}
	}
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.Word || !t.Cap || inName[i] || t.is(wStopCap) || len(t.Fold) < 3 && !t.Caps || !slices.Contains(firstWords, t.Fold) {
			continue
		}
		// the longest surname (two words, then one) that starts here
		var p *person
		n := 0
		var kb [64]byte
		for _, w := range [2]int{2, 1} {
			if i+w > len(s.toks) {
				continue
			}
			key, ok := kb[:0], true
			for j, x := range s.toks[i : i+w] {
				if !x.Word {
					ok = false
				}
				if j > 0 {
					key = append(key, ' ')
				}
				key = append(key, x.Fold...)
			}
			// owner[string(key)] looks up without making a string
			if ok && owner[string(key)] != nil && !shared[string(key)] {
				p, n = owner[string(key)], w
				break
			}
		}
		if p == nil {
			continue
		}
		// a capitalised word right after makes it another name
		if i+n < len(s.toks) && s.nameWord(i+n, false) && s.toks[i+n].Join == ' ' && !s.toks[i+n].Break {
			continue
		}
		start := i
		if i >= 2 && s.toks[i-1].Fold == "." && s.toks[i-2].is(wHonorifics) {
			start = i - 2
		} else if i >= 1 && (s.toks[i-1].is(wHonorifics) || s.toks[i-1].is(wRankTitles)) && s.toks[i-1].Word {
			start = i - 1
		}
		p.mentions = append(p.mentions, s.mention(start, i+n))
		i += n - 1
	}
}

// finishPeople turns people into entities, with the agencies their roles name.
func (s *state) finishPeople() {
	for _, p := range s.people {
		var id string
		if p.official != nil {
			id = p.official.ID
		} else {
			id = idOf(p.name)
		}
		e := s.entity(KindOfficial, id)
		e.Name = p.name
		e.Country = p.country
		e.Roles = s.functionsFirst(p)
		if len(e.Roles) == 0 && p.official != nil && len(p.official.Roles) > 0 {
			e.Roles = []string{p.official.Roles[len(p.official.Roles)-1].Title(s.x.lang)}
		}
		for _, r := range append(p.roleSpans, p.heading...) {
			for _, sp := range s.agencySpans {
				if sp.start >= r[0] && sp.end <= r[1] {
					e.Agencies = appendNew(e.Agencies, sp.id)
				}
			}
		}
		slices.SortStableFunc(p.mentions, func(x, y Mention) int {
			a, b := x.Loc, y.Loc
			if a.Field != b.Field {
				return int(a.Field) - int(b.Field)
			}
			return a.Start - b.Start
		})
		if e.Mentions == nil {
			e.Mentions = slices.Clip(p.mentions) // p is done with them
		} else {
			e.Mentions = append(e.Mentions, p.mentions...)
		}
	}
}

// honorificBefore: "M. X", "Mr X", "Dr X" name a person.
func (s *state) honorificBefore(i int) bool {
	return i >= 1 && s.toks[i-1].is(wHonorifics) ||
		i >= 2 && s.toks[i-1].Fold == "." && s.toks[i-2].is(wHonorifics)
}

// idOf is the slug of a name, as slug.Make makes it (ASCII letters and
// digits of the folded name, joined by hyphens), from the fold table.
func idOf(name string) string {
	var fb, buf [64]byte
	f := appendFold(fb[:0], name)
	b := buf[:0]
	hyphen := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if hyphen && len(b) > 0 {
				b = append(b, '-')
			}
			hyphen = false
			b = append(b, c)
		} else {
			hyphen = true
		}
	}
	return string(b)
}

// markNames marks, in buf made as long as the tokens, the tokens of the
// names of the people found so far.
func (s *state) markNames(buf []bool) []bool {
	buf = grow(buf, len(s.toks))
	for _, p := range s.people {
		for _, sp := range p.nameSpans {
			for k := sp[0]; k < sp[1]; k++ {
				buf[k] = true
			}
		}
	}
	return buf
}

// functionsFirst are a person's roles, those that say a function before
// those of one word ("ambassadeur"), and those before the ones that are
// only a rank or a relation ("directeur de la police judiciaire" before
// "préfet de police"); a counterpart's function is the other's.
func (s *state) functionsFirst(p *person) []string {
	weight := map[string]int{}
	bare := 0
	for _, r := range p.roleSpans {
		role := s.surface(r[0], r[1])
		switch {
		case s.bareRole(r):
			weight[role] = 2
			bare++
		case s.words(r) == 1:
			weight[role] = max(weight[role], 1)
		}
	}
	roles := p.roles
	if bare > 0 && bare == len(p.roleSpans) && len(p.heading) == 0 {
		if r := s.counterpartRole(p); r != "" {
			roles = append([]string{r}, roles...)
		}
	}
	slices.SortStableFunc(roles, func(a, b string) int { return weight[a] - weight[b] })
	return roles
}

// words counts the words of a span.
func (s *state) words(r [2]int) int {
	n := 0
	for k := r[0]; k < r[1]; k++ {
		if s.toks[k].Word {
			n++
		}
	}
	return n
}

// surnameOfOne tells whether the name at [start,end) is the surname of a
// person named before ("Hassan Al-Qudah", then "Al-Qudah").
func (s *state) surnameOfOne(start, end int) bool {
	var kb [64]byte
	key, n := kb[:0], 0
	for k := start; k < end; k++ {
		if s.toks[k].Word {
			if n > 0 {
				key = append(key, ' ')
			}
			key = append(key, s.toks[k].Fold...)
			n++
		}
	}
	for _, p := range s.people {
		for _, sn := range p.surnames {
			if sn == string(key) {
				return true
			}
		}
	}
	return false
}
