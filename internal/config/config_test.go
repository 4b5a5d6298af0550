package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultsWhenAbsent(t *testing.T) {
	cfg, err := Load(filepath.Join(t.TempDir(), "config.toml"), true)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Language != "fr" || cfg.Output != "public" || cfg.Paginate != 10 || cfg.Sections.Articles != "articles" || cfg.BaseURL != "/" {
		t.Errorf("defaults: %+v", cfg)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "config.toml"), false); err == nil {
		t.Error("a config named on the command line must exist")
	}
}

func TestParse(t *testing.T) {
	cfg, err := Parse("config.toml", []byte(`
title = "Digest"
baseURL = "https://example.org/sub"
language = "en"
paginate = 5
timeZone = "Africa/Casablanca"
[sections]
articles = "news"
[markdown]
unsafe = true
[params]
anything = { nested = [1, 2] }
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://example.org/sub/" || cfg.Language != "en" || cfg.Paginate != 5 ||
		cfg.Sections.Articles != "news" || cfg.Sections.Page != "page" || !cfg.Markdown.Unsafe ||
		cfg.Location.String() != "Africa/Casablanca" || cfg.Params["anything"] == nil {
		t.Errorf("parsed: %+v", cfg)
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"unknown key with suggestion", "title = \"x\"\npaginat = 3\n", `config.toml:2: unknown key "paginat" (did you mean "paginate"?)`},
		{"unknown nested key", "[sections]\nartcles = \"x\"\n", `config.toml:2: unknown key "sections.artcles" (did you mean "sections.articles"?)`},
		{"unknown key far from any", "colour = \"red\"\n", `config.toml:1: unknown key "colour"`},
		{"syntax", "title = Digest\n", "config.toml:1:"},
		{"wrong type", "paginate = \"ten\"\n", "config.toml:1:"},
		{"bad language", "language = \"de\"\n", `language "de" is not one of en, fr`},
		{"bad paginate", "paginate = 0\n", "paginate must be at least 1"},
		{"bad article language", "title = \"x\"\ndefaultArticleLanguage = \"de\"\n", `config.toml:2: defaultArticleLanguage "de" is not one of en, fr, auto`},
		{"article language misspelt", "defaultArticleLanguge = \"fr\"\n", `(did you mean "defaultArticleLanguage"?)`},
		{"bad zone", "timeZone = \"Mars/Olympus\"\n", `timeZone "Mars/Olympus" is not an IANA time zone`},
		{"a city for a zone", "timeZone = \"Paris\"\n", `(did you mean "Europe/Paris"?)`},
		{"a city in lower case, with a space", "timeZone = \"new york\"\n", `(did you mean "America/New_York"?)`},
		{"bad section", "[sections]\narticles = \"a/b\"\n", `sections.articles "a/b" must be one path segment`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("config.toml", []byte(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestLoadFromDisk(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("title = \"On disk\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(p, false)
	if err != nil || cfg.Title != "On disk" {
		t.Fatalf("%v %+v", err, cfg)
	}
}

// TestOneMistakeOneMessage checks that an unknown language gives one
// message, not one per section whose default it decides.
func TestOneMistakeOneMessage(t *testing.T) {
	_, err := Parse("config.toml", []byte("language = \"de\"\n"))
	if err == nil {
		t.Fatal("no error")
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 1 || !strings.HasPrefix(err.Error(), "config.toml:1: language") {
		t.Errorf("%d messages for one mistake: %v", n, err)
	}
}

// TestLanguageSettings: the site's language and the default language of
// articles are two settings; the second is read from the text unless set.
func TestLanguageSettings(t *testing.T) {
	for _, c := range []struct{ text, ui, articles string }{
		{"", "fr", Auto},
		{"language = \"en\"\n", "en", Auto},
		{"language = \"en\"\ndefaultArticleLanguage = \"FR\"\n", "en", "fr"},
		{"defaultArticleLanguage = \"auto\"\n", "fr", Auto},
	} {
		cfg, err := Parse("config.toml", []byte(c.text))
		if err != nil || cfg.Language != c.ui || cfg.DefaultArticleLanguage != c.articles {
			t.Errorf("%q: %v, language %q, defaultArticleLanguage %q; want %q, %q", c.text, err, cfg.Language, cfg.DefaultArticleLanguage, c.ui, c.articles)
		}
	}
}

// TestSetBaseURL: --baseURL takes an absolute http(s) address or a path.
func TestSetBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/digest": "https://example.org/digest/", "http://localhost:1313/": "http://localhost:1313/",
		"/digest": "/digest/", "example.org": "", "ftp://example.org/": "", "https://": "", "https://x.org/?a=1": "",
	} {
		cfg := Default()
		err := cfg.SetBaseURL(in)
		if want == "" && err == nil || want != "" && (err != nil || cfg.BaseURL != want) {
			t.Errorf("SetBaseURL(%q): %v, %q; want %q", in, err, cfg.BaseURL, want)
		}
	}
}
