package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

func TestMinify(t *testing.T) {
	in := "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"flag-icons-ma\" viewBox=\"0 0 640 480\">\n  <path fill=\"#c1272d\" d=\"M640 0H0v480h640z\"/>\n</svg>\n"
	want := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><path fill="#c1272d" d="M640 0H0v480h640z"/></svg>`
	if got := string(Minify([]byte(in))); got != want {
		t.Errorf("Minify = %s, want %s", got, want)
	}
	// An id inside the flag is kept: a <use> may point at it.
	in = `<svg id="flag-icons-gb-eng"><g id="a"/></svg>`
	if got := string(Minify([]byte(in))); got != `<svg><g id="a"/></svg>` {
		t.Errorf("Minify = %s", got)
	}
	// Text properties go from paths, not from the text they belong to.
	in = `<svg><path fill="red" font-size="12" overflow="visible" d="M0 0z"/><text font-size="12">x</text></svg>`
	if got := string(Minify([]byte(in))); got != `<svg><path fill="red" d="M0 0z"/><text font-size="12">x</text></svg>` {
		t.Errorf("Minify = %s", got)
	}
}

func TestGzip(t *testing.T) {
	a, err := Gzip([]byte("<svg/>"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Gzip([]byte("<svg/>"))
	if !bytes.Equal(a, b) {
		t.Error("not deterministic")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if string(got) != "<svg/>" || !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("round trip %q, header %v %q", got, zr.ModTime, zr.Name)
	}
}
