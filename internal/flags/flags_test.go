package flags

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"digest/internal/gazetteer"
)

// rootOf parses an SVG and returns its root element, failing on markup
// that is not well-formed XML.
func rootOf(t *testing.T, code string, svg []byte) xml.StartElement {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	var root *xml.StartElement
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v", code, err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == nil {
			root = &se
		}
	}
	if root == nil {
		t.Fatalf("%s: no root element", code)
	}
	return *root
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestKnownFlag(t *testing.T) {
	svg, ok := SVG("MA")
	if !ok {
		t.Fatal("no flag for MA")
	}
	root := rootOf(t, "MA", svg)
	if root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("root %v, want svg in the SVG namespace", root.Name)
	}
	if vb := attr(root, "viewBox"); vb != "0 0 640 480" {
		t.Errorf("viewBox %q, want 0 0 640 480", vb)
	}
	if !bytes.Contains(svg, []byte(`fill="#c1272d"`)) {
		t.Errorf("MA's flag lacks its red: %s", svg)
	}
}

func TestCase(t *testing.T) {
	upper, ok1 := SVG("ML")
	lower, ok2 := SVG("ml")
	if !ok1 || !ok2 || !bytes.Equal(upper, lower) {
		t.Error("ML and ml differ")
	}
	if Path("ML") != "flags/ml.svg" || Path("ml") != "flags/ml.svg" {
		t.Errorf("Path(ML) = %q", Path("ML"))
	}
}

func TestUnknown(t *testing.T) {
	for _, c := range []string{"ZZ", "", "M", "MAR", "../ma", "m/"} {
		if _, ok := SVG(c); ok {
			t.Errorf("SVG(%q) found a flag", c)
		}
		if Has(c) || Path(c) != "" {
			t.Errorf("Has/Path(%q) found a flag", c)
		}
	}
}

func TestFiles(t *testing.T) {
	got := Files([]string{"MA", "ml", "ZZ", "ma"})
	if len(got) != 2 || got["flags/ma.svg"] == nil || got["flags/ml.svg"] == nil {
		keys := []string{}
		for k := range got {
			keys = append(keys, k)
		}
		t.Errorf("Files = %v, want flags/ma.svg and flags/ml.svg", keys)
	}
}

var unsafe = regexp.MustCompile(`(?i)<script|<foreignObject|\son[a-z]+=|href="(https?:|//|javascript:)`)

// Every country of the gazetteer has a flag or an entry in Exceptions, and
// every flag is well-formed, 4:3, minified, and self-contained (a flag is
// served as a file of its own: no script, nothing fetched).
func TestAllCountries(t *testing.T) {
	g, err := gazetteer.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range g.IDs("country") {
		svg, ok := SVG(code)
		_, excused := Exceptions[code]
		switch {
		case !ok && !excused:
			t.Errorf("%s: no flag and not in Exceptions", code)
			continue
		case ok && excused:
			t.Errorf("%s: has a flag, so leave it out of Exceptions", code)
		case !ok:
			continue
		}
		root := rootOf(t, code, svg)
		if vb := attr(root, "viewBox"); vb != "0 0 640 480" {
			t.Errorf("%s: viewBox %q", code, vb)
		}
		if unsafe.Match(svg) {
			t.Errorf("%s: script, event handler or outside link: %s", code, unsafe.Find(svg))
		}
		if bytes.Contains(svg, []byte(">\n")) || attr(root, "id") != "" {
			t.Errorf("%s: not minified", code)
		}
	}
	for code := range Exceptions {
		if g.Country(code) == nil {
			t.Errorf("Exceptions lists %s, which is no country of the gazetteer", code)
		}
	}
	entries, err := files.ReadDir("4x3")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		code := strings.ToUpper(strings.TrimSuffix(e.Name(), ".svg.gz"))
		if g.Country(code) == nil {
			t.Errorf("%s: a flag for no country of the gazetteer", e.Name())
		}
	}
}
