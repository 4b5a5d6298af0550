package main

import (
	"fmt"
	"math"
)

// The world-atlas shapes are spherical: a ring that crosses the
// antimeridian (eastern Chukotka, Wrangel Island, Fiji's Taveuni) simply
// steps from 179.9° to −179.9°, which d3-geo cuts when it projects. Drawn
// flat, that step would be a line across the whole map. So each such step
// in an arc gets the two points where it meets ±180° and a break (a NaN
// point) between them; a ring with breaks is then drawn as the pieces
// between them, each closed along the map's edge.

var gap = Point{math.NaN(), math.NaN()}

func isGap(p Point) bool { return math.IsNaN(p.X) }

// cutArcs returns the arcs (longitude, latitude) with a break at every
// step across the antimeridian.
func cutArcs(arcs [][]Point) [][]Point {
	out := make([][]Point, len(arcs))
	for i, arc := range arcs {
		var cut []Point
		for j, p := range arc {
			if j > 0 {
				q := arc[j-1]
				if d := p.X - q.X; math.Abs(d) > 180 {
					edge := math.Copysign(180, q.X)
					// Unwrap p to q's side, then meet the edge.
					px := p.X - math.Copysign(360, d)
					lat := q.Y // q is on the edge already (Fiji's data has such)
					if px != q.X {
						lat += (p.Y - q.Y) * (edge - q.X) / (px - q.X)
					}
					cut = append(cut, Point{edge, lat}, gap, Point{-edge, lat})
				}
			}
			cut = append(cut, p)
		}
		out[i] = cut
	}
	return out
}

// simplifyArc simplifies each run between breaks on its own, so the points
// on the edge stay.
func simplifyArc(pts []Point, tol float64) []Point {
	var out []Point
	start := 0
	for j := 0; j <= len(pts); j++ {
		if j < len(pts) && !isGap(pts[j]) {
			continue
		}
		if start > 0 {
			out = append(out, gap)
		}
		out = append(out, Simplify(pts[start:j], tol)...)
		start = j + 1
	}
	return out
}

// pieces splits a closed ring at its breaks. A ring without one is
// returned as it is; one with two becomes the piece on either side of the
// antimeridian, each closed by the straight line between its two points on
// the edge (the edge is a curve, but the gaps here span a few degrees).
// More than two crossings would need the pieces paired along the edge;
// the data has none, so it is an error rather than a guess.
func pieces(r []Point) ([][]Point, error) {
	var at []int
	for i, p := range r {
		if isGap(p) {
			at = append(at, i)
		}
	}
	switch len(at) {
	case 0:
		return [][]Point{r}, nil
	case 2:
		a, b := at[0], at[1]
		inner := append([]Point(nil), r[a+1:b]...)
		// The ring is closed (its last point is its first), so the outer
		// piece runs from the second break to the end, then on from the
		// start to the first break without repeating the joining point.
		outer := append([]Point(nil), r[b+1:]...)
		outer = append(outer, r[1:a]...)
		return [][]Point{inner, outer}, nil
	}
	return nil, fmt.Errorf("a ring crosses the antimeridian %d times", len(at))
}
