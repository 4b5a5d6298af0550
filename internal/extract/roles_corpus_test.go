package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"digest/internal/gazetteer"
)

// testBareWords are ranks, honorifics and words that complete them: a role
// made of these alone says no function. The list is the test's own, apart
// from the extractor's, so that the test can fail.
var testBareWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`general generale colonel lieutenant capitaine captain amiral admiral commodore
		commandant brigadier major marshal sergent sergeant adjudant commissaire inspecteur superintendent prefet wali
		cheikh sheikh ingenieur contre vice rear de du d des la le l of the brigade division corps armee vaisseau fregate
		corvette divisionnaire principal m mme mr mrs ms dr pr me maitre excellence h e s acp dcp igp`) {
		testBareWords[w] = true
	}
}

// testDemonyms are the gazetteer's demonyms and country names, folded: a
// rank qualified by a country ("commandant, armée mauritanienne") is still
// a rank.
var testDemonyms = map[string]bool{}

func loadTestDemonyms(t *testing.T) {
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range g.Countries {
		words := append(append(append([]string{c.FR, c.EN}, c.DemonymsFR...), c.DemonymsEN...), c.Names...)
		for _, forms := range c.DemonymsFRForms {
			words = append(words, forms...)
		}
		for _, w := range words {
			for _, f := range strings.Fields(scoreNorm(w)) {
				// French inflections: mauritanien, mauritanienne(s), …
				for _, suffix := range []string{"", "e", "s", "es", "ne", "nes"} {
					testDemonyms[f+suffix] = true
				}
			}
		}
	}
}

func bareForTest(role string) bool {
	words := strings.Fields(scoreNorm(role))
	if len(words) == 0 {
		return true
	}
	if words[0] == "homologue" || words[0] == "counterpart" || len(words) >= 2 && words[1] == "counterpart" {
		return true // a relation, not a function
	}
	for _, w := range words {
		if !testBareWords[w] && !testDemonyms[w] && w != "armee" && w != "army" {
			return false
		}
	}
	return true
}

// TestRolesSayFunctions checks, over the corpus, that the role pages show
// first for an official (its first) is not a bare rank, honorific or
// relation when the gold annotation, read from the text, gives a function.
func TestRolesSayFunctions(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	loadTestDemonyms(t)
	x := extractor(t)
	byFile := map[string]*Result{}
	for _, a := range loadCorpus(t) {
		byFile[filepath.Base(a.File)] = x.Extract(FromArticle(a))
	}
	checked := 0
	for _, g := range gold.Articles {
		r := byFile[g.File]
		if r == nil {
			continue
		}
		_, _, _, _, _, pairs := matchNamed(r.Officials, g.Officials)
		for _, pr := range pairs {
			if pr.gold.Role == "" || bareForTest(pr.gold.Role) {
				continue
			}
			checked++
			if len(pr.pred.Roles) == 0 || bareForTest(pr.pred.Roles[0]) {
				t.Errorf("%s: %s shows %q, the text gives %q", g.File, pr.gold.Name, pr.pred.Roles, pr.gold.Role)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d officials with a function in the gold: the test checks too little", checked)
	}
}
