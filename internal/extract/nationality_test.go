package extract

import "testing"

// TestOfficialsCountry holds each rule of nationality.go to sentences
// written for it, with invented names: the country an official serves is
// read from the text, and an official of an international body has none.
func TestOfficialsCountry(t *testing.T) {
	for _, c := range []struct {
		name, lang, body, person, want string
	}{
		{"possessive before the title", "en",
			"The hearing was delayed. Ghana's interior minister, Kwabena Asantewaa, called it a setback.",
			"Kwabena Asantewaa", "GH"},
		{"a body after à, in apposition", "fr",
			"Le capitaine Iker Zubietaga, chef des opérations maritimes à la Guardia Civil, a présenté le bilan.",
			"Iker Zubietaga", "ES"},
		{"a list led by a delegation of one country", "fr",
			"La réunion s'est tenue à Genève. La délégation sénégalaise comprenait :\n\n- Mamadou Ndiorène, ambassadeur à Berne ;\n\n- le colonel Aliou Sarrbé, directeur de la coopération ;\n\n- le commissaire Fatou Diallobé, cheffe de la brigade des stupéfiants.",
			"Fatou Diallobé", "SN"},
		{"an ambassador's posting is not his country", "fr",
			"La délégation sénégalaise comprenait :\n\n- Mamadou Ndiorène, ambassadeur à Berne ;\n\n- le colonel Aliou Sarrbé, directeur de la coopération.",
			"Mamadou Ndiorène", "SN"},
		{"a group of one country, then its members", "fr",
			"Plusieurs officiers tchadiens ont pris part aux échanges, dont le colonel Brahim Abakarou, chef du bureau des opérations, et le commandant Ali Mahamatou.",
			"Ali Mahamatou", "TD"},
		{"the side a co-chair sits on", "fr",
			"La séance était coprésidée par le colonel Ousmane Kéitala, chef de la division des transmissions, côté nigérien, et par un officier français.",
			"Ousmane Kéitala", "NE"},
		{"the one country of the sentence", "en",
			"Minister Solange Brévart travelled to Lisbon with Deputy Minister Karim Lembrou, Portugal's new envoy for migration.",
			"Karim Lembrou", "PT"},
		{"a body the person is of", "en",
			"Judge Iñigo Valdeorras of the Audiencia Nacional has issued a fresh warrant.",
			"Iñigo Valdeorras", "ES"},
		{"the paragraph's one country before the name", "en",
			"The navy of Ghana held its debrief in Takoradi. Rear Admiral Kofi Ampemah, flag officer of the western command, thanked the crews.",
			"Kofi Ampemah", "GH"},
		{"a national office takes the article's leading country", "en",
			"Burkina Faso mourned its soldiers. Burkina Faso's army said the attack came at dawn. Government spokesman Issouf Tiendrébé announced the toll on Tuesday.",
			"Issouf Tiendrébé", "BF"},
		{"an international body in the sentence", "en",
			"Niger's report was published. The UNODC is headed by Executive Director Mariam Okonjova.",
			"Mariam Okonjova", ""},
		{"a clause that says which body the person heads", "fr",
			"Le sommet s'est tenu à Yaoundé, au Cameroun. Il réunissait aussi le commodore Félix Onambélé, qui dirige depuis Abidjan le CRESMAO.",
			"Félix Onambélé", ""},
		{"an international body in the role", "fr",
			"À Rabat, Claire Vautrain, directrice de l'appui opérationnel à Interpol, a présenté le projet.",
			"Claire Vautrain", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.lang, c.body)
			for _, e := range r.Officials {
				if e.Name == c.person {
					if e.Country != c.want {
						t.Errorf("%s: country %q, want %q (roles %q)", c.person, e.Country, c.want, e.Roles)
					}
					return
				}
			}
			var found []string
			for _, e := range r.Officials {
				found = append(found, e.Name)
			}
			t.Errorf("%s not found among %q", c.person, found)
		})
	}
}
