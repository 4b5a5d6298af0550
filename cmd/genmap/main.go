// Command genmap makes internal/geo/world.txt, the world map the digest
// embeds: one SVG path per country, keyed by ISO 3166-1 alpha-2 code, from
// Natural Earth's 1:50m admin-0 countries as world-atlas ships them in
// TopoJSON. It projects them (Equal Earth), simplifies each shared border
// once (Douglas–Peucker), rounds to whole map units and draws the countries
// too small to see as a circle. See internal/geo's package doc for the
// commands that fetch its inputs and run it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"digest/internal/gazetteer"
)

// Config holds the generator's knobs. The defaults draw the world 2,000
// units wide in whole units (half a pixel at 1,000 px, a common display
// width, with shorter numbers than decimals would take) and keep its path
// data under 50 KB.
type Config struct {
	Width      float64 // map width in SVG units, longitude −180° to 180° at the equator
	Tolerance  float64 // Douglas–Peucker tolerance, map units
	MinRing    float64 // islands and holes smaller than this (units²) are dropped
	MinCountry float64 // countries smaller than this (units²) become a circle
	Radius     float64 // that circle's radius, map units
}

var defaults = Config{Width: 2000, Tolerance: 0.8, MinRing: 6, MinCountry: 24, Radius: 4}

func main() {
	topo := flag.String("topo", "countries-50m.json", "world-atlas TopoJSON `file`")
	cldr := flag.String("cldr", "codeMappings.json", "CLDR supplemental/codeMappings.json `file` (ISO numeric codes)")
	out := flag.String("out", "internal/geo/world.txt", "output `file`")
	source := flag.String("source", "world-atlas@2.0.2 countries-50m.json; cldr-core@48.2.0 codeMappings.json", "inputs named in the output's header")
	cfg := defaults
	flag.Float64Var(&cfg.Width, "width", cfg.Width, "map width in SVG units")
	flag.Float64Var(&cfg.Tolerance, "tolerance", cfg.Tolerance, "simplification tolerance in map units")
	flag.Float64Var(&cfg.MinRing, "min-ring", cfg.MinRing, "drop islands and holes smaller than this (map units²)")
	flag.Float64Var(&cfg.MinCountry, "min-country", cfg.MinCountry, "draw countries smaller than this (map units²) as a circle")
	flag.Float64Var(&cfg.Radius, "radius", cfg.Radius, "radius of those circles")
	flag.Parse()
	if err := run(*topo, *cldr, *out, *source, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "genmap:", err)
		os.Exit(1)
	}
}

func run(topoFile, cldrFile, out, source string, cfg Config) error {
	g, err := gazetteer.Builtin()
	if err != nil {
		return err
	}
	valid := map[string]bool{}
	for _, c := range g.IDs("country") {
		valid[c] = true
	}
	f, err := os.Open(cldrFile)
	if err != nil {
		return err
	}
	numeric, err := NumericCodes(f, valid)
	f.Close()
	if err != nil {
		return err
	}
	f, err = os.Open(topoFile)
	if err != nil {
		return err
	}
	t, err := DecodeTopology(f)
	f.Close()
	if err != nil {
		return err
	}
	w, err := Generate(t, numeric, cfg, naturalEarth)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	w.Write(&buf, source, cfg)
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	var missing []string
	for _, c := range g.IDs("country") {
		if _, ok := w.Paths[c]; !ok {
			missing = append(missing, c)
		}
	}
	var size int
	for _, p := range w.Paths {
		size += len(p)
	}
	fmt.Fprintf(os.Stderr, "genmap: %s: %d countries, %d bytes of path data; not drawn: %s\n",
		out, len(w.Paths), size, strings.Join(missing, " "))
	return nil
}

// World is the generated map: its size and a path per code.
type World struct {
	Width, Height int
	Paths         map[string]string
	Dots          map[string]bool // drawn as a circle
}

// A shape is a country as drawn before it is shifted into the view box:
// rings in whole map units, or a circle.
type shape struct {
	rings  [][]ipoint
	circle *Point
}

type ipoint struct{ X, Y int }

// Generate draws the features of the topology's "countries" collection,
// edited by fx (it edits t). numeric maps ISO numeric ids to alpha-2 codes;
// features without an id are looked up in fx.ByName, and an id or name that
// matches nothing is an error so that a new edition of the data cannot
// drop a country unnoticed.
func Generate(t *Topology, numeric map[int]string, cfg Config, fx Fixes) (*World, error) {
	feats, ok := t.Objects["countries"]
	if !ok {
		return nil, fmt.Errorf("no countries object in the topology")
	}
	byCode := map[string]*Feature{}
	for i, f := range feats {
		if c, err := featureCode(f, numeric, fx); err == nil && c != "" {
			byCode[c] = &feats[i]
		}
	}
	for _, c := range fx.Cuts {
		from, to := byCode[c.from], byCode[c.to]
		if from == nil || to == nil {
			return nil, fmt.Errorf("cut %s→%s: no such feature", c.from, c.to)
		}
		if err := cutSouth(t, from, to, c.lat); err != nil {
			return nil, err
		}
	}
	k := cfg.Width / (2 * EqualEarthHalfWidth)
	project := func(p Point) Point {
		x, y := EqualEarth(p.X, p.Y)
		return Point{k * x, -k * y} // SVG's y grows downwards
	}
	cut := cutArcs(t.Arcs)
	proj := make([][]Point, len(cut))
	simple := make([][]Point, len(cut))
	for i, arc := range cut {
		proj[i] = make([]Point, len(arc))
		for j, p := range arc {
			if isGap(p) {
				proj[i][j] = p
				continue
			}
			proj[i][j] = project(p)
		}
		simple[i] = simplifyArc(proj[i], cfg.Tolerance)
	}

	polys := map[string][][][]int{}
	for _, f := range feats {
		code, err := featureCode(f, numeric, fx)
		if err != nil {
			return nil, err
		}
		if code == "" || fx.Exclude[code] {
			continue
		}
		for _, p := range f.Polygons {
			if len(p) == 0 {
				continue
			}
			c := code
			mean := meanPoint(Ring(t.Arcs, p[0]))
			for _, pt := range fx.Parts {
				if pt.from == c && mean.X >= pt.west && mean.X <= pt.east && mean.Y >= pt.south && mean.Y <= pt.north {
					c = pt.to
					break
				}
			}
			polys[c] = append(polys[c], p)
		}
	}

	shapes := map[string]shape{}
	for code, ps := range polys {
		var total, biggest float64
		var centre Point
		for _, p := range ps {
			for i, ring := range p {
				rs, err := pieces(Ring(proj, ring))
				if err != nil {
					return nil, fmt.Errorf("%s: %w", code, err)
				}
				for _, r := range rs {
					a := math.Abs(area(r))
					if i > 0 {
						total -= a
						continue
					}
					total += a
					if a > biggest {
						biggest, centre = a, centroid(r)
					}
				}
			}
		}
		if total < cfg.MinCountry {
			shapes[code] = shape{circle: &centre}
			continue
		}
		var s shape
		for _, p := range ps {
			var kept bool
			for i, ring := range p {
				rs, _ := pieces(Ring(simple, ring)) // same breaks as above
				if i > 0 && !kept {
					break // the island was too small to see: its holes go too
				}
				for _, pr := range rs {
					r := roundRing(pr)
					if len(r) < 3 || math.Abs(iarea(r)) < cfg.MinRing {
						continue
					}
					// Exteriors run one way and holes the other, so the
					// default nonzero fill rule cuts the holes out.
					if (iarea(r) > 0) != (i == 0) {
						reverse(r)
					}
					s.rings = append(s.rings, r)
					kept = kept || i == 0
				}
			}
		}
		if len(s.rings) == 0 {
			s.circle = &centre
		}
		shapes[code] = s
	}
	for code, p := range fx.Markers {
		if _, ok := shapes[code]; ok {
			return nil, fmt.Errorf("%s has a marker but is in the data too", code)
		}
		c := project(p)
		shapes[code] = shape{circle: &c}
	}

	// Shift everything to a view box at the origin, a unit of margin around.
	r := cfg.Radius
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range shapes {
		for _, ring := range s.rings {
			for _, p := range ring {
				minX, maxX = math.Min(minX, float64(p.X)), math.Max(maxX, float64(p.X))
				minY, maxY = math.Min(minY, float64(p.Y)), math.Max(maxY, float64(p.Y))
			}
		}
		if c := s.circle; c != nil {
			minX, maxX = math.Min(minX, c.X-r), math.Max(maxX, c.X+r)
			minY, maxY = math.Min(minY, c.Y-r), math.Max(maxY, c.Y+r)
		}
	}
	dx, dy := 1-int(math.Floor(minX)), 1-int(math.Floor(minY))
	w := &World{
		Width:  int(math.Ceil(maxX)) + dx + 1,
		Height: int(math.Ceil(maxY)) + dy + 1,
		Paths:  map[string]string{},
		Dots:   map[string]bool{},
	}
	for code, s := range shapes {
		var b pathWriter
		prev := ipoint{0, 0} // a path's first m is absolute
		for _, ring := range s.rings {
			for i, p := range ring {
				p = ipoint{p.X + dx, p.Y + dy}
				if i == 0 {
					b.cmd('m')
				}
				b.num(strconv.Itoa(p.X - prev.X))
				b.num(strconv.Itoa(p.Y - prev.Y))
				prev = p
			}
			b.cmd('z')
			// After z the pen is back at the ring's start; the next m is
			// measured from there.
			prev = ipoint{ring[0].X + dx, ring[0].Y + dy}
		}
		if c := s.circle; c != nil {
			w.Dots[code] = true
			x, y := math.Round(c.X)+float64(dx), math.Round(c.Y)+float64(dy)
			b.cmd('M')
			b.num(dec(x - r))
			b.num(dec(y))
			for _, sign := range []string{"", "-"} {
				b.cmd('a')
				for _, v := range []string{dec(r), dec(r), "0", "1", "0", sign + dec(2*r), "0"} {
					b.num(v)
				}
			}
			b.cmd('z')
		}
		w.Paths[code] = b.String()
	}
	return w, nil
}

func featureCode(f Feature, numeric map[int]string, fx Fixes) (string, error) {
	if f.ID == "" {
		if fx.Skip[f.Name] {
			return "", nil
		}
		if c, ok := fx.ByName[f.Name]; ok {
			return c, nil
		}
		return "", fmt.Errorf("feature %q has no id and no code in ByName", f.Name)
	}
	n, err := strconv.Atoi(f.ID)
	if err != nil {
		return "", fmt.Errorf("feature %q: id %q is not an ISO numeric code", f.Name, f.ID)
	}
	c, ok := numeric[n]
	if !ok {
		return "", fmt.Errorf("feature %q: no alpha-2 code for %03d", f.Name, n)
	}
	return c, nil
}

func meanPoint(r []Point) Point {
	var m Point
	for _, p := range r {
		m.X += p.X / float64(len(r))
		m.Y += p.Y / float64(len(r))
	}
	return m
}

// roundRing rounds a closed ring to whole units and drops the points that
// rounding makes repeat, the closing one included (z closes the ring).
func roundRing(r []Point) []ipoint {
	var out []ipoint
	for _, p := range r {
		q := ipoint{int(math.Round(p.X)), int(math.Round(p.Y))}
		if len(out) > 0 && out[len(out)-1] == q {
			continue
		}
		out = append(out, q)
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

func iarea(r []ipoint) float64 {
	var s int
	for i := range r {
		j := (i + 1) % len(r)
		s += r[i].X*r[j].Y - r[j].X*r[i].Y
	}
	return float64(s) / 2
}

func reverse(r []ipoint) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// dec formats a coordinate to one decimal, without a trailing ".0".
func dec(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// pathWriter writes SVG path data compactly: a space between two numbers
// only where the second has no minus sign to part them.
type pathWriter struct {
	b       strings.Builder
	lastNum bool
}

func (w *pathWriter) cmd(c byte) { w.b.WriteByte(c); w.lastNum = false }

func (w *pathWriter) num(s string) {
	if w.lastNum && !strings.HasPrefix(s, "-") {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(s)
	w.lastNum = true
}

func (w *pathWriter) String() string { return w.b.String() }

// Write writes the map in the format internal/geo reads: comment lines
// (#), a viewBox line, one line per country, "CODE path", then a line
// "dots" and the countries drawn as circles, which go on top of the shapes
// (Andorra's over Spain); each group by code, so that a regeneration diffs
// line by line.
func (w *World) Write(b *bytes.Buffer, source string, cfg Config) {
	fmt.Fprintf(b, `# world.txt — country shapes for the digest's maps, one SVG path per country.
# Generated by cmd/genmap; do not edit (see internal/geo's package doc to regenerate).
#
# Sources and licences:
#   - Shapes: Natural Earth 1:50m Admin 0 – Countries, version 4.1.0 (public domain,
#     https://www.naturalearthdata.com/about/terms-of-use/), as TopoJSON in the npm package
#     world-atlas (ISC licence, © Michael Bostock; see LICENSE-world-atlas beside this file).
#   - ISO 3166-1 numeric → alpha-2: Unicode CLDR supplemental/codeMappings.json (npm
#     cldr-core; Unicode License v3, https://www.unicode.org/license.txt).
# Inputs: %s
#
# Projection: Equal Earth, central meridian 0°, %g units from 180°W to 180°E at the equator;
# y grows southwards. Borders simplified by Douglas–Peucker at %g units, then rounded to whole
# units; islands and holes under %g units² dropped; countries under %g units² (and the
# territories the 1:50m data lacks: %s) drawn as a circle of radius %g. Antarctica is left out.
# Codes as ISO 3166 and the gazetteer have them: the territories Natural Earth draws within their
# state get their own shapes (GF GP MQ RE YT from FR, SJ from NO, BQ from NL, TK from NZ, CC and
# CX from "Indian Ocean Ter."); Western Sahara (EH) is whole, Morocco ending at the 27°40'N line;
# Somaliland is drawn within Somalia, Northern Cyprus within Cyprus, Kosovo as XK; the Siachen
# Glacier is left out.
# Paths are relative (m/l), each ring closed by z. The circles come last, after the line "dots".
viewBox 0 0 %d %d
`, source, cfg.Width, cfg.Tolerance, cfg.MinRing, cfg.MinCountry, strings.Join(sortedKeys(naturalEarth.Markers), ", "), cfg.Radius, w.Width, w.Height)
	for _, dots := range []bool{false, true} {
		if dots {
			b.WriteString("dots\n")
		}
		for _, c := range sortedKeys(w.Paths) {
			if w.Dots[c] == dots {
				fmt.Fprintf(b, "%s %s\n", c, w.Paths[c])
			}
		}
	}
}
