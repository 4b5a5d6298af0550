// Command floor measures the floor a build of a digest cannot go under: it
// reads every article, converts its body with goldmark (no extensions, no
// templates) and writes one HTML file each, on every core. Issue 7 compares
// digest build with it.
//
//	go run ./cmd/floor -source /tmp/s10k -out /tmp/floor
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
)

func main() {
	source := flag.String("source", ".", "site folder with content/")
	out := flag.String("out", "", "folder to write into (replaced)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "floor: -out is required")
		os.Exit(2)
	}
	os.RemoveAll(*out) // not timed: a build into an empty folder
	start := time.Now()
	files, err := filepath.Glob(filepath.Join(*source, "content", "*.md"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	md := goldmark.New()
	var wg sync.WaitGroup
	next := make(chan string)
	var bytesIn int64
	var mu sync.Mutex
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for f := range next {
				src, err := os.ReadFile(f)
				if err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(1)
				}
				// the body is what follows the closing +++ of the front matter
				body := src
				if i := bytes.Index(src[3:], []byte("\n+++")); bytes.HasPrefix(src, []byte("+++")) && i >= 0 {
					body = src[3+i+4:]
				}
				buf.Reset()
				if err := md.Convert(body, &buf); err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(1)
				}
				name := strings.TrimSuffix(filepath.Base(f), ".md")
				dir := filepath.Join(*out, name)
				if err := os.Mkdir(dir, 0o755); err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(1)
				}
				if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(1)
				}
				mu.Lock()
				bytesIn += int64(len(src))
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Printf("floor: %d articles, %.1f MB read, converted and written in %d ms\n", len(files), float64(bytesIn)/1e6, time.Since(start).Milliseconds())
}
