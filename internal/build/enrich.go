package build

import (
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/parallel"
)

// Enrich is the enrich step: it extracts the entities of every article, on
// every core; results are in the order of the articles, with every
// mention (digest extract prints them).
func Enrich(x *extract.Extractor, articles []*content.Article) []*extract.Result {
	results := make([]*extract.Result, len(articles))
	parallel.For(len(articles), func(i int) {
		results[i] = x.Extract(extract.FromArticle(articles[i]))
	})
	for _, a := range articles {
		a.Text = nil // read: the pages need the mentions' places, not the text
	}
	return results
}

// enrichForPages is Enrich keeping of the mentions only what pages need.
func enrichForPages(x *extract.Extractor, articles []*content.Article) []*extract.Result {
	results := Enrich(x, articles)
	for _, r := range results {
		r.Compact()
	}
	return results
}

// Warnings are the files the load skipped and what the enrichment found
// odd in front matter, one line a problem.
func Warnings(site *Site, results []*extract.Result) []string {
	var out []string
	if site.Result != nil {
		out = append(out, site.Result.Warnings...)
	}
	for i, r := range results {
		for _, w := range r.Warnings {
			out = append(out, site.Articles[i].Path+": "+w)
		}
	}
	return out
}
