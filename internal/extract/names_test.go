package extract

import "testing"

// TestNamesWithoutHonorifics checks that honorifics, honorific initials
// and police ranks written as initials stay out of officials' names (and
// so out of their ids, which are their pages' URLs).
func TestNamesWithoutHonorifics(t *testing.T) {
	for _, c := range []struct{ lang, body, name, id string }{
		{"en", "H.E. Amina Tchoumbou, Niger's ambassador to Ghana, opened the session.", "Amina Tchoumbou", "amina-tchoumbou"},
		{"en", "ACP Peter Mwangangi, the police spokesman, said three suspects were held.", "Peter Mwangangi", "peter-mwangangi"},
		{"fr", "Son Excellence M. Jean Kabréogo, ministre burkinabè de la Sécurité, a reçu la délégation.", "Jean Kabréogo", "jean-kabreogo"},
		{"fr", "S.E. M. Paul Biyokolo, ministre camerounais de la Défense, a ouvert les travaux.", "Paul Biyokolo", "paul-biyokolo"},
		{"fr", "Dr Halima Ouédrago, directrice générale de la police nationale du Burkina Faso, a pris la parole.", "Halima Ouédrago", "halima-ouedrago"},
		{"fr", "Maître Awa Diopéné, procureure de la République près le tribunal de Dakar, a requis dix ans.", "Awa Diopéné", "awa-diopene"},
	} {
		r := run(t, c.lang, c.body)
		found := false
		for _, e := range r.Officials {
			if e.Name == c.name && e.ID == c.id {
				found = true
			}
		}
		if !found {
			var got []string
			for _, e := range r.Officials {
				got = append(got, e.Name+" ("+e.ID+")")
			}
			t.Errorf("%q: want %s (%s), got %q", c.body, c.name, c.id, got)
		}
	}
}
