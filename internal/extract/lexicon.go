package extract

import "strings"

// The words the rules read, in French and English, folded (lower case, no
// accents). They are language, not facts about the world: the facts are in
// the gazetteer.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// roleHeads are the nouns that head the title of a public office.
var roleHeads = set(
	// French
	"ministre", "president", "presidente", "secretaire", "directeur", "directrice", "chef", "cheffe",
	"commandant", "commandante", "general", "generale", "colonel", "lieutenant", "capitaine", "amiral",
	"commodore", "prefet", "prefete", "wali", "gouverneur", "gouverneure", "ambassadeur", "ambassadrice",
	"consul", "procureur", "procureure", "juge", "magistrat", "roi", "reine", "prince", "princesse", "emir",
	"sultan", "porte", "commissaire", "inspecteur", "inspectrice", "conseiller", "conseillere", "representant",
	"representante", "delegue", "deleguee", "coordinateur", "coordonnateur", "coordinatrice", "officier",
	"attache", "adjoint", "adjointe", "responsable", "garde", "administrateur", "controleur", "vice",
	"haut", "premier", "premiere", "patron", "patronne", "sous",
	// English
	"minister", "secretary", "director", "chief", "commander", "commanding", "captain", "admiral",
	"governor", "ambassador", "prosecutor", "judge", "king", "queen", "princess", "sheikh",
	"spokesman", "spokeswoman", "spokesperson", "commissioner", "inspector", "adviser", "advisor",
	"representative", "envoy", "officer", "head", "deputy", "chairman", "chairperson", "chair", "executive",
	"superintendent", "marshal", "undersecretary", "mayor", "agent", "homologue", "counterpart",
	"acp", "dcp", "cp", "igp", "aig", "dig", "asp", "dsp", "csp",
	// ranks abbreviated before a name: "Gen. X", "Lt. Col. Y"
	"gen", "maj", "col", "lt", "capt", "cdr", "cmdr", "brig", "adm", "supt", "insp", "sgt", "cpl", "gal",
	// weak heads: an office only with a public body in the title (roles.go)
	"manager", "official",
)

// rankTitles are titles written right before a name, without a comma:
// "le général Diomandé", "Vice Admiral J.T. Anderson", "King Felipe VI".
var rankTitles = set(
	"general", "generale", "colonel", "lieutenant", "capitaine", "amiral", "commodore", "commandant",
	"prefet", "wali", "roi", "reine", "prince", "princesse", "emir", "sultan", "cheikh", "juge", "procureur",
	"ministre", "president", "presidente", "ambassadeur", "ambassadrice", "commissaire", "inspecteur",
	"admiral", "captain", "king", "queen", "sheikh", "judge", "minister", "commander", "governor",
	"ambassador", "commissioner", "inspector", "chief", "director", "secretary", "spokesman",
	"spokeswoman", "spokesperson", "superintendent", "marshal", "major", "brigadier", "sergent", "sergeant",
	"adjudant", "gouverneur", "senator", "homologue", "counterpart", "agent",
	// police ranks written as initials in English-speaking Africa
	"acp", "dcp", "cp", "igp", "aig", "dig", "asp", "dsp", "csp",
	// ranks abbreviated before a name: "Gen. X", "Lt. Col. Y"
	"gen", "maj", "col", "lt", "capt", "cdr", "cmdr", "brig", "adm", "supt", "insp", "sgt", "cpl", "gal",
)

// honorifics stand before a name: "M. Koné", "Mme Berthon", "Mr Saied".
var honorifics = set("m", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "messrs", "sir", "dame",
	"excellence", "maitre", "hon", "honourable", "honorable")

// notPublicRoles are roles that make a person no official.
var notPublicRoles = set(
	"journaliste", "correspondant", "correspondante", "reporter", "photographe", "avocat", "avocate",
	"suspect", "suspecte", "accuse", "accusee", "detenu", "militant", "chercheur", "chercheuse", "analyste",
	"journalist", "correspondent", "photographer", "lawyer", "attorney", "accused", "defendant", "researcher",
	"analyst", "professeur", "professor", "etudiant", "student", "footballeur", "joueur", "entraineur",
	"selectionneur", "player", "coach", "depute", "deputee", "senateur", "senatrice", "lawmaker", "mp",
)

// formerWords mark a role no longer held.
var formerWords = set("ancien", "ancienne", "anciens", "former", "late", "feu", "defunt", "defunte", "ex", "regrette")

// particles may stand inside a name in lower or upper case.
var particles = set(
	"de", "du", "des", "da", "dos", "das", "do", "di", "del", "della", "van", "von", "der", "den", "ter", "le", "la",
	"ben", "bin", "ibn", "bint", "ould", "el", "al", "abd", "abou", "abu", "bou", "ag", "mint", "y",
)

// placeNouns head names of places named after people.
var placeNouns = set(
	"stade", "stadium", "avenue", "rue", "boulevard", "place", "aeroport", "airport", "universite", "university",
	"hopital", "hospital", "lycee", "ecole", "school", "mosquee", "mosque", "complexe", "complex", "salle",
	"palais", "palace", "port", "pont", "bridge", "fondation", "foundation", "mausolee", "mausoleum",
	"amphitheatre", "amphitheater", "prix", "prize", "plan", "operation", "parc", "park", "institut",
	"institute", "centre", "center", "rond", "quai", "caserne", "base", "camp", "barrage", "dam", "street",
	"road", "hall", "tour", "tower", "musee", "museum", "bibliotheque", "library", "cite", "campus", "academie",
	"academy", "trophee", "trophy", "coupe", "cup", "navire", "ship", "fregate", "frigate", "promotion",
)

// stopCap are capitalised words that begin sentences or titles, not names.
var stopCap = set(
	"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "en", "dans", "pour", "par", "sur", "avec", "sans",
	"selon", "apres", "avant", "lors", "depuis", "pendant", "cette", "ce", "cet", "ces", "il", "elle", "ils",
	"elles", "on", "nous", "vous", "mais", "et", "ou", "donc", "or", "ni", "car", "au", "aux", "a", "quant",
	"enfin", "ainsi", "alors", "aussi", "outre", "parmi", "entre", "vers", "chez", "contre", "malgre", "comme",
	"si", "son", "sa", "ses", "leur", "leurs", "notre", "votre", "tout", "tous", "toute", "toutes", "plusieurs",
	"the", "an", "in", "at", "for", "with", "by", "from", "to", "of", "and", "but", "as", "after", "before",
	"during", "since", "while", "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her",
	"their", "its", "our", "on", "under", "over", "into", "about", "between", "among", "against", "according",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
	"decembre", "january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
	"etat", "etats", "state", "states", "republique", "republic", "royaume", "kingdom", "gouvernement",
	"government", "conseil", "council", "assemblee", "assembly", "union", "nations", "organisation",
	"organization", "cour", "court", "tribunal", "parquet", "ministere", "ministry", "direction", "directorate",
	"service", "services", "office", "bureau", "agence", "agency", "police", "gendarmerie", "forces", "force",
	"armee", "army", "marine", "navy", "garde", "guard", "douane", "douanes", "customs", "sommet", "summit",
	"coupe", "cup", "jeux", "games", "groupe", "group", "front", "mouvement", "movement", "parti", "party",
	"operation", "plan", "programme", "program", "projet", "project", "initiative", "accord", "agreement",
	"code", "charte", "charter", "convention", "declaration", "traite", "treaty", "centre", "center",
	"commission", "comite", "committee", "institut", "institute", "fondation", "foundation", "universite",
	"university", "ecole", "school", "academie", "academy", "palais", "palace", "stade", "stadium", "sud",
	"nord", "est", "ouest", "south", "north", "east", "west", "central", "afrique", "africa", "europe",
	"asie", "asia", "amerique", "america", "moyen", "middle", "orient", "golfe", "gulf", "sahel", "maghreb",
	"islamique", "islamic", "arabe", "arab", "africaine", "african", "european", "europeenne", "internationale",
	"international", "nationale", "national", "generale", "general", "superieur", "supreme", "haute", "high",
	"premier", "premiere", "first", "second", "deuxieme", "troisieme", "third", "nouvelle", "new", "grand",
	"grande", "great", "saint", "sainte", "notre", "dame", "mocro", "maffia", "mafia", "interpol", "europol",
	"afripol", "ameripol", "frontex", "fifa", "caf", "uefa", "covid", "internet", "web", "gitex", "ia", "ai",
	"voir", "see", "lire", "read", "source", "photo", "credit", "video", "communique", "statement",
)

// geoFeatures name straits, lakes and seas named after a place.
var geoFeatures = set("detroit", "strait", "straits", "lac", "lake", "mer", "sea", "canal", "isthme", "isthmus")

// riverWords make "Niger" a river.
var riverWords = set("fleuve", "riviere", "river", "delta", "bassin", "basin", "vallee", "valley", "rive", "rives", "bank")

// placePrepositions come before a place name.
var placePrepositions = set("a", "au", "aux", "en", "de", "du", "vers", "in", "to", "from", "into", "with", "and", "et")

// bodyHeads are the nouns that head the name of a body: a phrase headed by
// one and followed by an acronym in brackets is an agency the article defines.
var bodyHeads = set(
	"centre", "center", "direction", "directorate", "office", "institut", "institute", "conseil", "council",
	"agence", "agency", "bureau", "service", "services", "commission", "organisation", "organization", "union",
	"communaute", "community", "force", "forces", "mission", "police", "gendarmerie", "garde", "guard",
	"brigade", "unite", "unit", "cellule", "cell", "comite", "committee", "autorite", "authority",
	"secretariat", "ministere", "ministry", "departement", "department", "parquet", "tribunal", "cour", "court",
	"delegation", "commandement", "command", "etat", "division", "groupement", "corps", "marine", "navy",
	"armee", "army", "douane", "douanes", "customs", "mecanisme", "mechanism", "observatoire", "observatory",
	"fonds", "fund", "programme", "haut", "prefecture", "inspection", "inspectorate", "academie", "academy",
	"ecole", "school", "college", "coast", "national", "nationale", "federal", "federale", "royal", "royale",
	"general", "generale", "central", "centrale", "bundeskriminalamt", "policia", "polizia", "guardia",
)

// properBodyWords head names that are proper nouns in another language.
var properBodyWords = set("guardia", "policia", "polizia", "bundeskriminalamt", "politie", "garda")

// bodyKinds are the words that name a kind of national body: "police",
// "army". "police malienne", "the Nigerian Navy", "la police de Dubaï".
var bodyKinds = map[string]string{
	"police": "police", "polices": "police",
	"gendarmerie": "gendarmerie",
	"armee":       "military", "armees": "military", "army": "military", "forces armees": "military",
	"armed forces": "military", "military": "military", "defense": "military",
	"marine": "navy", "navy": "navy", "naval forces": "navy",
	"douane": "customs", "douanes": "customs", "customs": "customs",
	"garde nationale": "gendarmerie", "national guard": "gendarmerie",
	"garde cotes": "coast-guard", "coast guard": "coast-guard", "garde cotiere": "coast-guard",
}

// bodyKinds2 are the two-word kinds of bodyKinds, keyed without joining.
var bodyKinds2 = func() map[[2]string]string {
	m := map[[2]string]string{}
	for k, v := range bodyKinds {
		if a, b, ok := strings.Cut(k, " "); ok && !strings.Contains(b, " ") {
			m[[2]string{a, b}] = v
		}
	}
	return m
}()

// portfolios are the ministries a minister's title names, by the words of
// the title.
var portfolios = map[string]string{
	"interieur": "interior", "interior": "interior", "home affairs": "interior", "administration interne": "interior",
	"interieur et de la securite": "interior", "securite interieure": "interior", "securite": "interior",
	"affaires etrangeres": "foreign", "europe et des affaires etrangeres": "foreign", "foreign affairs": "foreign",
	"foreign": "foreign", "relations exterieures": "foreign", "cooperation": "foreign",
	"justice": "justice", "justice et de la securite": "justice", "garde des sceaux": "justice",
	"defense": "defence", "defence": "defence", "armees": "defence", "defense nationale": "defence",
}

// portfolioNames are the words by which an agency's name shows its portfolio.
var portfolioNames = map[string][]string{
	"interior": {"interieur", "interior", "home office", "home affairs", "administration interne", "securite"},
	"foreign":  {"affaires etrangeres", "foreign", "exterieures", "relations exterieures"},
	"justice":  {"justice"},
	"defence":  {"defense", "defence", "armees"},
}

// portfolioFR names a ministry the gazetteer lacks.
var portfolioFR = map[string]string{
	"interior": "Ministère de l'Intérieur",
	"foreign":  "Ministère des Affaires étrangères",
	"justice":  "Ministère de la Justice",
	"defence":  "Ministère de la Défense",
}

var portfolioEN = map[string]string{
	"interior": "Ministry of the Interior",
	"foreign":  "Ministry of Foreign Affairs",
	"justice":  "Ministry of Justice",
	"defence":  "Ministry of Defence",
}

// connectors join a body's kind to its country: "police du Mali".
var connectors = set("de", "du", "des", "d", "of", "in")

// acronymStop are short words left out of an acronym: "Direction générale
// de la Sûreté nationale" → DGSN.
var acronymStop = set("de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux", "pour",
	"sur", "of", "the", "and", "for", "on", "in", "to")

// titleWords are the capitalised words of offices and portfolios, never
// part of a person's name: "Higher Education Minister Anna Maria Bernini".
var titleWords = set(
	"education", "higher", "justice", "transition", "digital", "department", "fleet", "staff", "naval", "affairs",
	"security", "defence", "defense", "interior", "foreign", "intelligence", "administrative", "reform", "development",
	"commonwealth", "office", "command", "operations", "research", "cooperation", "economy", "finance", "health",
	"trade", "industry", "energy", "home", "homeland", "public", "prosecution", "service", "police", "army", "navy",
	"air", "forces", "force", "guard", "border", "customs", "immigration", "migration", "counter", "terrorism",
	"cybersecurity", "national", "federal", "royal", "general", "state", "government", "armed", "military",
	"delegate", "deputy", "acting", "interim", "special", "permanent", "regional", "international", "executive",
	"interieur", "securite", "affaires", "etrangeres", "sceaux", "developpement", "economie", "finances",
	"sante", "commerce", "industrie", "energie", "numerique", "reforme", "administration", "territoire",
	"surveillance", "renseignement", "armees", "major", "gouvernement", "republique", "royaume", "sud", "nord",
	"ouest", "est", "centre", "cabinet", "chancellerie", "diplomatie", "parlement", "parliament", "senat", "senate",
	"assemblee", "assembly", "conseil", "council", "commission", "minister", "ministry", "ministre", "ministere",
	"court", "tribunal", "cour", "supreme", "high", "garde", "marine", "gendarmerie", "interieure",
	"exterieure", "exterieures", "etat", "division", "brigade", "region", "province", "wilaya", "prefecture",
)

// wordFlag marks the word lists a word is in. Tokens carry their flags,
// read with one map look-up per token, so that the rules test a bit
// instead of looking a word up in a dozen lists.
type wordFlag uint32

const (
	wRoleHeads wordFlag = 1 << iota
	wRankTitles
	wHonorifics
	wNotPublicRoles
	wFormerWords
	wParticles
	wPlaceNouns
	wStopCap
	wRiverWords
	wPlacePrepositions
	wBodyHeads
	wConnectors
	wAcronymStop
	wTitleWords
	wDeterminers
	wBreakers
	wOrganHead // citybodies.go's sets, read on every token
	wLowerHead
	wCityPost
	// wSurname marks the surnames of the gazetteer's officials (set by
	// New, not by a word list): most capitalised words need no map look-up.
	wSurname
)

// Flags of the first words of multi-word lists.
const (
	wCityHead wordFlag = 1 << (iota + 20)
	wStaffHead
	wBodyKind
	wPortfolio
	wMinistry // ministre, minister, garde (des Sceaux): words ministriesFromTitles starts at
)

var wordFlags = func() map[string]wordFlag {
	m := map[string]wordFlag{}
	for _, h := range cityHeads {
		m[h[0]] |= wCityHead
	}
	for _, h := range staffHeads {
		m[h[0]] |= wStaffHead
	}
	for k := range bodyKinds {
		first, _, _ := strings.Cut(k, " ")
		m[first] |= wBodyKind
	}
	for k := range portfolios {
		first, _, _ := strings.Cut(k, " ")
		m[first] |= wPortfolio
	}
	for _, w := range []string{"ministre", "ministere", "ministres", "minister", "ministry", "garde"} {
		m[w] |= wMinistry
	}
	for _, l := range []struct {
		set  map[string]bool
		flag wordFlag
	}{
		{plurals(roleHeads), wRoleHeads},
		{organHeads, wOrganHead},
		{lowerHeads, wLowerHead},
		{cityPosts, wCityPost},
		{plurals(rankTitles), wRankTitles},
		{honorifics, wHonorifics},
		{notPublicRoles, wNotPublicRoles},
		{formerWords, wFormerWords},
		{particles, wParticles},
		{placeNouns, wPlaceNouns},
		{stopCap, wStopCap},
		{riverWords, wRiverWords},
		{placePrepositions, wPlacePrepositions},
		{bodyHeads, wBodyHeads},
		{connectors, wConnectors},
		{acronymStop, wAcronymStop},
		{titleWords, wTitleWords},
		{determiners, wDeterminers},
		{breakers, wBreakers},
	} {
		for w := range l.set {
			m[w] |= l.flag
		}
	}
	return m
}()

// is tells whether the token's word is in the list of flag f.
func (t Token) is(f wordFlag) bool { return t.flags&f != 0 }

// plurals adds to titles their plurals, for titles shared by a list of
// names ("les capitaines de vaisseau X, du CRESMAO, et Y, du CIC").
func plurals(titles map[string]bool) map[string]bool {
	out := make(map[string]bool, 2*len(titles))
	for w := range titles {
		out[w] = true
		switch {
		case strings.HasSuffix(w, "al"):
			out[strings.TrimSuffix(w, "al")+"aux"] = true // général, généraux
		case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x"):
		case strings.HasSuffix(w, "y") && len(w) > 3 && !strings.HasSuffix(w, "ey"):
			out[strings.TrimSuffix(w, "y")+"ies"] = true // secretary, secretaries
		default:
			out[w+"s"] = true
		}
	}
	return out
}
