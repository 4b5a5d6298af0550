package extract

import (
	"strings"
	"testing"
)

// TestAgencyRules: the agency rules, each tried on sentences written for
// the test (people and places invented where they can be).
func TestAgencyRules(t *testing.T) {
	for _, c := range []struct {
		name, lang, body string
		names            []string // agency names (compared folded) that must be found
		noNames          []string // agency names (compared folded) that must not be found
		countries        map[string]string
	}{
		{name: "an organ of an international body, French order", lang: "fr",
			body:    "La Direction des affaires juridiques de l'Union africaine a publié un avis à Addis-Abeba.",
			names:   []string{"direction des affaires juridiques de l union africaine"},
			noNames: []string{"union africaine"}},
		{name: "an organ of an international body, English order", lang: "en",
			body:  "The ECOWAS Directorate of Peacekeeping and Regional Security met in Freetown on Monday.",
			names: []string{"ecowas directorate of peacekeeping and regional security"}, noNames: []string{"ecowas directorate of peacekeeping and regional security in freetown"}},
		{name: "a post of the UN named with where it serves", lang: "en",
			body:  "The UN Liaison Office in Mali said supplies had reached Gao.",
			names: []string{"un liaison office in mali"}},
		{name: "organs the gazetteer lists are read by their names", lang: "fr",
			body: "Le Département paix et sécurité de l'UA, le Comité des chefs d'état-major de la CEDEAO et la Force unifiée de l'AES se sont réunis à Niamey.",
			names: []string{"departement des affaires politiques, de la paix et de la securite de l'union africaine",
				"comite des chefs d'etat-major de la cedeao", "force unifiee de l'aes"}},
		{name: "national bodies of the Balkans and Latin America", lang: "en",
			body:      "Serbia's BIA, Kosovo Police and the Policía Nacional del Perú worked with Ecuador's SENAE.",
			names:     []string{"agence de securite et d'information", "police du kosovo", "police nationale du perou", "service national des douanes de l'equateur"},
			countries: map[string]string{"police nationale du perou": "PE", "agence de securite et d'information": "RS"}},
		{name: "a body inside a longer one is not named on its own", lang: "fr",
			body:      "L'Inspection générale de la Police nationale du Bénin a entendu le commissaire Tiburce Ahlonsou.",
			names:     []string{"inspection generale de la police nationale du benin"},
			noNames:   []string{"police nationale (benin)", "police nationale du benin"},
			countries: map[string]string{"inspection generale de la police nationale du benin": "BJ"}},
		{name: "a national body named by its kind and country", lang: "fr",
			body:      "Le Conseil national de sécurité du Niger s'est réuni à Niamey.",
			names:     []string{"conseil national de securite (niger)"},
			countries: map[string]string{"conseil national de securite (niger)": "NE"}},
		{name: "a consulate and its city", lang: "fr",
			body:      "Le Consulat général du Maroc à Lyon a ouvert une permanence.",
			names:     []string{"consulat general du maroc a lyon"},
			countries: map[string]string{"consulat general du maroc a lyon": "MA"}},
		{name: "a field office named with a possessive", lang: "en",
			body:  "Agents of the FBI's Tallmadge Field Office arrested two men.",
			names: []string{"fbi tallmadge field office"}},
		{name: "a known organ followed by its owner names the organ only", lang: "fr",
			body:    "Le Centre africain d'études et de recherche sur le terrorisme de l'UA a formé des policiers.",
			noNames: []string{"union africaine"}},
		{name: "an ambiguous acronym owns nothing in an article not about its country", lang: "en",
			body:    "The CAF Safety and Security Division trained stewards for the tournament in Rabat.",
			noNames: []string{"caf safety and security division"}},
		{name: "the tail of a longer name names the longer body, not the police of a city", lang: "fr",
			body:    "L'Institut royal de police à Kénitra a reçu une promotion d'officiers sénégalais.",
			names:   []string{"institut royal de police a kenitra"},
			noNames: []string{"police a kenitra"}},
		{name: "a city's judicial police is no national body", lang: "fr",
			body:      "La police judiciaire de Tanger a interpellé trois suspects, selon la DGSN.",
			names:     []string{"police judiciaire de tanger"},
			countries: map[string]string{"police judiciaire de tanger": "MA"}},
		{name: "a court of English copy named in the site's language", lang: "en",
			body:  "The investigating court in Marbella and the Federal High Court in Abuja heard the case.",
			names: []string{"tribunal d'instruction de marbella", "haute cour federale d'abuja"}},
		{name: "a country's army is its armed forces, not its navy or a guard", lang: "fr",
			body:    "L'armée sénégalaise, l'armée brésilienne et l'armée marocaine ont défilé à Dakar.",
			names:   []string{"forces armees senegalaises", "forces armees bresiliennes", "forces armees royales"},
			noNames: []string{"marine nationale (senegal)", "marine bresilienne", "garde royale"}},
		{name: "a navy named by its kind is the navy", lang: "fr",
			body:  "La marine sénégalaise a intercepté une pirogue au large de Saint-Louis.",
			names: []string{"marine nationale (senegal)"}},
		{name: "a country's police in general is no special unit of it", lang: "fr",
			body:    "La police américaine et la police béninoise ont échangé des informations.",
			names:   []string{"police (etats-unis)", "police republicaine"},
			noNames: []string{"bureau federal d'enquete", "service secret des etats-unis"}},
		{name: "a kind inside a name read whole is no body of its own", lang: "fr",
			body:    "Une conférence s'est tenue à l'Institut de défense du Sénégal (IDS) à Dakar.",
			noNames: []string{"forces armees senegalaises"}},
		{name: "a court of English copy takes the text's apostrophes", lang: "en",
			body:  "The investigating court in Estepona summoned the club’s owner.",
			names: []string{"tribunal d’instruction d’estepona"}},
		{name: "a name one body bears gets no country, nor a name that says it", lang: "fr",
			body:    "La Défense belge a prêté un avion à la police fédérale belge.",
			names:   []string{"defense belge"},
			noNames: []string{"defense belge (belgique)"}},
		{name: "Interpol's national central bureaus, one per city, of the city's country", lang: "en",
			body:      "Interpol's National Central Bureau in Abuja and the Interpol NCB in Accra traced the suspects.",
			names:     []string{"interpol national central bureau in abuja", "interpol ncb in accra"},
			countries: map[string]string{"interpol national central bureau in abuja": "NG", "interpol ncb in accra": "GH"}},
		{name: "a BCN named in French", lang: "fr",
			body:      "Le BCN d'Interpol à Rabat a transmis la notice rouge.",
			names:     []string{"bcn d'interpol a rabat"},
			countries: map[string]string{"bcn d'interpol a rabat": "MA"}},
		{name: "a body named in lower case with its country's adjective", lang: "fr",
			body:      "Les officiers ont été reçus au sein de la direction du renseignement et de la sécurité militaire mauritanienne, à Atar.",
			names:     []string{"direction du renseignement et de la securite militaire (mauritanie)"},
			countries: map[string]string{"direction du renseignement et de la securite militaire (mauritanie)": "MR"}},
		{name: "a lower-case head without a country names nothing", lang: "fr",
			body:    "La direction de la police a publié un communiqué. La brigade a saisi deux tonnes de résine.",
			noNames: []string{"direction de la police"}},
		{name: "a country's body named by its adjective and capitalised words", lang: "en",
			body:      "Cadets of the Nigerian Defence Academy trained with the US Sixth Fleet off Lagos.",
			names:     []string{"nigerian defence academy", "us sixth fleet"},
			countries: map[string]string{"nigerian defence academy": "NG", "us sixth fleet": "US"}},
		{name: "a phrase with an adjective is no body", lang: "en",
			body:    "The French Embassy and the British Council in Lagos hosted a reception.",
			noNames: []string{"embassy and the (royaume-uni)", "french embassy", "british council"}},
		{name: "a military command named by its zone, of the force named before it", lang: "en",
			body:      "The Ghana Navy said the Western Naval Command had seized a trawler off Takoradi.",
			names:     []string{"western naval command"},
			countries: map[string]string{"western naval command": "GH"}},
		{name: "national bodies named by kind and country, in the field", lang: "fr",
			body: "L'École nationale de police du Bénin, la Haute cour fédérale du Nigeria et le Centre national de lutte contre la cybercriminalité du Sénégal ont signé un accord.",
			names: []string{"ecole nationale de police du benin", "haute cour federale du nigeria",
				"centre national de lutte contre la cybercriminalite du senegal"},
			countries: map[string]string{"haute cour federale du nigeria": "NG"}},
		{name: "a state's bodies outside the field are not read by the pattern", lang: "fr",
			body:    "Le Conseil des ministres du Mali a adopté un décret; la Commission électorale nationale indépendante du Niger a publié les résultats.",
			noNames: []string{"conseil des ministres du mali", "commission electorale nationale independante du niger"}},
		{name: "nor in English", lang: "en",
			body:    "The Malian Transitional Council voted and the Ghanaian Electoral Commission published results.",
			noNames: []string{"malian transitional council", "ghanaian electoral commission"}},
		{name: "a numbered bureau of a general staff", lang: "fr",
			body:      "Le colonel Amine Tazrout, du deuxième bureau de l'état-major des FAR, a présenté l'exposé à Rabat.",
			names:     []string{"deuxieme bureau de l'etat-major des far"},
			countries: map[string]string{"deuxieme bureau de l'etat-major des far": "MA"}},
		{name: "the chiefs of staff of forces name the forces, not a staff", lang: "fr",
			body:    "Les chefs d'état-major des Forces armées maliennes et des Forces armées nigériennes se sont réunis à Niamey.",
			names:   []string{"forces armees maliennes"},
			noNames: []string{"etat-major general des armees (mali)"}},
		{name: "the DGSN in lower case, in a Moroccan article", lang: "fr",
			body:  "À Tanger et à Rabat, les éléments de la sécurité nationale ont saisi deux tonnes de chira. Le Maroc renforce ses contrôles.",
			names: []string{"direction generale de la surete nationale (maroc)"}},
		{name: "a state's security in lower case is no body", lang: "fr",
			body:    "À Rabat, le Maroc estime que la sécurité nationale du pays est en jeu.",
			noNames: []string{"direction generale de la surete nationale (maroc)"}},
		{name: "a state's body defined in brackets is of the state the article is about", lang: "en",
			body:      "Jordan's Directorate for Border Narcotics (DBN) seized pills near Ramtha. In Amman, Jordanian officials said the DBN would expand.",
			names:     []string{"directorate for border narcotics"},
			countries: map[string]string{"directorate for border narcotics": "JO"}},
		{name: "a body states share defined in brackets has no state", lang: "fr",
			body:      "À Abuja, au Nigeria, le Centre régional de coordination des patrouilles (CRCP) a tenu sa réunion; le Nigeria en assure la présidence.",
			names:     []string{"centre regional de coordination des patrouilles"},
			countries: map[string]string{"centre regional de coordination des patrouilles": ""}},
		{name: "a kind after a bare de qualifies another noun", lang: "fr",
			body:    "Les agents de police maliens et un commissaire de police sénégalais ont croisé des officiers de douane ivoiriens à Bamako.",
			noNames: []string{"police nationale (mali)", "police nationale (senegal)", "direction generale des douanes (cote d'ivoire)"}},
		{name: "an English sentence's first noun is no organ's head", lang: "en",
			body:    "Service members of the US Army arrived. Force commanders of the UN said the road was open.",
			noNames: []string{"service members of the us army", "force commanders of the un"}},
		{name: "an organ's name stops at a verb", lang: "fr",
			body:    "Le président de la Commission de l'Union africaine a reçu à Addis-Abeba le chef de la Mission des Nations unies au Soudan du Sud. Le Conseil de sécurité de l'ONU a prorogé le mandat de la MONUSCO.",
			names:   []string{"commission de l'union africaine", "conseil de securite des nations unies"},
			noNames: []string{"commission de l'union africaine a recu a addis-abeba le chef de la mission des nations unies au soudan du sud"}},
		{name: "a known name with its country after it stays the known body", lang: "fr",
			body:      "La Délégation générale à la Sûreté nationale du Cameroun a muté trois commissaires à Garoua.",
			names:     []string{"delegation generale a la surete nationale"},
			countries: map[string]string{"delegation generale a la surete nationale": "CM"}},
		{name: "a city's court of first instance", lang: "fr",
			body:  "Le procureur près le tribunal de grande instance de Dakar a requis six mois.",
			names: []string{"tribunal de grande instance de dakar"}},
		{name: "a country's body named by its adjective is the gazetteer's when it knows the words", lang: "en",
			body:  "Officers of the Rwandan Defence Force and the Montenegrin Police Directorate trained together.",
			names: []string{"forces rwandaises de defense", "direction de la police du montenegro"}},
		{name: "a territorial unit of the judicial police is named whole", lang: "fr",
			body:    "Les éléments de la brigade préfectorale de la police judiciaire de Casablanca ont saisi trois armes, selon la DGSN.",
			names:   []string{"brigade prefectorale de la police judiciaire de casablanca"},
			noNames: []string{"police judiciaire de casablanca"}},
		{name: "a field body named by its city", lang: "fr",
			body:      "La Direction régionale des douanes de Tanger a saisi des cigarettes; le Commissariat central de police de Dakar a ouvert une enquête.",
			names:     []string{"direction regionale des douanes de tanger", "commissariat central de police de dakar"},
			countries: map[string]string{"direction regionale des douanes de tanger": "MA", "commissariat central de police de dakar": "SN"}},
		{name: "an international organ named in another form is the gazetteer's", lang: "en",
			body:    "Members of the Security Council of the UN and of the Mediation and Security Council of ECOWAS met in Accra.",
			names:   []string{"conseil de securite des nations unies", "conseil de mediation et de securite de la cedeao"},
			noNames: []string{"council of the un", "security council of the un"}},
		{name: "English title-case bodies of a country", lang: "en",
			body:      "The National Cybercrime Centre of Ghana and the Police Academy of Senegal signed a memorandum. The Tourism Office of Kenya did not.",
			names:     []string{"national cybercrime centre of ghana", "police academy of senegal"},
			noNames:   []string{"tourism office of kenya"},
			countries: map[string]string{"national cybercrime centre of ghana": "GH"}},
		{name: "a national security council of a state the gazetteer lacks it for", lang: "en",
			body:      "Ghana's National Security Council met in Accra.",
			names:     []string{"conseil national de securite (ghana)"},
			countries: map[string]string{"conseil national de securite (ghana)": "GH"}},
		{name: "a terrorist cell is no body", lang: "fr",
			body:    "La cellule terroriste marocaine a été démantelée à Fès par le BCIJ.",
			noNames: []string{"cellule terroriste (maroc)"}},
		{name: "a programme or a conference of an international body is no organ", lang: "fr",
			body:    "Le Programme de l'UE pour le Sahel et la Conférence de l'ONU sur le climat se sont ouverts à Dakar.",
			noNames: []string{"programme de l'ue", "conference de l'onu"}},
		{name: "a meeting is not named by its organ", lang: "fr",
			body:    "Le ministre a rencontré le chef du Service. La Direction a indiqué que la police du Ghana participait.",
			noNames: []string{"service", "direction"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.lang, c.body)
			got := map[string]string{}
			var all []string
			for _, e := range r.Agencies {
				got[Fold(e.Name)] = e.Country
				all = append(all, e.Name)
			}
			for _, n := range c.names {
				if _, ok := got[Fold(n)]; !ok {
					t.Errorf("agency %q not found; agencies %s", n, strings.Join(all, "; "))
				}
			}
			for _, n := range c.noNames {
				if _, ok := got[Fold(n)]; ok {
					t.Errorf("agency %q found", n)
				}
			}
			for n, cc := range c.countries {
				if g, ok := got[Fold(n)]; ok && g != cc {
					t.Errorf("agency %q: country %q, want %q", n, g, cc)
				}
			}
		})
	}
}

// TestOneBracketPerName: pages show an agency's acronym in brackets after
// its name; a name that holds its country in brackets gets no second pair.
func TestOneBracketPerName(t *testing.T) {
	r := run(t, "fr", "La police nationale du Mali, la Police nationale ivoirienne et la Direction générale de la Sûreté nationale (DGSN) marocaine ont signé un accord à Bamako.")
	if len(r.Agencies) < 2 {
		t.Fatalf("agencies %v", ids(r.Agencies))
	}
	for _, e := range r.Agencies {
		if strings.Count(e.Name, "(") > 1 || strings.HasSuffix(e.Name, ")") && e.Acronym != "" {
			t.Errorf("%q with acronym %q: two pairs of brackets on pages", e.Name, e.Acronym)
		}
	}
}

// TestUnitWordsFitAMask: isUnit keeps a bit per unit word in a uint64.
func TestUnitWordsFitAMask(t *testing.T) {
	if len(unitWords) > 64 {
		t.Fatalf("%d unit words: unitMask holds 64", len(unitWords))
	}
}

// TestOrganRulesAtTheEnd: the organ rules read ahead of a head; a text
// that ends anywhere in a name must not take them past its last token.
func TestOrganRulesAtTheEnd(t *testing.T) {
	full := []string{
		"Le Département paix et sécurité de l'Union africaine au Mali",
		"the FBI's Cleveland Field Office in Ohio",
		"Interpol NCB in Accra",
		"la direction du renseignement et de la sécurité militaire mauritanienne",
		"the Western Naval Command",
		"le deuxième bureau de l'état-major des FAR",
		"la brigade préfectorale de la police judiciaire de Casablanca",
		"les éléments de la sécurité nationale",
		"La Haute cour fédérale du Nigeria",
	}
	for _, f := range full {
		words := strings.Fields(f)
		for n := 1; n <= len(words); n++ {
			run(t, "fr", strings.Join(words[:n], " "))
			run(t, "en", strings.Join(words[:n], " ")+" ")
		}
	}
}
