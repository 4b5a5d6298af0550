package config

import (
	"slices"
	"strings"
	"testing"
)

func TestLanguages(t *testing.T) {
	c, err := Parse("config.toml", []byte("language = \"fr\"\nlanguages = [\"fr\", \"EN\"]\n[sections]\ncountries = \"etats\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Multilingual() || !slices.Equal(c.SiteLanguages(), []string{"fr", "en"}) {
		t.Fatalf("languages: %v, %v", c.Multilingual(), c.SiteLanguages())
	}
	if fr := c.ForLanguage("fr"); fr != c || fr.Prefix != "" {
		t.Errorf("the default language's view is not the config itself at the root: %+v", fr)
	}
	en := c.ForLanguage("en")
	if en.Language != "en" || en.Prefix != "en/" || en.Sections.Countries != "countries" || en.Sections.Officials != "officials" {
		t.Errorf("the English view: %q, %q, %+v", en.Language, en.Prefix, en.Sections)
	}
	if c.Sections.Countries != "etats" || c.Language != "fr" {
		t.Errorf("ForLanguage changed the config: %+v", c.Sections)
	}
	sub, err := Parse("config.toml", []byte("language = \"en\"\nlanguages = [\"fr\", \"en\"]\ndefaultLanguageInSubdir = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if v := sub.ForLanguage("en"); v.Prefix != "en/" || v.Sections.Countries != "countries" {
		t.Errorf("defaultLanguageInSubdir: %q, %+v", v.Prefix, v.Sections)
	}
	if got := sub.SiteLanguages(); !slices.Equal(got, []string{"en", "fr"}) {
		t.Errorf("the default language first: %v", got)
	}
	one, err := Parse("config.toml", []byte("languages = [\"fr\"]\n"))
	if err != nil || one.Multilingual() || one.ForLanguage("fr") != one {
		t.Errorf("one language is a site of one language: %v", err)
	}

	for _, c := range []struct{ text, want string }{
		{"languages = [\"fr\", \"de\"]\n", `languages: "de" is not one of en, fr`},
		{"languages = [\"fr\", \"fr\"]\n", `languages: "fr" is given twice`},
		{"language = \"en\"\nlanguages = [\"fr\"]\n", `language "en" (the default language) is not one of languages = [fr]`},
		{"langages = [\"fr\"]\n", `did you mean "languages"?`},
	} {
		_, err := Parse("config.toml", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v; want %q", c.text, err, c.want)
		}
	}
}
