// Package geo draws the digest's world map as inline SVG: one path per
// country, keyed by ISO 3166-1 alpha-2 code, shaded and linked per page.
//
// The shapes are world.txt, embedded, made by cmd/genmap from Natural Earth
// (public domain) as the npm package world-atlas ships it (ISC licence,
// LICENSE-world-atlas); world.txt's header notes the sources and choices.
// To regenerate it, from the repository's root:
//
//	tmp=$(mktemp -d)
//	npm pack --pack-destination "$tmp" world-atlas@2.0.2 cldr-core@48.2.0
//	tar -xzf "$tmp"/world-atlas-2.0.2.tgz -C "$tmp" package/countries-50m.json
//	tar -xzf "$tmp"/cldr-core-48.2.0.tgz -C "$tmp" package/supplemental/codeMappings.json
//	go run ./cmd/genmap -topo "$tmp"/package/countries-50m.json \
//		-cldr "$tmp"/package/supplemental/codeMappings.json -out internal/geo/world.txt
//
// A page can carry the map in two ways (Options.Sprite):
//
//   - inline: every country's path in the page (about 50 KB): for a page
//     or two, such as the home page, or a page read offline;
//   - shared: the paths once in a file written by WriteSprite, referenced
//     with <use href="world.svg#MA">; a page then holds only the countries
//     it shades or links, about 110 bytes each. External <use> needs the
//     site served over http(s): browsers refuse it from file: URLs.
//
// Either way every country drawn on its own is a link when the page gives
// it a URL, with its name as <title>, and the map needs no script. Colours
// come from CSS (the CSS constant); without it the map is a grey world.
// The page should also give the map's content as text (the ranked list of
// partners): a map is no way to read numbers.
//
// Every country of the gazetteer has a shape but Antarctica (AQ), left out
// to save a third of the height; the smallest (78 of them) are circles.
package geo

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed world.txt
var worldData []byte

// Map is a set of country shapes in one view box.
type Map struct {
	width, height int
	codes         []string // in drawing order: shapes, then dots
	paths         map[string]string
	dots          map[string]bool // small countries drawn as a circle, on top
}

var world = sync.OnceValue(func() *Map {
	m, err := Parse(worldData)
	if err != nil {
		panic("geo: embedded world.txt: " + err.Error()) // tested
	}
	return m
})

// World is the embedded world map.
func World() *Map { return world() }

var (
	codeRE = regexp.MustCompile(`^[A-Z]{2}$`)
	// Only path data: numbers, spaces and the commands genmap writes, so
	// that nothing in the file can break out of a d attribute.
	pathRE = regexp.MustCompile(`^[mMlLaAzZ0-9 .\-]+$`)
)

// Parse reads a map in world.txt's format: comment lines starting with #,
// a line "viewBox 0 0 W H", lines "CODE path", then optionally a line
// "dots" and more such lines, for the countries drawn as circles: those go
// on top, so that a shaded Spain does not hide Andorra.
func Parse(data []byte) (*Map, error) {
	m := &Map{paths: map[string]string{}, dots: map[string]bool{}}
	inDots := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, _ := strings.Cut(line, " ")
		switch {
		case line == "dots" && !inDots:
			inDots = true
		case key == "viewBox":
			if _, err := fmt.Sscanf(val, "0 0 %d %d", &m.width, &m.height); err != nil || m.width <= 0 || m.height <= 0 {
				return nil, fmt.Errorf("line %d: viewBox %q, want \"0 0 W H\"", n, val)
			}
		case codeRE.MatchString(key) && pathRE.MatchString(val):
			if _, dup := m.paths[key]; dup {
				return nil, fmt.Errorf("line %d: %s again", n, key)
			}
			m.paths[key] = val
			m.dots[key] = inDots
			m.codes = append(m.codes, key)
		default:
			return nil, fmt.Errorf("line %d: want \"CODE path\" (code: two capitals; path: m, l, a, z and numbers)", n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if m.width == 0 {
		return nil, fmt.Errorf("no viewBox line")
	}
	return m, nil
}

// Codes are the map's country codes, in drawing order.
func (m *Map) Codes() []string { return append([]string(nil), m.codes...) }

// Path is a country's SVG path data.
func (m *Map) Path(code string) (string, bool) {
	p, ok := m.paths[strings.ToUpper(code)]
	return p, ok
}

// ViewBox is the map's viewBox attribute.
func (m *Map) ViewBox() string { return fmt.Sprintf("0 0 %d %d", m.width, m.height) }

// Classes is the number of shading classes, s1 (lightest) to s5.
const Classes = 5

// Class is the shading class of a weight in 0..1: "" for 0 or less (or
// NaN), else s1 for (0, 0.2], s2 for (0.2, 0.4], …, s5 for (0.8, 1] and above.
func Class(weight float64) string {
	if !(weight > 0) {
		return ""
	}
	c := int(math.Ceil(weight * Classes))
	return "s" + strconv.Itoa(min(max(c, 1), Classes))
}

// Weights turns counts (say, articles shared with each partner) into
// weights for Options.Weight: log(1+n)/log(1+max), so that one partner with
// many articles does not leave all the others in the lightest class.
func Weights(counts map[string]int) map[string]float64 {
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	w := make(map[string]float64, len(counts))
	for c, n := range counts {
		if n > 0 {
			w[c] = math.Log1p(float64(n)) / math.Log1p(float64(top))
		}
	}
	return w
}

// Options shape one drawing of a map.
type Options struct {
	// Title is the map's accessible name, e.g. "Partenaires du Mali";
	// required. TitleID is the id of its <title> element, referenced by
	// aria-labelledby, unique in the page (default "map-title").
	Title, TitleID string
	// Name gives a country's name for its <title>; nil, or "", uses the code.
	Name func(code string) string
	// URL gives a country's link; nil, or "", draws it without one.
	URL func(code string) string
	// Weight shades countries by Class(weight); codes not in the map are
	// ignored.
	Weight map[string]float64
	// Focus is the page's own country, drawn in the "focus" class.
	Focus string
	// Sprite is the URL of the file WriteSprite wrote, as seen from the
	// page (e.g. "../../world.svg"). With it, the page draws the world as
	// one <use> of it and adds a <use> only for the countries it shades,
	// focuses or links; without it, every path is written inline.
	Sprite string
	// Class is the <svg>'s class attribute (default "map"), which CSS
	// styles.
	Class string
}

// SVG writes the map as an inline <svg> element for an HTML page.
//
// With links in it, the <svg> is role="group", so that assistive
// technologies reach them (role="img" would hide them: an image's children
// are presentational); without, role="img". Both are named by the <title>.
// A country drawn on its own is its shape with a <title>, or, when it has
// a URL, an <a> holding the <title> and the shape. The same options give the same bytes.
func (m *Map) SVG(w io.Writer, opt Options) error {
	if opt.Title == "" {
		return fmt.Errorf("geo: a map needs a title")
	}
	id := cmp.Or(opt.TitleID, "map-title")
	class := cmp.Or(opt.Class, "map")
	focus := strings.ToUpper(opt.Focus)
	weight := make(map[string]float64, len(opt.Weight))
	for c, v := range opt.Weight {
		weight[strings.ToUpper(c)] = v
	}
	url := func(c string) string {
		if opt.URL == nil {
			return ""
		}
		return opt.URL(c)
	}
	name := func(c string) string {
		if opt.Name != nil {
			if n := opt.Name(c); n != "" {
				return n
			}
		}
		return c
	}
	type item struct{ code, class, href string }
	var items []item
	links := false
	for _, c := range m.codes {
		it := item{code: c, class: Class(weight[c]), href: url(c)}
		if c == focus {
			it.class = "focus"
		}
		if opt.Sprite != "" && it.class == "" && it.href == "" {
			continue // drawn by the shared background
		}
		links = links || it.href != ""
		items = append(items, it)
	}
	role := "img"
	if links {
		role = "group"
	}

	var b bytes.Buffer
	esc := html.EscapeString
	// Presentation attributes give the grey world and its white borders
	// even without the site's CSS, which overrides them.
	fmt.Fprintf(&b, `<svg class="%s" viewBox="%s" role="%s" aria-labelledby="%s" fill="#d9d9d9" stroke="#fff" stroke-width="1" stroke-linejoin="round">`,
		esc(class), m.ViewBox(), role, esc(id))
	fmt.Fprintf(&b, "\n<title id=\"%s\">%s</title>\n", esc(id), esc(opt.Title))
	// Shapes, then dots over them; in shared mode each layer starts with
	// the sprite's group of that kind, and the page's countries go over it.
	for _, dots := range []bool{false, true} {
		if opt.Sprite != "" {
			fmt.Fprintf(&b, "<use href=\"%s#%s\"/>\n", esc(opt.Sprite), group[dots])
		}
		for _, it := range items {
			if m.dots[it.code] != dots {
				continue
			}
			cls := ""
			if it.class != "" {
				cls = ` class="` + it.class + `"`
			}
			open, end := "<use href=\""+esc(opt.Sprite)+"#"+it.code+"\"", "</use>"
			if opt.Sprite == "" {
				open, end = "<path d=\""+m.paths[it.code]+"\"", "</path>"
			}
			title := "<title>" + esc(name(it.code)) + "</title>"
			if it.href != "" {
				// The link's <title> names it; the shape inside is only drawn.
				fmt.Fprintf(&b, "<a href=\"%s\">%s%s%s/></a>\n", esc(it.href), title, open, cls)
			} else {
				fmt.Fprintf(&b, "%s%s>%s%s\n", open, cls, title, end)
			}
		}
	}
	b.WriteString("</svg>")
	_, err := w.Write(b.Bytes())
	return err
}

// group names the sprite's two groups, shapes and dots.
var group = map[bool]string{false: "world", true: "dots"}

// WriteSprite writes the standalone SVG file that SVG's Sprite option
// refers to: every country a <path> whose id is its code, the shapes in
// the group "world" and the circles in the group "dots", which a page
// draws in that order with its own countries over each. It sets no
// colours: a <use> passes its own on to the shapes.
func (m *Map) WriteSprite(w io.Writer) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%s\">\n", m.ViewBox())
	b.WriteString("<!-- Country shapes: Natural Earth (public domain), via world-atlas (ISC licence, (c) Michael Bostock). -->\n")
	for _, dots := range []bool{false, true} {
		fmt.Fprintf(&b, "<g id=\"%s\">\n", group[dots])
		for _, c := range m.codes {
			if m.dots[c] == dots {
				fmt.Fprintf(&b, "<path id=\"%s\" d=\"%s\"/>\n", c, m.paths[c])
			}
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// CSS styles maps drawn with the default class: a sequential blue scale
// for s1–s5 (ColorBrewer's "Blues", its lightest step left out so that s1
// still stands out from the grey), an orange for the page's own country,
// and a hover state for links.
const CSS = `.map{display:block;width:100%;height:auto;fill:#d9d9d9;stroke:#fff;stroke-width:1;stroke-linejoin:round}
.map .s1{fill:#c6dbef}.map .s2{fill:#9ecae1}.map .s3{fill:#6baed6}.map .s4{fill:#3182bd}.map .s5{fill:#08519c}
.map .focus{fill:#e6550d}
.map a:hover>*,.map a:focus>*{fill:#fdae6b}
.map a:focus-visible{outline:2px solid #000}
`
