package build

import (
	"fmt"
	"testing"
	"time"

	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
)

// TestRelationThreshold: pairs need minArticles shared articles, and the
// threshold rises until at most max pairs reach it (ties stay together).
func TestRelationThreshold(t *testing.T) {
	// MA-ML share 4 articles, MA-SN 3, ML-SN 2, MA-FR 1
	names := [][]string{{"MA", "ML", "SN"}, {"MA", "ML", "SN"}, {"MA", "ML"}, {"MA", "ML"}, {"MA", "SN"}, {"MA", "FR"}}
	var arts []*content.Article
	var res []*extract.Result
	for i, list := range names {
		arts = append(arts, &content.Article{Slug: fmt.Sprint(i), Date: time.Date(2025, 1, 10-i, 0, 0, 0, 0, time.UTC)})
		r := &extract.Result{}
		for _, c := range list {
			r.Countries = append(r.Countries, &extract.Entity{ID: c, Name: c, Mentions: []extract.Mention{{Surface: c}}})
		}
		res = append(res, r)
	}
	ix := index.Build(arts, res, 0)
	for _, c := range []struct {
		min, max, want int
	}{
		{2, 0, 2},    // no bound: 3 pairs
		{2, 3, 2},    // 3 pairs fit
		{2, 2, 3},    // MA-ML and MA-SN
		{2, 1, 4},    // MA-ML alone
		{1, 10, 1},   // all 4
		{5, 1000, 5}, // none, as asked
	} {
		if got := relationThreshold(ix, config.Relations{MinArticles: c.min, Max: c.max}); got != c.want {
			t.Errorf("minArticles %d, max %d: threshold %d, want %d", c.min, c.max, got, c.want)
		}
	}
}
