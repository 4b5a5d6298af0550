package serve

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"digest"
	"digest/internal/build"
	"digest/internal/corpusgen"
)

// BenchmarkSaveToReload measures, on a generated site of
// DIGEST_BENCH_ARTICLES articles (default 300), the time from saving an
// article to the reload event, and reports the median:
//
//	DIGEST_BENCH_ARTICLES=10000 go test ./internal/serve -run '^$' -bench SaveToReload -benchtime 20x
func BenchmarkSaveToReload(b *testing.B) {
	bs := startBench(b)
	files, _ := filepath.Glob(filepath.Join(bs.dir, "content", "*.md"))
	target := files[len(files)/2]
	orig, _ := os.ReadFile(target)
	defer os.WriteFile(target, orig, 0o644)
	bs.measure(b, func(i int) {
		os.WriteFile(target, append(append([]byte{}, orig...), []byte(fmt.Sprintf("\nÉdition %d.\n", i))...), 0o644)
	})
}

// BenchmarkTemplateEditToReload measures the time from saving the article
// template to the reload event, with the page the browser had open; and,
// as ms-page, the time to then fetch another article's page, which the
// rebuild left to be made when asked for:
//
//	DIGEST_BENCH_ARTICLES=10000 go test ./internal/serve -run '^$' -bench TemplateEditToReload -benchtime 10x
func BenchmarkTemplateEditToReload(b *testing.B) {
	bs := startBench(b)
	tmpl, err := digest.Templates().Open("article.html")
	if err != nil {
		b.Fatal(err)
	}
	orig, _ := io.ReadAll(tmpl)
	os.MkdirAll(filepath.Join(bs.dir, "templates"), 0o755)
	target := filepath.Join(bs.dir, "templates", "article.html")
	files, _ := filepath.Glob(filepath.Join(bs.dir, "content", "*.md"))
	slug := func(k int) string {
		name := strings.TrimSuffix(filepath.Base(files[k%len(files)]), ".md")
		return name[len("2006-01-02-"):] // the generator's files are named date-slug
	}
	open := bs.url + "/articles/" + slug(0) + "/"
	if code, _ := get(&testing.T{}, open); code != 200 {
		b.Fatalf("%s: %d", open, code)
	}
	var page []time.Duration
	bs.measure(b, func(i int) {
		os.WriteFile(target, append(append([]byte{}, orig...), []byte(fmt.Sprintf("\n{{/* édition %d */}}\n", i))...), 0o644)
	}, func(i int) {
		start := time.Now()
		if code, _ := get(&testing.T{}, bs.url+"/articles/"+slug(1+i*97)+"/"); code != 200 {
			b.Fatalf("page after edit %d: %d", i, code)
		}
		page = append(page, time.Since(start))
	})
	b.ReportMetric(float64(median(page).Microseconds())/1000, "ms-page")
}

type benchServer struct {
	dir, url string
	ev       <-chan string
}

// startBench serves a generated site of DIGEST_BENCH_ARTICLES articles
// (default 300), watched, with a browser's event stream open.
func startBench(b *testing.B) *benchServer {
	n := 300
	if v, err := strconv.Atoi(os.Getenv("DIGEST_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	if err := corpusgen.Generate(dir, corpusgen.Options{N: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	srv, err := New(build.Options{Source: dir}, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Build("first build", false); err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	b.Cleanup(hs.Close)
	ctx, cancel := context.WithCancel(context.Background())
	b.Cleanup(cancel)
	go srv.Watch(ctx)
	time.Sleep(300 * time.Millisecond)
	return &benchServer{dir: dir, url: hs.URL, ev: events(&testing.T{}, ctx, hs.URL)}
}

// measure times each change until its reload event and reports the
// median; after, if given, runs once the reload came, untimed.
func (bs *benchServer) measure(b *testing.B, change func(i int), after ...func(i int)) {
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		change(i)
		for e := range bs.ev {
			if strings.HasPrefix(e, "reload") {
				break
			}
		}
		lat = append(lat, time.Since(start))
		b.StopTimer()
		for _, f := range after {
			f(i)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(median(lat).Milliseconds()), "ms-median")
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	d = append([]time.Duration(nil), d...)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}
