package index

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"digest/internal/extract"
)

// TestUpdateMatchesBuild edits random articles of a random digest, over
// and over, and checks after each edit that the index updated in place is
// the one Build makes of the edited articles.
func TestUpdateMatchesBuild(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	countries := []string{"MA", "ML", "SN", "FR", "NE", "TD", "DZ", "TN"}
	officials := []string{"kone", "hammouchi", "diallo", "traore", "benali"}
	roles := []string{"ministre", "directeur", "chef"}
	result := func() *extract.Result {
		r := &extract.Result{}
		for _, c := range rng.Perm(len(countries))[:rng.Intn(4)] {
			r.Countries = append(r.Countries, ent(countries[c]))
		}
		for _, o := range rng.Perm(len(officials))[:rng.Intn(3)] {
			e := ent(officials[o], roles[rng.Intn(len(roles))])
			e.Name = fmt.Sprintf("%s %d", officials[o], rng.Intn(2)) // spellings differ between articles
			e.Country = countries[rng.Intn(len(countries))]
			r.Officials = append(r.Officials, e)
		}
		if rng.Intn(3) == 0 {
			r.Themes = []*extract.Entity{ent("terrorism")}
		}
		if rng.Intn(10) == 0 {
			return nil
		}
		return r
	}
	arts, res := corpus(60, func(int) *extract.Result { return result() })
	ix := Build(arts, res, 3)
	for step := 0; step < 200; step++ {
		res = append([]*extract.Result(nil), res...)
		var changed []int
		for _, i := range rng.Perm(len(arts))[:1+rng.Intn(3)] {
			changed = append(changed, i)
			if rng.Intn(3) == 0 && res[i] != nil {
				// the same entities, other mentions (a body edited)
				r := *res[i]
				r.Countries = append([]*extract.Entity(nil), r.Countries...)
				for k, e := range r.Countries {
					c := *e
					c.Mentions = append(c.Mentions, c.Mentions...)
					r.Countries[k] = &c
				}
				res[i] = &r
				continue
			}
			res[i] = result()
		}
		ix.Update(arts, res, changed)
		want := Build(arts, res, 3)
		if diff := compareIndexes(ix, want); diff != "" {
			t.Fatalf("step %d (articles %v changed): %s", step, changed, diff)
		}
	}
}

func compareIndexes(got, want *Index) string {
	if len(got.Entries) != len(want.Entries) {
		return fmt.Sprintf("%d entries, want %d", len(got.Entries), len(want.Entries))
	}
	type view struct {
		Name, Acronym, Country string
		Articles               []int
		Mentions               int
		With                   []string
		Roles                  []RoleSeen
		Agencies               []string
		Latest                 string
	}
	see := func(e *Entry) view {
		v := view{e.Name, e.Acronym, e.Country, e.Articles, e.Mentions, nil, e.Roles, e.Agencies, e.Latest.String()}
		for _, sh := range e.With {
			v.With = append(v.With, fmt.Sprintf("%s/%s:%d", sh.Kind, sh.ID, sh.Count))
		}
		return v
	}
	for k, w := range want.Entries {
		g := got.Entries[k]
		if g == nil {
			return fmt.Sprintf("%v missing", k)
		}
		if gv, wv := see(g), see(w); !reflect.DeepEqual(gv, wv) {
			return fmt.Sprintf("%v: %+v, want %+v", k, gv, wv)
		}
	}
	keys := func(list []*Entry) []Key {
		var out []Key
		for _, e := range list {
			out = append(out, e.Key)
		}
		return out
	}
	for _, kind := range Kinds {
		if g, w := keys(got.ByKind[kind]), keys(want.ByKind[kind]); !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("ByKind[%s] = %v, want %v", kind, g, w)
		}
	}
	for i := range want.Named {
		if g, w := keys(got.Named[i]), keys(want.Named[i]); !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("Named[%d] = %v, want %v", i, g, w)
		}
		for k := range want.perArticle[i] {
			if g, w := got.perArticle[i][k].pos, want.perArticle[i][k].pos; g != w {
				return fmt.Sprintf("article %d, entity %d: place %d in its list, want %d", i, k, g, w)
			}
		}
	}
	if !reflect.DeepEqual(got.Related, want.Related) {
		return fmt.Sprintf("related %v, want %v", got.Related, want.Related)
	}
	return ""
}
