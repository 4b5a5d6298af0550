package main

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var tinyCodes = map[int]string{1: "WE", 2: "EA", 3: "AR"}

// rings reads back the relative m…z path data Generate writes.
func rings(t *testing.T, d string) [][]ipoint {
	t.Helper()
	var out [][]ipoint
	var cur, start ipoint
	for _, sub := range regexp.MustCompile(`m([^z]*)z`).FindAllStringSubmatch(d, -1) {
		nums := regexp.MustCompile(`-?\d+`).FindAllString(sub[1], -1)
		if len(nums)%2 != 0 {
			t.Fatalf("odd number count in %q", sub[0])
		}
		var r []ipoint
		for i := 0; i < len(nums); i += 2 {
			dx, _ := strconv.Atoi(nums[i])
			dy, _ := strconv.Atoi(nums[i+1])
			cur = ipoint{cur.X + dx, cur.Y + dy}
			if i == 0 {
				start = cur
			}
			r = append(r, cur)
		}
		out = append(out, r)
		cur = start // z returns to the subpath's start
	}
	return out
}

func TestGenerate(t *testing.T) {
	cfg := Config{Width: 720, Tolerance: 0.1, MinRing: 1, MinCountry: 1, Radius: 2}
	w, err := Generate(loadTiny(t), tinyCodes, cfg, Fixes{Markers: map[string]Point{"DO": {30, 0}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"WE", "EA", "AR", "DO"} {
		if w.Paths[c] == "" {
			t.Errorf("no path for %s", c)
		}
	}
	if !w.Dots["DO"] || !strings.Contains(w.Paths["DO"], "a") || w.Dots["WE"] {
		t.Errorf("dots: %v; DO = %q", w.Dots, w.Paths["DO"])
	}
	ar := rings(t, w.Paths["AR"])
	if len(ar) != 3 {
		t.Fatalf("Archipelago has %d rings, want outer, hole, island: %q", len(ar), w.Paths["AR"])
	}
	if outer, hole := iarea(ar[0]), iarea(ar[1]); outer*hole >= 0 || math.Abs(hole) >= math.Abs(outer) {
		t.Errorf("hole area %g against outer %g: want the opposite winding", hole, outer)
	}
	// West and East meet on a common edge: both draw its two ends.
	we, ea := rings(t, w.Paths["WE"])[0], rings(t, w.Paths["EA"])[0]
	var common int
	for _, p := range we {
		for _, q := range ea {
			if p == q {
				common++
			}
		}
	}
	if common != 2 {
		t.Errorf("West %v and East %v share %d points, want the shared edge's 2", we, ea, common)
	}
	for c, d := range w.Paths {
		for _, r := range rings(t, d) {
			for _, p := range r {
				if p.X < 0 || p.Y < 0 || p.X > w.Width || p.Y > w.Height {
					t.Errorf("%s: %v outside the view box %dx%d", c, p, w.Width, w.Height)
				}
			}
		}
	}

	// A larger MinRing drops the island (not the hole, which is larger);
	// a larger MinCountry draws the whole archipelago as a dot.
	cfg.MinRing = 150
	w, err = Generate(loadTiny(t), tinyCodes, cfg, Fixes{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rings(t, w.Paths["AR"])); n != 2 {
		t.Errorf("MinRing %g: %d rings, want 2: %q", cfg.MinRing, n, w.Paths["AR"])
	}
	cfg.MinCountry = 1e6
	w, err = Generate(loadTiny(t), tinyCodes, cfg, Fixes{})
	if err != nil {
		t.Fatal(err)
	}
	if !w.Dots["AR"] {
		t.Errorf("MinCountry %g: Archipelago drawn as %q", cfg.MinCountry, w.Paths["AR"])
	}
}

func TestGenerateUnknown(t *testing.T) {
	if _, err := Generate(loadTiny(t), map[int]string{1: "WE", 2: "EA"}, defaults, Fixes{}); err == nil {
		t.Error("a feature without a code: no error")
	}
	w, err := Generate(loadTiny(t), tinyCodes, defaults, Fixes{Exclude: map[string]bool{"EA": true}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w.Paths["EA"]; ok {
		t.Error("excluded code drawn")
	}
}

func TestNumericCodes(t *testing.T) {
	in := `{"supplemental":{"codeMappings":{"CD":{"_numeric":"180"},"ZR":{"_numeric":"180"},"FR":{"_numeric":"250"},"AC":{}}}}`
	got, err := NumericCodes(strings.NewReader(in), map[string]bool{"CD": true, "FR": true, "AC": true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[180] != "CD" || got[250] != "FR" {
		t.Errorf("got %v", got)
	}
	if _, err := NumericCodes(strings.NewReader(in), map[string]bool{"CD": true, "ZR": true}); err == nil {
		t.Error("180 claimed by two valid codes: no error")
	}
}
