package extract

import (
	"slices"
	"testing"
)

// themeCase is a sentence of its own (names invented) and the themes it
// must and must not bring.
type themeCase struct {
	lang, text string
	want, not  []string
}

func checkThemes(t *testing.T, cases []themeCase) {
	t.Helper()
	for _, c := range cases {
		r := run(t, c.lang, c.text)
		got := ids(r.Themes)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %s (got %v)", c.text, w, got)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: unwanted %s (got %v)", c.text, n, got)
			}
		}
	}
}

// A trigger inside an agency's name is the body's name, not the subject.
func TestThemesNotFromAgencyNames(t *testing.T) {
	checkThemes(t, []themeCase{
		{"fr", "Le Centre de lutte contre le terrorisme de l'Union africaine a accueilli une réunion sur la pêche artisanale.", nil, []string{"terrorism"}},
		{"en", "The African Union Counter Terrorism Centre hosted a meeting of finance officials on budget rules.", nil, []string{"terrorism"}},
		{"fr", "Un responsable de l'Office des Nations unies contre la drogue et le crime a présenté le budget.", nil, []string{"drug-trafficking"}},
		{"fr", "Frontex a publié ses chiffres annuels.", []string{"border-security"}, nil},
		{"fr", "Le GIABA a adopté son rapport.", []string{"money-laundering"}, nil},
		{"en", "EUNAVFOR MED Irini published its annual figures.", []string{"maritime-security"}, nil},
		{"fr", "Le Centre de lutte contre le terrorisme de l'Union africaine a réuni des experts de la lutte contre le terrorisme.", []string{"terrorism"}, nil},
	})
}

// Paraphrases read by the near rules, and the near misses they must leave.
func TestThemesNearRules(t *testing.T) {
	checkThemes(t, []themeCase{
		// information-sharing
		{"fr", "Les deux services ont convenu de partager les informations sur les suspects.", []string{"information-sharing"}, nil},
		{"fr", "Le ministre Paul Darvenne a appelé à « mutualiser nos renseignements et nos moyens ».", []string{"information-sharing"}, nil},
		{"fr", "La saisie est le fruit d'un renseignement transmis par la police de Valmont.", []string{"information-sharing"}, nil},
		{"fr", "Les renseignements échangés entre les deux polices ont permis l'arrestation.", []string{"information-sharing"}, nil},
		{"fr", "Ils veulent coopérer dans plusieurs domaines, notamment le renseignement.", []string{"information-sharing"}, nil},
		{"en", "The states signed the code to share maritime information.", []string{"information-sharing"}, nil},
		{"en", "Officials agreed to pool intelligence against smugglers.", []string{"information-sharing"}, nil},
		{"en", "Information was shared with partner agencies within hours.", []string{"information-sharing"}, nil},
		{"fr", "Selon les informations de notre correspondant, le ministre est arrivé mardi.", nil, []string{"information-sharing"}},
		{"fr", "Les deux hommes ont été tués dans l'échange de tirs ; les informations manquent.", nil, []string{"information-sharing"}},
		{"en", "He joined the intelligence services in 1998.", nil, []string{"information-sharing"}},
		{"fr", "Le syndicat défend la libre circulation des informations.", nil, []string{"information-sharing"}},
		{"fr", "Ces fausses informations partagées sur les réseaux sociaux ont inquiété.", nil, []string{"information-sharing"}},
		{"en", "False information shared on social media fuelled the panic.", nil, []string{"information-sharing"}},
		{"fr", "La circulation rapide du renseignement entre les services est essentielle.", []string{"information-sharing"}, nil},
		{"en", "Data shared by the statistics office show inflation slowing.", nil, []string{"information-sharing"}},
		// training
		{"fr", "Deux experts sont venus former les enquêteurs locaux à l'analyse des téléphones.", []string{"training"}, nil},
		{"fr", "La formation d'officiers béninois au Maroc est devenue une pratique établie.", []string{"training"}, nil},
		{"fr", "Quelque 200 gendarmes ont été formés à la police technique.", []string{"training"}, nil},
		{"en", "The mission trains police officers in forensic work.", []string{"training"}, nil},
		{"en", "The train carrying police officers stopped at Harlow.", nil, []string{"training"}},
		{"fr", "Une équipe formée de policiers et de douaniers a mené l'enquête.", nil, []string{"training"}},
		{"en", "More than 300 police officers were trained by the mission.", []string{"training"}, nil},
		{"fr", "Le ministère de la Formation professionnelle a ouvert un centre pour les jeunes.", nil, []string{"training"}},
		{"fr", "Les partis veulent former un gouvernement d'union nationale.", nil, []string{"training"}},
		{"fr", "Il a suivi une formation d'ingénieur avant la politique.", nil, []string{"training"}},
		{"fr", "L'école a formé plus de 300 officiers depuis sa création.", []string{"training"}, nil},
		{"fr", "Le nouveau gouvernement, formé de technocrates, a prêté serment.", nil, []string{"training"}},
		{"fr", "Toutes les formes de violence contre les agents publics sont condamnées.", nil, []string{"training"}},
		{"en", "Two former police officers were charged with corruption.", nil, []string{"training"}},
		{"en", "Interpol held a workshop for police officers from 15 countries.", []string{"training"}, nil},
		{"fr", "Un séminaire au profit des magistrats s'est ouvert à Rabat.", []string{"training"}, nil},
		{"en", "At this stage police have no suspect.", nil, []string{"training"}},
		{"en", "Of course the police denied it.", nil, []string{"training"}},
		// human-trafficking
		{"fr", "Le colloque portait sur le trafic contre les êtres humains.", []string{"human-trafficking"}, nil},
		{"fr", "La police a démantelé deux filières d'émigration irrégulière vers les Canaries.", []string{"human-trafficking", "migration"}, nil},
		{"fr", "Un réseau criminel d'immigration clandestine opérait depuis Nador.", []string{"human-trafficking"}, nil},
		{"en", "The gang smuggled 40 migrants across the river.", []string{"human-trafficking"}, nil},
		{"fr", "Le traité d'extradition concerne les personnes condamnées.", nil, []string{"human-trafficking"}},
		{"fr", "Le trafic routier des poids lourds a repris, et plusieurs personnes attendent.", nil, []string{"human-trafficking"}},
		{"en", "Smuggling networks bringing migrants to the islands were dismantled.", []string{"human-trafficking"}, nil},
		{"en", "Authorities dismantled a cocaine smuggling ring at the port.", []string{"drug-trafficking"}, []string{"human-trafficking"}},
		{"en", "Twelve people were arrested for fuel smuggling.", nil, []string{"human-trafficking"}},
		{"en", "Police dismantled a gang that trafficked firearms from the Balkans.", []string{"arms-trafficking"}, []string{"human-trafficking"}},
		{"en", "The group trafficked victims from seven countries.", []string{"human-trafficking"}, nil},
		{"en", "Girls who were trafficked to the capital were freed.", []string{"human-trafficking"}, nil},
		// terrorism in other words
		{"fr", "L'armée a neutralisé des éléments d'un groupe extrémiste armé.", []string{"terrorism"}, nil},
		{"en", "The report counts attacks by violent extremist groups.", []string{"terrorism"}, nil},
		{"fr", "Le parti extrémiste a obtenu 12 % des voix.", nil, []string{"terrorism"}},
		// maritime-security
		{"fr", "Les unités de la marine ont secouru 60 migrants au large de Dakhla.", []string{"maritime-security"}, nil},
		{"en", "Fishermen rescued three migrants off Lampedusa.", []string{"maritime-security"}, nil},
		{"fr", "Les pompiers ont secouru deux randonneurs en montagne.", nil, []string{"maritime-security"}},
		{"fr", "Les patrouilles côtières ont été renforcées face aux départs de pirogues.", []string{"maritime-security"}, nil},
		{"fr", "La marine a intercepté trois embarcations chargées de migrants.", []string{"maritime-security"}, nil},
		{"en", "Coastal patrols turned back two migrant boats last week.", []string{"maritime-security"}, nil},
		{"en", "Guards patrol off the coast every night.", []string{"maritime-security"}, nil},
		{"en", "Police intercepted a drug shipment at the airport.", nil, []string{"maritime-security"}},
		{"fr", "Une surveillance à large échelle des téléphones a été dénoncée.", nil, []string{"maritime-security"}},
		{"fr", "Des patrouilles au large de Tarfaya ont été déployées.", []string{"maritime-security"}, nil},
		{"en", "Passengers boarded the cruise ship in Lisbon.", nil, []string{"maritime-security"}},
		// border-security
		{"fr", "Le ministre a appelé à mieux surveiller les frontières.", []string{"border-security"}, nil},
		{"fr", "Les frontières sont restées fermées pendant deux semaines.", []string{"border-security"}, nil},
		{"en", "Soldiers patrol the border with the neighbouring state.", []string{"border-security"}, nil},
		{"en", "The village lies close to the border.", nil, []string{"border-security"}},
		{"fr", "Une ferme située près de la frontière a brûlé.", nil, []string{"border-security"}},
		{"fr", "Médecins sans frontières a ouvert une clinique.", nil, []string{"border-security"}},
		// arms-trafficking
		{"en", "One cell smuggled automatic weapons into the city.", []string{"arms-trafficking"}, nil},
		{"fr", "Le réseau vivait du trafic de drogue et d'armes.", []string{"arms-trafficking", "drug-trafficking"}, nil},
		{"fr", "Des trafiquants armés ont ouvert le feu sur la patrouille.", nil, []string{"arms-trafficking"}},
		// money-laundering
		{"fr", "Les fonds étaient ensuite blanchis via des agences de transfert.", []string{"money-laundering"}, nil},
		{"fr", "Le recruteur aurait blanchi une partie des gains.", []string{"money-laundering"}, nil},
		{"fr", "L'opération a permis 12 millions de dollars récupérés.", []string{"money-laundering"}, nil},
		{"fr", "L'ancien maire a été blanchi par le tribunal de Sorges.", nil, []string{"money-laundering"}},
		{"fr", "Le tribunal l'a blanchi, estimant que les fonds venaient de son salaire.", nil, []string{"money-laundering"}},
		{"fr", "Les épargnants ont récupéré leurs fonds après la faillite.", nil, []string{"money-laundering"}},
		{"en", "Investigators recovered $4 million in stolen proceeds.", []string{"money-laundering"}, nil},
		{"en", "The agency froze assets linked to the former governor.", []string{"money-laundering"}, nil},
		{"fr", "Le juge a ordonné le gel des comptes du suspect.", []string{"money-laundering"}, nil},
		{"en", "A committee will speed up the confiscation of the banned party's assets.", nil, []string{"money-laundering"}},
		{"fr", "Le gel hydroalcoolique est distribué dans les écoles.", nil, []string{"money-laundering"}},
		// border-security
		{"fr", "Le pays a renforcé la sécurité de ses frontières avec le Mali.", []string{"border-security"}, nil},
		{"fr", "Le Conseil de sécurité a condamné l'incursion à la frontière.", nil, []string{"border-security"}},
		{"fr", "Ils ont rappelé le respect des frontières et la sécurité régionale.", nil, []string{"border-security"}},
		// organized-crime
		{"en", "The task force targets transnational financial crime.", []string{"organized-crime"}, nil},
		{"fr", "La police a arrêté le chef d'un réseau transnational de fraude.", []string{"organized-crime"}, nil},
	})
}

// Phrases of the theme data: paraphrases, civilian senses, names.
func TestThemesTriggerData(t *testing.T) {
	checkThemes(t, []themeCase{
		// training: civilian and militant senses
		{"en", "The network lured victims with promises of jobs or training abroad.", nil, []string{"training"}},
		{"en", "Some of the suspects had received training and funding abroad.", nil, []string{"training"}},
		{"en", "Young people will get vocational training in the new centre.", nil, []string{"training"}},
		{"fr", "Le lycée propose une formation professionnelle en mécanique.", nil, []string{"training"}},
		{"fr", "La feuille de route prévoit des projets de coopération technique et policière.", []string{"training"}, nil},
		{"fr", "Le stage d'instruction des équipages aura lieu à Lorient.", []string{"training"}, nil},
		// terrorism and organized crime named by research bodies
		{"en", "Analysts at the Lakeshore Institute for Terrorism Research said fishing quotas fell.", nil, []string{"terrorism"}},
		{"en", "A researcher at the Global Initiative Against Transnational Organized Crime said the port grew.", nil, []string{"organized-crime"}},
		// cybercrime, not organized crime
		{"fr", "Les ministres ont adopté une stratégie contre la criminalité liée aux technologies de l'information.", []string{"cybercrime"}, []string{"organized-crime"}},
		{"en", "The operation targeted ransomware and digital extortion.", []string{"cybercrime"}, []string{"organized-crime"}},
		{"fr", "Les escroqueries sur internet visent les retraités.", []string{"cybercrime", "fraud"}, nil},
		{"en", "Scammers lured victims on social media.", []string{"cybercrime", "fraud"}, nil},
		{"fr", "Le procès pour fraude fiscale s'ouvre lundi.", []string{"fraud"}, []string{"cybercrime"}},
		// drugs in English
		{"en", "He was arrested on suspicion of laundering drug proceeds.", []string{"drug-trafficking", "money-laundering"}, nil},
		{"en", "Customs seized drugs worth $2 million at the port.", []string{"drug-trafficking"}, nil},
		{"en", "The agency warned against counterfeit drugs sold online.", nil, []string{"drug-trafficking"}},
		{"en", "The convoy carried food, drugs and medical supplies.", nil, []string{"drug-trafficking"}},
		// financing terrorism names both themes, as the data's header says
		{"fr", "Le rapport porte sur le financement du terrorisme par l'orpaillage.", []string{"money-laundering", "terrorism"}, nil},
		{"en", "The report covers terrorist financing in the region.", []string{"money-laundering", "terrorism"}, nil},
		// fugitives: extradition procedure
		{"fr", "L'application traitera les demandes d'arrestation provisoire.", []string{"fugitives"}, nil},
		{"en", "Brazil received a request for his provisional arrest.", []string{"fugitives"}, nil},
		// maritime: boarding at sea
		{"fr", "Le chalutier a été arraisonné par la marine.", []string{"maritime-security"}, nil},
		{"en", "Pirates hijacked a tanker off the coast.", []string{"maritime-security"}, nil},
		{"fr", "Des pirates informatiques ont attaqué le ministère.", []string{"cybercrime"}, []string{"maritime-security"}},
		{"en", "A crackdown on unlicensed weapons led to 200 arrests.", []string{"arms-trafficking"}, nil},
		{"en", "The border remains closed to trade.", []string{"border-security"}, nil},
		// plural and irregular forms
		{"en", "Sierra Leone declared an emergency over kush abuse.", []string{"drug-trafficking"}, nil},
		{"en", "The Hindu Kush range straddles the border.", nil, []string{"drug-trafficking"}},
		{"fr", "Le piratage du site du ministère a été revendiqué.", []string{"cybercrime"}, nil},
		{"fr", "Douze immigrés clandestins ont été interpellés.", []string{"migration"}, nil},
		{"en", "The suspect was handed over to the authorities in Rabat.", []string{"fugitives"}, nil},
		{"fr", "Les forces navales ont mené des exercices conjoints au large.", []string{"maritime-security", "training"}, nil},
		{"fr", "La Cellule de renseignement financier a relevé des transactions suspectes.", []string{"money-laundering"}, []string{"information-sharing"}},
		{"fr", "Les autorités ont renforcé les contrôles aux postes frontaliers.", []string{"border-security"}, nil},
		{"fr", "Les arrivées irrégulières ont baissé de 30 % sur cette route.", []string{"migration"}, nil},
		{"en", "Frontex recorded a fall in irregular crossings.", []string{"migration"}, nil},
		{"fr", "La police a démantelé une bande criminelle spécialisée dans le vol de voitures.", []string{"organized-crime"}, nil},
		{"en", "The court traced illicit funds through shell companies.", []string{"money-laundering"}, nil},
		// training institutions and graduations
		{"fr", "Le directeur a présidé la sortie de promotion de 900 élèves policiers.", []string{"training"}, nil},
		{"fr", "Un accord lie les académies de police des deux pays.", []string{"training"}, nil},
	})
}
