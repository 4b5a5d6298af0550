package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// Point is a position: longitude/latitude in degrees as decoded, map units
// once projected.
type Point struct{ X, Y float64 }

// Topology is a decoded TopoJSON topology: its arcs as absolute positions
// and the polygon features of its geometry collections.
type Topology struct {
	Arcs    [][]Point
	Objects map[string][]Feature
}

// Feature is one geometry of a collection. Polygons hold, for each polygon,
// its rings (the first the exterior, the others holes), each a list of arc
// indexes where a negative index ~i means arc i reversed.
type Feature struct {
	ID       string
	Name     string
	Polygons [][][]int
}

// DecodeTopology reads a TopoJSON topology (the format world-atlas ships;
// spec: github.com/topojson/topojson-specification). Quantized topologies
// (with a transform) have delta-encoded arcs: the first position of an arc
// is absolute, each following one is a difference from the one before, and
// positions are scaled and translated by the transform. Only Polygon and
// MultiPolygon geometries are kept; null geometries are skipped.
func DecodeTopology(r io.Reader) (*Topology, error) {
	var raw struct {
		Type      string
		Transform *struct{ Scale, Translate [2]float64 }
		Arcs      [][][]float64
		Objects   map[string]struct {
			Type       string
			Geometries []struct {
				Type       string
				ID         any
				Properties map[string]any
				Arcs       json.RawMessage
			}
		}
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("topojson: %w", err)
	}
	if raw.Type != "Topology" {
		return nil, fmt.Errorf("topojson: type %q, want Topology", raw.Type)
	}
	t := &Topology{Arcs: make([][]Point, len(raw.Arcs)), Objects: map[string][]Feature{}}
	for i, arc := range raw.Arcs {
		pts := make([]Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if len(p) < 2 {
				return nil, fmt.Errorf("topojson: arc %d position %d has %d coordinates", i, j, len(p))
			}
			if raw.Transform == nil {
				pts[j] = Point{p[0], p[1]}
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[j] = Point{
				x*raw.Transform.Scale[0] + raw.Transform.Translate[0],
				y*raw.Transform.Scale[1] + raw.Transform.Translate[1],
			}
		}
		t.Arcs[i] = pts
	}
	for name, obj := range raw.Objects {
		if obj.Type != "GeometryCollection" {
			return nil, fmt.Errorf("topojson: object %q is a %s, want GeometryCollection", name, obj.Type)
		}
		var fs []Feature
		for gi, g := range obj.Geometries {
			f := Feature{ID: idString(g.ID)}
			if n, ok := g.Properties["name"].(string); ok {
				f.Name = n
			}
			var err error
			switch g.Type {
			case "Polygon":
				var p [][]int
				err = json.Unmarshal(g.Arcs, &p)
				f.Polygons = [][][]int{p}
			case "MultiPolygon":
				err = json.Unmarshal(g.Arcs, &f.Polygons)
			case "", "null":
				continue
			default:
				return nil, fmt.Errorf("topojson: %s[%d] (%s): unsupported type %s", name, gi, f.Name, g.Type)
			}
			if err != nil {
				return nil, fmt.Errorf("topojson: %s[%d] (%s): arcs: %w", name, gi, f.Name, err)
			}
			for _, p := range f.Polygons {
				for _, ring := range p {
					for _, a := range ring {
						if i := arcIndex(a); i >= len(t.Arcs) {
							return nil, fmt.Errorf("topojson: %s[%d] (%s): arc %d of %d", name, gi, f.Name, a, len(t.Arcs))
						}
					}
				}
			}
			fs = append(fs, f)
		}
		t.Objects[name] = fs
	}
	return t, nil
}

func idString(id any) string {
	switch v := id.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// Ring stitches a ring's arcs, taken from arcs (the topology's own, or the
// same arcs projected and simplified), into one closed list of points. Each
// arc after the first starts where the one before ended, so its first point
// is dropped.
func Ring(arcs [][]Point, ring []int) []Point {
	var out []Point
	for k, a := range ring {
		src := arcs[arcIndex(a)]
		pts := make([]Point, len(src))
		copy(pts, src)
		if a < 0 {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		if k > 0 && len(pts) > 0 {
			pts = pts[1:]
		}
		out = append(out, pts...)
	}
	return out
}
