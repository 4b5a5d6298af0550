package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"digest/internal/corpusgen"
	"digest/internal/extract"
	"digest/internal/output"
)

// The stage benchmarks run on a generated site of DIGEST_BENCH_ARTICLES
// articles (default 1000), made once per run:
//
//	DIGEST_BENCH_ARTICLES=10000 go test ./internal/build -run '^$' -bench . -benchtime 3x
//
// Each reports the stage alone; BenchmarkBuild is digest build end to end.

var bench struct {
	once sync.Once
	dir  string
	x    *extract.Extractor
	err  error
}

func benchSite(b *testing.B) (string, *extract.Extractor) {
	b.Helper()
	bench.once.Do(func() {
		n := 1000
		if v, err := strconv.Atoi(os.Getenv("DIGEST_BENCH_ARTICLES")); err == nil && v > 0 {
			n = v
		}
		bench.dir, bench.err = os.MkdirTemp("", "digest-bench-")
		if bench.err != nil {
			return
		}
		if bench.err = corpusgen.Generate(bench.dir, corpusgen.Options{N: n, Seed: 1}); bench.err != nil {
			return
		}
		opts := Options{Source: bench.dir}
		cfg, err := ResolveConfig(opts)
		if err != nil {
			bench.err = err
			return
		}
		bench.x, bench.err = NewExtractor(opts, cfg)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.dir, bench.x
}

// TestMain removes the generated site once the benchmarks are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

func loadBench(b *testing.B) *Site {
	dir, x := benchSite(b)
	site, err := Load(Options{Source: dir}, x)
	if err != nil {
		b.Fatal(err)
	}
	return site
}

func contentBytes(b *testing.B, site *Site) int64 {
	var n int64
	for _, a := range site.Articles {
		n += int64(len(a.Body))
	}
	return n
}

// BenchmarkLoad reads and parses every article (front matter, Markdown to
// plain text), with templates and configuration.
func BenchmarkLoad(b *testing.B) {
	site := loadBench(b)
	b.SetBytes(contentBytes(b, site))
	b.ResetTimer()
	for b.Loop() {
		loadBench(b)
	}
}

// BenchmarkEnrich extracts the entities of every article, on every core.
func BenchmarkEnrich(b *testing.B) {
	site := loadBench(b)
	b.SetBytes(contentBytes(b, site))
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		site = loadBench(b) // enrichment drops the plain text it read
		b.StartTimer()
		enrichForPages(site.Extractor, site.Articles)
	}
}

// BenchmarkIndex indexes the enriched articles.
func BenchmarkIndex(b *testing.B) {
	site := loadBench(b)
	results := enrichForPages(site.Extractor, site.Articles)
	b.ResetTimer()
	for b.Loop() {
		Index(site.Articles, results)
	}
}

// BenchmarkRender renders every page and feed, writing nothing.
func BenchmarkRender(b *testing.B) {
	site := loadBench(b)
	results := enrichForPages(site.Extractor, site.Articles)
	ix := Index(site.Articles, results)
	var pages int
	b.ResetTimer()
	for b.Loop() {
		d := &discard{}
		r, err := Render(site, results, ix, d)
		if err != nil {
			b.Fatal(err)
		}
		pages = r.Pages
		b.SetBytes(d.bytes)
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkWrite writes a rendered site into an empty folder, then again
// over itself (every file unchanged).
func BenchmarkWrite(b *testing.B) {
	site := loadBench(b)
	results := enrichForPages(site.Extractor, site.Articles)
	mem := output.NewMemory()
	if _, err := Render(site, results, Index(site.Articles, results), mem); err != nil {
		b.Fatal(err)
	}
	files := mem.Files()
	var size int64
	for _, data := range files {
		size += int64(len(data))
	}
	b.Run("fresh", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			b.StopTimer()
			dest := filepath.Join(b.TempDir(), "public")
			b.StartTimer()
			if err := output.Write(dest, files); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		dest := filepath.Join(b.TempDir(), "public")
		if err := output.Write(dest, files); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(size)
		b.ResetTimer()
		for b.Loop() {
			if err := output.Write(dest, files); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBuild is digest build end to end, into an output folder that
// holds the previous build.
func BenchmarkBuild(b *testing.B) {
	dir, x := benchSite(b)
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := run(Options{Source: dir, Destination: dest}, x, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is a Writer that counts what it is given.
type discard struct {
	mu    sync.Mutex
	paths map[string]bool
	bytes int64
}

func (d *discard) Add(p string, data []byte, owner string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.paths == nil {
		d.paths = map[string]bool{}
	}
	d.paths[p] = true
	d.bytes += int64(len(data))
	return nil
}

func (d *discard) Has(p string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.paths[p]
}

func (d *discard) Commit() error { return nil }
func (d *discard) Abort()        {}

// BenchmarkRebuild is digest serve's rebuild after one article is edited:
// a Session's build, into memory.
func BenchmarkRebuild(b *testing.B) {
	dir, x := benchSite(b)
	sess := newSession(Options{Source: dir}, x, false)
	rebuild := func() {
		if _, err := sess.Build(output.NewMemory(), nil); err != nil {
			b.Fatal(err)
		}
	}
	rebuild()
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	target := files[len(files)/2]
	orig, err := os.ReadFile(target)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(target, orig, 0o644)
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		os.WriteFile(target, append(append([]byte{}, orig...), fmt.Sprintf("\nÉdition %d.\n", i)...), 0o644)
		b.StartTimer()
		rebuild()
	}
}
