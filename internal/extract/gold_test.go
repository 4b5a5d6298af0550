package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"digest/internal/content"
	"digest/internal/gazetteer"
)

// The scoring of shared/tools/score.py, ported so that `go test` holds the
// extractor to the bars of the issue on the project's own copy of the corpus.

type goldFile struct {
	Articles []goldArticle `json:"articles"`
}

type goldArticle struct {
	File      string      `json:"file"`
	Countries []string    `json:"countries"`
	Themes    []string    `json:"themes"`
	Agencies  []goldNamed `json:"agencies"`
	Officials []goldNamed `json:"officials"`
}

type goldNamed struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Country string   `json:"country"`
	Role    string   `json:"role"`
}

// pair is a predicted entity matched to a gold one.
type pair struct {
	pred *Entity
	gold goldNamed
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

func scoreNorm(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	s, _, _ = transform.String(t, s)
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	return strings.Join(strings.Fields(nonAlnum.ReplaceAllString(s, " ")), " ")
}

type prf struct{ tp, fp, fn int }

func (p prf) f1() float64 {
	pr, rc := 1.0, 1.0
	if p.tp+p.fp > 0 {
		pr = float64(p.tp) / float64(p.tp+p.fp)
	}
	if p.tp+p.fn > 0 {
		rc = float64(p.tp) / float64(p.tp+p.fn)
	}
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

func keysOf(strs ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strs {
		if k := scoreNorm(s); k != "" {
			m[k] = true
		}
	}
	return m
}

func matchNamed(preds []*Entity, golds []goldNamed) (tp, fp, fn int, fps, fns []string, pairs []pair) {
	used := map[int]bool{}
	for _, p := range preds {
		kp := keysOf(append([]string{p.Name, p.Acronym, strings.ReplaceAll(p.ID, "-", " ")}, p.Surfaces()...)...)
		hit := -1
		for i, g := range golds {
			if used[i] {
				continue
			}
			for k := range keysOf(append([]string{g.Name}, g.Aliases...)...) {
				if kp[k] {
					hit = i
					break
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			fp++
			fps = append(fps, p.Name)
			continue
		}
		used[hit] = true
		pairs = append(pairs, pair{p, golds[hit]})
		tp++
	}
	for i, g := range golds {
		if !used[i] {
			fn++
			fns = append(fns, g.Name)
		}
	}
	return
}

func setScore(pred, gold []string) (tp, fp, fn int) {
	g := map[string]bool{}
	for _, x := range gold {
		g[x] = true
	}
	p := map[string]bool{}
	for _, x := range pred {
		p[x] = true
		if g[x] {
			tp++
		} else {
			fp++
		}
	}
	for x := range g {
		if !p[x] {
			fn++
		}
	}
	return
}

func ids(es []*Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// loadCorpus reads the sample digest's articles.
func loadCorpus(t testing.TB) []*content.Article {
	return loadArticles(t, filepath.Join("..", "..", "content"))
}

func loadArticles(t testing.TB, dir string) []*content.Article {
	t.Helper()
	res, err := content.Load(dir, content.Options{
		Defaults: content.Defaults{Lang: "fr", Location: time.UTC},
		Drafts:   true, Future: true, Now: time.Now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return res.Articles
}

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return New(g, "fr")
}

// TestGoldCorpus holds the extractor to the bars of the facts issue: F1
// countries ≥ 0.97, agencies ≥ 0.95, officials ≥ 0.95, themes ≥ 0.90, and
// the country of ≥ 95% of the officials matched right.
func TestGoldCorpus(t *testing.T) {
	scoreCorpus(t, filepath.Join("..", "..", "content"), filepath.Join("..", "..", "testdata", "gold.json"),
		map[string]float64{"countries": 0.97, "agencies": 0.95, "officials": 0.95, "themes": 0.90, "officials.country": 0.95})
}

// TestHeldOutCorpus scores articles written for evaluation by a session
// that never saw the extractor (testdata/heldout). Its floors guard against
// regressions; the figures are in the README.
func TestHeldOutCorpus(t *testing.T) {
	scoreCorpus(t, filepath.Join("..", "..", "testdata", "heldout", "content"), filepath.Join("..", "..", "testdata", "heldout", "gold.json"),
		map[string]float64{"countries": 0.95, "agencies": 0.92, "officials": 0.93, "themes": 0.85, "officials.country": 0.93})
}

func scoreCorpus(t *testing.T, contentDir, goldPath string, bars map[string]float64) {
	b, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	x := newTestExtractor(t)
	byFile := map[string]*Result{}
	for _, a := range loadArticles(t, contentDir) {
		byFile[filepath.Base(a.File)] = x.Extract(FromArticle(a))
	}
	stats := map[string]*prf{"countries": {}, "agencies": {}, "officials": {}, "themes": {}}
	var country struct{ tp, fp int } // officials matched, and those whose country is wrong
	for _, g := range gold.Articles {
		r := byFile[g.File]
		if r == nil {
			t.Errorf("%s: not in the sample digest", g.File)
			continue
		}
		add := func(kind string, tp, fp, fn int) {
			stats[kind].tp += tp
			stats[kind].fp += fp
			stats[kind].fn += fn
		}
		tp, fp, fn := setScore(ids(r.Countries), g.Countries)
		add("countries", tp, fp, fn)
		tp, fp, fn = setScore(ids(r.Themes), g.Themes)
		add("themes", tp, fp, fn)
		tp, fp, fn, fps, fns, _ := matchNamed(r.Agencies, g.Agencies)
		add("agencies", tp, fp, fn)
		if testing.Verbose() && (len(fps) > 0 || len(fns) > 0) {
			t.Logf("%s agencies: extra %q missed %q", g.File, fps, fns)
		}
		var pairs []pair
		tp, fp, fn, fps, fns, pairs = matchNamed(r.Officials, g.Officials)
		add("officials", tp, fp, fn)
		for _, pr := range pairs {
			country.tp++
			if pr.pred.Country != pr.gold.Country {
				country.fp++
				t.Logf("%s: %s: country %q, gold %q", g.File, pr.gold.Name, pr.pred.Country, pr.gold.Country)
			}
		}
		if testing.Verbose() && (len(fps) > 0 || len(fns) > 0) {
			t.Logf("%s officials: extra %q missed %q", g.File, fps, fns)
		}
	}
	if bar, ok := bars["officials.country"]; ok {
		right := 1.0
		if country.tp > 0 {
			right = float64(country.tp-country.fp) / float64(country.tp)
		}
		t.Logf("officials' country right for %d of %d matched (%.3f)", country.tp-country.fp, country.tp, right)
		if right < bar {
			t.Errorf("officials' country right for %.3f of those matched, under the bar %.2f", right, bar)
		}
	}
	for kind, bar := range bars {
		if strings.Contains(kind, ".") {
			continue
		}
		s := stats[kind]
		t.Logf("%-9s F1 %.3f (tp %d fp %d fn %d)", kind, s.f1(), s.tp, s.fp, s.fn)
		if s.f1() < bar {
			t.Errorf("%s: F1 %.3f is under the bar %.2f", kind, s.f1(), bar)
		}
	}
}
