package slug

import "testing"

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
