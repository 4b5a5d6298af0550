package index

import (
	"fmt"
	"testing"
	"time"

	"digest/internal/content"
	"digest/internal/extract"
)

func ent(id string, roles ...string) *extract.Entity {
	return &extract.Entity{ID: id, Name: id, Roles: roles, Mentions: []extract.Mention{{Surface: id}}}
}

// corpus makes n articles, newest first; article i names the countries and
// officials f gives it.
func corpus(n int, f func(i int) *extract.Result) ([]*content.Article, []*extract.Result) {
	var arts []*content.Article
	var res []*extract.Result
	for i := 0; i < n; i++ {
		arts = append(arts, &content.Article{Slug: fmt.Sprint(i), Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i)})
		res = append(res, f(i))
	}
	return arts, res
}

func TestCoMentionsAndRoles(t *testing.T) {
	arts, res := corpus(3, func(i int) *extract.Result {
		r := &extract.Result{Countries: []*extract.Entity{ent("MA")}}
		if i < 2 {
			r.Countries = append(r.Countries, ent("ML"))
			r.Officials = []*extract.Entity{ent("youssouf-kone", "directeur général")}
		}
		return r
	})
	ix := Build(arts, res, 5)
	ma := ix.Entries[Key{Country, "MA"}]
	with := map[Key]int{}
	for _, sh := range ma.With {
		with[sh.Key] = sh.Count
	}
	if len(ma.Articles) != 3 || with[Key{Country, "ML"}] != 2 || with[Key{Official, "youssouf-kone"}] != 2 {
		t.Errorf("MA: %+v", ma)
	}
	kone := ix.Entries[Key{Official, "youssouf-kone"}]
	if len(kone.Roles) != 1 || !kone.Roles[0].First.Equal(arts[1].Date) || !kone.Roles[0].Last.Equal(arts[0].Date) {
		t.Errorf("roles: %+v", kone.Roles)
	}
	if got := ix.WithKind(ma, Country, 0); len(got) != 1 || got[0].ID != "ML" || got[0].Count != 2 {
		t.Errorf("partners of MA: %+v", got)
	}
	if ix.ByKind[Country][0].ID != "MA" {
		t.Errorf("countries not sorted by articles: %v", ix.ByKind[Country][0].ID)
	}
	tr := ix.Trending(Country, arts[0].Date, 2, 10)
	if len(tr) != 2 || tr[0].Count != 2 {
		t.Errorf("trending over two days: %+v", tr)
	}
}

func TestRelatedPrefersRareEntities(t *testing.T) {
	arts, res := corpus(50, func(i int) *extract.Result {
		r := &extract.Result{Countries: []*extract.Entity{ent("MA")}}
		if i == 3 || i == 40 {
			r.Officials = []*extract.Entity{ent("rare-person")}
		}
		return r
	})
	ix := Build(arts, res, 3)
	if len(ix.Related[3]) != 3 {
		t.Fatalf("related of 3: %v", ix.Related[3])
	}
	if ix.Related[3][0] != 40 {
		t.Errorf("the article sharing a rare official should come first: %v", ix.Related[3])
	}
	for i, rel := range ix.Related {
		for _, r := range rel {
			if r == i {
				t.Errorf("article %d related to itself", i)
			}
		}
	}
}

// TestTrendingWindow counts only the articles of the window, wherever it
// falls among an entity's articles (newest first).
func TestTrendingWindow(t *testing.T) {
	arts, res := corpus(10, func(i int) *extract.Result {
		return &extract.Result{Countries: []*extract.Entity{ent("MA")}}
	})
	for _, tc := range []struct {
		until, days, want int // until: the article whose date ends the window
	}{{0, 3, 3}, {4, 2, 2}, {9, 5, 1}, {0, 30, 10}, {5, 0, 0}} {
		got := 0
		if tr := Build(arts, res, 0).Trending(Country, arts[tc.until].Date, tc.days, 5); len(tr) > 0 {
			got = tr[0].Count
		}
		if got != tc.want {
			t.Errorf("until article %d, %d days: %d articles, want %d", tc.until, tc.days, got, tc.want)
		}
	}
}

// TestWithKindLimitIsTopOfFullList: a limit keeps the first entries of the
// full order, whatever order the co-mentions come in.
func TestWithKindLimitIsTopOfFullList(t *testing.T) {
	codes := []string{"AA", "BB", "CC", "DD", "EE", "FF", "GG"}
	arts, res := corpus(40, func(i int) *extract.Result {
		r := &extract.Result{Countries: []*extract.Entity{ent("MA")}}
		for k, c := range codes {
			if i%(k+2) == 0 || (k == 3 && i%3 == 1) { // uneven counts, some tied
				r.Countries = append(r.Countries, ent(c))
			}
		}
		return r
	})
	ix := Build(arts, res, 5)
	ma := ix.Entries[Key{Country, "MA"}]
	full := ix.WithKind(ma, Country, 0)
	if len(full) != len(codes) {
		t.Fatalf("full list %+v", full)
	}
	for limit := 1; limit <= len(codes)+1; limit++ {
		got := ix.WithKind(ma, Country, limit)
		want := full[:min(limit, len(full))]
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("limit %d: %+v, want %+v", limit, got, want)
		}
	}
}

// TestRolesMergeSpellings checks that titles differing only in case,
// accents or apostrophes are one role, seen over all their dates.
func TestRolesMergeSpellings(t *testing.T) {
	titles := []string{"Roi", "roi", "ministre de l’Intérieur", "ministre de l'Interieur", "King"}
	arts, res := corpus(len(titles), func(i int) *extract.Result {
		return &extract.Result{Officials: []*extract.Entity{ent("x", titles[i])}}
	})
	x := Build(arts, res, 5).Entries[Key{Official, "x"}]
	var got []string
	for _, r := range x.Roles {
		got = append(got, r.Title)
	}
	if fmt.Sprint(got) != "[Roi ministre de l’Intérieur King]" {
		t.Fatalf("roles %q", got)
	}
	if !x.Roles[0].First.Equal(arts[1].Date) || !x.Roles[0].Last.Equal(arts[0].Date) {
		t.Errorf("Roi seen %v to %v", x.Roles[0].First, x.Roles[0].Last)
	}
}

// TestSharedArticles: a pair's articles are those naming both, newest
// first, as many as With counts, whichever entry comes first.
func TestSharedArticles(t *testing.T) {
	codes := []string{"MA", "ML", "SN", "FR"}
	arts, res := corpus(40, func(i int) *extract.Result {
		r := &extract.Result{}
		for k, c := range codes {
			if i%(k+2) == 0 {
				r.Countries = append(r.Countries, ent(c))
			}
		}
		return r
	})
	ix := Build(arts, res, 3)
	for _, a := range ix.ByKind[Country] {
		for _, sh := range a.With {
			b := sh.Entry
			got, back := ix.SharedArticles(a, b), ix.SharedArticles(b, a)
			var want []int
			for i, r := range res {
				if find(r, a.Key) != nil && find(r, b.Key) != nil {
					want = append(want, i)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(back) != fmt.Sprint(want) || len(got) != sh.Count {
				t.Errorf("%s–%s: %v and %v, want %v (With counts %d)", a.ID, b.ID, got, back, want, sh.Count)
			}
		}
	}
	if got := ix.SharedArticles(ix.Entries[Key{Country, "MA"}], ix.Entries[Key{Country, "MA"}]); len(got) != len(ix.Entries[Key{Country, "MA"}].Articles) {
		t.Errorf("an entry shares all its articles with itself: %v", got)
	}
}
