package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"digest/internal/build"
	"digest/internal/check"
)

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("check", "digest check [flags]: what an editor should review: articles with no country or theme, names and bodies read but unknown, likely duplicates, officials with no country or role, unused data, drafts and future articles. Writes nothing; exits 1 when it finds any (see --fail-on).", stdout, stderr)
	sf.register(fs, false)
	asJSON := fs.Bool("json", false, "print the findings as JSON")
	links := fs.Bool("links", false, "also render the site in memory and report links to paths it does not have (slower)")
	failOn := fs.String("fail-on", "", "the `kinds` of findings that make the exit status 1, comma-separated (default: all): "+strings.Join(check.Kinds, ", "))
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if code := noArgs(fs, ""); code >= 0 {
		return code
	}
	var kinds []string
	for _, k := range strings.Split(*failOn, ",") {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		if !slices.Contains(check.Kinds, k) {
			fmt.Fprintf(stderr, "digest check: --fail-on: %q is not one of %s\n", k, strings.Join(check.Kinds, ", "))
			return 2
		}
		kinds = append(kinds, k)
	}
	r, err := check.RunLinks(build.Options{Source: sf.source, Config: sf.config}, *links)
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if r.Findings == nil {
			r.Findings = []check.Finding{}
		}
		enc.Encode(r)
	} else {
		r.Print(stdout)
	}
	if r.Fails(kinds) {
		return 1
	}
	return 0
}
