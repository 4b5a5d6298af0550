package markdown

import (
	"strings"
	"testing"
)

func TestFrenchSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Pourquoi ?", "Pourquoi\u202f?"},
		{"Attention !", "Attention\u202f!"},
		{"un ; deux", "un\u202f; deux"},
		{"Il a dit : oui", "Il a dit\u00a0: oui"},
		{"« Bonjour »", "«\u202fBonjour\u202f»"},
		{"«Bonjour»", "«\u202fBonjour\u202f»"},
		{"«\u00a0Bonjour\u00a0»", "«\u202fBonjour\u202f»"},
		{"à 10:30 sur http://x", "à 10:30 sur http://x"},
		{"Quoi?!", "Quoi?!"},
		{"rien", "rien"},
	} {
		if got := string(FrenchSpaces([]byte(c.in))); got != c.want {
			t.Errorf("FrenchSpaces(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func render(t *testing.T, c *Converter, lang, src string) string {
	t.Helper()
	h, err := c.Parse(lang, []byte(src)).HTML()
	if err != nil {
		t.Fatal(err)
	}
	return string(h)
}

func TestHTML(t *testing.T) {
	safe := New(Options{})
	unsafe := New(Options{Unsafe: true})
	for _, c := range []struct {
		name      string
		conv      *Converter
		lang, src string
		want      []string
		notWant   []string
	}{
		{"french typography across nodes", safe, "fr", `Il a parlé de "coopération" !`, []string{"«\u202fcoopération\u202f»\u202f!"}, nil},
		{"french apostrophe", safe, "fr", "l'Assemblée", []string{"l’Assemblée"}, nil},
		{"no french spacing in code", safe, "fr", "`a ; b` et `x ?`", []string{"<code>a ; b</code>", "<code>x ?</code>"}, nil},
		{"english typography", safe, "en", `He said "yes" -- twice...`, []string{"“yes”", "–", "…"}, []string{"\u202f"}},
		{"raw html dropped", safe, "fr", "<script>alert(1)</script>\n\ntexte <b>gras</b>", []string{"raw HTML omitted"}, []string{"<script>", "<b>"}},
		{"raw html kept when unsafe", unsafe, "fr", "texte <b>gras</b>", []string{"<b>gras</b>"}, nil},
		{"javascript link dropped", safe, "fr", "[x](javascript:alert(1))", []string{`<a href="">x</a>`}, []string{"javascript:"}},
		{"table", safe, "fr", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
		{"footnote", safe, "fr", "Texte[^1].\n\n[^1]: Note.", []string{`class="footnote-ref"`, "Note."}, nil},
		{"heading ids folded and unique", safe, "fr", "## À l'Assemblée\n\n## À l'Assemblée", []string{`id="a-l-assemblee"`, `id="a-l-assemblee-1"`}, nil},
		{"autolink", safe, "en", "see https://example.org now", []string{`<a href="https://example.org">`}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.conv, c.lang, c.src)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
		})
	}
}
