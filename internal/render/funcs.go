package render

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"

	"digest/internal/index"
	"digest/internal/markdown"
)

//go:embed i18n/*.toml
var builtinStrings embed.FS

// Strings are the UI strings by language, then key.
type Strings map[string]map[string]string

// LoadStrings reads the built-in UI strings, then the site's i18n/*.toml
// from site (nil for none), whose keys replace the built-in ones.
func LoadStrings(site fs.FS) (Strings, error) {
	s := Strings{}
	if err := s.load(builtinStrings, "i18n", "(built-in) i18n"); err != nil {
		return nil, err
	}
	if site != nil {
		if err := s.load(site, ".", "i18n"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s Strings) load(fsys fs.FS, dir, shown string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil // no folder, nothing to override
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".toml" {
			continue
		}
		lang := strings.TrimSuffix(e.Name(), ".toml")
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		m := map[string]string{}
		if _, err := toml.Decode(string(b), &m); err != nil {
			return fmt.Errorf("%s/%s: %v", shown, e.Name(), err)
		}
		if s[lang] == nil {
			s[lang] = map[string]string{}
		}
		for k, v := range m {
			s[lang][k] = v
		}
	}
	return nil
}

// Get is the string key in lang, falling back to English, then to the key
// itself so that a missing string shows where it is missing.
func (s Strings) Get(lang, key string, args ...any) string {
	v, ok := s[lang][key]
	if !ok {
		if v, ok = s["en"][key]; !ok {
			return key
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(v, args...)
	}
	return v
}

var months = map[string][12]string{
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// FormatDate writes a date the way the language does: "25 novembre 2025",
// "1er mai 2025", "25 November 2025". Other languages get the ISO form.
func FormatDate(lang string, t time.Time) string {
	base, _, _ := strings.Cut(lang, "-")
	m, ok := months[base]
	if !ok {
		return t.Format("2006-01-02")
	}
	day := fmt.Sprint(t.Day())
	if base == "fr" && t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, m[t.Month()-1], t.Year())
}

// MonthName writes a month of a year in lang: "novembre 2025".
func MonthName(lang string, year int, month time.Month) string {
	base, _, _ := strings.Cut(lang, "-")
	m, ok := months[base]
	if !ok {
		m = months["en"]
	}
	return fmt.Sprintf("%s %d", m[month-1], year)
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// date formats t in the language lang.
		"date": FormatDate,
		// isoDate is the machine-readable form for <time datetime>.
		"isoDate": func(t time.Time) string { return t.Format("2006-01-02") },
		"rfc3339": func(t time.Time) string { return t.Format(time.RFC3339) },
		// absURL is a site path made absolute from baseURL.
		"absURL": func(p string) string { return r.site.BaseURL + strings.TrimPrefix(p, "/") },
		// T is a UI string in a given language (pages have .T for the site's).
		"T": func(lang, key string, args ...any) string { return r.strings.Get(lang, key, args...) },
		// typo applies the typography of lang to plain text (titles,
		// summaries): French no-break spaces before : ; ! ? and inside « ».
		"typo": Typography,
		// card is an article's card on this page (partials/article-card.html,
		// rendered once per article).
		"card": r.Card,
		// articleLink is an article's link and date on this page
		// (partials/article-link.html, rendered once per article).
		"articleLink": r.ArticleLink,
		// chip is an entity's link on this page (partials/chip.html,
		// rendered once per entity and depth).
		"chip": r.Chip,
		// rel is .RelURL as a function ({{rel . "path"}}): templates call
		// functions faster than methods.
		"rel": func(p *Page, target string) string { return p.RelURL(target) },
		// partialCached renders a partial once per list of variant values:
		// {{partialCached "partials/header.html" . .Section (.RelURL "")}}.
		"partialCached": r.PartialCached,
		// dict builds a map from key/value pairs, to pass several values to a partial.
		"dict": dict,
		// plural is the plural of a kind of entity, for UI string keys.
		"plural": index.Plural,
		// monthName writes a month of a year: "novembre 2025".
		"monthName": MonthName,
		// shared lists what two articles both name (at most n): why one
		// is related to the other.
		"shared": SharedWith,
		"upper":  strings.ToUpper,
		"lower":  strings.ToLower,
	}
}

func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict wants key/value pairs, got %d arguments", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys are text, not %T", pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}

// Typography gives plain text (titles, summaries) the typography bodies
// get: typographic apostrophes after letters, straight double quotes paired
// into « » in French and “ ” elsewhere, and French spacing in French.
func Typography(lang, s string) string {
	french := markdown.IsFrench(lang)
	if strings.ContainsAny(s, "'\"") {
		open, close := markdown.Quotes(french)
		var b strings.Builder
		prevLetter, inQuote := false, false
		for _, r := range s {
			switch {
			case r == '\'' && prevLetter:
				b.WriteRune('’')
			case r == '"':
				if inQuote {
					b.WriteString(close)
				} else {
					b.WriteString(open)
				}
				inQuote = !inQuote
			default:
				b.WriteRune(r)
			}
			prevLetter = unicode.IsLetter(r)
		}
		s = b.String()
	}
	if french {
		return string(markdown.FrenchSpaces([]byte(s)))
	}
	return s
}
