package geo

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"digest/internal/gazetteer"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func small(t *testing.T) *Map {
	t.Helper()
	data, err := os.ReadFile("testdata/small.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var names = map[string]string{"FR": "France", "ML": "Mali", "MA": "Maroc", "LU": "Luxembourg & <co>"}

// A country page for Mali: partners shaded and linked to the bilateral
// pages, Mali itself in focus and not linked.
func maliPage(sprite string) Options {
	return Options{
		Title:   "Partenaires du Mali",
		TitleID: "carte-ml",
		Name:    func(c string) string { return names[c] },
		URL: func(c string) string {
			if c == "ML" {
				return ""
			}
			return "../relations/ml-" + strings.ToLower(c) + "/?a=1&b=2"
		},
		Weight: map[string]float64{"fr": 1, "MA": 0.5, "LU": 0.1, "ZZ": 1},
		Focus:  "ml",
		Sprite: sprite,
	}
}

func render(t *testing.T, m *Map, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.SVG(&b, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/geo -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./internal/geo -update rewrites it):\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	m := small(t)
	golden(t, "mali-inline.svg", render(t, m, maliPage("")))
	golden(t, "mali-sprite.svg", render(t, m, maliPage("../world.svg")))
	var b bytes.Buffer
	if err := m.WriteSprite(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "sprite.svg", b.Bytes())
}

func TestClass(t *testing.T) {
	for _, c := range []struct {
		w    float64
		want string
	}{
		{-1, ""}, {0, ""}, {1e-9, "s1"}, {0.2, "s1"}, {0.21, "s2"}, {0.4, "s2"},
		{0.5, "s3"}, {0.6, "s3"}, {0.8, "s4"}, {0.81, "s5"}, {1, "s5"}, {7, "s5"},
	} {
		if got := Class(c.w); got != c.want {
			t.Errorf("Class(%g) = %q, want %q", c.w, got, c.want)
		}
	}
}

func TestWeights(t *testing.T) {
	w := Weights(map[string]int{"FR": 40, "MA": 4, "LU": 1, "DE": 0})
	if w["FR"] != 1 || Class(w["MA"]) != "s3" || Class(w["LU"]) != "s1" {
		t.Errorf("weights %v", w)
	}
	if _, ok := w["DE"]; ok {
		t.Errorf("a count of 0 weighs: %v", w)
	}
}

// node is an element of the output, as encoding/xml reads it.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []node     `xml:",any"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) title() string {
	for _, c := range n.Children {
		if c.XMLName.Local == "title" {
			return c.Text
		}
	}
	return ""
}

func parseXML(t *testing.T, b []byte) node {
	t.Helper()
	var n node
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	if err := d.Decode(&n); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, b)
	}
	return n
}

// Each shaded country is a link with its name as title and its shading
// class on the shape; Mali is in focus, not a link; unknown codes are
// ignored; the map is named by its title.
func TestLinksAndShading(t *testing.T) {
	m := small(t)
	for _, sprite := range []string{"", "../world.svg"} {
		svg := parseXML(t, render(t, m, maliPage(sprite)))
		if svg.attr("role") != "group" || svg.attr("aria-labelledby") != "carte-ml" {
			t.Errorf("sprite %q: role %q, labelledby %q", sprite, svg.attr("role"), svg.attr("aria-labelledby"))
		}
		if svg.Children[0].XMLName.Local != "title" || svg.Children[0].attr("id") != "carte-ml" || svg.Children[0].Text != "Partenaires du Mali" {
			t.Errorf("sprite %q: first child %+v, want the title", sprite, svg.Children[0])
		}
		if svg.attr("viewBox") != "0 0 100 60" {
			t.Errorf("viewBox %q", svg.attr("viewBox"))
		}
		links := map[string]node{}
		classes := map[string]string{}
		for _, c := range svg.Children {
			shape := c
			if c.XMLName.Local == "a" {
				links[c.title()] = c
				shape = c.Children[len(c.Children)-1]
			}
			if c.XMLName.Local == "path" || c.XMLName.Local == "use" || c.XMLName.Local == "a" {
				name := c.title()
				if href := shape.attr("href"); strings.HasSuffix(href, "#world") || strings.HasSuffix(href, "#dots") {
					continue
				}
				classes[name] = shape.attr("class")
			}
		}
		wantLinks := map[string]string{
			"France":            "../relations/ml-fr/?a=1&b=2",
			"Maroc":             "../relations/ml-ma/?a=1&b=2",
			"Luxembourg & <co>": "../relations/ml-lu/?a=1&b=2",
		}
		if len(links) != len(wantLinks) {
			t.Errorf("sprite %q: links %v, want %v", sprite, links, wantLinks)
		}
		for name, href := range wantLinks {
			if got := links[name].attr("href"); got != href {
				t.Errorf("sprite %q: link %q → %q, want %q", sprite, name, got, href)
			}
		}
		want := map[string]string{"France": "s5", "Maroc": "s3", "Luxembourg & <co>": "s1", "Mali": "focus"}
		for name, cls := range want {
			if classes[name] != cls {
				t.Errorf("sprite %q: %s has class %q, want %q (all: %v)", sprite, name, classes[name], cls, classes)
			}
		}
	}
}

// In shared mode only the countries the page shades, focuses or links get
// an element of their own, each a <use> of the sprite by code.
func TestSpriteUses(t *testing.T) {
	out := string(render(t, small(t), Options{Title: "t", Weight: map[string]float64{"MA": 0.3}, Sprite: "/w.svg"}))
	uses := regexp.MustCompile(`<use href="([^"]+)"`).FindAllStringSubmatch(out, -1)
	if len(uses) != 3 || uses[0][1] != "/w.svg#world" || uses[1][1] != "/w.svg#MA" || uses[2][1] != "/w.svg#dots" {
		t.Errorf("uses %v in\n%s", uses, out)
	}
	if strings.Contains(out, " d=") {
		t.Errorf("shared mode wrote path data:\n%s", out)
	}
	// No links: an image, whose title still names the countries shown.
	if !strings.Contains(out, `role="img"`) || !strings.Contains(out, `<title>MA</title>`) {
		t.Errorf("want role img and the code as title when Name is nil:\n%s", out)
	}
}

func TestDeterministic(t *testing.T) {
	m := World()
	weights := map[string]float64{}
	for i, c := range m.Codes() {
		weights[c] = float64(i%7) / 6
	}
	opt := Options{Title: "x", Weight: weights, URL: func(c string) string { return "/" + c + "/" }}
	a := render(t, m, opt)
	for range 5 {
		// A fresh map holds the same keys in another iteration order.
		w2 := map[string]float64{}
		for k, v := range weights {
			w2[k] = v
		}
		opt.Weight = w2
		if b := render(t, m, opt); !bytes.Equal(a, b) {
			t.Fatal("same input, different output")
		}
	}
}

func TestTitleRequired(t *testing.T) {
	if err := small(t).SVG(io.Discard, Options{}); err == nil {
		t.Error("no title: no error")
	}
}

func TestParseErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no viewBox":   "MA m1 1 1 0z\n",
		"bad viewBox":  "viewBox 0 0 x 1\n",
		"lower code":   "viewBox 0 0 1 1\nma m1 1z\n",
		"markup":       "viewBox 0 0 1 1\nMA m1 1\"/><script>z\n",
		"duplicate":    "viewBox 0 0 1 1\nMA m1 1z\nMA m1 1z\n",
		"missing path": "viewBox 0 0 1 1\nMA\n",
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The embedded map covers every country of the gazetteer but Antarctica,
// which genmap leaves out, and stays small.
func TestWorld(t *testing.T) {
	m := World()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, c := range g.IDs("country") {
		if _, ok := m.Path(c); !ok && c != "AQ" {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no shape for %v", missing)
	}
	var size int
	for _, c := range m.Codes() {
		p, _ := m.Path(c)
		size += len(p)
	}
	if size > 120_000 {
		t.Errorf("%d bytes of path data, over the 120 KB budget", size)
	}
	if p, ok := m.Path("ma"); !ok || p == "" {
		t.Error("lower-case code not found")
	}
	var b bytes.Buffer
	if err := m.WriteSprite(&b); err != nil {
		t.Fatal(err)
	}
	sprite := parseXML(t, b.Bytes())
	ids := map[string]bool{}
	for _, g := range sprite.Children {
		for _, p := range g.Children {
			ids[p.attr("id")] = true
		}
	}
	if len(sprite.Children) != 2 || sprite.Children[0].attr("id") != "world" || sprite.Children[1].attr("id") != "dots" || len(ids) != len(m.Codes()) {
		t.Errorf("sprite: %d groups with %d ids for %d codes", len(sprite.Children), len(ids), len(m.Codes()))
	}
	if last := m.Codes()[len(m.Codes())-1]; !m.dots[last] || m.dots["FR"] || !m.dots["AD"] {
		t.Errorf("drawing order: want the dots (AD) last, FR among the shapes")
	}
	parseXML(t, render(t, m, Options{Title: "Le monde", URL: func(c string) string { return "/" + c }}))
}

// What a country page adds with 20 partners shaded and linked, in shared
// mode; the budget keeps a regression from inlining paths unnoticed.
func TestPageWeight(t *testing.T) {
	m := World()
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	partners := map[string]float64{}
	for i, c := range []string{"FR", "DZ", "SN", "NE", "BF", "CI", "GN", "MR", "US", "CN",
		"RU", "DE", "ES", "BE", "TR", "MA", "EG", "NG", "GB", "CA"} {
		partners[c] = 1 - float64(i)/20
	}
	name := func(c string) string { return g.Country(c).Name("fr") }
	opt := Options{
		Title: "Partenaires du Mali", TitleID: "carte", Name: name, Weight: partners, Focus: "ML",
		URL: func(c string) string {
			if _, ok := partners[c]; ok {
				return "../../relations/" + strings.ToLower("ml-"+c) + "/"
			}
			return ""
		},
		Sprite: "../../world.svg",
	}
	shared := len(render(t, m, opt))
	opt.Sprite = ""
	inline := len(render(t, m, opt))
	t.Logf("a country page with 20 partners adds %d bytes (shared sprite) or %d (inline)", shared, inline)
	if shared > 4000 {
		t.Errorf("shared mode: %d bytes for 20 partners", shared)
	}
}

func Example() {
	var b strings.Builder
	data := "viewBox 0 0 10 10\nML m1 1 4 0 0 4-4 0z\nMA m6 1 3 0 0 3-3 0z\n"
	m, _ := Parse([]byte(data))
	m.SVG(&b, Options{
		Title:  "Partenaires du Mali",
		Name:   func(c string) string { return map[string]string{"ML": "Mali", "MA": "Maroc"}[c] },
		URL:    func(c string) string { return map[string]string{"MA": "/relations/ma-ml/"}[c] },
		Weight: map[string]float64{"MA": 0.7},
		Focus:  "ML",
		Sprite: "/world.svg",
	})
	fmt.Println(b.String())
	// Output:
	// <svg class="map" viewBox="0 0 10 10" role="group" aria-labelledby="map-title" fill="#d9d9d9" stroke="#fff" stroke-width="1" stroke-linejoin="round">
	// <title id="map-title">Partenaires du Mali</title>
	// <use href="/world.svg#world"/>
	// <use href="/world.svg#ML" class="focus"><title>Mali</title></use>
	// <a href="/relations/ma-ml/"><title>Maroc</title><use href="/world.svg#MA" class="s4"/></a>
	// <use href="/world.svg#dots"/>
	// </svg>
}
