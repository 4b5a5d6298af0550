// Themes: their trigger phrases, read in a trie of their own (buildThemes
// in dict.go), and the near rules below, which read paraphrases no phrase
// lists. A trigger that is a word of an agency's name ("Centre africain
// d'études et de recherche sur le terrorisme") does not make the theme:
// the article names the body, it need not discuss its subject. The
// agency passes ran before; nothing else here needs the entities.

package extract

import (
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"
)

// findThemes reads the themes' trigger phrases, then the near rules. An
// exclusion phrase that covers a trigger ("formation politique") hides it,
// and so does an agency span that holds it, unless it is an acronym; the
// near rules read neither.
func (s *state) findThemes() {
	var hidden [][2]int
	for i := 0; i < len(s.toks); {
		first := int32(0)
		if id := s.toks[i].lex; id >= 0 {
			first = s.x.lex.firsts[id].theme
		}
		if !s.x.themes.mayStart(&s.toks[i], first) {
			i++
			continue
		}
		m, ok := s.x.themes.matchFrom(s.text, s.toks, i, first)
		if !ok {
			i++
			continue
		}
		excluded := s.insideAgencyName(m.start, m.end) && !namesABody(m.targets)
		for _, t := range m.targets {
			if t.flags&isExcluded != 0 {
				excluded = true
			}
		}
		if excluded {
			hidden = append(hidden, [2]int{m.start, m.end})
		} else {
		targets:
			for j, t := range m.targets {
				for _, u := range m.targets[:j] {
					if u.id == t.id {
						continue targets // a phrase listed twice for one theme
					}
				}
				e := s.entity(KindTheme, t.id)
				e.Mentions = append(e.Mentions, s.mention(m.start, m.end))
			}
		}
		i = m.end
	}
	s.findNearThemes(hidden)
}

// namesABody: a trigger written as an acronym (exactCase: "EUNAVFOR",
// "GIABA", "ISIS") is the name of a body or group the data lists because
// it stands for the theme; inside a longer name ("EUNAVFOR MED Irini") it
// still names that body.
func namesABody(ts []target) bool {
	for _, t := range ts {
		if t.flags&exactCase != 0 {
			return true
		}
	}
	return false
}

// insideAgencyName: tokens [start,end) lie within an agency's name and are
// not the whole of it. A trigger that is the name itself ("Frontex",
// "GIABA") is listed because the body stands for the theme; a word inside
// a longer name ("Office des Nations unies contre la drogue et le crime")
// is not.
func (s *state) insideAgencyName(start, end int) bool {
	for _, sp := range s.agencySpans {
		if sp.start <= start && end <= sp.end && (sp.start != start || sp.end != end) {
			return true
		}
	}
	return false
}

// Paraphrases. Wire copy names a theme in words no fixed phrase lists: "le
// trafic contre les êtres humains", "former les cyberenquêteurs", "patrol
// the border", "share maritime information". A near rule reads two sets of
// words a few words apart in one clause (punctuation other than quotes,
// brackets and currency signs, or a new block, ends it): an act and what
// it bears on. The sets are small and typed, so that each word alone says nothing
// ("former" is also English, "frontières" and "informations" are
// everywhere) and only the pair names the theme.
//
// Words are folded as tokens are; a trailing "*" lets the last word
// continue. A word of two or more ("au large", "semi-rigide*") is read on
// its last token, the tokens just before it written as given.
// A word written with "=" is compared as written, accents included, where
// folding would merge two words: "=armes" is not "armés", "=traite" is not
// "traité", "=formés" is not "formes".
type nearRule struct {
	theme string
	lang  string // "fr", "en", or "" for both
	a, b  []string
	gap   int  // at most this many words between the two
	glue  bool // and each of them a glue word (articles, prepositions, numbers)
	// ordered: a comes first; otherwise either order
	ordered bool
}

// Personnel a course trains, for the training rules.
var (
	trainedFR = []string{"policiers", "gendarmes", "agents", "officiers", "cadres",
		"magistrats", "juges", "procureurs", "enqueteurs", "cyberenqueteurs", "douaniers", "militaires",
		"soldats", "troupes", "unites", "equipages", "operateurs", "personnels", "fonctionnaires",
		"inspecteurs", "commissaires", "recrues", "instructeurs", "formateurs", "analystes", "commandos", "marins",
		"pilotes", "forces", "effectifs", "gardes-cotes", "garde-cotes"}
	trainedEN = []string{"officers", "police", "policemen", "policewomen", "agents", "investigators",
		"detectives", "prosecutors", "judges", "magistrates", "customs", "troops", "soldiers",
		"personnel", "staff", "units", "crews", "commanders", "recruits", "cadets", "guards",
		"coastguards", "gendarmes", "analysts", "instructors", "specialists", "peacekeepers",
		"forces", "officials", "sailors", "pilots"}
	moneyFR = []string{"fonds", "argent", "gains", "capitaux", "profits", "benefices", "recettes",
		"produits", "produit", "sommes", "somme", "millions", "milliards", "euros", "dollars",
		"revenus", "avoirs", "butin", "dirhams", "francs", "nairas", "cryptomonnaies", "cryptoactifs", "bitcoins"}
	boats = []string{"embarcation*", "pirogue*", "bateau*", "barque*", "canot*", "cayuco*",
		"zodiac*", "semi-rigide*", "go-fast*", "navire*", "chalutier*", "boat*", "vessel*", "dinghy", "dinghies",
		"skiff*", "ship", "ships"}
)

var nearRules = []nearRule{
	// information-sharing: sharing information or intelligence (French and
	// English words in one rule: their sets do not meet across languages)
	{theme: "information-sharing", gap: 3,
		a: []string{"partag*", "echang*", "mutualis*", "mise en commun", "share", "shares", "shared",
			"sharing", "exchange", "exchanges", "exchanged", "exchanging", "pool", "pooled", "pooling",
			"swap", "swapped", "swapping"},
		b: []string{"information", "informations", "renseignement", "renseignements", "intelligence"}},
	// the flow of intelligence, not "la libre circulation des informations"
	{theme: "information-sharing", lang: "fr", gap: 2,
		a: []string{"circulation", "remontee", "remontees"},
		b: []string{"renseignement", "renseignements"}},
	{theme: "information-sharing", lang: "fr", gap: 2,
		a: []string{"transmis", "transmise", "transmises", "transmettre", "transmet*", "fourni*"},
		b: []string{"renseignement", "renseignements"}},
	// intelligence as a field of cooperation ("notamment le renseignement")
	{theme: "information-sharing", lang: "fr", gap: 3, glue: true, ordered: true,
		a: []string{"domaine", "domaines", "matiere", "notamment", "cooperation", "collaboration", "partenariat"},
		b: []string{"renseignement"}},
	{theme: "information-sharing", lang: "en", gap: 2,
		a: []string{"cooperation", "co-operation", "collaboration", "coordination", "partnership"},
		b: []string{"intelligence"}},

	// training: training security staff
	{theme: "training", lang: "fr", gap: 3, glue: true,
		ordered: true,
		a: []string{"formation", "formations", "former", "formant", "forment", "formera", "formeront",
			"formait", "formaient", "entrainement", "entrainer", "entrainent", "perfectionnement"},
		b: trainedFR},
	// "l'école a formé 300 officiers", with its auxiliary: "un groupe formé
	// de policiers" is made up of them
	{theme: "training", lang: "fr", gap: 3, glue: true, ordered: true,
		a: []string{"=a formé", "=ont formé", "=avait formé", "=avaient formé", "=ayant formé",
			"=aura formé", "=a entraîné", "=ont entraîné"},
		b: trainedFR},
	// a course for security staff: "a workshop for police officers",
	// "un séminaire au profit des magistrats"
	{theme: "training", lang: "fr", gap: 3, glue: true, ordered: true,
		a: []string{"atelier", "ateliers", "seminaire", "seminaires", "stage", "stages"},
		b: trainedFR},
	// not "of course", "at this stage" (English)
	{theme: "training", lang: "en", gap: 3, glue: true, ordered: true,
		a: []string{"workshop", "workshops", "seminar", "seminars", "courses"},
		b: trainedEN},
	// "des policiers formés"; not "une équipe formée de policiers" (made up of)
	{theme: "training", lang: "fr", gap: 3, glue: true, ordered: true,
		a: trainedFR,
		b: []string{"=formé", "=formés", "=formée", "=formées", "=entraîné*", "=entrainé*"}},
	{theme: "training", lang: "en", gap: 4,
		a: []string{"trained", "retrain*"},
		b: trainedEN},
	// the verb before its object: not "the train carrying police", "train station police"
	{theme: "training", lang: "en", gap: 2, glue: true, ordered: true,
		a: []string{"train", "trains"},
		b: trainedEN},

	// human-trafficking: trade in people, smuggling networks
	{theme: "human-trafficking", lang: "fr", gap: 3, glue: true, ordered: true,
		a: []string{"trafic", "trafics", "=traite", "trafiquant*"},
		b: []string{"etres", "humains", "personnes", "migrants", "enfants", "femmes", "organes"}},
	{theme: "human-trafficking", lang: "fr", gap: 3, glue: true, ordered: true,
		a: []string{"filiere", "filieres", "reseau", "reseaux", "passeur", "passeurs", "trafiquant*",
			"organisateur*", "convoyeur*"},
		b: []string{"emigration", "immigration", "migration", "clandestins", "harraga"}},
	{theme: "human-trafficking", lang: "en", gap: 3, glue: true,
		a: []string{"traffick*", "smuggl*"},
		b: []string{"human", "humans", "people", "persons", "migrants", "women", "children", "girls",
			"boys", "victims", "victim", "workers"}},

	{theme: "human-trafficking", lang: "en", gap: 2,
		a: []string{"smuggl*", "traffick*"},
		b: []string{"migrants", "migrant", "refugees"}},

	// terrorism: violent extremism in other words ("groupe extrémiste armé")
	{theme: "terrorism", gap: 2, glue: true,
		a: []string{"extremiste", "extremistes", "extremist", "extremists"},
		b: []string{"arme", "armes", "armee", "armees", "violent", "violente", "violents",
			"violentes", "armed"}},

	// maritime-security: patrols and interceptions at sea
	{theme: "maritime-security", gap: 2, glue: true,
		a: []string{"patrouill*", "surveillance", "surveiller", "patrol*"},
		b: []string{"cotiere", "cotieres", "cotier", "cotiers", "cotes", "littoral", "littorale",
			"maritime", "maritimes", "navale", "navales", "mer", "au large", "coast", "coastal",
			"coastline", "coastlines", "offshore", "sea", "seas", "waters", "naval"}},
	{theme: "maritime-security", gap: 4,
		a: []string{"patrouill*", "intercept*", "interception*", "arraisonn*", "patrol*", "interdict*"},
		b: boats},

	// rescue at sea, as the data's "sauvetage en mer", "search and rescue"
	{theme: "maritime-security", gap: 3,
		a: []string{"secouru*", "secourir", "sauvetage", "=sauvé*", "repech*", "rescue", "rescued",
			"rescuing", "rescues"},
		b: []string{"au large", "en mer", "off", "at sea"}},

	// border-security: guarding, closing, watching a border
	{theme: "border-security", lang: "fr", gap: 4,
		a: []string{"surveill*", "securis*", "controle*",
			"proteg*", "protection", "garder", "gardent", "patrouill*", "=fermé*",
			"fermer", "ferment", "fermeture", "verrouill*", "boucl*", "etancheite"},
		b: []string{"frontiere", "frontieres"}},
	{theme: "border-security", lang: "en", gap: 3, glue: true,
		a: []string{"patrol*", "secure", "secured", "securing", "security", "guard", "guards",
			"guarded", "guarding", "monitor*", "seal", "sealed", "sealing", "closed", "closing",
			"closure*", "shut", "shutting", "policing", "control", "controls", "controlled",
			"controlling", "surveillance", "fortif*"},
		b: []string{"border", "borders", "frontier", "frontiers"}},

	// arms-trafficking: trade in weapons
	{theme: "arms-trafficking", lang: "fr", gap: 4,
		a: []string{"trafic", "trafics", "trafiquant*", "contrebande*"},
		b: []string{"=arme", "=armes", "munitions", "armement*", "fusils", "kalachnikov*"}},
	// seizures of weapons, as the data's "saisie d'armes", "seized weapons"
	{theme: "arms-trafficking", gap: 3, glue: true, ordered: true,
		a: []string{"saisi", "saisis", "saisie", "saisies", "saisir", "saisissent", "decouvert",
			"decouverte", "decouvrir", "seized", "seizing", "seize", "seizes", "seizure", "seizures",
			"recovered", "confiscated"},
		b: []string{"=arme", "=armes", "munitions", "fusils", "kalachnikov*", "pistolets", "armement*",
			"weapon", "weapons", "firearm", "firearms", "guns", "rifles", "pistols", "ammunition"}},
	{theme: "arms-trafficking", lang: "en", gap: 2,
		a: []string{"smuggl*", "traffick*", "gunrunn*"},
		b: []string{"weapon", "weapons", "arms", "firearm", "firearms", "guns", "rifles",
			"ammunition", "munitions"}},

	// money-laundering: money laundered, funds recovered
	{theme: "money-laundering", lang: "fr", gap: 4,
		a: []string{"blanchi", "blanchis", "blanchie", "blanchies", "blanchir", "blanchit",
			"blanchissai*", "blanchissent", "blanchissant", "blanchira*"},
		b: moneyFR},
	{theme: "money-laundering", gap: 3, glue: true,
		a: []string{"recupere", "recuperes", "recuperee", "recuperees", "recuperer", "recuperation",
			"recouvre", "recouvres", "recouvree", "recouvrees", "recouvrer", "recovered"},
		b: []string{"avoirs", "dollars", "euros", "dirhams", "francs", "nairas", "cedis", "fcfa",
			"assets", "proceeds", "million", "millions", "billion"}},
	// assets frozen: "froze assets", "avoirs gelés" (not confiscated: a
	// banned party's property is confiscated too)
	{theme: "money-laundering", gap: 2, glue: true,
		a: []string{"gel", "geler", "gele", "geles", "gelee", "gelees", "gelent", "froze", "freeze",
			"freezes", "freezing", "frozen"},
		b: []string{"avoirs", "assets", "comptes", "accounts"}},

	// cybercrime: scams and fraud committed online ("escroqueries sur
	// internet", "scams on social media"), as the data's "online scam*"
	{theme: "cybercrime", gap: 3,
		a: []string{"escroquer*", "arnaque*", "fraude*", "scam", "scams", "scammers", "fraud",
			"frauds", "fraudsters"},
		b: []string{"internet", "en ligne", "online", "reseaux sociaux", "social media", "whatsapp",
			"facebook", "telegram", "tiktok"}},

	// organized-crime: crime or networks across borders
	{theme: "organized-crime", gap: 2,
		a: []string{"transnational*", "transfrontali*"},
		b: []string{"crime", "crimes", "criminalite", "criminal", "criminals", "criminel*"}},
	{theme: "organized-crime", gap: 1,
		a: []string{"reseau", "reseaux", "network", "networks", "filiere", "filieres", "syndicate*"},
		b: []string{"transnational*", "transfrontali*", "mafieu*"}},
}

// glueWords may stand between the two words of a glue rule.
var glueWords = map[string]bool{}

func init() {
	for _, w := range []string{"de", "d", "des", "du", "la", "le", "les", "l", "un", "une", "contre",
		"aux", "au", "a", "en", "sur", "par", "dans", "ses", "sa", "son", "leurs", "leur", "nos",
		"notre", "vos", "votre", "ces", "cette", "ce", "cet", "entre", "et", "ont", "ete", "est",
		"sont", "etait", "etaient", "plus", "mieux", "illicite", "illicites", "illegal", "illegale",
		"illegaux", "illegales", "clandestin", "clandestine", "clandestins", "clandestines",
		"criminel", "criminels", "criminelle", "criminelles", "international", "internationale",
		"internationaux", "internationales", "the", "of", "in", "on", "against", "for", "to", "at",
		"an", "its", "their", "his", "her", "our", "this", "these", "those", "between", "across",
		"along", "off", "and", "was", "were", "is", "are", "been", "be", "has", "have", "had",
		"more", "illegally", "illicitly", "long", "porous", "poreuse", "poreuses",
		"northern", "southern", "eastern", "western", "common", "shared", "land", "terrestre",
		"terrestres", "who", "remains", "remain", "remained", "still", "temporarily", "profit",
		"intention"} {
		glueWords[w] = true
	}
	nearIndex = buildNear(nearRules)
}

// nearItem is a word of a rule's set, compiled.
type nearItem struct {
	fold   string // folded, without the "*"; the last token's
	bits   uint64
	prefix bool
	more   *nearMore // for the few words that need more
}

type nearMore struct {
	before  []string // the tokens before the last, folded
	written string   // the form that must be written, for "=" words
}

// nearIdx finds the sets a token belongs to. Words are bucketed by their
// first four bytes (three for a word of three) in a small open-addressing table, which stays in
// cache: most tokens cost a probe or two, the others a string comparison.
// A bucket knows the lengths its words allow.
type nearIdx struct {
	slots   [nearSlots]nearSlot
	buckets []nearBucket
}

const nearSlots = 1024

type nearSlot struct {
	head   uint32 // the first four bytes, 0 for an empty slot
	bucket uint32
}

type nearBucket struct {
	lens  uint32 // bit n: some word allows length n (31: 31 or more)
	items []nearItem
}

var nearIndex *nearIdx

func head4(w string) uint32 {
	h := uint32(w[0])<<24 | uint32(w[1])<<16 | uint32(w[2])<<8
	if len(w) > 3 {
		h |= uint32(w[3])
	}
	return h
}

func nearSlotOf(h uint32) uint32 { return h * 2654435761 >> 22 }

func lenBit(n int) uint32 { return 1 << min(n, 31) }

func buildNear(rules []nearRule) *nearIdx {
	if 2*len(rules) > 63 {
		panic("extract: at most 31 near rules (two bits each in a uint64, and a flag)")
	}
	ix := &nearIdx{}
	for r, rule := range rules {
		for side, set := range [][]string{rule.a, rule.b} {
			bit := uint64(1) << (2*r + side)
			for _, w := range set {
				it := nearItem{bits: bit}
				var more nearMore
				if strings.HasPrefix(w, "=") {
					w = strings.TrimPrefix(w, "=")
					ws := strings.Fields(w)
					more.written = strings.TrimSuffix(ws[len(ws)-1], "*")
				}
				if strings.HasSuffix(w, "*") {
					w, it.prefix = strings.TrimSuffix(w, "*"), true
				}
				words := strings.Fields(Fold(w))
				it.fold, more.before = words[len(words)-1], words[:len(words)-1]
				if len(it.fold) < 3 || it.prefix && len(it.fold) < 4 {
					panic("extract: near rule word " + w)
				}
				if more.written != "" || len(more.before) > 0 {
					it.more = &more
				}
				h := head4(it.fold)
				slot := nearSlotOf(h)
				for ix.slots[slot].head != 0 && ix.slots[slot].head != h {
					slot = (slot + 1) % nearSlots
				}
				if ix.slots[slot].head == 0 {
					if len(ix.buckets) >= nearSlots/2 {
						panic("extract: near rule words overfill their table")
					}
					ix.slots[slot] = nearSlot{head: h, bucket: uint32(len(ix.buckets))}
					ix.buckets = append(ix.buckets, nearBucket{})
				}
				b := &ix.buckets[ix.slots[slot].bucket]
				b.lens |= lenBit(len(it.fold))
				if it.prefix {
					b.lens |= ^(lenBit(len(it.fold)) - 1)
				}
				b.items = append(b.items, it)
			}
		}
	}
	return ix
}

// bucket is where word's sets are, or nil.
func (ix *nearIdx) bucket(word string) *nearBucket {
	if len(word) < 3 {
		return nil
	}
	h := head4(word)
	slot := nearSlotOf(h)
	for ix.slots[slot].head != h {
		if ix.slots[slot].head == 0 {
			return nil
		}
		slot = (slot + 1) % nearSlots
	}
	b := &ix.buckets[ix.slots[slot].bucket]
	if b.lens&lenBit(len(word)) == 0 {
		return nil
	}
	return b
}

// nearBits are the sets token k belongs to. A word of the extractor's
// lexicon (most tokens: the dictionaries' phrases hold the common words)
// has them in nearLexBits, unless a set asks for its context.
// back is how many tokens before k a word of two or more begins.
func (s *state) nearBits(k int, lexBits *nearLexBits) (bits uint64, back int) {
	t := &s.toks[k]
	if t.lex >= 0 {
		if b := lexBits.bits[t.lex]; b&nearContext == 0 {
			return b, 0
		}
	}
	b := nearIndex.bucket(t.Fold)
	if b == nil {
		return 0, 0
	}
	for i := range b.items {
		it := &b.items[i]
		if it.matches(t.Fold) && (it.more == nil || s.nearMoreHolds(k, it.more, it.prefix)) {
			bits |= it.bits
			if it.more != nil {
				back = max(back, len(it.more.before))
			}
		}
	}
	return bits, back
}

func (it *nearItem) matches(word string) bool {
	if it.prefix {
		return strings.HasPrefix(word, it.fold)
	}
	return word == it.fold
}

// nearLexBits holds the sets of each word of a lexicon, found once.
type nearLexBits struct {
	lex  *lexicon
	bits []uint64 // by lexicon entry; nearContext when a set asks for the context
}

// nearContext marks a word whose sets depend on its context (two rule
// bits per rule leave the top bit free).
const nearContext = 1 << 63

// lastLexBits is the table of the last lexicon asked for (a process
// commonly has one extractor).
var lastLexBits atomic.Pointer[nearLexBits]

func (x *Extractor) nearLexBits() *nearLexBits {
	if t := lastLexBits.Load(); t != nil && t.lex == x.lex {
		return t
	}
	t := &nearLexBits{lex: x.lex, bits: make([]uint64, len(x.lex.entries))}
	for id, e := range x.lex.entries {
		b := nearIndex.bucket(e.word)
		if b == nil {
			continue
		}
		for i := range b.items {
			it := &b.items[i]
			if it.matches(e.word) {
				if it.more != nil {
					t.bits[id] |= nearContext
				}
				t.bits[id] |= it.bits
			}
		}
	}
	lastLexBits.Store(t)
	return t
}

// nearMoreHolds: token k is written as m asks, after the words it asks.
func (s *state) nearMoreHolds(k int, m *nearMore, prefix bool) bool {
	if !s.wordsBefore(k, m.before) {
		return false
	}
	if m.written != "" {
		t := &s.toks[k]
		w := s.text[t.Start:t.End]
		if prefix && len(w) > len(m.written) {
			w = w[:len(m.written)]
		}
		return strings.EqualFold(w, m.written)
	}
	return true
}

// wordsBefore: the tokens just before k are the words ws.
func (s *state) wordsBefore(k int, ws []string) bool {
	if k < len(ws) {
		return false
	}
	for j, w := range ws {
		t := &s.toks[k-len(ws)+j]
		if !t.Word || t.Fold != w {
			return false
		}
	}
	return true
}

// findNearThemes applies the near rules, in one pass over the tokens.
// Tokens in an agency's name or an exclusion phrase (hidden) bear none.
func (s *state) findNearThemes(hidden [][2]int) {
	var last [64]int
	for i := range last {
		last[i] = -1
	}
	lexBits := s.x.nearLexBits()
	clause := -1 // the last token that ends a clause
	var found bool
	for k := range s.toks {
		t := &s.toks[k]
		if t.Break {
			clause = k - 1
		}
		if !t.Word {
			switch t.Fold {
			case "«", "»", "\"", "“", "”", "(", ")", "$", "€", "£":
			default:
				clause = k
			}
			continue
		}
		cls, back := s.nearBits(k, lexBits)
		if cls != 0 && !s.hiddenToken(k, hidden) {
			for bb := cls; bb != 0; {
				r := bits.TrailingZeros64(bb) / 2
				bb &^= 3 << (2 * r) // each rule once
				rule := &nearRules[r]
				a, b := 2*r, 2*r+1
				var p int
				switch {
				case cls&(1<<b) != 0:
					p = last[a]
				case cls&(1<<a) != 0 && !rule.ordered:
					p = last[b]
				default:
					continue
				}
				if p <= clause || p >= k-back || k-back-p-1 > rule.gap || rule.glue && !s.allGlue(p+1, k-back) {
					continue
				}
				if rule.lang != "" && s.in.Lang != "" && !strings.HasPrefix(s.in.Lang, rule.lang) {
					continue
				}
				if s.x.g.Theme(rule.theme) == nil {
					continue
				}
				e := s.entity(KindTheme, rule.theme)
				if !overlaps(e.Mentions, p, k+1) {
					e.Mentions = append(e.Mentions, s.mention(p, k+1))
					found = true
				}
			}
			for bb := cls; bb != 0; bb &= bb - 1 {
				last[bits.TrailingZeros64(bb)] = k
			}
		}
	}
	if found {
		for _, e := range s.ents[KindTheme] {
			slices.SortStableFunc(e.Mentions, func(x, y Mention) int { return int(x.tokens[0] - y.tokens[0]) })
		}
	}
}

// overlaps: one of ms shares a token with [start,end).
func overlaps(ms []Mention, start, end int) bool {
	for _, m := range ms {
		if int(m.tokens[0]) < end && start < int(m.tokens[1]) {
			return true
		}
	}
	return false
}

// allGlue: tokens [i,j) are all glue words (or quotes, or numbers).
func (s *state) allGlue(i, j int) bool {
	for ; i < j; i++ {
		t := &s.toks[i]
		if t.Word && !glueWords[t.Fold] && !isNumber(t.Fold) {
			return false
		}
	}
	return true
}

// hiddenToken: token k lies in an agency's name or an exclusion phrase.
func (s *state) hiddenToken(k int, hidden [][2]int) bool {
	for _, h := range hidden {
		if h[0] <= k && k < h[1] {
			return true
		}
	}
	for _, sp := range s.agencySpans {
		if sp.start <= k && k < sp.end {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
