package extract

import (
	"strings"
	"testing"
)

// TestOfficialsWritingPatterns holds the ways of writing an official that
// wire copy uses to sentences written for them, with invented names: each
// must be found, with its country and a role holding the given words.
func TestOfficialsWritingPatterns(t *testing.T) {
	for _, c := range []struct {
		pattern, lang, body, person, country, role string
	}{
		{"surname in capitals", "en",
			"Mikkel HANSTRUP, the Danish police commissioner, said the network was dismantled.",
			"Mikkel Hanstrup", "DK", "police commissioner"},
		{"name in brackets after the title, with a particle", "fr",
			"Selon le procureur de la République de Bamako (Jean le Guénnec), l'enquête progresse.",
			"Jean le Guénnec", "ML", "procureur de la République"},
		{"a title ending in a bracketed acronym", "fr",
			"Le ministre était accompagné de la porte-parole du Service national de police (NPS) du Kenya, Wanjiru Otienoya.",
			"Wanjiru Otienoya", "KE", "porte-parole"},
		{"a plural title shared by a list, countries in brackets", "fr",
			"Le sommet a réuni les chefs d'état-major — Idrissa Maïgaro (Niger), Abakar Tahirou (Tchad) et Oumar Diarrabé (Mali).",
			"Oumar Diarrabé", "ML", "chefs d'état-major"},
		{"a plural title shared by a list with appositions", "fr",
			"Trois officiers complétaient le groupe : les capitaines de vaisseau Lamine Sékouba, du CRESMAO, et Paul Ekotto, du CIC.",
			"Paul Ekotto", "", "capitaines de vaisseau"},
		{"a role with à before the name", "fr",
			"« La coopération avance », a commenté le délégué de la Police fédérale brésilienne à Recife, Rodrigo Vasconcelo.",
			"Rodrigo Vasconcelo", "BR", "délégué"},
		{"a role with a past participle", "fr",
			"Le juge d'instruction marocain chargé du dossier, Karim Bensalah, a délivré un mandat.",
			"Karim Bensalah", "MA", "chargé du dossier"},
		{"a counterpart takes the other's function", "fr",
			"Le ministre sénégalais de l'Intérieur, Abdou Faye, a reçu son homologue gambien, Lamin Jallowé.",
			"Lamin Jallowé", "GM", "ministre de l'Intérieur"},
		{"the clause that says which body the person heads", "fr",
			"Le groupe comptait aussi le commodore Yao Kouassi, qui dirige depuis Abidjan le CRESMAO.",
			"Yao Kouassi", "", "CRESMAO"},
		{"a plural title of several countries, names in the same order", "en",
			"The talks brought together the presidents of Ghana and Togo, Kwesi Mensahye and Faure Agbodjan, and the vice-president of Benin.",
			"Faure Agbodjan", "TG", "presidents of Ghana and Togo"},
		{"an abbreviated title after the name", "en",
			"Amadou Kourouma, Ag. Special Representative of the Secretary-General for West Africa, urged restraint.",
			"Amadou Kourouma", "", "Special Representative"},
		{"an abbreviated rank and a possessive apposition", "en",
			"Gen. Abdel Karim Burhanov, Sudan's army chief, met officials in Khartoum.",
			"Abdel Karim Burhanov", "SD", "army chief"},
		{"for inside a title", "en",
			"Qatar's Minister of State for Foreign Affairs, Mohammed Al-Khulaifix, met the delegation.",
			"Mohammed Al-Khulaifix", "QA", "Minister of State for Foreign Affairs"},
		{"no title, but the body the person heads", "en",
			"Catherine De Bolleman, who heads Europol, said the network was dismantled.",
			"Catherine De Bolleman", "", "heads Europol"},
		{"a weak title with a public body", "en",
			"Marta Kovalenkova, a senior manager at the Interpol Global Complex for Innovation, presented the tool.",
			"Marta Kovalenkova", "", "senior manager at the Interpol"},
		{"a weak title with no public body names no official", "en",
			"Peter Ashgrove, a manager at a shipping firm, said the cargo was lost.",
			"", "", ""},
		{"a counterpart of a title ending in its country", "fr",
			"Le ministre de la Défense malien, Sadio Camarabé, a reçu son homologue nigérien Moussa Salaouré.",
			"Moussa Salaouré", "NE", "ministre de la Défense"},
		{"deceased kings in a genitive are no officials", "fr",
			"Il a déposé une gerbe devant les tombeaux des rois Mohammed V et Hassan II.",
			"", "", ""},
	} {
		t.Run(c.pattern, func(t *testing.T) {
			r := run(t, c.lang, c.body)
			var found []string
			for _, e := range r.Officials {
				found = append(found, e.Name)
				if e.Name != c.person {
					continue
				}
				if e.Country != c.country {
					t.Errorf("%s: country %q, want %q", c.person, e.Country, c.country)
				}
				if len(e.Roles) == 0 || !strings.Contains(e.Roles[0], c.role) {
					t.Errorf("%s: roles %q, want the first to hold %q", c.person, e.Roles, c.role)
				}
				return
			}
			if c.person != "" {
				t.Errorf("%s not found among %q", c.person, found)
			} else if len(found) > 0 {
				t.Errorf("found %q, want none", found)
			}
		})
	}
}

// TestShortMentionAfterRank checks that a later mention by rank and
// surname is the person named before, not another.
func TestShortMentionAfterRank(t *testing.T) {
	r := run(t, "en", "Brigadier General Hassan Al-Qudari, director of Jordan's anti-narcotics department, spoke first. Brig. Gen. Al-Qudari said seizures had doubled.")
	if len(r.Officials) != 1 || r.Officials[0].Name != "Hassan Al-Qudari" || r.Officials[0].MentionCount() != 2 {
		var got []string
		for _, e := range r.Officials {
			got = append(got, e.Name)
		}
		t.Errorf("officials %q, want Hassan Al-Qudari mentioned twice", got)
	}
}
