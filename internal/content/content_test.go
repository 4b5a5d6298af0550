package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var paris, _ = time.LoadLocation("Europe/Paris")

func opts() Options {
	return Options{
		Defaults: Defaults{Lang: "fr", Location: paris},
		Now:      time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
}

func TestParseGood(t *testing.T) {
	for _, c := range []struct {
		name, file, text string
		check            func(t *testing.T, a *Article)
	}{
		{"toml date", "2025-11-25-mali-maroc.md", "+++\ntitle = \"Mali\"\ndate = 2025-11-25\n+++\nCorps.\n", func(t *testing.T, a *Article) {
			want := time.Date(2025, 11, 25, 0, 0, 0, 0, paris)
			if !a.Date.Equal(want) || a.Slug != "mali-maroc" || a.Lang != "fr" || a.Summary != "Corps." {
				t.Errorf("got date %v slug %q lang %q summary %q", a.Date, a.Slug, a.Lang, a.Summary)
			}
		}},
		{"toml date-time with zone", "a.md", "+++\ntitle = \"A\"\ndate = 2025-11-25T10:30:00+01:00\n+++\n", func(t *testing.T, a *Article) {
			if a.Date.UTC() != time.Date(2025, 11, 25, 9, 30, 0, 0, time.UTC) {
				t.Errorf("date %v", a.Date)
			}
		}},
		{"toml local date-time in site zone", "a.md", "+++\ntitle = \"A\"\ndate = 2025-07-01T10:00:00\n+++\n", func(t *testing.T, a *Article) {
			if a.Date.UTC() != time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC) {
				t.Errorf("date %v, want 10:00 Paris summer time", a.Date)
			}
		}},
		{"date as text", "a.md", "+++\ntitle = \"A\"\ndate = \"2025-11-25\"\n+++\n", func(t *testing.T, a *Article) {
			if a.Date.Day() != 25 {
				t.Errorf("date %v", a.Date)
			}
		}},
		{"yaml", "2024-01-02-sûreté-nationale.md", "---\ntitle: Sûreté\ndate: 2024-01-02\nlang: en\naliases: [/old/one/, old/two]\ncountries: [ML, MA]\nexclude: Interpol\ndraft: false\nrubrique: Afrique\n---\nBody text\non two lines.\n\nSecond.", func(t *testing.T, a *Article) {
			if a.Slug != "surete-nationale" || a.Lang != "en" || a.Date.Year() != 2024 {
				t.Errorf("slug %q lang %q date %v", a.Slug, a.Lang, a.Date)
			}
			if !reflect.DeepEqual(a.Aliases, []string{"old/one", "old/two"}) {
				t.Errorf("aliases %q", a.Aliases)
			}
			if !reflect.DeepEqual(a.Overrides.Countries, []string{"ML", "MA"}) || !reflect.DeepEqual(a.Overrides.Exclude, []string{"Interpol"}) {
				t.Errorf("overrides %+v", a.Overrides)
			}
			if a.Params["rubrique"] != "Afrique" {
				t.Errorf("params %v", a.Params)
			}
			if a.Summary != "Body text on two lines." || !a.SummaryIsLead {
				t.Errorf("summary %q", a.Summary)
			}
		}},
		{"BOM and CRLF", "a.md", "\xef\xbb\xbf+++\r\ntitle = \"A\"\r\ndate = 2025-01-01\r\n+++\r\nCorps.\r\n", func(t *testing.T, a *Article) {
			if a.Title != "A" || a.Summary != "Corps." {
				t.Errorf("title %q summary %q", a.Title, a.Summary)
			}
		}},
		{"explicit slug and summary", "x.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\nslug = \"Mon Slug Été\"\nsummary = \"Résumé.\"\n+++\nCorps.", func(t *testing.T, a *Article) {
			if a.Slug != "mon-slug-ete" || a.Summary != "Résumé." || a.SummaryIsLead {
				t.Errorf("slug %q summary %q lead %v", a.Slug, a.Summary, a.SummaryIsLead)
			}
		}},
		{"body line", "x.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\nCorps.", func(t *testing.T, a *Article) {
			if a.BodyLine != 5 || string(a.Body) != "Corps." {
				t.Errorf("body line %d body %q", a.BodyLine, a.Body)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, errs := Parse(c.file, c.file, []byte(c.text), opts())
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			c.check(t, a)
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // each must appear in the joined messages
	}{
		{"empty", "", []string{"a.md:1: the file is empty"}},
		{"no front matter", "# Titre\n", []string{"a.md:1: no front matter"}},
		{"unterminated toml", "+++\ntitle = \"A\"\n", []string{"a.md:1:", "never closed"}},
		{"malformed toml", "+++\ntitle = \"A\"\ndate = 2025-01-01\nsource = Le Monde\n+++\n", []string{"a.md:4:", "(TOML)", "double quotes"}},
		{"malformed yaml", "---\ntitle: A\ndate: 2025-01-01\n  bad: [\n---\n", []string{"a.md:", "(YAML)"}},
		{"yaml not a mapping", "---\n- a\n- b\n---\n", []string{"a.md:2:", "mapping"}},
		{"wrong date", "+++\ntitle = \"A\"\ndate = \"hier\"\n+++\n", []string{`a.md:3: date: "hier" is not a date`}},
		{"title a number", "+++\ntitle = 3\ndate = 2025-01-01\n+++\n", []string{"a.md:2: title must be text in quotes, not the number 3"}},
		{"missing title and date", "+++\nsource = \"X\"\n+++\n", []string{"title is missing", "date is missing"}},
		{"draft not bool", "+++\ntitle = \"A\"\ndate = 2025-01-01\ndraft = \"yes\"\n+++\n", []string{"a.md:4: draft must be true or false"}},
		{"alias escaping", "+++\ntitle = \"A\"\ndate = 2025-01-01\naliases = [\"../../etc\", \"C:/x\", \"a\\\\b\"]\n+++\n", []string{"must not contain . or ..", "drive", "backslash"}},
		{"slug with slash", "+++\ntitle = \"A\"\ndate = 2025-01-01\nslug = \"a/b\"\n+++\n", []string{"a.md:4: slug \"a/b\" must be a single URL segment"}},
		{"yaml duplicate key", "---\ntitle: A\ntitle: B\ndate: 2025-01-01\n---\n", []string{"a.md:3:", "title"}},
		{"bad lang", "+++\ntitle = \"A\"\ndate = 2025-01-01\nlang = \"Français\"\n+++\n", []string{"a.md:4: lang must be a language code"}},
		{"time alone", "+++\ntitle = \"A\"\ndate = 10:00:00\n+++\n", []string{"a.md:3: date: a time of day alone is not a date"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, errs := Parse("a.md", "a.md", []byte(c.text), opts())
			if len(errs) == 0 {
				t.Fatalf("no error; article %+v", a)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			joined := strings.Join(msgs, "\n")
			for _, w := range c.want {
				if !strings.Contains(joined, w) {
					t.Errorf("messages lack %q:\n%s", w, joined)
				}
			}
		})
	}
}

func TestFileSlug(t *testing.T) {
	for in, want := range map[string]string{
		"2025-11-25-mali-maroc-interpol.md":    "mali-maroc-interpol",
		"sub/2025-11-25_sûreté-nationale.md":   "surete-nationale",
		"Côte d'Ivoire.md":                     "cote-d-ivoire",
		"2025-11-25.md":                        "2025-11-25",
		"L'Œuvre de la Garde côtière.markdown": "l-oeuvre-de-la-garde-cotiere",
	} {
		if got := FileSlug(in); got != want {
			t.Errorf("FileSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanSitePath(t *testing.T) {
	for in, want := range map[string]string{
		"/old/url/":        "old/url",
		"old/url":          "old/url",
		"/old/index.html":  "old",
		"/a//b/":           "a/b",
		"/2025/11/x.html/": "2025/11/x.html",
	} {
		got, err := CleanSitePath(in)
		if err != nil || got != want {
			t.Errorf("CleanSitePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "/", "../x", "a/../../b", "a\\b", "C:/x", "https://evil.example/", "a\x00b", "./a"} {
		if got, err := CleanSitePath(bad); err == nil {
			t.Errorf("CleanSitePath(%q) = %q, want an error", bad, got)
		}
	}
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("2025-01-01-a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\n")
	write("sub/deeper/2025-02-01-b.md", "+++\ntitle = \"B\"\ndate = 2025-02-01\n+++\n")
	write("2025-03-01-draft.md", "+++\ntitle = \"D\"\ndate = 2025-03-01\ndraft = true\n+++\n")
	write("2030-01-01-future.md", "+++\ntitle = \"F\"\ndate = 2030-01-01\n+++\n")
	write(".hidden.md", "not an article")
	write("#emacs.md#", "not an article")
	write("notes.txt", "not an article")
	write("2025-01-01-a.md~", "backup")
	write(".git/x.md", "not an article")
	res, err := Load(dir, opts())
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, a := range res.Articles {
		slugs = append(slugs, a.Slug+"@"+a.File)
	}
	if want := []string{"b@sub/deeper/2025-02-01-b.md", "a@2025-01-01-a.md"}; !reflect.DeepEqual(slugs, want) {
		t.Errorf("articles %v, want %v (newest first)", slugs, want)
	}
	if res.Drafts != 1 || res.Future != 1 {
		t.Errorf("drafts %d future %d", res.Drafts, res.Future)
	}

	write("2025-04-01-bad.md", "+++\ntitle = 1\ndate = 2025-04-01\n+++\n")
	write("2025-04-02-worse.md", "+++\ntitle = \"W\"\n")
	res, err = Load(dir, opts())
	if err == nil || !strings.Contains(err.Error(), "2025-04-01-bad.md:2:") || !strings.Contains(err.Error(), "2025-04-02-worse.md:1:") {
		t.Fatalf("want both bad files reported, got %v", err)
	}
	if len(res.Articles) != 2 {
		t.Errorf("good articles still loaded: %d, want 2", len(res.Articles))
	}
}

// FuzzParse: no input makes the front-matter reader panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\nBody",
		"---\ntitle: A\ndate: 2025-01-01\n---\nBody",
		"---\na: &a [x]\nb: [*a, *a]\n---\n",
		"\xef\xbb\xbf+++\r\n+++\r\n",
		"+++\ntitle = \"\xff\"\n+++\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, errs := Parse("f.md", "f.md", data, opts())
		if a == nil && len(errs) == 0 {
			t.Fatal("no article and no error")
		}
		if a != nil && (a.Title == "" || a.Slug == "" || a.Date.IsZero()) {
			t.Fatalf("article without title, slug or date: %+v", a)
		}
	})
}

// TestIsEditorFile: the temporary and backup files of common tools, and
// not the names of articles or of files an editor would want warned of.
func TestIsEditorFile(t *testing.T) {
	for name, want := range map[string]bool{
		"sedA1b2C3": true, "sed0zZ9qq": true, "4913": true, ".a.md.swp": true, ".a.md.swx": true, "a.md~": true,
		"#a.md#": true, ".#a.md": true, "a.md___jb_tmp___": true, "a.md___jb_old___": true, ".DS_Store": true,
		"a.md.bak": true, "a.md.orig": true, "~$rapport.docx": true, "a.md.crswap": true,
		"a.md": false, "sedition.md": false, "sed12345": false, "sed1234567": false, "notes.txt": false, "4914": false,
	} {
		if got := IsEditorFile(name); got != want {
			t.Errorf("IsEditorFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestGuessLang: French and English articles are told apart by their
// words; a text too short to tell takes the fallback.
func TestGuessLang(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Le directeur général de la police nationale du Mali, Youssouf Koné, a salué la coopération avec le Maroc lors de l'Assemblée.", "fr"},
		{"Benin raised the death toll from the attack to 54 soldiers, the government said on Thursday, after the army was hit.", "en"},
		{"Interpol : Marrakech 2025", "xx"},
		{"", "xx"},
		{"Le Mali and the Maroc", "xx"},
	} {
		if got := GuessLang(c.text, "xx"); got != c.want {
			t.Errorf("GuessLang(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDefaultLangGuessed: with no default language, an article without
// lang is in the language of its text; lang in the front matter decides.
func TestDefaultLangGuessed(t *testing.T) {
	opts := Options{Defaults: Defaults{FallbackLang: "en", Location: time.UTC}}
	for _, c := range []struct{ text, want string }{
		{"+++\ntitle = \"Sahel\"\ndate = 2025-01-01\n+++\nLe ministre a reçu la délégation dans la capitale pour une réunion sur la sécurité.\n", "fr"},
		{"+++\ntitle = \"Sahel\"\ndate = 2025-01-01\n+++\nThe minister received the delegation in the capital for a meeting on security with the army.\n", "en"},
		{"+++\ntitle = \"Sahel\"\ndate = 2025-01-01\nlang = \"en\"\n+++\nLe ministre a reçu la délégation dans la capitale pour une réunion sur la sécurité.\n", "en"},
		{"+++\ntitle = \"Sahel\"\ndate = 2025-01-01\n+++\nSahel.\n", "en"},
	} {
		a, errs := Parse("a.md", "a.md", []byte(c.text), opts)
		if len(errs) > 0 || a.Lang != c.want {
			t.Errorf("%q: lang %q %v, want %q", c.text, a.Lang, errs, c.want)
		}
	}
}
