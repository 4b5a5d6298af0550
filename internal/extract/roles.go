// Titles of public office around a name: "le ministre de l'Intérieur, X",
// "le général X", "X, directeur général de la Sûreté nationale". They make
// a name an official's and give its country; a former role, or one that is
// no office (journalist, lawyer, suspect, MP), makes none.

package extract

import (
	"strings"
)

// rolesAround finds the titles of the office of the person named at
// [start,end): before the name ("le ministre de l'Intérieur, X", "le
// général X", "Interior Minister X") and in apposition after it ("X,
// directeur général de la Sûreté nationale").
func (s *state) rolesAround(start, end int) [][2]int {
	var roles [][2]int
	k := start - 1
	// honorific: "M. X", "Mr X" — not a role, but what stands before it may be
	if k >= 0 && s.toks[k].Fold == "." && k > 0 && s.toks[k-1].is(wHonorifics) {
		k -= 2
	} else if k >= 0 && s.toks[k].is(wHonorifics) {
		k--
	} else if k > 0 && s.toks[k].Fold == "." && s.toks[k-1].is(wRankTitles) && s.toks[k-1].Cap {
		k-- // a rank abbreviated: "Gen. X", "Lt. Col. Y"
	}
	for chunk := 0; chunk < 2 && k >= 0; chunk++ {
		comma := false
		// a title set off by a comma, a dash, a colon or a bracket: "le
		// procureur de la République (Jean le Guen)", "les chefs d'état-major — X"
		if f := s.toks[k].Fold; f == "," || f == "(" || f == ":" || f == "—" || f == "–" {
			comma = true
			k--
		}
		// a title that ends in a bracketed acronym: "la porte-parole du
		// Service national de police (NPS), X"
		if comma && k >= 2 && s.toks[k].Fold == ")" && s.toks[k-2].Fold == "(" {
			k -= 3
		}
		r, ok := s.roleEndingAt(k, comma)
		if !ok {
			break
		}
		roles = append(roles, r)
		k = r[0] - 1
		for k >= 0 && s.toks[k].Word && s.toks[k].is(wDeterminers) {
			k--
		}
		if k < 0 || s.toks[k].Fold != "," {
			break
		}
	}
	if r, ok := s.roleAfter(end); ok {
		roles = append(roles, r)
	}
	// a role held no more is left out ("l'ancien chef d'état-major, le
	// contre-amiral X" keeps the rank); one that is no office makes none
	var out [][2]int
	for _, r := range roles {
		switch {
		case s.roleIsFormer(r):
		case !s.roleIsPublic(r):
			return nil
		default:
			out = append(out, r)
		}
	}
	return out
}

// roleIsFormer tells whether a role is held no more: "ancien ministre",
// "former president".
func (s *state) roleIsFormer(r [2]int) bool {
	return r[0] > 0 && s.toks[r[0]-1].is(wFormerWords) || s.toks[r[0]].is(wFormerWords)
}

// roleEndingAt reads a role phrase whose last token is k: it starts at the
// first role head after the nearest breaker, extended left over the words
// that qualify it ("Italian Interior Minister").
func (s *state) roleEndingAt(k int, comma bool) ([2]int, bool) {
	if k < 0 || !s.toks[k].Word {
		return [2]int{}, false
	}
	// Without a comma the title touches the name: "le général X", "Interior
	// Minister X", "le préfet de police X".
	w := k
	for w > 0 && k-w < 14 {
		t := s.toks[w-1]
		if t.Fold == ")" && w >= 4 && s.toks[w-3].Fold == "(" && s.toks[w-2].Caps {
			w -= 3 // a bracketed acronym: "du Service national de police (NPS) du Kenya"
			continue
		}
		// "Minister of State for Foreign Affairs": "for" inside a title
		titleFor := (t.Fold == "for" || t.Fold == "pour") && s.toks[w].Cap
		if !t.Word || s.toks[w].Break || s.isBreaker(t) && !(t.Fold == "et" || t.Fold == "and") && !titleFor {
			break
		}
		if w >= 2 && s.nameWord(w-1, false) && s.nameWord(w-2, false) {
			break // another person's name
		}
		if t.Fold == "." && w >= 2 && s.toks[w-2].is(wRankTitles) && s.toks[w-2].Cap {
			w-- // "Lt. Col. X": the dot of an abbreviated rank
			continue
		}
		w--
	}
	head := -1
	for h := w; h <= k; h++ {
		if s.toks[h].is(wRoleHeads) && !(s.toks[h].Fold == "garde" && !(h+1 <= k && s.toks[h+1].Fold == "des")) {
			head = h
			break
		}
	}
	if head < 0 {
		return [2]int{}, false
	}
	if !comma && !s.toks[k].is(wRankTitles) && !s.titleTouches(head, k) {
		return [2]int{}, false
	}
	if k > head && s.nameWord(k, false) && s.nameWord(k-1, false) {
		return [2]int{}, false // "Interior Minister Matteo Piantedosi, …": another person's title and name
	}
	start := head
	for start > w {
		t := s.toks[start-1]
		// a title that ends in its head takes up to two words that say
		// what it is of: "justice minister", "Government spokesman"
		portfolio := head == k && start > head-2 && t.Word && !t.is(wFormerWords) && !s.isBreaker(t) &&
			!t.is(wDeterminers) && !t.is(wConnectors) && !(t.Fold == "s" && t.Join == '\'') && !notPortfolio[t.Fold] &&
			(!t.Cap || !t.is(wStopCap) || nationalWords[t.Fold])
		if !portfolio && (t.is(wDeterminers) || !(t.Cap || s.cover[start-1] >= 0) || t.is(wStopCap) && !t.is(wRoleHeads)) {
			break
		}
		start--
	}
	// a plural title names the people it lists only as their subject ("les
	// chefs d'état-major X, Y et Z"), not as a complement ("les tombeaux
	// des rois X et Y")
	if s.pluralTitle([2]int{start, k + 1}) && !(start > 0 && pluralDeterminers[s.toks[start-1].Fold]) {
		return [2]int{}, false
	}
	// "ancien ministre", "former president": not in office
	if start > 0 && s.toks[start-1].is(wFormerWords) || s.toks[start].is(wFormerWords) {
		return [2]int{start, k + 1}, true // roleIsPublic rejects it
	}
	return [2]int{start, k + 1}, true
}

// titleTouches: without a comma, a title written before a name must end in
// a rank or office word or a body ("le préfet de police X", "le directeur
// de la DGSN X" is too odd to read): the last word is a role head, or the
// phrase is a rank with its complement ("général de brigade", "capitaine
// de vaisseau", "général-major").
func (s *state) titleTouches(head, k int) bool {
	if s.toks[k].is(wRoleHeads) || s.toks[k].is(wRankTitles) {
		return true
	}
	if !s.toks[head].is(wRankTitles) || k-head > 3 {
		return false
	}
	for h := head + 1; h <= k; h++ {
		if cc, e := s.countryAt(h, true); cc != "" {
			h = e - 1 // "son homologue nigérien X"
			continue
		}
		if t := s.toks[h]; t.Word && !rankComplements[t.Fold] && !t.is(wRankTitles) {
			return false // "chief's name as X" is no title
		}
	}
	return true
}

// roleAfter reads an apposition after a name: ", directeur général de la
// Sûreté nationale", ", Tunisia's foreign minister".
func (s *state) roleAfter(end int) ([2]int, bool) {
	if end >= len(s.toks) || s.toks[end].Fold != "," {
		return [2]int{}, false
	}
	k := end + 1
	for k < len(s.toks) && s.toks[k].Word && s.toks[k].is(wDeterminers) && !s.toks[k].Break {
		k++
	}
	start := k
	head, lowers := -1, 0
	for j := k; j < len(s.toks) && j < k+6; j++ {
		t := s.toks[j]
		if t.Fold == "." && j > k && s.toks[j-1].Word && s.toks[j-1].Cap && len(s.toks[j-1].Fold) <= 4 && s.toks[j].Join == 0 {
			continue // an abbreviation: "Ag. Special Representative", "Dep. Director"
		}
		if !t.Word || t.Break && j > k {
			break
		}
		if t.is(wRoleHeads) {
			head = j
			break
		}
		// before the head: names, bodies, and up to two words of what the
		// office is of ("the police spokesman", "the country's interior minister")
		lower := !t.Cap && s.cover[j] < 0 && !(t.Fold == "s" && t.Join == '\'')
		if lower {
			lowers++
		}
		if lower && lowers > 2 && t.Fold != "acting" || s.isBreaker(t) || t.is(wFormerWords) {
			break
		}
	}
	if head < 0 {
		return [2]int{}, false
	}
	e := head + 1
	for e < len(s.toks) && e < head+22 {
		t := s.toks[e]
		if e == head+1 && t.Join == ' ' && s.nameEnd(e) > e {
			// "X, Higher Education Minister Y": the title of the next name
			return [2]int{}, false
		}
		if t.Break || !t.Word && t.Fold != "'" || s.nameEnd(e) > e {
			break
		}
		if t.is(wBreakers) {
			// "de la Sûreté nationale et de la Surveillance du territoire"
			if (t.Fold == "et" || t.Fold == "and") && e+1 < len(s.toks) && (s.toks[e+1].is(wConnectors) || s.toks[e+1].Fold == "the") {
				e++
				continue
			}
			// "directeur de la sécurité publique à la DGSN": the
			// preposition à, not the verb a
			if t.Fold == "a" && s.text[t.Start:t.End] != "a" && s.text[t.Start:t.End] != "A" {
				e++
				continue
			}
			break
		}
		e++
	}
	return [2]int{start, e}, true
}

// notPortfolio are words before a title that say nothing of its office.
var notPortfolio = set("new", "also", "now", "then", "current", "newly", "recently", "currently", "later", "s")

// bareRole tells whether a role is only a rank, an honorific or a
// relation ("capitaine de vaisseau", "commodore", "homologue"): pages show
// a role that says the function first.
func (s *state) bareRole(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := s.toks[k]
		if !t.Word {
			continue
		}
		if cc, e := s.countryAt(k, false); cc != "" {
			k = e - 1 // "homologue tunisien": the country says whose, not what
			continue
		}
		if !(pureRanks[t.Fold] || t.is(wHonorifics) || rankComplements[t.Fold]) {
			return false
		}
	}
	return true
}

// pureRanks say a grade, not an office: a role of these alone is no
// function. Offices written alone ("ministre", "spokesman", "roi") are.
var pureRanks = set("general", "generale", "colonel", "lieutenant", "capitaine", "captain", "amiral", "admiral",
	"commodore", "commandant", "brigadier", "major", "marshal", "sergent", "sergeant", "adjudant", "caporal",
	"corporal", "commissaire", "inspecteur", "superintendent", "prefet", "wali", "prince", "princesse", "cheikh",
	"sheikh", "ingenieur", "homologue", "counterpart", "acp", "dcp", "cp", "igp", "aig", "dig", "asp", "dsp", "csp")

// relationWords make a role of another's: "son homologue burkinabè".
var relationWords = set("homologue", "homologues", "counterpart", "counterparts")

// counterpartRole is the function of a person named as another's
// counterpart: the other's role without its country ("le ministre ivoirien
// de la Défense, X, et son homologue burkinabè, Y": Y is "ministre de la
// Défense"). The other is the nearest person before, in the sentence or
// the one before, whose role says a function.
func (s *state) counterpartRole(p *person) string {
	at := -1 // where the relation is said
	for _, r := range p.roleSpans {
		for k := r[0]; k < r[1]; k++ {
			if relationWords[s.toks[k].Fold] && at < 0 {
				at = r[0]
			}
		}
	}
	if at < 0 {
		return ""
	}
	from := s.sentenceStart(max(s.sentenceStart(at)-1, 0))
	best, bestEnd := [2]int{-1, -1}, -1
	for _, q := range s.people {
		if q == p {
			continue
		}
		for _, r := range q.roleSpans {
			if r[1] <= at && r[0] >= from && r[1] > bestEnd && !s.bareRole(r) {
				best, bestEnd = r, r[1]
			}
		}
	}
	if bestEnd < 0 {
		return ""
	}
	// the role as written, less its country words
	var b []byte
	last := best[0]
	for k := best[0]; k < best[1]; k++ {
		if cc, e := s.countryAt(k, true); cc != "" {
			b = append(b, s.text[s.toks[last].Start:s.toks[k].Start]...)
			last, k = e, e-1
		}
	}
	if last < best[1] {
		b = append(b, s.text[s.toks[last].Start:s.toks[best[1]-1].End]...)
	}
	return collapseSpaces(string(b))
}

// rankComplements complete a rank: "général de brigade", "capitaine de
// vaisseau", "préfet de police", "général-major", "Rear Admiral".
var rankComplements = set("de", "du", "d", "des", "la", "brigade", "division", "corps", "armee", "vaisseau", "fregate",
	"corvette", "police", "major", "vice", "contre", "rear", "lieutenant", "first", "class", "chef", "inspecteur",
	"divisionnaire", "principal", "general", "generale", "homologue", "counterpart", "son", "sa", "his", "her")

// roleIsPublic rejects roles held no more, or not public.
func (s *state) roleIsPublic(r [2]int) bool {
	weak, public := false, false
	for k := r[0]; k < r[1]; k++ {
		switch t := &s.toks[k]; {
		// weak heads make a title of public office only with a public body
		// or a state's office in it: "a senior manager at the Interpol
		// Global Complex", not "a manager at a shipping firm"
		case t.Fold == "manager" || t.Fold == "managers" || t.Fold == "official" || t.Fold == "officials":
			weak = true
		case t.is(wRoleHeads):
			public = true
		}
	}
	if weak && !public {
		for k := r[0]; k < r[1]; k++ {
			if nationalWords[s.toks[k].Fold] {
				public = true
			}
		}
	}
	if weak && !public {
		for _, sp := range s.agencySpans {
			if sp.start >= r[0] && sp.start < r[1] {
				public = true
			}
		}
		if !public {
			return false
		}
	}
	if r[0] > 0 && s.toks[r[0]-1].is(wFormerWords) {
		return false
	}
	for k := r[0]; k < r[1]; k++ {
		if s.toks[k].is(wNotPublicRoles) || k == r[0] && s.toks[k].is(wFormerWords) {
			return false
		}
	}
	return true
}

// determiners open a role phrase.
var determiners = set("le", "la", "les", "l", "un", "une", "son", "sa", "ses", "leur", "the", "a", "an", "his", "her", "their", "its", "notre", "our", "du", "des", "de", "d", "par", "by", "au", "aux")

// breakers end a role phrase read backwards: verbs and conjunctions.
var breakers = set("a", "ont", "est", "sont", "etait", "etaient", "avait", "avaient", "sera", "qui", "que", "dont", "ou",
	"selon", "avec", "said", "says", "told", "has", "have", "had", "was", "were", "is", "are", "who", "which", "that",
	"met", "with", "when", "while", "after", "before", "et", "and", "mais", "but", "entre", "between", "for", "pour",
	"chez", "aupres", "sous", "under")

func (s *state) isBreaker(t Token) bool {
	if !t.Word {
		return true
	}
	if t.Fold == "a" && s.text[t.Start:t.End] != "a" && s.text[t.Start:t.End] != "A" {
		return false // the preposition à, not the verb a: "le délégué de la PF à Rio"
	}
	if t.Fold == "charge" || t.Fold == "chargee" || t.is(wRoleHeads) {
		return false // "le juge d'instruction chargé du dossier", "le délégué"
	}
	if t.is(wBreakers) {
		return true
	}
	if t.Cap {
		return false
	}
	// French past participles and English preterites: "rencontré",
	// "reçue", "welcomed".
	w := s.text[t.Start:t.End]
	for _, suf := range []string{"é", "ée", "és", "ées", "ed"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// collapseSpaces folds runs of white space into one space.
func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// pluralDeterminers stand before a plural title that lists people.
var pluralDeterminers = set("les", "the", "ses", "leurs", "their", "its", ":", "—", "–")

// pluralTitle tells whether a role's title is plural: "les chefs
// d'état-major", "the defence ministers".
func (s *state) pluralTitle(r [2]int) bool {
	for k := r[0]; k < r[1]; k++ {
		t := s.toks[k]
		if t.is(wRoleHeads) && !roleHeads[t.Fold] && !rankTitles[t.Fold] {
			return true
		}
	}
	return false
}
