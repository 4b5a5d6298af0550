package plaintext

import "testing"

func TestLead(t *testing.T) {
	for _, x := range []struct{ src, want string }{
		{"# Titre\n\nPremier *paragraphe*\nsur deux lignes.\n\nSecond.", "Premier paragraphe sur deux lignes."},
		{"> cité\n\nAprès.", "cité"},
		{"", ""},
		{"Voir https://example.org ici.", "Voir https://example.org ici."},
		{"Un `code` ici.", "Un ici."},
	} {
		if got := ParseBody([]byte(x.src)).Lead; got != x.want {
			t.Errorf("Lead(%q) = %q, want %q", x.src, got, x.want)
		}
	}
}

func TestLocate(t *testing.T) {
	body := "Un *rapport* sur le **Mali**\net le Maroc, voir https://x.example."
	d := New("Sénégal", "Résumé", ParseBody([]byte(body)))
	for _, c := range []struct {
		word  string
		field Field
		src   string
	}{{"Sénégal", FieldTitle, "Sénégal"}, {"Résumé", FieldSummary, "Résumé"}, {"Mali", FieldBody, body}, {"Maroc", FieldBody, body}} {
		i := indexOf(d.Text, c.word)
		if i < 0 {
			t.Fatalf("%q not in %q", c.word, d.Text)
		}
		loc := d.Locate(i, i+len(c.word))
		if loc.Field != c.field || c.src[loc.Start:loc.End] != c.word {
			t.Errorf("%s: %+v", c.word, loc)
		}
	}
	if indexOf(d.Text, "example") >= 0 {
		t.Error("a URL was read as text")
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
