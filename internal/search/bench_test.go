package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// BenchmarkBuild builds the index of 10,000 articles of about 60 words
// each, from a vocabulary of 30,000, and 3,000 entities: what a rebuild in
// digest serve pays at every save.
func BenchmarkBuild(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 30000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx%d", i, r.IntN(1000))
	}
	word := func() string { return vocab[int(float64(len(vocab))*r.Float64()*r.Float64())] } // some words far more common
	text := func(n int) string {
		var ws []string
		for range n {
			ws = append(ws, word())
		}
		return strings.Join(ws, " ")
	}
	d := NewDict()
	docs := make([]Doc, 10000)
	for i := range docs {
		docs[i] = NewDoc(d, text(10), fmt.Sprintf("articles/a%d/", i), "1 mai 2024", text(25), text(50))
	}
	ents := make([]Entity, 3000)
	for i := range ents {
		ents[i] = NewEntity(d, text(3), "", fmt.Sprintf("e/%d/", i), "official", i)
	}
	b.ResetTimer()
	for range b.N {
		Build(d, docs, ents, Options{})
	}
}
