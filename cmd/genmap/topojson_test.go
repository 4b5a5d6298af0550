package main

import (
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func loadTiny(t *testing.T) *Topology {
	t.Helper()
	f, err := os.Open("testdata/tiny.topojson")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	topo, err := DecodeTopology(f)
	if err != nil {
		t.Fatal(err)
	}
	return topo
}

// The fixture: West and East are squares sharing arc 0 (East uses it
// reversed, as -1 = ^0); Archipelago is a square with a square hole plus a
// small island. Positions are quantized (scale 0.5, 0.25; translate −10,
// −5) and delta-encoded.
func TestDecodeTopology(t *testing.T) {
	topo := loadTiny(t)
	p := func(qx, qy float64) Point { return Point{qx*0.5 - 10, qy*0.25 - 5} }
	if got, want := topo.Arcs[0], []Point{p(20, 20), p(20, 40)}; !reflect.DeepEqual(got, want) {
		t.Errorf("arc 0 = %v, want %v", got, want)
	}
	fs := topo.Objects["countries"]
	if len(fs) != 3 {
		t.Fatalf("%d features, want 3 (the null geometry skipped)", len(fs))
	}
	if fs[2].ID != "3" || fs[2].Name != "Archipelago" {
		t.Errorf("numeric id or name: %+v", fs[2])
	}
	west := Ring(topo.Arcs, fs[0].Polygons[0][0])
	wantWest := []Point{p(20, 20), p(20, 40), p(0, 40), p(0, 20), p(20, 20)}
	if !reflect.DeepEqual(west, wantWest) {
		t.Errorf("West ring = %v, want %v", west, wantWest)
	}
	// -1 is arc 0 reversed, so East starts at the top of the shared edge.
	east := Ring(topo.Arcs, fs[1].Polygons[0][0])
	wantEast := []Point{p(20, 40), p(20, 20), p(40, 20), p(40, 40), p(20, 40)}
	if !reflect.DeepEqual(east, wantEast) {
		t.Errorf("East ring = %v, want %v", east, wantEast)
	}
	a := fs[2].Polygons
	if len(a) != 2 || len(a[0]) != 2 || len(a[1]) != 1 {
		t.Fatalf("Archipelago polygons = %v, want [[outer hole] [island]]", a)
	}
	hole := Ring(topo.Arcs, a[0][1])
	if want := []Point{p(70, 10), p(70, 30), p(90, 30), p(90, 10), p(70, 10)}; !reflect.DeepEqual(hole, want) {
		t.Errorf("hole = %v, want %v", hole, want)
	}
}

func TestDecodeTopologyErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not a topology": `{"type":"FeatureCollection"}`,
		"arc out of range": `{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"c":{"type":"GeometryCollection",
			"geometries":[{"type":"Polygon","arcs":[[0,-3]]}]}}}`,
		"line": `{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"c":{"type":"GeometryCollection",
			"geometries":[{"type":"LineString","arcs":[0]}]}}}`,
	} {
		if _, err := DecodeTopology(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Without a transform, positions are absolute, not deltas.
func TestDecodeUnquantized(t *testing.T) {
	topo, err := DecodeTopology(strings.NewReader(`{"type":"Topology","arcs":[[[1.5,2],[3,4]]],"objects":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Point{{1.5, 2}, {3, 4}}; !reflect.DeepEqual(topo.Arcs[0], want) {
		t.Errorf("arc = %v, want %v", topo.Arcs[0], want)
	}
}

func TestEqualEarth(t *testing.T) {
	if x, y := EqualEarth(0, 0); x != 0 || y != 0 {
		t.Errorf("origin → %g, %g", x, y)
	}
	if x, _ := EqualEarth(180, 0); math.Abs(x-EqualEarthHalfWidth) > 1e-12 || math.Abs(x-2.70663) > 1e-5 {
		t.Errorf("180°E on the equator → x %g, want %g ≈ 2.70663", x, EqualEarthHalfWidth)
	}
	if x1, y1 := EqualEarth(-30, -40); true {
		x2, y2 := EqualEarth(30, 40)
		if x1 != -x2 || y1 != -y2 {
			t.Errorf("not symmetric: %g,%g vs %g,%g", x1, y1, x2, y2)
		}
	}
	// Equal area: a 1°×1° cell's area on the map is proportional to its area
	// on the sphere, sin φ2 − sin φ1, at any latitude.
	cell := func(lat float64) float64 {
		r := []Point{}
		for _, c := range [][2]float64{{0, lat}, {1, lat}, {1, lat + 1}, {0, lat + 1}} {
			x, y := EqualEarth(c[0], c[1])
			r = append(r, Point{x, y})
		}
		return math.Abs(area(r))
	}
	sphere := func(lat float64) float64 {
		return math.Sin((lat+1)*math.Pi/180) - math.Sin(lat*math.Pi/180)
	}
	k := cell(0) / sphere(0)
	for _, lat := range []float64{20, 45, 60, 80} {
		if got := cell(lat) / sphere(lat); math.Abs(got/k-1) > 2e-3 {
			t.Errorf("cell at %g°: map/sphere area %g, at the equator %g", lat, got, k)
		}
	}
}

func TestSimplify(t *testing.T) {
	line := []Point{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 0.05}, {4, 0}}
	if got := Simplify(line, 0.5); !reflect.DeepEqual(got, []Point{{0, 0}, {4, 0}}) {
		t.Errorf("noise kept: %v", got)
	}
	// A coast with a peninsula: the tip stays, and every point dropped lies
	// within the tolerance of what is left.
	coast := []Point{{0, 0}, {1, 0.1}, {2, 0}, {2.2, 5}, {2.4, 0}, {3, -0.2}, {4, 0}}
	got := Simplify(coast, 0.5)
	if !slices.Contains(got, Point{2.2, 5}) {
		t.Errorf("peninsula's tip dropped: %v", got)
	}
	if len(got) >= len(coast) {
		t.Errorf("nothing dropped: %v", got)
	}
	for _, p := range coast {
		d := math.Inf(1)
		for i := 0; i+1 < len(got); i++ {
			d = math.Min(d, segDist(p, got[i], got[i+1]))
		}
		if d > 0.5 {
			t.Errorf("%v is %g from the simplified line %v", p, d, got)
		}
	}
	// A closed arc (an island): the farthest point from its start stays.
	ring := []Point{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}
	if got := Simplify(ring, 0.1); len(got) != 5 {
		t.Errorf("square island lost corners: %v", got)
	}
}

// A square from 170°E to 170°W becomes two pieces, one at each edge of the
// map, and no segment spans the map.
func TestAntimeridian(t *testing.T) {
	arcs := cutArcs([][]Point{{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}})
	r := Ring(arcs, []int{0})
	ps, err := pieces(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 {
		t.Fatalf("%d pieces, want 2: %v", len(ps), ps)
	}
	want := [][]Point{
		{{-180, 0}, {-170, 0}, {-170, 10}, {-180, 10}},
		{{180, 10}, {170, 10}, {170, 0}, {180, 0}},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("pieces = %v, want %v", ps, want)
	}
	s := simplifyArc(arcs[0], 1)
	if n := len(s); n != len(arcs[0]) || !isGap(s[2]) || !isGap(s[7]) {
		t.Errorf("simplify lost the break or the edge points: %v", s)
	}
}

// cutSouth on two squares: North (lon 0–2, lat 0–2) gives its part south of
// 1° to South (lon 0–2, lat −1–0), which then spans lat −1–1 without the
// border they shared.
func TestCutSouth(t *testing.T) {
	topo := &Topology{Arcs: [][]Point{
		{{2, 0}, {2, 2}, {0, 2}},           // east side and top
		{{0, 2}, {0, 0}},                   // west side
		{{0, 0}, {2, 0}},                   // the shared border
		{{0, 0}, {0, -1}, {2, -1}, {2, 0}}, // South's other sides
	}}
	north := Feature{Name: "North", Polygons: [][][]int{{{0, 1, 2}}}}
	south := Feature{Name: "South", Polygons: [][][]int{{{^2, 3}}}}
	topo.Objects = map[string][]Feature{"c": {north, south}}
	n, s := &topo.Objects["c"][0], &topo.Objects["c"][1]
	if err := cutSouth(topo, n, s, 1); err != nil {
		t.Fatal(err)
	}
	bbox := func(r []Point) [4]float64 {
		b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, p := range r {
			b = [4]float64{math.Min(b[0], p.X), math.Min(b[1], p.Y), math.Max(b[2], p.X), math.Max(b[3], p.Y)}
		}
		return b
	}
	nr, sr := Ring(topo.Arcs, n.Polygons[0][0]), Ring(topo.Arcs, s.Polygons[0][0])
	if a, b := math.Abs(area(nr)), bbox(nr); a != 2 || b != [4]float64{0, 1, 2, 2} {
		t.Errorf("North: area %g, bbox %v; ring %v", a, b, nr)
	}
	if a, b := math.Abs(area(sr)), bbox(sr); a != 4 || b != [4]float64{0, -1, 2, 1} {
		t.Errorf("South: area %g, bbox %v; ring %v", a, b, sr)
	}
	if nr[0] != nr[len(nr)-1] || sr[0] != sr[len(sr)-1] {
		t.Errorf("rings not closed: %v, %v", nr, sr)
	}
	for _, a := range s.Polygons[0][0] {
		if arcIndex(a) == 2 {
			t.Errorf("South still uses the border it shared with North: %v", s.Polygons[0][0])
		}
	}
	// The new border is one arc, used by each side in its own direction.
	var shared int
	for _, a := range n.Polygons[0][0] {
		for _, b := range s.Polygons[0][0] {
			if a == ^b {
				shared++
			}
		}
	}
	if shared != 1 {
		t.Errorf("%d arcs shared by the two sides, want the parallel alone", shared)
	}
}
