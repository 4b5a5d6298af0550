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
	"testing"
	"time"

	"digest/internal/build"
	"digest/internal/corpusgen"
)

// BenchmarkSaveToReload measures, on a generated site of
// DIGEST_BENCH_ARTICLES articles (default 300), the time from saving an
// article to the reload event, and reports the median:
//
//	DIGEST_BENCH_ARTICLES=10000 go test ./internal/serve -run '^$' -bench SaveToReload -benchtime 5x
func BenchmarkSaveToReload(b *testing.B) {
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
	defer hs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Watch(ctx)
	time.Sleep(300 * time.Millisecond)
	ev := events(&testing.T{}, ctx, hs.URL)
	files, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	target := files[len(files)/2]
	orig, _ := os.ReadFile(target)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		os.WriteFile(target, append(append([]byte{}, orig...), []byte(fmt.Sprintf("\nÉdition %d.\n", i))...), 0o644)
		for e := range ev {
			if len(e) >= 6 && e[:6] == "reload" {
				break
			}
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Milliseconds()), "ms-median")
}
