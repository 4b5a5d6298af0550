package extract

import (
	"testing"
	"testing/fstest"

	"digest/internal/gazetteer"
)

// TestSuppressions checks the site's corrections: an entity suppressed by
// id is never tagged, a surface only where it is written after the words
// given, and the front matter can still add what they suppress.
func TestSuppressions(t *testing.T) {
	g, err := gazetteer.Load(fstest.MapFS{"corrections.toml": {Data: []byte(`
[[suppress]]
surface = "Niger"
after = ["quartier"]
note = "un quartier de Dakar"

[[suppress]]
kind = "theme"
id = "training"
`)}})
	if err != nil {
		t.Fatal(err)
	}
	x := New(g, "fr")
	body := "Le Sénégal a formé des policiers du quartier Niger, à Dakar. Les policiers ont reçu une formation."
	r := x.Extract(Input{File: "a.md", Lang: "fr", Body: []byte(body)})
	if got := codes(r.Countries); len(got) != 1 || got[0] != "SN" {
		t.Errorf("countries %q, want SN only (Niger is a neighbourhood here)", got)
	}
	for _, e := range r.Themes {
		if e.ID == "training" {
			t.Error("the suppressed theme training is tagged")
		}
	}
	r = x.Extract(Input{File: "b.md", Lang: "fr", Body: []byte("Le Niger et le Sénégal ont signé un accord.")})
	if got := codes(r.Countries); len(got) != 2 {
		t.Errorf("countries %q: Niger not after quartier must stay", got)
	}
	r = x.Extract(Input{File: "c.md", Lang: "fr", Body: []byte(body), Themes: []string{"training"}})
	found := false
	for _, e := range r.Themes {
		found = found || e.ID == "training"
	}
	if !found {
		t.Error("the front matter could not add back a suppressed theme")
	}
	for _, bad := range []string{"[[suppress]]\nnote = \"rien\"\n", "[[suppress]]\nid = \"NE\"\nsurface = \"Niger\"\n", "[[suppress]]\nkind = \"pays\"\nid = \"NE\"\n"} {
		if _, err := gazetteer.Load(fstest.MapFS{"corrections.toml": {Data: []byte(bad)}}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
