package extract

import "testing"

// TestManualOfficial checks that an official the front matter names with
// a title, and the text does not read as one, gets the treatment of any:
// a name without the title, the title as role, the text's mentions, and a
// country read from the text.
func TestManualOfficial(t *testing.T) {
	body := "Les saisies ont doublé à Sikasso, au Mali. Selon Keitaro, la route passe par la frontière."
	r := run(t, "fr", body)
	for _, e := range r.Officials {
		t.Fatalf("the text alone reads an official: %s", e.Name)
	}
	r = extractor(t).Extract(Input{File: "a.md", Lang: "fr", Body: []byte(body), Officials: []string{"Commissaire Keitaro"}})
	if len(r.Officials) != 1 {
		t.Fatalf("officials: %d", len(r.Officials))
	}
	e := r.Officials[0]
	if e.Name != "Keitaro" || e.ID != "keitaro" || len(e.Roles) == 0 || e.Roles[0] != "Commissaire" || e.Country != "ML" || e.MentionCount() != 1 || e.Mentions[0].Loc.Field != FieldBody {
		t.Errorf("got %s (%s) %q [%s], %d mentions", e.Name, e.ID, e.Roles, e.Country, e.MentionCount())
	}
	// named already: the front matter only marks it
	r = extractor(t).Extract(Input{File: "b.md", Lang: "fr", Body: []byte("Le commissaire Moussa Keitaro, chef de la brigade des stupéfiants du Mali, a présenté les saisies."), Officials: []string{"Commissaire Keitaro"}})
	if len(r.Officials) != 1 || r.Officials[0].Name != "Moussa Keitaro" || !r.Officials[0].Manual {
		t.Errorf("a front-matter official the text names: %d officials", len(r.Officials))
	}
}
