package search

import "encoding/json"

// NewEntityNames is NewEntity for a multilingual site: the entity is found
// by its names in the other languages too (others: "Maroc" for Morocco
// on the English site), which its record carries after the number of
// articles, so that the search page ranks a query that is one of them as
// it ranks one that is the displayed name.
func NewEntityNames(d *Dict, name, others, acronym, url, kind string, articles int) Entity {
	if others == "" {
		return NewEntity(d, name, acronym, url, kind, articles)
	}
	rec, _ := json.Marshal([]any{name, url, kind, articles, others})
	return Entity{Record: rec, Words: d.number(nil, indexWords(name+" "+acronym+" "+others))}
}
