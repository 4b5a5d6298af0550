package main

import "math"

// Simplify reduces a polyline by Douglas–Peucker (Douglas & Peucker, "Algorithms
// for the reduction of the number of points required to represent a digitized
// line or its caricature", The Canadian Cartographer 10:2, 1973): it keeps
// both ends, then recursively the point farthest from the segment between the
// kept points while that distance exceeds tol. Arcs are simplified once and
// shared by both countries they border, so neighbours keep a common edge.
func Simplify(pts []Point, tol float64) []Point {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(pts) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, dmax := -1, tol
		for k := s.i + 1; k < s.j; k++ {
			if d := segDist(pts[k], pts[s.i], pts[s.j]); d > dmax {
				far, dmax = k, d
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, span{s.i, far}, span{far, s.j})
		}
	}
	var out []Point
	for k, p := range pts {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

// segDist is the distance from p to the segment ab (to a when a = b, as for
// an island drawn as one closed arc).
func segDist(p, a, b Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := ((p.X-a.X)*dx + (p.Y-a.Y)*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}

// area is a ring's signed area by the shoelace formula.
func area(r []Point) float64 {
	var s float64
	for i := range r {
		j := (i + 1) % len(r)
		s += r[i].X*r[j].Y - r[j].X*r[i].Y
	}
	return s / 2
}

// centroid is the centre of mass of a simple ring.
func centroid(r []Point) Point {
	var cx, cy, a float64
	for i := range r {
		j := (i + 1) % len(r)
		f := r[i].X*r[j].Y - r[j].X*r[i].Y
		cx += (r[i].X + r[j].X) * f
		cy += (r[i].Y + r[j].Y) * f
		a += f
	}
	if a == 0 {
		var p Point
		for _, q := range r {
			p.X += q.X / float64(len(r))
			p.Y += q.Y / float64(len(r))
		}
		return p
	}
	return Point{cx / (3 * a), cy / (3 * a)}
}
