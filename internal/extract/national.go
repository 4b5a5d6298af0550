// National bodies named by their kind and country: "la police ivoirienne",
// "l'armée du Burkina Faso", "the US Navy", and a country's own body behind
// a name many states share ("Police nationale" + Mali). Articles name most
// bodies so rather than by the gazetteer's full names; a body the
// gazetteer lacks is made from its kind and country. The kind names the
// country's general body, never a branch, a special unit or a city's force
// of it (isUnit): "l'armée sénégalaise" is not the Senegalese navy. Also
// the DGSN named in lower case ("la sûreté nationale", lowerSurete).

package extract

import (
	"strings"
	"sync"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// qualifiedBodies reads national bodies named by their kind and country:
// "la police ivoirienne", "l'armée du Burkina Faso", "la police de Dubaï",
// "the Beninese army", "the US Navy".
func (s *state) qualifiedBodies() {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].Word || s.cover[i] >= 0 && s.matchKind(i) == KindAgency {
			continue
		}
		if s.toks[i].Fold == "surete" || s.toks[i].Fold == "securite" {
			if end := s.lowerSurete(i); end > i {
				i = end - 1
				continue
			}
		}
		kind, n := s.bodyKindAt(i)
		if kind == "" || s.inAgencySpan(i) {
			continue // a kind inside a name read whole ("Institut de défense du Sénégal")
		}
		// "les agents de police maliens", "l'école nationale de police du
		// Mali": a kind after a bare "de" qualifies another noun, and the
		// country goes with that noun
		if i > 0 && !s.toks[i].Break && (s.toks[i-1].Fold == "de" || s.toks[i-1].Fold == "d") && !s.toks[i].Cap {
			continue
		}
		end := i + n
		// kind + demonym or + de/du + country
		cc, qend := s.qualifierAfter(end)
		start := i
		if cc == "" {
			// demonym or country + kind (English order)
			cc, start = s.countryBefore(i)
			qend = end
		}
		if cc == "" {
			continue
		}
		if s.toks[start].Break && start != i {
			continue
		}
		a := s.x.bodyOfKind(cc, kind, s.text[s.toks[i].Start:s.toks[end-1].End])
		if a == nil {
			continue
		}
		s.addAgency(a, start, qend)
		i = qend - 1
	}
}

// staffNouns are the people and services of a body: "les éléments de la
// sécurité nationale" are the police's, where "la sécurité nationale"
// alone is a state's security.
var staffNouns = set("elements", "agents", "fonctionnaires", "services", "policiers", "officiers", "responsables",
	"cadres", "directeur", "directrice", "patron", "effectifs", "unites", "brigades")

// lowerSurete reads "la sûreté nationale", and "les éléments de la sécurité
// nationale", in lower case, as the national police of the article's
// country when it has a body named "Sûreté nationale" (the DGSN of Morocco
// or Algeria). It returns the end of the mention, or i.
func (s *state) lowerSurete(i int) int {
	t := s.toks[i]
	if t.Cap || i < 1 || i+1 >= len(s.toks) || s.toks[i+1].Fold != "nationale" || s.toks[i+1].Break || t.Break || s.cover[i] >= 0 {
		return i
	}
	if s.toks[i-1].Fold != "la" {
		return i
	}
	if t.Fold == "securite" && !(i >= 3 && s.toks[i-2].Fold == "de" && staffNouns[s.toks[i-3].Fold]) {
		return i
	}
	cc := s.dominantCountry()
	if cc == "" {
		return i
	}
	for _, a := range s.x.agenciesByCountry[cc] {
		for _, n := range s.x.agencyFolds[a].names {
			if n == "surete nationale" {
				s.addAgency(a, i, i+2)
				return i + 2
			}
		}
	}
	return i
}

// bodyKindAt reads a kind of body ("police", "forces armées") at token i.
func (s *state) bodyKindAt(i int) (string, int) {
	if !s.toks[i].is(wBodyKind) {
		return "", 0
	}
	if i+1 < len(s.toks) && s.toks[i+1].Word && !s.toks[i+1].Break {
		if k, ok := bodyKinds2[[2]string{s.toks[i].Fold, s.toks[i+1].Fold}]; ok {
			return k, 2
		}
	}
	if k, ok := bodyKinds[s.toks[i].Fold]; ok {
		return k, 1
	}
	return "", 0
}

// bodyOfKind finds a country's body of a kind; the one whose name holds the
// word the text used wins ("Navy" → the navy, not the army).
func (x *Extractor) bodyOfKind(cc, kind, written string) *gazetteer.Agency {
	key := kindKey{x, cc, kind, written}
	if v, ok := kindBodies.Load(key); ok {
		return v.(*gazetteer.Agency)
	}
	a := x.findBodyOfKind(cc, kind, written)
	key.written = strings.Clone(written) // not a piece of the article's text, which the key would keep
	kindBodies.Store(key, a)
	return a
}

// kindBodies remembers bodyOfKind's answers: articles name the same few
// kinds of the same countries over and over.
var kindBodies sync.Map // kindKey → *gazetteer.Agency (nil for none)

type kindKey struct {
	x                 *Extractor
	cc, kind, written string
}

func (x *Extractor) findBodyOfKind(cc, kind, written string) *gazetteer.Agency {
	word := Fold(written)
	var best *gazetteer.Agency
	bestScore, candidates := 0, 0
	for _, a := range x.agenciesByCountry[cc] {
		score := 0
		f := x.agencyFolds[a]
		names := f.blob
		if containsWords(names, word) {
			score += 4
		}
		// the body whose name starts with the word ("Police nationale"),
		// and the one of national scope (its name is shared by other
		// states' bodies), is the one the kind names
		for _, n := range f.names {
			if n == word || strings.HasPrefix(n, word+" ") {
				score += 2
				break
			}
		}
		if a.Generic {
			score++
		}
		switch {
		case a.Kind == kind:
			score += 2
		case kind == "navy" && a.Kind == "military" && (strings.Contains(names, "marine") || strings.Contains(names, "navy") || strings.Contains(names, "naval")):
			score += 3
		case kind == "military" && a.Kind == "military":
			score++
		}
		if score < 2 || kind == "navy" && score < 3 {
			continue
		}
		if !kindsMatch(a.Kind, kind) || x.isUnit(a, word, kind) {
			continue
		}
		// a body headed by "Unité", "Brigade", "Office"… is a part of the
		// country's police or army, chosen only when no other is named so
		if fs := strings.Fields(f.fr); len(fs) > 0 && partHeads[fs[0]] && !strings.HasPrefix(word, fs[0]) {
			score -= 3
		}
		candidates++
		if score > bestScore || score == bestScore && best != nil && len(a.NameFR) < len(best.NameFR) {
			best, bestScore = a, score
		}
	}
	// one police body among several, named neither by the word nor as
	// the national one ("Service secret" for "la police américaine"): the
	// country's police in general, which the gazetteer lacks
	if best != nil && !(bestScore < 4 && !best.Generic && candidates > 1 && (kind == "police" || kind == "gendarmerie" || kind == "customs")) {
		return best
	}
	c := x.g.Country(cc)
	if c == nil {
		return nil
	}
	label := map[string]string{"police": "Police", "gendarmerie": "Gendarmerie", "military": "Forces armées",
		"navy": "Marine", "customs": "Douanes", "coast-guard": "Garde-côtes", "intelligence": "Renseignement", "justice": "Justice"}[kind]
	if label == "" {
		return nil
	}
	a := x.synthetic(label, "", kind, cc)
	a.NameFR = label + " (" + c.Name("fr") + ")"
	if x.lang == "en" {
		a.NameEN = label + " (" + c.Name("en") + ")"
	}
	return a
}

// kindsMatch: a body of kind has may stand for the kind the text names.
func kindsMatch(has, named string) bool {
	switch {
	case has == named:
		return true
	case named == "navy" || named == "military":
		return has == "military" || has == "navy"
	case named == "police" || named == "gendarmerie":
		return has == "police" || has == "gendarmerie"
	case named == "customs":
		return has == "customs"
	}
	return has != "ministry" && has != "intelligence"
}

// partHeads head the names of parts of a police or an army.
var partHeads = set("unite", "unit", "brigade", "division", "departement", "department", "bureau", "centre", "center",
	"groupe", "group", "section", "cellule", "etat", "commandement", "command", "office", "secretariat")

// unitWords mark the name of a branch, a special unit or a local force of
// a country's police or army ("Marine brésilienne", "Garde républicaine",
// "Forces de soutien rapide", "Police des frontières", "Police de Dubaï"):
// the text's "armée" or "police" names the country's body of that kind, not
// a unit of it, unless the text uses the word.
var unitWords = []string{
	"marine", "navy", "naval", "navales", "navale", "aerienne", "air", "garde", "guard", "speciale", "special",
	"speciales", "frontieres", "frontiere", "border", "judiciaire", "judicial", "antidrogue", "intervention",
	"mobile", "soutien", "rapide", "presidentielle", "presidential", "dissuasion", "fusion",
	"enquete", "investigation", "corps", "mer", "portuaire", "maritime", "terre", "ecosse", "scotland",
	"municipale", "municipal", "metropolitaine", "metropolitan", "cotes", "coast", "reserve", "antiterroriste",
	"counter", "anticorruption", "anti",
}

// kindWords are the unit words that name a kind itself, in every language.
var kindWords = map[string]map[string]bool{
	"navy":        set("marine", "navy", "naval", "navales", "navale", "mer", "maritime"),
	"coast-guard": set("garde", "guard", "cotes", "coast", "maritime"),
	"gendarmerie": set("garde", "guard"),
}

// isUnit tells whether agency a is a branch or unit of a kind of body, or a
// city's force, that the written words do not name.
func (x *Extractor) isUnit(a *gazetteer.Agency, written, kind string) bool {
	var has uint64
	if v, ok := unitMasks.Load(a); ok {
		has = v.(uint64)
	} else {
		has = unitMask(x.agencyFolds[a].blob)
		unitMasks.Store(a, has)
	}
	if has&^unitMask(written)&^kindMasks[kind] != 0 {
		return true
	}
	return x.namesCity(a)
}

// unitMask marks the unit words a folded text holds, a bit per word.
func unitMask(text string) uint64 {
	var m uint64
	for i, w := range unitWords {
		if containsWords(text, w) {
			m |= 1 << i
		}
	}
	return m
}

// unitMasks holds each agency's unit words (names do not change).
var unitMasks sync.Map // *gazetteer.Agency → uint64

// kindMasks are kindWords as masks.
var kindMasks = func() map[string]uint64 {
	m := map[string]uint64{}
	for kind, words := range kindWords {
		for i, w := range unitWords {
			if words[w] {
				m[kind] |= 1 << i
			}
		}
	}
	return m
}()

var (
	citySets  sync.Map // *gazetteer.Gazetteer → map[string]bool, folded city names
	localBody sync.Map // *gazetteer.Agency → bool
)

// namesCity tells whether an agency's name holds a city's name ("Police de
// Dubaï"): a local force, no country's body.
func (x *Extractor) namesCity(a *gazetteer.Agency) bool {
	if v, ok := localBody.Load(a); ok {
		return v.(bool)
	}
	cs, ok := citySets.Load(x.g)
	if !ok {
		m := map[string]bool{}
		for _, c := range x.g.Cities {
			if !c.Ambiguous {
				for _, n := range append([]string{c.Name}, c.Variants...) {
					m[Fold(n)] = true
				}
			}
		}
		cs, _ = citySets.LoadOrStore(x.g, m)
	}
	cities := cs.(map[string]bool)
	local := false
	for _, n := range []string{Fold(a.NameFR), Fold(a.NameEN)} {
		words := strings.Fields(n)
		for i := range words {
			if cities[words[i]] || i+1 < len(words) && cities[words[i]+" "+words[i+1]] {
				local = true
			}
		}
	}
	localBody.Store(a, local)
	return local
}

// containsWords tells whether words occur in s on word boundaries.
func containsWords(s, words string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], words)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(words)
		if (j == 0 || s[j-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// nationalBody finds or makes the body of a country that bears the generic
// name of agency id: "Police nationale" + ML → "Police nationale du Mali".
func (x *Extractor) nationalBody(id, cc string) *gazetteer.Agency {
	proto := x.g.Agency(id)
	if proto == nil {
		return nil
	}
	pf := x.agencyFolds[proto]
	for _, a := range x.agenciesByCountry[cc] {
		f := x.agencyFolds[a]
		if f.en == pf.en && f.en != "" {
			return a
		}
		for _, n := range f.names {
			if n == pf.fr {
				return a
			}
		}
	}
	// a kind of force ("Police nationale", "Armée nationale") is the
	// country's force of that kind; another body ("Conseil national de
	// sécurité") is the country's body of that name, which the gazetteer
	// lacks
	if forceKinds[proto.Kind] {
		if a := x.bodyOfKind(cc, proto.Kind, proto.NameFR); a != nil && !a.Synthetic {
			return a
		}
	}
	return x.synthetic(proto.NameFR, proto.NameEN, proto.Kind, cc)
}

// forceKinds are the kinds bodyOfKind reads: police, armies and their like.
var forceKinds = set("police", "gendarmerie", "military", "navy", "customs", "coast-guard")

// synthetic makes an agency the gazetteer lacks, named by its kind and
// country: "Police nationale (Mali)".
func (x *Extractor) synthetic(nameFR, nameEN, kind, cc string) *gazetteer.Agency {
	return &gazetteer.Agency{ID: slug.Make(nameFR) + "-" + strings.ToLower(cc), NameFR: nameFR, NameEN: nameEN,
		Country: cc, Kind: kind, Generic: true, Synthetic: true}
}
