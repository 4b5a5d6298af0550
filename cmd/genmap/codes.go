package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// NumericCodes reads Unicode CLDR's supplemental/codeMappings.json (npm
// cldr-core; Unicode License v3) and returns ISO 3166-1 numeric → alpha-2
// for the alpha-2 codes in valid. CLDR also lists withdrawn codes that share
// a number with their successor (ZR and CD are both 180), so only the
// project's codes are kept, and a number claimed twice among them is an
// error rather than a silent pick.
func NumericCodes(r io.Reader, valid map[string]bool) (map[int]string, error) {
	var doc struct {
		Supplemental struct {
			CodeMappings map[string]struct {
				Numeric string `json:"_numeric"`
			}
		}
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("codeMappings: %w", err)
	}
	out := map[int]string{}
	for code, m := range doc.Supplemental.CodeMappings {
		if !valid[code] || m.Numeric == "" {
			continue
		}
		n, err := strconv.Atoi(m.Numeric)
		if err != nil {
			return nil, fmt.Errorf("codeMappings: %s: numeric %q", code, m.Numeric)
		}
		if prev, dup := out[n]; dup {
			return nil, fmt.Errorf("codeMappings: %03d is both %s and %s", n, prev, code)
		}
		out[n] = code
	}
	return out, nil
}

// Fixes are the curated edits between Natural Earth's features and the
// digest's codes.
type Fixes struct {
	ByName  map[string]string // code of a feature without an ISO number, by name
	Skip    map[string]bool   // features left out, by name
	Exclude map[string]bool   // codes left out
	Parts   []part            // polygons moved to another code
	Cuts    []cut             // parts south of a parallel moved to another code
	Markers map[string]Point  // codes the data lacks, drawn as a circle at a point
}

var naturalEarth = Fixes{
	ByName:  byName,
	Skip:    skipped,
	Exclude: excluded,
	Parts:   parts,
	Cuts:    cuts,
	Markers: markers,
}

// byName assigns the Natural Earth features that carry no ISO number.
// Somaliland and Northern Cyprus are drawn as part of the states the UN
// recognises them in; the digest's gazetteer has no code for them.
var byName = map[string]string{
	"Kosovo":            "XK",
	"Somaliland":        "SO",
	"N. Cyprus":         "CY",
	"Indian Ocean Ter.": "CX", // Christmas Island, and the Cocos Islands split off below
}

// skipped features: the Siachen Glacier, disputed between India and
// Pakistan, is under a pixel at this scale and belongs to no one code.
var skipped = map[string]bool{"Siachen Glacier": true}

// excluded codes: Antarctica would add a third to the map's height for a
// continent the digest's news rarely concern.
var excluded = map[string]bool{"AQ": true}

// A part moves the polygons of a feature whose first ring's mean position
// (degrees) falls in a box to another code: Natural Earth's admin-0
// countries draw these territories, which have their own ISO codes and
// their own pages in the digest, as part of their sovereign state.
type part struct {
	from, to                 string
	west, south, east, north float64
}

var parts = []part{
	{"FR", "GF", -55, 1, -51, 6},           // French Guiana
	{"FR", "GP", -62, 15.8, -60.9, 16.6},   // Guadeloupe
	{"FR", "MQ", -61.3, 14.3, -60.7, 15},   // Martinique
	{"FR", "RE", 55, -21.5, 56, -20.8},     // Réunion
	{"FR", "YT", 44.9, -13.1, 45.4, -12.5}, // Mayotte
	{"NO", "SJ", 10, 74, 35, 82},           // Svalbard (with Bjørnøya)
	{"NO", "SJ", -10, 70.5, -7, 71.5},      // Jan Mayen
	{"NL", "BQ", -69, 11, -62, 18},         // Bonaire, Sint Eustatius and Saba
	{"NZ", "TK", -173, -10, -171, -8},      // Tokelau
	{"CX", "CC", 96, -13, 97.5, -11.5},     // Cocos (Keeling) Islands
}

// markers place codes absent from the 1:50m data at a point (degrees): the
// centroid of their largest polygon in world-atlas's countries-10m.json
// (Bouvet Island is drawn there as part of Norway; Palmyra Atoll stands for
// the scattered US Minor Outlying Islands).
var markers = map[string]Point{
	"BV": {3.41, -54.42},
	"GI": {-5.35, 36.13},
	"TV": {179.21, -8.50},
	"UM": {-162.08, 5.88},
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
