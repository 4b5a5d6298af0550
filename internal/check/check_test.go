package check

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"digest/internal/build"
)

var now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestPlantedFindings checks the report on a site with a finding of each
// kind planted in it, and nothing else.
func TestPlantedFindings(t *testing.T) {
	r, err := Run(build.Options{Source: filepath.Join("testdata", "site"), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		NoCountry:       {"2025-03-01-sans-pays.md"},
		NoTheme:         {"2025-03-01-sans-pays.md"},
		AllOverridden:   {"2025-03-02-en-tete.md"},
		UnknownPerson:   {"Kofi Annanbé"},
		UnknownAgency:   {"Préfecture de police de Mopti (prefecture-de-police-de-mopti)"},
		Duplicate:       {"official: Henri Dubreuilh / Henry Dubreuilh"},
		OfficialCountry: {"Ghislain Mavoungou (ghislain-mavoungou)", "Zacharie Poumbou (zacharie-poumbou)"},
		OfficialRole:    {"Zacharie Poumbou (zacharie-poumbou)"},
		UnusedData:      {"official abdellatif-hammouchi"},
		Draft:           {"2025-03-05-brouillon.md"},
		Future:          {"2099-01-01-plus-tard.md"},
	}
	got := map[string][]string{}
	for _, f := range r.Findings {
		got[f.Kind] = append(got[f.Kind], f.Subject)
	}
	for _, kind := range Kinds {
		if !slices.Equal(got[kind], want[kind]) {
			t.Errorf("%s: %q, want %q", kind, got[kind], want[kind])
		}
	}
	if r.Articles != 4 {
		t.Errorf("%d articles checked, want the 4 published", r.Articles)
	}
	if !r.Fails(nil) || !r.Fails([]string{Draft}) {
		t.Error("a report with findings must fail")
	}
	var out bytes.Buffer
	r.Print(&out)
	if !strings.Contains(out.String(), "duplicate (1)\n  official: Henri Dubreuilh / Henry Dubreuilh:") ||
		!strings.HasSuffix(out.String(), "4 articles checked, 12 findings\n") {
		t.Errorf("report:\n%s", out.String())
	}
}

// TestSampleDigest runs the check on the sample digest: it must run, and
// find no article without a country.
func TestSampleDigest(t *testing.T) {
	r, err := Run(build.Options{Source: filepath.Join("..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.Kind == NoCountry {
			t.Errorf("the sample digest has an article with no country: %s", f.Subject)
		}
	}
	if r.Articles != 30 {
		t.Errorf("%d articles, want 30", r.Articles)
	}
}

// TestFails checks which reports fail: any finding by default, only the
// kinds named otherwise.
func TestFails(t *testing.T) {
	drafts := &Report{Findings: []Finding{{Kind: Draft, Subject: "a.md"}}}
	for _, c := range []struct {
		r     *Report
		kinds []string
		want  bool
	}{
		{&Report{}, nil, false},
		{drafts, nil, true},
		{drafts, []string{Draft}, true},
		{drafts, []string{Future, NoCountry}, false},
	} {
		if got := c.r.Fails(c.kinds); got != c.want {
			t.Errorf("%v failing on %q: %v, want %v", c.r.Findings, c.kinds, got, c.want)
		}
	}
}

// TestBrokenLinks checks that, asked to, the check renders the site and
// reports the link of an article's body to a page the site does not have,
// and not the good one beside it.
func TestBrokenLinks(t *testing.T) {
	r, err := RunLinks(build.Options{Source: filepath.Join("testdata", "site"), Now: now}, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	for _, f := range r.Findings {
		if f.Kind == BrokenLink {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].Subject != "pays/zz" || !slices.Equal(got[0].Files, []string{"articles/mali-guinee/index.html"}) {
		t.Errorf("broken links: %+v", got)
	}
}
