package check

import (
	"os"
	"strconv"
	"testing"

	"digest/internal/build"
	"digest/internal/corpusgen"
)

// BenchmarkCheck runs digest check on a generated digest of
// DIGEST_BENCH_ARTICLES articles (default 300), beside BenchmarkBuildNoWrite,
// a build of the same site whose files go nowhere:
//
//	DIGEST_BENCH_ARTICLES=10000 go test ./internal/check -run '^$' -bench . -benchtime 3x
func BenchmarkCheck(b *testing.B) {
	dir := benchSite(b)
	for b.Loop() {
		if _, err := Run(build.Options{Source: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildNoWrite is the build's load, enrich, index and render
// steps on the same site, writing nothing.
func BenchmarkBuildNoWrite(b *testing.B) {
	dir := benchSite(b)
	for b.Loop() {
		site, err := build.Load(build.Options{Source: dir}, nil)
		if err != nil {
			b.Fatal(err)
		}
		results := build.Enrich(site.Extractor, site.Articles)
		for _, r := range results {
			r.Compact()
		}
		if _, err := build.Render(site, results, build.Index(site.Articles, results), discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) Add(string, []byte, string) error { return nil }
func (discard) Has(string) bool                  { return false }
func (discard) Commit() error                    { return nil }
func (discard) Abort()                           {}

func benchSite(b *testing.B) string {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("DIGEST_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	if err := corpusgen.Generate(dir, corpusgen.Options{N: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return dir
}
