package extract

import (
	"slices"
	"testing"
)

// themeCase is a sentence of its own (names invented) and the themes it
// must and must not bring.
type themeCase struct {
	lang, text string
	want, not  []string
}

func checkThemes(t *testing.T, cases []themeCase) {
	t.Helper()
	for _, c := range cases {
		r := run(t, c.lang, c.text)
		got := ids(r.Themes)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: missing %s (got %v)", c.text, w, got)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: unwanted %s (got %v)", c.text, n, got)
			}
		}
	}
}

// A trigger inside an agency's name is the body's name, not the subject.
func TestThemesNotFromAgencyNames(t *testing.T) {
	checkThemes(t, []themeCase{
		{"fr", "Le Centre de lutte contre le terrorisme de l'Union africaine a accueilli une réunion sur la pêche artisanale.", nil, []string{"terrorism"}},
		{"en", "The African Union Counter Terrorism Centre hosted a meeting of finance officials on budget rules.", nil, []string{"terrorism"}},
		{"fr", "Un responsable de l'Office des Nations unies contre la drogue et le crime a présenté le budget.", nil, []string{"drug-trafficking"}},
		{"fr", "Frontex a publié ses chiffres annuels.", []string{"border-security"}, nil},
		{"fr", "Le GIABA a adopté son rapport.", []string{"money-laundering"}, nil},
		{"fr", "Le Centre de lutte contre le terrorisme de l'Union africaine a réuni des experts de la lutte contre le terrorisme.", []string{"terrorism"}, nil},
	})
}
