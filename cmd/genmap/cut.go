package main

import (
	"fmt"
	"slices"
)

// A cut moves the part of one feature south of a parallel into another.
//
// Natural Earth's 1:50m Morocco (admin-0 4.1.0, "de facto" view) reaches
// down to the berm and leaves "W. Sahara" only the strip east of it. The
// digest follows ISO 3166 and its own gazetteer, where Western Sahara (EH)
// is one territory, so Morocco ends at the parallel where the data puts
// the Algeria–Morocco–Western Sahara tripoint (the treaty line is 27°40′N)
// and the rest joins EH.
type cut struct {
	from, to string
	lat      float64
}

var cuts = []cut{
	{"MA", "EH", 27.656},
}

// cutSouth splits from's single ring at lat (it must cross it exactly
// twice) with a new arc along the parallel, keeps the northern ring in
// from, and merges the southern one into the polygon of to that shares a
// border with it. It edits the topology: split arcs are split for every
// feature that uses them, so borders stay shared.
func cutSouth(t *Topology, from, to *Feature, lat float64) error {
	if len(from.Polygons) != 1 || len(from.Polygons[0]) != 1 {
		return fmt.Errorf("cut %s: want one polygon with one ring, have %d polygons", from.Name, len(from.Polygons))
	}
	ring := from.Polygons[0][0]
	// Find the two crossings, as (signed arc, segment index in the arc's
	// own order), before any arc is changed.
	type crossing struct{ arc, seg int }
	var xs []crossing
	for _, a := range ring {
		pts := t.Arcs[arcIndex(a)]
		for k := 0; k+1 < len(pts); k++ {
			if (pts[k].Y-lat)*(pts[k+1].Y-lat) < 0 {
				xs = append(xs, crossing{a, k})
			}
		}
	}
	if len(xs) != 2 || arcIndex(xs[0].arc) == arcIndex(xs[1].arc) {
		return fmt.Errorf("cut %s at %g°: want two crossings in two arcs, have %d", from.Name, lat, len(xs))
	}
	// Split each crossed arc i at the crossing C into i (start … C) and a
	// new arc n (C … end), in every ring that uses it.
	var at [2]Point
	for j, x := range xs {
		i := arcIndex(x.arc)
		pts := t.Arcs[i]
		p, q := pts[x.seg], pts[x.seg+1]
		c := Point{p.X + (q.X-p.X)*(lat-p.Y)/(q.Y-p.Y), lat}
		at[j] = c
		head := append(slices.Clone(pts[:x.seg+1]), c)
		tail := append([]Point{c}, pts[x.seg+1:]...)
		n := len(t.Arcs)
		t.Arcs[i] = head
		t.Arcs = append(t.Arcs, tail)
		for _, fs := range t.Objects {
			for fi := range fs {
				for _, poly := range fs[fi].Polygons {
					for ri, r := range poly {
						var out []int
						for _, a := range r {
							switch a {
							case i:
								out = append(out, i, n)
							case ^i:
								out = append(out, ^n, ^i)
							default:
								out = append(out, a)
							}
						}
						poly[ri] = out
					}
				}
			}
		}
	}
	ring = from.Polygons[0][0] // rewritten above
	// Rotate the ring to start at the first crossing; it then runs to the
	// second (one side) and back (the other).
	end := func(a int) Point {
		pts := t.Arcs[arcIndex(a)]
		if a < 0 {
			return pts[0]
		}
		return pts[len(pts)-1]
	}
	k := slices.IndexFunc(ring, func(a int) bool { return end(a) == at[0] || end(a) == at[1] })
	ring = append(slices.Clone(ring[k+1:]), ring[:k+1]...)
	m := slices.IndexFunc(ring, func(a int) bool { return end(a) == at[0] || end(a) == at[1] })
	first, second := ring[:m+1], ring[m+1:]
	start := end(ring[len(ring)-1]) // where first begins
	b := len(t.Arcs)
	t.Arcs = append(t.Arcs, []Point{start, end(first[len(first)-1])}) // the parallel, as first runs
	south := func(side []int) bool {
		pts := Ring(t.Arcs, side)
		return pts[len(pts)/2].Y < lat
	}
	north, southRing := append(slices.Clone(first), ^b), append(slices.Clone(second), b)
	if south(first) {
		north, southRing = append(slices.Clone(second), b), append(slices.Clone(first), ^b)
	}
	from.Polygons[0][0] = north
	for pi, poly := range to.Polygons {
		if merged, ok := mergeRings(poly[0], southRing); ok {
			to.Polygons[pi][0] = merged
			return nil
		}
	}
	return fmt.Errorf("cut %s: the part south of %g° shares no border with %s", from.Name, lat, to.Name)
}

// mergeRings joins two rings that share one run of arcs (each arc a in one
// appears as ^a in the other) into the ring around both.
func mergeRings(a, b []int) ([]int, bool) {
	shared := func(r, other []int) func(int) bool {
		return func(i int) bool { return slices.Contains(other, ^r[i]) }
	}
	rest := func(r, other []int) ([]int, bool) {
		in := shared(r, other)
		// Rotate so that the ring starts right after its shared run.
		k := -1
		for i := range r {
			if in(i) && !in((i+1)%len(r)) {
				if k >= 0 {
					return nil, false // two separate shared runs
				}
				k = (i + 1) % len(r)
			}
		}
		if k < 0 {
			return nil, false
		}
		rot := append(slices.Clone(r[k:]), r[:k]...)
		var out []int
		for i, x := range rot {
			if !slices.Contains(other, ^x) {
				out = append(out, x)
			} else if slices.ContainsFunc(rot[i:], func(y int) bool { return !slices.Contains(other, ^y) }) {
				return nil, false
			}
		}
		return out, true
	}
	ra, ok1 := rest(a, b)
	rb, ok2 := rest(b, a)
	if !ok1 || !ok2 {
		return nil, false
	}
	return append(ra, rb...), true
}
