package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBuiltinCoverage holds the embedded data to the coverage the
// enrichment issue asks for.
func TestBuiltinCoverage(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Countries); n < 249 {
		t.Errorf("%d countries, want every ISO 3166-1 code (249)", n)
	}
	if n := len(g.Cities); n < 500 {
		t.Errorf("%d cities, want at least 500", n)
	}
	withBodies := map[string]int{}
	for _, a := range g.Agencies {
		withBodies[a.Country]++
	}
	n := 0
	for cc, k := range withBodies {
		if cc != "" && k >= 5 {
			n++
		}
	}
	if n < 60 {
		t.Errorf("%d countries with five agencies or more, want 60", n)
	}
	if n := len(g.Officials); n < 150 {
		t.Errorf("%d officials, want at least 150", n)
	}
	want := []string{"terrorism", "organized-crime", "cybercrime", "drug-trafficking", "human-trafficking", "migration",
		"arms-trafficking", "money-laundering", "fraud", "information-sharing", "training", "south-south",
		"border-security", "maritime-security", "event-security", "fugitives"}
	for _, id := range want {
		th := g.Theme(id)
		if th == nil {
			t.Errorf("theme %s missing", id)
			continue
		}
		if len(th.TriggersFR) == 0 || len(th.TriggersEN) == 0 {
			t.Errorf("theme %s has no triggers in one language", id)
		}
	}
	for _, code := range []string{"ML", "MA", "SZ", "CD", "CG", "CI", "US"} {
		c := g.Country(code)
		if c == nil || c.FR == "" || c.EN == "" {
			t.Errorf("country %s incomplete: %+v", code, c)
		}
	}
	if g.Country("SZ").FR != "Eswatini" {
		t.Errorf("SZ is %q: the names are stale", g.Country("SZ").FR)
	}
}

func TestBuiltinConsistency(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range g.Officials {
		for _, r := range o.Roles {
			if r.Agency != "" && g.Agency(r.Agency) == nil {
				t.Errorf("official %s: role names agency %q, which is not in agencies.toml", o.ID, r.Agency)
			}
		}
	}
	ids := map[string]bool{}
	for _, a := range g.Agencies {
		if ids[a.ID] {
			t.Errorf("agency id %s twice", a.ID)
		}
		ids[a.ID] = true
		if a.Country != "" && !strings.HasSuffix(a.ID, "-"+strings.ToLower(a.Country)) {
			t.Errorf("national agency %s does not end in its country code", a.ID)
		}
	}
	for _, r := range g.Regions {
		if r.Parent != "" && g.Region(r.Parent) == nil {
			t.Errorf("region %s: parent %s unknown", r.ID, r.Parent)
		}
	}
}

func TestSiteDataOverrides(t *testing.T) {
	site := fstest.MapFS{
		"agencies.toml": {Data: []byte(`
[[agency]]
id = "interpol"
name_fr = "Organisation internationale de police criminelle"
name_en = "Interpol"
country = ""
kind = "international"

[[agency]]
id = "cellule-x-ml"
name_fr = "Cellule X"
country = "ML"
kind = "police"
`)},
		"countries.toml": {Data: []byte("[[country]]\ncode = \"ML\"\nfr = \"Mali\"\nen = \"Mali\"\nnames = [\"Malikoura\"]\n")},
	}
	g, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	if a := g.Agency("interpol"); a == nil || a.NameFR != "Organisation internationale de police criminelle" || !slices.Contains(a.Acronyms, "OIPC") {
		t.Errorf("the site's interpol did not amend the built-in one (its name given, its acronyms kept): %+v", a)
	}
	if g.Agency("cellule-x-ml") == nil {
		t.Error("the site's new agency is missing")
	}
	if c := g.Country("ML"); !slices.Contains(c.Names, "Malikoura") || len(c.Names) < 2 || len(c.DemonymsFR) == 0 {
		t.Errorf("the site's ML did not add to the built-in one: %+v", c)
	}
	if g.Country("MA") == nil {
		t.Error("built-in countries lost")
	}
}

func TestSiteDataErrors(t *testing.T) {
	for name, c := range map[string]struct{ file, text, want string }{
		"syntax":          {"agencies.toml", "[[agency]\nid = 1", "data/agencies.toml:2"},
		"unknown key":     {"officials.toml", "[[official]]\nid = \"x\"\nname = \"X\"\ncolour = \"red\"\n", "unknown keys official.colour"},
		"unknown country": {"cities.toml", "[[city]]\nname = \"Atlantis\"\ncountry = \"ZZ\"\n", `city Atlantis: unknown country "ZZ"`},
		"bad id":          {"agencies.toml", "[[agency]]\nid = \"Bad Id\"\n", `agency "Bad Id": id must be`},
		"a country's name for its code": {"agencies.toml", "[[agency]]\nid = \"police-x\"\nname_fr = \"Police X\"\ncountry = \"Senegal\"\n",
			`agency police-x: unknown country "Senegal" (countries are ISO codes: Sénégal is "SN")`},
		"a merge of an unknown kind": {"corrections.toml", "[[merge]]\nkind = \"person\"\nfrom = [\"a-b\"]\ninto = \"a-c\"\n", `merge into "a-c": kind "person" is not one of`},
		"a merge into itself":        {"corrections.toml", "[[merge]]\nkind = \"official\"\nfrom = [\"a-b\"]\ninto = \"a-b\"\n", `merge into "a-b": it cannot absorb itself`},
		"a merge into two":           {"corrections.toml", "[[merge]]\nkind = \"official\"\nfrom = [\"a-b\"]\ninto = \"a-c\"\n[[merge]]\nkind = \"official\"\nfrom = [\"a-b\"]\ninto = \"a-d\"\n", `official "a-b" is merged into both "a-c" and "a-d"`},
		"an unknown agency in a role": {"officials.toml", "[[official]]\nid = \"jean-x\"\nname = \"Jean X\"\n[[official.roles]]\ntitle_fr = \"directeur\"\nagency = \"dgsn-mx\"\n",
			`official jean-x: role "directeur": unknown agency "dgsn-mx"`},
	} {
		_, err := Load(fstest.MapFS{c.file: {Data: []byte(c.text)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, c.want)
		}
	}
}

// TestSiteDataAmends checks that a site's entry with a built-in id adds to
// the built-in entry and replaces only the fields it names in replace.
func TestSiteDataAmends(t *testing.T) {
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	o := builtin.Officials[0]
	if len(o.Roles) == 0 || o.Country == "" {
		t.Fatalf("the first built-in official has no role or country: %+v", o)
	}
	site := fstest.MapFS{"officials.toml": {Data: []byte(fmt.Sprintf(`
[[official]]
id = %q
variants = ["Une graphie de plus"]

[[official]]
id = %q
replace = ["roles"]
[[official.roles]]
title_fr = "conseiller spécial"
`, o.ID, builtin.Officials[1].ID))}}
	g, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	a := g.Official(o.ID)
	if a.Name != o.Name || a.Country != o.Country || len(a.Roles) != len(o.Roles) || !slices.Contains(a.Variants, "Une graphie de plus") {
		t.Errorf("adding a variant lost built-in fields: %+v", a)
	}
	if b := g.Official(builtin.Officials[1].ID); len(b.Roles) != 1 || b.Roles[0].TitleFR != "conseiller spécial" || b.Name != builtin.Officials[1].Name {
		t.Errorf("replace = [\"roles\"] did not replace the roles only: %+v", b)
	}
	_, err = Load(fstest.MapFS{"officials.toml": {Data: []byte("[[official]]\nid = \"x\"\nname = \"X\"\nreplace = [\"rôles\"]\n")}})
	if err == nil || !strings.Contains(err.Error(), "officials.toml:2: replace names no field: rôles") {
		t.Errorf("a replace naming no field: %v", err)
	}
}
