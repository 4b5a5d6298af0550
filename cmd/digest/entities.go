package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"digest/internal/build"
)

// entityRow is one entry of the gazetteer as digest entities prints it.
type entityRow struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
	About   string `json:"about,omitempty"` // a theme's scope, an agency's kind, an official's role
}

func cmdEntities(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("entities", "digest entities --kind KIND [flags]: print the entries the site knows of a kind (the built-in gazetteer with the site's data/ over it): their ids, for front matter, data files and URLs.", stdout, stderr)
	sf.register(fs, false)
	kind := fs.String("kind", "themes", "the `kind` to list: countries, regions, agencies, officials or themes")
	asJSON := fs.Bool("json", false, "print JSON")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	if code := noArgs(fs, ""); code >= 0 {
		return code
	}
	opts := build.Options{Source: sf.source, Config: sf.config}
	cfg, err := build.ResolveConfig(opts)
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	x, err := build.NewExtractor(opts, cfg)
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	g, lang := x.Gazetteer(), cfg.Language
	var rows []entityRow
	switch strings.TrimSuffix(strings.ToLower(*kind), "s") {
	case "countrie", "country":
		for _, c := range g.Countries {
			rows = append(rows, entityRow{ID: c.Code, Name: c.Name(lang)})
		}
	case "region":
		for _, r := range g.Regions {
			rows = append(rows, entityRow{ID: r.ID, Name: r.Name(lang)})
		}
	case "agencie", "agency":
		for _, a := range g.Agencies {
			rows = append(rows, entityRow{ID: a.ID, Name: a.Name(lang), Country: a.Country, About: a.Kind})
		}
	case "official":
		for _, o := range g.Officials {
			r := entityRow{ID: o.ID, Name: o.Name, Country: o.Country}
			if len(o.Roles) > 0 {
				r.About = o.Roles[0].Title(lang) // the latest
			}
			rows = append(rows, r)
		}
	case "theme":
		for _, t := range g.Themes {
			rows = append(rows, entityRow{ID: t.ID, Name: t.Name(lang), About: t.Covers})
		}
	default:
		fmt.Fprintf(stderr, "digest entities: --kind %q is not one of countries, regions, agencies, officials, themes\n", *kind)
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
		return 0
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tCOUNTRY\tABOUT")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Country, r.About)
	}
	w.Flush()
	return 0
}
