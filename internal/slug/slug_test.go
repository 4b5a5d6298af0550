package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	for in, want := range map[string]string{
		"Sûreté":                    "surete",
		"Côte d'Ivoire":             "cote-d-ivoire",
		"  Youssouf  Koné ":         "youssouf-kone",
		"Œuvre & Cœur":              "oeuvre-coeur",
		"Straße":                    "strasse",
		"Al-Raïsi":                  "al-raisi",
		"Titre de l’article":        "titre-de-l-article",
		"中文":                        "",
		"93e Assemblée générale":    "93e-assemblee-generale",
		"---":                       "",
		"São Tomé-et-Príncipe 2025": "sao-tome-et-principe-2025",
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	if got := Fold("Égypte, Émirats, Tchéquie, Løkken"); got != "Egypte, Emirats, Tchequie, Lokken" {
		t.Errorf("Fold = %q", got)
	}
}

// FuzzMake: a slug is always a clean URL segment, whatever the text.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Sûreté nationale", "../../etc/passwd", "C:\\Windows", "a\x00b", "\xff\xfe", "Œuvre", "中文", "---"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		for i := 0; i < len(got); i++ {
			c := got[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				t.Fatalf("Make(%q) = %q holds %q", s, got, c)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Make(%q) = %q has stray hyphens", s, got)
		}
		if Make(got) != got {
			t.Fatalf("Make is not idempotent on %q: %q", got, Make(got))
		}
	})
}
