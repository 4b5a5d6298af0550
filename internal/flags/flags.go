// Package flags holds the countries' flags as SVG files, for pages to show
// with <img src="…/flags/ma.svg" alt="" width="20" height="15"> beside the
// country's name (the name carries the meaning, so the image's alt is
// empty), and for the build to copy to the output once.
//
// The flags are the 4:3 set of flag-icons (github.com/lipis/flag-icons,
// MIT licence, LICENSE-flag-icons beside this file), one for each country
// of the gazetteer, minified by cmd/genflags. Minified, the 250 flags weigh
// 1.6 MB (coats of arms make a few large: Serbia's alone is 180 KB), over
// the 1 MB this package may add to the binary, so each is stored gzipped
// (4x3/ma.svg.gz, 540 KB in all) and unpacked when asked for. To
// regenerate them, from the repository's root:
//
//	tmp=$(mktemp -d)
//	npm pack --pack-destination "$tmp" flag-icons@7.5.0
//	tar -xzf "$tmp"/flag-icons-7.5.0.tgz -C "$tmp" package/flags/4x3 package/LICENSE
//	go run ./cmd/genflags -src "$tmp"/package/flags/4x3 -out internal/flags/4x3
//	cp "$tmp"/package/LICENSE internal/flags/LICENSE-flag-icons
package flags

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"strings"
)

//go:embed 4x3/*.svg.gz
var files embed.FS

// Width and Height are the flags' proportions (view box 640×480).
const Width, Height = 4, 3

// Exceptions are the gazetteer's codes that have no flag here, with the
// reason; a page shows their name alone. flag-icons 7.5.0 covers them all.
var Exceptions = map[string]string{}

// SVG is the flag of a country by ISO 3166-1 alpha-2 code, in either case.
func SVG(code string) ([]byte, bool) {
	if len(code) != 2 {
		return nil, false
	}
	gz, err := files.ReadFile("4x3/" + strings.ToLower(code) + ".svg.gz")
	if err != nil {
		return nil, false
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("flags: " + code + ": " + err.Error()) // embedded at build time and tested
	}
	svg, err := io.ReadAll(zr)
	if err != nil {
		panic("flags: " + code + ": " + err.Error())
	}
	return svg, true
}

// Has tells whether a country has a flag.
func Has(code string) bool {
	if len(code) != 2 {
		return false
	}
	_, err := files.Open("4x3/" + strings.ToLower(code) + ".svg.gz")
	return err == nil
}

// Path is where Files puts a country's flag in the output, relative to the
// site's root ("flags/ma.svg"), or "" when there is none.
func Path(code string) string {
	if !Has(code) {
		return ""
	}
	return "flags/" + strings.ToLower(code) + ".svg"
}

// Files are the flags of the given codes, by Path, for the build to write
// once per site: codes without a flag are left out, repeats count once.
func Files(codes []string) map[string][]byte {
	out := map[string][]byte{}
	for _, c := range codes {
		p := Path(c)
		if p == "" || out[p] != nil {
			continue
		}
		out[p], _ = SVG(c)
	}
	return out
}
