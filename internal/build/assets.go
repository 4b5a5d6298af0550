package build

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"digest/internal/flags"
	"digest/internal/geo"
	"digest/internal/index"
)

// This file plans the drawn assets pages share: the world map's shapes,
// written once (world.svg) and used by each page that draws the map, and
// the flags of the countries the pages show, copied once each.

// worldFile is the site path of the map's shapes.
const worldFile = "world.svg"

// assets plans world.svg and a flag for each country the pages show: every
// country with a page, and the members of the regions that have one.
func (p *pages) assets() {
	p.add(job{out: worldFile, owner: "the world map", fp: p.rb.assetFingerprint(worldFile), make: func() []byte {
		var b bytes.Buffer
		geo.World().WriteSprite(&b)
		return b.Bytes()
	}})
	var codes []string
	for _, e := range p.ix.ByKind[index.Country] {
		codes = append(codes, e.ID)
	}
	g := p.site.Extractor.Gazetteer()
	for _, r := range p.ix.ByKind[index.Region] {
		if gr := g.Region(r.ID); gr != nil {
			codes = append(codes, gr.Countries...)
		}
	}
	slices.Sort(codes)
	for _, cc := range slices.Compact(codes) {
		if !flags.Has(cc) {
			continue
		}
		path := flags.Path(cc)
		p.add(job{out: path, owner: "the flag of " + cc, fp: p.rb.assetFingerprint(path), make: func() []byte {
			b, _ := flags.SVG(cc)
			return b
		}})
	}
}

// flagOf is the site path of a country's flag, "" when there is none.
func flagOf(cc string) string {
	if !flags.Has(cc) {
		return ""
	}
	return flags.Path(cc)
}

// worldMap draws the map for the page at path: countries shaded by counts,
// focus in its own colour, each country a link when url gives one.
func (p *pages) worldMap(path, title string, counts map[string]int, focus string, url func(cc string) string) template.HTML {
	root := strings.Repeat("../", strings.Count(path, "/"))
	g := p.site.Extractor.Gazetteer()
	lang := p.site.Config.Language
	var b bytes.Buffer
	err := geo.World().SVG(&b, geo.Options{
		Title:  title,
		Sprite: root + worldFile,
		Weight: geo.Weights(counts),
		Focus:  focus,
		Name: func(cc string) string {
			if c := g.Country(cc); c != nil {
				return c.Name(lang)
			}
			return ""
		},
		URL: func(cc string) string {
			if u := url(cc); u != "" {
				return root + u
			}
			return ""
		},
	})
	if err != nil {
		return ""
	}
	return template.HTML(b.String()) // made by geo, which escapes what it writes
}

// countryURL is the page of a country of the index, "" for none.
func (p *pages) countryURL(cc string) string {
	if p.ix.Entries[index.Key{Kind: index.Country, ID: cc}] == nil {
		return ""
	}
	return p.routes.entity(index.Country, cc)
}

// coverageMap is the home page's map: every country by its articles.
func (p *pages) coverageMap(title string) template.HTML {
	counts := map[string]int{}
	for _, e := range p.ix.ByKind[index.Country] {
		counts[e.ID] = len(e.Articles)
	}
	return p.worldMap(p.routes.prefix, title, counts, "", p.countryURL)
}
