// Command genflags makes internal/flags/4x3: the 4:3 flag of every country
// of the gazetteer, from the flag-icons npm package (MIT), minified and
// gzipped. See internal/flags's package doc for the commands.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"digest/internal/gazetteer"
)

func main() {
	src := flag.String("src", "package/flags/4x3", "flag-icons' flags/4x3 `folder`")
	out := flag.String("out", "internal/flags/4x3", "output `folder`")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genflags:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	g, err := gazetteer.Builtin()
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(out, "*.svg.gz"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	var raw, packed int
	var missing []string
	for _, code := range g.IDs("country") {
		name := strings.ToLower(code) + ".svg"
		svg, err := os.ReadFile(filepath.Join(src, name))
		if os.IsNotExist(err) {
			missing = append(missing, code)
			continue
		} else if err != nil {
			return err
		}
		min := Minify(svg)
		gz, err := Gzip(min)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name+".gz"), gz, 0o644); err != nil {
			return err
		}
		raw += len(min)
		packed += len(gz)
	}
	fmt.Fprintf(os.Stderr, "genflags: %s: %d bytes minified, %d gzipped; no flag for: %s\n",
		out, raw, packed, strings.Join(missing, " "))
	return nil
}

var (
	between = regexp.MustCompile(`>\s+<`)
	// flag-icons names each root for its own sprite; a file needs no id.
	rootID = regexp.MustCompile(`^(<svg[^>]*?) id="flag-icons-[a-z-]+"`)
	// Text and viewport properties on a path, left by the drawing
	// programs of two flags (bo, gu): they draw nothing there, and the Nu
	// Html Checker's SVG schema rejects them.
	pathTag   = regexp.MustCompile(`<path\s[^>]*>`)
	inertAttr = regexp.MustCompile(`\s(?:font-family|font-size|font-weight|letter-spacing|word-spacing|text-anchor|overflow)="[^"]*"`)
)

// Minify drops the whitespace between tags (the flags hold no text
// elements, where it would count), the root's id and the inert attributes
// of paths.
func Minify(svg []byte) []byte {
	s := bytes.TrimSpace(svg)
	s = between.ReplaceAll(s, []byte("><"))
	s = pathTag.ReplaceAllFunc(s, func(tag []byte) []byte { return inertAttr.ReplaceAll(tag, nil) })
	return rootID.ReplaceAll(s, []byte("$1"))
}

// Gzip compresses with no name or time in the header, so that the same
// flag gives the same bytes.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
