// Bodies named by their city: "la préfecture de police de Tanger", "the
// investigating court in Marbella". No gazetteer lists every city's courts
// and prefectures, so the rule makes the body from its head and its place,
// and consumes the tokens so that the dictionary's reading of a part
// ("Préfecture de police") yields.
//
// Then, for the same reason, organs named by what they belong to (organsOf,
// run at the end of cityBodies): an international body's ("le Département
// paix et sécurité de l'UA", "the AU Peace and Security Department"), a
// national body's ("l'Inspection générale de la Police nationale"), a
// state's ("le Conseil national de sécurité du Niger", "la direction du
// renseignement militaire mauritanienne", "the Nigerian Defence Academy"),
// and posts named by their city ("Interpol's National Central Bureau in
// Abuja", "le Consulat général du Maroc à Lyon"). The owner named inside is
// consumed with the organ: "Police nationale" in the Inspection's name is
// no mention of the police.

package extract

import (
	"strings"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// cityHeads are bodies named by their city: "la préfecture de police de
// Tanger", "la Cour de cassation de Dubaï", "the investigating court in
// Marbella", "le bureau central national d'Interpol à Paris".
var cityHeads = [][]string{
	{"cour", "de", "cassation"}, {"cour", "d", "appel"}, {"cour", "supreme"}, {"tribunal", "de", "premiere", "instance"},
	{"tribunal", "correctionnel"}, {"tribunal", "militaire"}, {"tribunal", "de", "grande", "instance"},
	{"tribunal", "de", "commerce"}, {"tribunal", "administratif"}, {"tribunal"}, {"parquet"}, {"prefecture", "de", "police"},
	{"police"}, {"police", "judiciaire"}, {"bureau", "central", "national"}, {"court"}, {"prosecutor", "s", "office"},
}

// cityBodies reads bodies named by their city; their tokens are consumed so
// that the dictionary's reading of a part ("Préfecture de police") yields.
func (s *state) cityBodies() {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].is(wCityHead) {
			continue
		}
		head := s.wordsAt(i, cityHeadIndex)
		if head == 0 {
			continue
		}
		k := i + head
		// "d'Interpol", "of Interpol"
		if k+1 < len(s.toks) && (s.toks[k].Fold == "d" || s.toks[k].Fold == "of" || s.toks[k].Fold == "de") && s.toks[k+1].Fold == "interpol" {
			k += 2
		}
		if k >= len(s.toks) || !s.toks[k].Word || s.toks[k].Break || !(s.toks[k].is(wConnectors) || s.toks[k].Fold == "a" || s.toks[k].Fold == "in") {
			continue
		}
		k++
		if k < len(s.toks) && (s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
			k++
		}
		place, cc, end := s.placeAt(k)
		if place == "" {
			continue
		}
		start := i
		// "l'Institut royal de police à Kénitra": the tail of a longer name
		// names the longer body, or nothing
		if i > 0 && !s.toks[i].Cap && !s.toks[i].Break && (s.toks[i-1].Fold == "de" || s.toks[i-1].Fold == "d" || s.toks[i-1].Fold == "of") {
			start = s.longerNameStart(i - 1)
			if start < 0 {
				continue
			}
		}
		// "la brigade préfectorale de la police judiciaire de Casablanca":
		// a territorial unit of the body, named whole
		if i > 1 && !s.toks[i].Break && s.toks[i-1].Fold == "la" && s.toks[i-2].Fold == "de" {
			if b := s.longerNameStart(i - 2); b >= 0 {
				start = b
			}
		}
		// English adjectives before "court": "the investigating court"
		if s.toks[i].Fold == "court" {
			for start > 0 && start > i-2 && s.toks[start-1].Word && !s.toks[start-1].Cap && !s.toks[start-1].is(wDeterminers) && !s.toks[start].Break {
				start--
			}
		}
		name := upperFirst(s.surface(start, end))
		if s.x.lang == "fr" && s.toks[i].Fold == "court" {
			if fr, b := s.frenchCourtName(i, place); fr != "" {
				name, start = fr, b
			}
		}
		a := &gazetteer.Agency{ID: slug.Make(name), NameFR: name, NameEN: name, Country: cc, Kind: "other", Synthetic: true}
		s.addAgency(a, start, end)
		s.consume(start, end)
		i = end - 1
	}
	s.organsOf()
}

// longerNameStart finds the capitalised head of the name whose tail is the
// token after k ("Institut royal de police"), or -1.
func (s *state) longerNameStart(k int) int {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		t := s.toks[j]
		if !t.Word || s.toks[j+1].Break || t.is(wBreakers) && !organLinks[t.Fold] {
			return -1
		}
		if t.Cap && organHeads[t.Fold] ||
			!t.Cap && (lowerHeads[t.Fold] || t.Fold == "service") && j > 0 && s.toks[j-1].is(wDeterminers) {
			return j
		}
	}
	return -1
}

// courtsFR names in French the courts English copy names by their city:
// "the investigating court in Marbella" → "Tribunal d'instruction de
// Marbella". The key is the folded words before "court".
var courtsFR = map[string]string{
	"": "Tribunal", "investigating": "Tribunal d'instruction", "criminal": "Tribunal pénal", "military": "Tribunal militaire",
	"district": "Tribunal de district", "regional": "Tribunal régional", "provincial": "Tribunal provincial",
	"commercial": "Tribunal de commerce", "juvenile": "Tribunal pour mineurs", "magistrates": "Tribunal de première instance",
	"high": "Haute Cour", "federal high": "Haute Cour fédérale", "supreme": "Cour suprême", "appeals": "Cour d'appel",
	"appeal": "Cour d'appel", "federal": "Tribunal fédéral", "national": "Tribunal national", "anti terrorism": "Tribunal antiterroriste",
}

// frenchCourtName names in French a court read from English copy, with the
// first token of its name ("the Federal High Court in Abuja" → "Haute Cour
// fédérale d'Abuja"); "" when its words are not known.
func (s *state) frenchCourtName(court int, place string) (string, int) {
	for n := 2; n >= 0; n-- {
		start := court - n
		if start < 0 {
			continue
		}
		var words []string
		ok := true
		for k := start; k < court; k++ {
			if !s.toks[k].Word || s.toks[k+1].Break {
				ok = false
				break
			}
			words = append(words, s.toks[k].Fold)
		}
		head, known := courtsFR[strings.Join(words, " ")]
		if !ok || !known {
			continue
		}
		name := head + " de " + place
		if f := Fold(place); f != "" && strings.ContainsRune("aeiouy", rune(f[0])) {
			name = head + " d'" + place
		}
		if strings.Contains(s.text, "’") {
			name = strings.ReplaceAll(name, "'", "’") // the apostrophes of the text
		}
		return name, start
	}
	return "", court
}

// placeAt reads a city or place at token k.
func (s *state) placeAt(k int) (name, cc string, end int) {
	if k >= len(s.toks) || s.cover[k] < 0 || s.matches[s.cover[k]].start != k {
		return "", "", k
	}
	m := s.matches[s.cover[k]]
	for _, t := range m.targets {
		if t.kind == KindPlace && t.flags&ambiguous == 0 {
			return t.id, t.country, m.end
		}
	}
	return "", "", k
}

// organHeads head the name of an organ or a body named by what it belongs
// to: "le Département paix et sécurité de l'Union africaine", "l'Inspection
// générale de la Police nationale", "le Conseil national de sécurité du
// Niger", "the AU Peace and Security Department", "the FBI Cleveland Field
// Office".
var organHeads = set(
	"centre", "center", "direction", "directorate", "office", "institut", "institute", "conseil", "council",
	"agence", "agency", "bureau", "service", "commission", "comite", "committee", "autorite", "authority",
	"secretariat", "departement", "department", "division", "inspection", "inspectorate", "academie",
	"academy", "ecole", "school", "college", "cellule", "cell", "unite", "unit", "mission", "force",
	"commandement", "command", "cour", "court", "tribunal", "parquet", "delegation", "observatoire",
	"observatory", "mecanisme", "mechanism", "ministere", "ministry", "brigade", "groupement",
	"consulat", "consulate", "ambassade", "embassy", "sous-direction", "ncb", "bcn",
	"fleet", "flotte", "commissariat",
)

// lowerHeads head bodies' names that copy writes in lower case: "la
// direction du renseignement militaire mauritanienne", "la brigade
// régionale de la police judiciaire de Tanger".
var lowerHeads = set("direction", "division", "inspection", "brigade", "commandement", "unite", "sous-direction")

// fieldWords, and words beginning with fieldStems, mark a body of the
// digest's field (security, defence, justice, borders, diplomacy) among a
// state's bodies named by a pattern: a "Conseil national de sécurité du
// Niger" is one, a "Conseil national de transition" or an electoral
// commission is not.
var (
	fieldWords = set("securite", "defense", "police", "policiere", "renseignement", "renseignements", "douane", "douanes",
		"justice", "armee", "armees", "militaire", "militaires", "gendarmerie", "surete", "garde", "marine", "navale",
		"naval", "cour", "tribunal", "parquet", "judiciaire", "enquete", "enquetes", "investigation", "investigations",
		"frontiere", "frontieres", "migration", "immigration", "penitentiaire", "prisons", "consulat", "ambassade",
		"intelligence", "security", "defence", "customs", "court", "military", "army", "navy", "border", "borders",
		"crime", "crimes", "prosecution", "prosecutor", "judicial", "guard", "coast", "consulate", "embassy", "fleet",
		"flotte", "forces", "force", "commandement", "command", "academy", "academie", "ecole", "school", "college",
		"interpol", "ncb", "bcn", "trafic", "trafficking", "blanchiment", "laundering", "financier", "financial")
	fieldStems = []string{"cyber", "terror", "antiterror", "crimin", "narco", "stupef", "drog", "drug", "polic"}
)

// fieldName tells whether tokens [start,end) hold a word of the field.
func (s *state) fieldName(start, end int) bool {
	for k := start; k < end; k++ {
		f := s.toks[k].Fold
		if fieldWords[f] {
			return true
		}
		for _, st := range fieldStems {
			if strings.HasPrefix(f, st) {
				return true
			}
		}
	}
	return false
}

// ministryWords head ministries' names.
var ministryWords = set("ministry", "ministere", "minister", "ministre")

// commandHeads and forceWords name a military command by its zone: "the
// Western Naval Command", "the Northern Air Command".
var (
	commandHeads = set("command", "fleet", "commandement", "flotte")
	forceWords   = set("naval", "navy", "army", "air", "military", "defence", "defense", "marine", "maritime", "aerienne", "terre", "militaire", "navale")
)

// forceCountryBefore is the country of the armed force the text names
// last before token i, in the same block or the one before ("the Nigerian
// Navy … the Western Naval Command"), else the article's country.
func (s *state) forceCountryBefore(i int) string {
	blocks := 0
	for k := i - 1; k >= 0 && k >= i-80; k-- {
		if s.toks[k+1].Break {
			if blocks++; blocks > 1 {
				break
			}
		}
		mi := s.cover[k]
		if mi < 0 || s.matches[mi].start != k {
			continue
		}
		for _, t := range s.matches[mi].targets {
			if t.kind == KindAgency && t.country != "" && t.flags&ambiguous == 0 {
				if a := s.x.g.Agency(t.id); a != nil && (a.Kind == "military" || a.Kind == "navy" || a.Kind == "coast-guard") {
					return t.country
				}
			}
		}
	}
	return s.dominantCountry()
}

// zoneCommand reads a military command named by capitalised words, one
// of them a force's ("the Western Naval Command"), of the article's country.
func (s *state) zoneCommand(i int) (int, *gazetteer.Agency) {
	force := false
	for k := i; k < len(s.toks) && k < i+5; k++ {
		t := s.toks[k]
		if !t.Word || !t.Cap || t.Caps || k > i && (t.Break || t.Join != ' ') || s.cover[k] >= 0 || s.consumed[k] {
			return 0, nil
		}
		if forceWords[t.Fold] {
			force = true
		}
		if commandHeads[t.Fold] && k > i {
			if !force {
				return 0, nil
			}
			return s.organ(i, k+1, s.forceCountryBefore(i))
		}
	}
	return 0, nil
}

// missionHeads name a state's post abroad: "le Consulat général du Maroc à
// Lyon"; the country alone makes the name.
var missionHeads = set("consulat", "consulate", "ambassade", "embassy")

// cityPosts are named by the city they sit in: a consulate, an office, an
// Interpol national central bureau ("le BCN d'Interpol à Rabat", "Interpol's
// National Central Bureau in Abuja"), one per city.
var cityPosts = set("consulat", "consulate", "ambassade", "embassy", "bureau", "office", "ncb", "bcn")

// organWords may stand between an organ's head and what it belongs to:
// adjectives and nouns in lower case, capitalised words, and these.
var organLinks = set("de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "contre", "sur", "en", "of",
	"the", "and", "for", "on", "against", "in", "a", "au", "aux")

// organsOf reads organs named with what they belong to, in French order
// (head, words, "de" + body or country) and English order (body + words
// ending with a head). The name is the text's; the country the owner's. The
// tokens are consumed, so that the owner is not read as named on its own.
func (s *state) organsOf() {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.Word || s.consumed[i] {
			continue
		}
		// word flags, not the sets: this runs on every token
		if t.Cap && (!t.Caps || t.is(wCityPost)) && (t.is(wOrganHead) || s.highHead(i)) && s.startsOrCovers(i) && !s.inAgencySpan(i) {
			if end, a, owner, conn := s.organAfterHeadOwner(i, false); a != nil {
				start := i
				// "the Security Council of the UN": English title-case
				// words before the head are the name's
				if b := s.titleWordsBefore(i); b < i {
					start = b
					_, a = s.organ(b, end, a.Country)
				}
				// an international organ the gazetteer knows under another
				// form of its name ("Conseil de sécurité de l'ONU")
				if known := s.knownOrgan(start, conn, owner); known != nil {
					a = known
				}
				s.addAgency(a, start, end)
				s.consume(start, end)
				i = end - 1
				continue
			}
			// "the National Cybercrime Centre of Ghana"
			if b := s.titleWordsBefore(i); b < i {
				if end, a := s.organOfCountry(b, i); a != nil {
					s.addAgency(a, b, end)
					s.consume(b, end)
					i = end - 1
					continue
				}
			}
		}
		// "la direction du renseignement et de la sécurité militaire
		// mauritanienne": a body's name in lower case, with its country
		if !t.Cap && i > 0 && !t.Break && t.is(wLowerHead) && (s.toks[i-1].Fold == "la" || s.toks[i-1].Fold == "le" || s.toks[i-1].Fold == "l") && s.startsOrCovers(i) && !s.inAgencySpan(i) {
			if end, a := s.organAfterHead(i, true); a != nil {
				s.addAgency(a, i, end)
				s.consume(i, end)
				i = end - 1
			}
			continue
		}
		// "the Western Naval Command": a military command named by its zone
		if t.Cap && s.cover[i] < 0 && i > 0 && !t.Break && s.toks[i-1].is(wDeterminers) {
			if end, a := s.zoneCommand(i); a != nil {
				s.addAgency(a, i, end)
				s.consume(i, end)
				i = end - 1
				continue
			}
		}
		if mi := s.cover[i]; mi >= 0 && s.matches[mi].start == i {
			// cheap look at what follows before reading the owner: a
			// capitalised word, a possessive, or "de"/"of"
			k := s.matches[mi].end
			if k >= len(s.toks) || s.toks[k].Break || !s.toks[k].Word {
				continue
			}
			if next := s.toks[k]; !next.Cap && !(next.Fold == "s" && next.Join == '\'') {
				if next.is(wConnectors) {
					s.ownerOfOrgan(i)
				}
				continue
			}
			if end, a := s.organAfterOwner(i); a != nil {
				s.addAgency(a, i, end)
				s.consume(i, end)
				i = end - 1
				continue
			}
			s.ownerOfOrgan(i)
		}
	}
}

// ownerOfOrgan: an international organ the gazetteer knows, followed by
// the organisation it belongs to ("le Centre africain d'études et de
// recherche sur le terrorisme de l'UA"), names the organ only; the owner's
// name is consumed, as it would be inside the organ's full name.
func (s *state) ownerOfOrgan(i int) {
	m := &s.matches[s.cover[i]]
	organ := false
	for _, t := range m.targets {
		if t.kind == KindAgency && t.country == "" && t.flags&(ambiguous|exactCase) == 0 && organHeads[s.toks[i].Fold] {
			organ = true
		}
	}
	k := m.end
	if !organ || k+1 >= len(s.toks) || s.toks[k].Break {
		return
	}
	switch s.toks[k].Fold {
	case "de", "of", "du", "d":
	default:
		return
	}
	k++
	if s.toks[k].Fold == "la" || s.toks[k].Fold == "l" || s.toks[k].Fold == "the" {
		k++
	}
	if owner, _, end := s.ownerAt(k, true); owner != nil && owner.Country == "" && owner.ID != m.targets[0].id {
		s.consume(k, end)
	}
}

// inAgencySpan tells whether a rule already read token i as part of an
// agency ("l'Institut de défense du Sénégal (IDS)", defined in brackets).
func (s *state) inAgencySpan(i int) bool {
	for _, sp := range s.agencySpans {
		if i >= sp.start && i < sp.end {
			return true
		}
	}
	return false
}

// ownerAt reads the body or country that token k starts, as owner of an
// organ; det tells whether a determiner stands before it ("de l'UA").
func (s *state) ownerAt(k int, det bool) (a *gazetteer.Agency, cc string, end int) {
	if k >= len(s.toks) || s.cover[k] < 0 || s.consumed[k] {
		return nil, "", k
	}
	m := &s.matches[s.cover[k]]
	if m.start != k {
		return nil, "", k
	}
	var ts []target
	for _, t := range m.targets {
		switch {
		case t.kind == KindAgency:
			if t.flags&ambiguous != 0 && (!det || t.country != "" && s.countryEvidence[t.country] == 0) {
				continue // "CAF" of an article on football, not the Central African army
			}
			ts = append(ts, t)
		case (t.kind == KindCountry || t.kind == KindDemonym) && t.flags&ambiguous == 0 && len(ts) == 0:
			return nil, t.id, m.end
		}
	}
	if len(ts) == 0 {
		return nil, "", k
	}
	if la, ok := s.learned[s.surface(m.start, m.end)]; ok {
		return la, la.Country, m.end
	}
	t, ok := s.best(ts, func(t target) string { return t.country }, false)
	if !ok {
		return nil, "", k
	}
	a = s.x.g.Agency(t.id)
	if a == nil {
		return nil, "", k
	}
	cc = a.Country
	if (len(ts) > 1 || t.flags&generic != 0) && !s.spanNamesCountry(m.start, m.end, cc) {
		// a name many states share: the article's country, if it has one
		if dc := s.dominantCountry(); dc != "" {
			cc = dc
		} else if s.countryEvidence[cc] == 0 {
			cc = ""
		}
	}
	return a, cc, m.end
}

// organAfterHead reads "Inspection générale de la Police nationale",
// "Conseil national de sécurité du Niger" from the head at token i.
func (s *state) organAfterHead(i int, lower bool) (int, *gazetteer.Agency) {
	end, a, _, _ := s.organAfterHeadOwner(i, lower)
	return end, a
}

// organAfterHeadOwner is organAfterHead, with the owner read and the token
// where its connector stands ("de", "of").
func (s *state) organAfterHeadOwner(i int, lower bool) (int, *gazetteer.Agency, *gazetteer.Agency, int) {
	words := 0
	lowerWord := false // an English name is in title case: "Service members of the US Army" is no name
	// a shorter name the gazetteer knows ("Direction du renseignement")
	// may begin a longer one; the organ must then end beyond it
	known := i
	if mi := s.cover[i]; mi >= 0 {
		known = s.matches[mi].end
	}
	for k := i + 1; k < len(s.toks) && k <= i+12; k++ {
		t := s.toks[k]
		if !t.Word || t.Break || s.consumed[k] {
			return 0, nil, nil, 0
		}
		// a name the gazetteer knows extends only by its owner right after
		// it ("Direction du renseignement" + "… mauritanienne" is handled
		// below); and "a" unaccented is a verb or an English article
		if t.Fold == "a" && s.text[t.Start:t.End] != "à" && s.text[t.Start:t.End] != "À" {
			return 0, nil, nil, 0
		}
		// a name the gazetteer knows is read with its country or owner
		// right after it by resolveAgency, ownerOfOrgan; only more words
		// make a longer name of it
		if k == known && known > i && (t.is(wConnectors) || countryAdjectiveAt(s, k) != "") {
			return 0, nil, nil, 0
		}
		// "… de la sécurité militaire mauritanienne": a demonym ends the
		// name and gives the country
		if words > 0 && k >= known && !t.Cap && !organLinks[s.toks[k-1].Fold] && s.fieldName(i, k) {
			if cc, e := s.countryAt(k, true); cc != "" {
				if c := s.x.g.Country(cc); c != nil {
					end, a := s.organ(i, k, cc)
					a.NameFR = upperFirst(s.surface(i, end)) + " (" + c.Name(s.x.lang) + ")"
					a.NameEN = a.NameFR
					return e, a, nil, k
				}
			}
		}
		if t.Fold == "of" && lowerWord {
			return 0, nil, nil, 0
		}
		if t.Fold == "de" || t.Fold == "du" || t.Fold == "des" || t.Fold == "d" || t.Fold == "of" {
			j := k + 1
			det := t.Fold != "de" && t.Fold != "of" // du, des, d' hold their article
			if j < len(s.toks) && (s.toks[j].Fold == "la" || s.toks[j].Fold == "l" || s.toks[j].Fold == "the") {
				j++
				det = true
			}
			if j >= len(s.toks) || s.toks[j].Break {
				return 0, nil, nil, 0
			}
			if j < known {
				words++
				continue
			}
			// "Direction régionale des douanes de Tanger": a field body
			// named by its city
			if !det && words > 0 && s.fieldName(i, k) {
				if place, pcc, pend := s.placeAt(j); place != "" && pcc != "" {
					end, a := s.organ(i, pend, pcc)
					return end, a, nil, k
				}
			}
			owner, cc, end := s.ownerAt(j, det)
			if owner != nil && owner.Generic {
				// "de la Police nationale du Bénin"
				if c, e := s.qualifierAfter(end); c != "" {
					cc, end = c, e
				}
			}
			switch {
			case lower && owner != nil:
				return 0, nil, nil, 0 // "la direction de la police": no name
			case owner != nil && (words > 0 || owner.Country == ""):
				end, pc := s.placeAfter(i, end)
				if pc != "" && cc == "" && s.nationalPost(i, i) {
					cc = pc
				}
				end, a := s.organ(i, end, cc)
				return end, a, owner, k
			case owner == nil && cc != "" && (words > 0 && s.fieldName(i, k) || missionHeads[s.toks[i].Fold]):
				end, _ = s.placeAfter(i, end)
				end, a := s.organ(i, end, cc)
				return end, a, nil, k
			case owner != nil || cc != "":
				return 0, nil, nil, 0 // an owner or a country ends a name, this one is none
			}
		}
		if k >= known && s.cover[k] >= 0 && s.matchKind(k) == KindAgency || t.is(wBreakers) && !organLinks[t.Fold] {
			return 0, nil, nil, 0
		}
		if !t.Cap && !organLinks[t.Fold] {
			lowerWord = true
		}
		words++
	}
	return 0, nil, nil, 0
}

// highHead: "Haute cour", "Haut commandement", "Haut conseil" head a name.
func (s *state) highHead(i int) bool {
	f := s.toks[i].Fold
	return (f == "haute" || f == "haut") && i+1 < len(s.toks) && !s.toks[i+1].Break && organHeads[s.toks[i+1].Fold]
}

// countryAdjectiveAt is the country of a demonym adjective at token k.
func countryAdjectiveAt(s *state, k int) string {
	cc, _ := s.countryAt(k, true)
	return cc
}

// knownOrgan finds the international body whose names hold the words of
// tokens [start,conn) and a name of its owner: "Security Council" + "UN"
// is the Security Council of the United Nations, not the ECOWAS Mediation
// and Security Council.
func (s *state) knownOrgan(start, conn int, owner *gazetteer.Agency) *gazetteer.Agency {
	if owner == nil || owner.Country != "" || conn-start < 2 {
		return nil
	}
	words := Fold(s.surface(start, conn))
	ownerNames := s.x.agencyFolds[owner].names
	for _, a := range s.x.g.Agencies {
		if a.Country != "" || a == owner {
			continue
		}
		f := s.x.agencyFolds[a]
		if !containsWords(f.blob, words) {
			continue
		}
		for _, n := range ownerNames {
			if containsWords(f.blob, n) {
				return a
			}
		}
		for _, acr := range owner.Acronyms {
			if containsWords(f.blob, Fold(acr)) {
				return a
			}
		}
	}
	return nil
}

// titleWordsBefore finds the first of the capitalised words before the
// head at token i, after "the": "the National Cybercrime Centre"; i if none.
func (s *state) titleWordsBefore(i int) int {
	b := i
	for b > 0 && b > i-4 && !s.toks[b].Break && s.toks[b-1].Word && s.toks[b-1].Cap && !s.toks[b-1].Caps &&
		s.toks[b].Join == ' ' && s.cover[b-1] < 0 && !s.consumed[b-1] && !s.toks[b-1].is(wDeterminers) {
		b--
	}
	if b == i || b == 0 || s.toks[b].Break || s.toks[b-1].Fold != "the" {
		return i
	}
	return b
}

// organOfCountry reads "of" + a country after the head at token head of a
// name that starts at token start, for a body of the field.
func (s *state) organOfCountry(start, head int) (int, *gazetteer.Agency) {
	k := head + 1
	if k+1 >= len(s.toks) || s.toks[k].Fold != "of" || s.toks[k+1].Break || !s.fieldName(start, head+1) {
		return 0, nil
	}
	j := k + 1
	if s.toks[j].Fold == "the" {
		j++
	}
	if cc, e := s.countryAt(j, false); cc != "" {
		if mi := s.cover[j]; mi >= 0 {
			for _, t := range s.matches[mi].targets {
				if t.kind == KindCountry {
					return s.organ(start, e, cc)
				}
			}
		}
	}
	return 0, nil
}

// startsOrCovers: no gazetteer name covers token i, or an agency's name
// starts there (which a longer organ's name may hold).
func (s *state) startsOrCovers(i int) bool {
	mi := s.cover[i]
	return mi < 0 || s.matches[mi].start == i && s.matchKind(i) == KindAgency
}

// organAfterOwner reads "AU Peace and Security Department", "FBI Cleveland
// Field Office": a body, then capitalised words of which the last is a head.
func (s *state) organAfterOwner(i int) (int, *gazetteer.Agency) {
	if s.inAgencySpan(i) {
		return 0, nil
	}
	owner, cc, k := s.ownerAt(i, s.acronymInContext(i))
	byCountry := owner == nil && cc != ""
	if owner == nil && !byCountry {
		return 0, nil
	}
	// "the FBI's Cleveland Field Office"
	ownerEnd, possessive := k, false
	if k+1 < len(s.toks) && s.toks[k].Fold == "s" && s.toks[k].Join == '\'' {
		k, possessive = k+1, true
	}
	if k >= len(s.toks) || !s.toks[k].Cap || s.toks[k].Caps && !cityPosts[s.toks[k].Fold] {
		return 0, nil
	}
	last := -1
	for ; k < len(s.toks) && k < i+10; k++ {
		t := s.toks[k]
		if !t.Word || t.Break || t.Join != ' ' || s.consumed[k] || !t.Cap && !(t.Fold == "and" || t.Fold == "of") ||
			t.is(wRoleHeads|wRankTitles|wHonorifics) && !organHeads[t.Fold] ||
			s.cover[k] >= 0 && s.matchKind(k) == KindAgency && !(t.Caps && cityPosts[t.Fold]) {
			break
		}
		if organHeads[t.Fold] {
			last = k
		}
	}
	if last < 0 {
		return 0, nil
	}
	// "Nigerian Defence Academy", "US Sixth Fleet": a country's body needs
	// a word between the demonym and the head ("French Embassy" is a
	// phrase, "British Council" no body of the field), and no ministry
	// (ministries.go reads those through their portfolios)
	if byCountry && (last == ownerEnd || ministryWords[s.toks[last].Fold] || s.toks[last].Caps || !s.fieldName(ownerEnd, last+1)) {
		return 0, nil
	}
	end := last + 1
	// "Committee of Chiefs of Defence Staff"
	if end+1 < len(s.toks) && s.toks[end].Fold == "of" && s.toks[end+1].Cap && !s.toks[end+1].Caps {
		k := end + 1
		for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Break && (s.toks[k].Cap || s.toks[k].Fold == "of" || s.toks[k].Fold == "and") &&
			!s.toks[k].is(wRankTitles|wHonorifics) && s.cover[k] < 0 {
			k++
		}
		for k > end+1 && !s.toks[k-1].Cap {
			k--
		}
		end = k
	}
	end, pc := s.placeAfter(last, end)
	if pc != "" && cc == "" && s.nationalPost(i, last) {
		cc = pc
	}
	// "Rwandan Defence Force", "Montenegrin Police Directorate": the
	// country's body the gazetteer knows by those words
	if byCountry {
		words := Fold(s.surface(ownerEnd, end))
		for _, a := range s.x.agenciesByCountry[cc] {
			if containsWords(s.x.agencyFolds[a].blob, words) {
				return end, a
			}
		}
	}
	if possessive {
		// named without the possessive: "FBI Cleveland Field Office"
		end, a := s.organ(i, end, cc)
		a.NameFR = s.surface(i, ownerEnd) + " " + s.surface(ownerEnd+1, end)
		a.NameEN, a.ID = a.NameFR, slug.Make(a.NameFR)
		if cc != "" {
			a.ID += "-" + strings.ToLower(cc)
		}
		return end, a
	}
	return s.organ(i, end, cc)
}

// postHeads name bodies posted somewhere, whose name holds the place they
// serve: "la Mission de l'ONU au Mali", "UN Support Office in Somalia".
var postHeads = set("mission", "bureau", "office", "delegation", "consulat", "consulate", "ambassade", "embassy", "force", "ncb", "bcn")

// placeAfter takes in the country or region a posted body serves (for a
// consulate or an embassy, its city): "… de l'ONU au Mali", "UN Support
// Office in Somalia", "le Consulat général du Maroc à Lyon". Other organs
// are not named by where the text says they met.
func (s *state) placeAfter(head, end int) (int, string) {
	if end+1 >= len(s.toks) || s.toks[end].Break || !postHeads[s.toks[head].Fold] {
		return end, ""
	}
	switch s.toks[end].Fold {
	case "a", "au", "en", "in", "pour", "for", "aux":
	default:
		return end, ""
	}
	k := end + 1
	if s.toks[k].Fold == "la" || s.toks[k].Fold == "l" || s.toks[k].Fold == "the" {
		k++
	}
	if k >= len(s.toks) || s.cover[k] < 0 || s.matches[s.cover[k]].start != k || s.consumed[k] {
		return end, ""
	}
	m := s.matches[s.cover[k]]
	for _, t := range m.targets {
		switch t.kind {
		case KindCountry, KindRegion, KindPlace:
			if t.flags&ambiguous == 0 && (t.kind != KindPlace || cityPosts[s.toks[head].Fold]) {
				return m.end, t.countryNamed()
			}
		}
	}
	return end, ""
}

// nationalPost: an international body's post named "national" or a
// national central bureau belongs to the country it sits in ("Interpol NCB
// in Accra").
func (s *state) nationalPost(start, head int) bool {
	if f := s.toks[head].Fold; f == "ncb" || f == "bcn" {
		return true
	}
	for k := start; k < head; k++ {
		if s.toks[k].Fold == "national" || s.toks[k].Fold == "nationale" {
			return true
		}
	}
	return false
}

// organ makes the body named by tokens [start,end).
func (s *state) organ(start, end int, cc string) (int, *gazetteer.Agency) {
	name := upperFirst(s.surface(start, end))
	id := slug.Make(name)
	if cc != "" && !strings.HasSuffix(id, "-"+strings.ToLower(cc)) {
		id += "-" + strings.ToLower(cc)
	}
	return end, &gazetteer.Agency{ID: id, NameFR: name, NameEN: name, Country: cc, Kind: "other", Synthetic: true}
}
