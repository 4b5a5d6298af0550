package textdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"paginat", "paginate", 1}, {"kitten", "sitting", 3}, {"mhmtdmrts", "mhmdmrts", 1}} {
		if got := Levenshtein(c.a, c.b); got != c.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestNearest(t *testing.T) {
	ids := []string{"youssouf-kone", "dgsn-ma", "dgsn-dz", "SN"}
	for _, c := range []struct{ s, want string }{
		{"youssuf-kone", "youssouf-kone"},
		{"dgsn-mx", "dgsn-ma"},
		{"dgsn-mz", "dgsn-dz"}, // one edit from both: ties go to the first in byte order
		{"sn", "SN"},           // case is ignored
		{"interpol", ""},       // nothing near
	} {
		if got := Nearest(c.s, ids, 3); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
