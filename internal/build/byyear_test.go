package build

import (
	"slices"
	"testing"
	"time"

	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/render"
)

// TestByYear: a theme's table counts its articles naming each of its
// first countries, by year, over its latest years, shaded by count.
func TestByYear(t *testing.T) {
	art := func(year int, countries ...string) *render.Article {
		r := &extract.Result{}
		for _, c := range countries {
			r.Countries = append(r.Countries, &extract.Entity{ID: c})
		}
		return &render.Article{Date: time.Date(year, 6, 1, 0, 0, 0, 0, time.UTC), Entities: r}
	}
	links := []render.EntityLink{{ID: "ma"}, {ID: "ml"}, {ID: "sn"}}
	for _, tc := range []struct {
		name  string
		arts  []*render.Article // newest first
		years []int
		rows  map[string][]int // counts, then levels after "|"
		lvls  map[string][]int
	}{
		{"one year: no table", []*render.Article{art(2025, "ma"), art(2025, "ml")}, nil, nil, nil},
		{"two years", []*render.Article{art(2025, "ma", "ml"), art(2025, "ma"), art(2025, "ma"), art(2024, "ml", "fr")},
			[]int{2024, 2025},
			map[string][]int{"ma": {0, 3}, "ml": {1, 1}, "sn": {0, 0}},
			map[string][]int{"ma": {0, 4}, "ml": {1, 1}, "sn": {0, 0}}},
		{"the latest six years", []*render.Article{art(2025, "ma"), art(2021, "ma"), art(2020, "ma"), art(2012, "ma")},
			[]int{2020, 2021, 2022, 2023, 2024, 2025},
			map[string][]int{"ma": {1, 1, 0, 0, 0, 1}, "ml": {0, 0, 0, 0, 0, 0}, "sn": {0, 0, 0, 0, 0, 0}},
			map[string][]int{"ma": {4, 4, 0, 0, 0, 4}, "ml": {0, 0, 0, 0, 0, 0}, "sn": {0, 0, 0, 0, 0, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := byYear(tc.arts, links, index.Country)
			if tc.years == nil {
				if got != nil {
					t.Fatalf("a table: %+v", got)
				}
				return
			}
			if got == nil || !slices.Equal(got.Years, tc.years) || len(got.Rows) != len(links) {
				t.Fatalf("got %+v, want years %v", got, tc.years)
			}
			for _, r := range got.Rows {
				var ns, ls []int
				for _, c := range r.Counts {
					ns, ls = append(ns, c.N), append(ls, c.Level)
				}
				if !slices.Equal(ns, tc.rows[r.Link.ID]) || !slices.Equal(ls, tc.lvls[r.Link.ID]) {
					t.Errorf("%s: counts %v levels %v, want %v %v", r.Link.ID, ns, ls, tc.rows[r.Link.ID], tc.lvls[r.Link.ID])
				}
			}
		})
	}
}
