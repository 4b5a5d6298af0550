// Package content loads a digest's articles: front matter and Markdown body.
//
// It is the first stage of the build. It reads files and checks them; it does
// not render Markdown to HTML (the render stage does, once enrichment has
// had its say) but reads the body's text for the default summary.
package content

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"digest/internal/plaintext"
	"digest/internal/slug"
)

// Article is one article as written by an editor.
type Article struct {
	// File is the path of the source file relative to the content folder,
	// with forward slashes; Path is the path as read (for messages).
	File string
	Path string

	Title   string
	Date    time.Time
	Lang    string
	Summary string // plain text
	// SummaryIsLead is true when the summary is the body's first paragraph,
	// so a page need not show it twice.
	SummaryIsLead bool
	Source        string
	Slug          string
	Draft         bool
	Aliases       []string // cleaned site paths, without leading or trailing slash

	// Overrides are the editor's corrections to enrichment.
	Overrides Overrides

	// Params holds the front-matter keys this program does not interpret.
	Params map[string]any

	// Body is the Markdown source, BodyLine the file line it starts on.
	Body     []byte
	BodyLine int
	// Text is the plain text of title, summary and body, for enrichment;
	// the build lets it go once the article is enriched.
	Text *plaintext.Doc
	// Version tells reads of a file apart: a build cache gives each read a
	// new one, so pages made from an article know when it changed.
	Version uint64
	// Size and Modified are the file's as found just before it was read:
	// a later change of the file shows as a different size or time.
	Size     int64
	Modified time.Time
}

// Overrides are front-matter lists that add or drop entities by hand.
type Overrides struct {
	Countries []string
	Agencies  []string
	Officials []string
	Themes    []string
	Exclude   []string
}

// Error is a problem in one file, with a position when there is one.
type Error struct {
	Path string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Defaults are what an article gets when its front matter is silent.
type Defaults struct {
	// Lang is the language of an article without lang; "" reads it from
	// the article's text (GuessLang), FallbackLang when the text does
	// not tell.
	Lang         string
	FallbackLang string
	Location     *time.Location
	// Languages are those an article may be in (its lang, before any
	// region: "fr" for "fr-CA"); none means any.
	Languages []string
}

var langRe = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// fields decodes the front matter into the article; it reports every bad
// field, not just the first.
func (a *Article) fields(fm *FrontMatter, def Defaults) []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{Path: a.Path, Line: fm.Lines[key], Msg: fmt.Sprintf(format, args...)})
	}
	a.Lang = def.Lang
	a.Params = map[string]any{}
	seen := map[string]bool{}
	for _, key := range fm.Order {
		v := fm.Fields[key]
		seen[key] = true
		switch key {
		case "title":
			s, ok := v.(string)
			if !ok {
				bad(key, "title must be text in quotes, not %s", describe(v))
			} else if strings.TrimSpace(s) == "" {
				bad(key, "title is empty")
			}
			a.Title = strings.TrimSpace(s)
		case "date":
			t, err := parseDate(v, def.Location)
			if err != nil {
				bad(key, "date: %v", err)
			}
			a.Date = t
		case "lang":
			s, ok := v.(string)
			base, _, _ := strings.Cut(strings.ToLower(s), "-")
			switch {
			case !ok || !langRe.MatchString(s):
				bad(key, `lang must be a language code such as "fr" or "en", not %s`, describe(v))
			case len(def.Languages) > 0 && !slices.Contains(def.Languages, base):
				bad(key, "lang %q is not one of %s (the languages digest writes dates and typography in)", s, strings.Join(def.Languages, ", "))
			default:
				a.Lang = strings.ToLower(s)
			}
		case "summary", "source":
			s, ok := v.(string)
			if !ok {
				bad(key, "%s must be text in quotes, not %s", key, describe(v))
			}
			if key == "summary" {
				a.Summary = strings.TrimSpace(s)
			} else {
				a.Source = strings.TrimSpace(s)
			}
		case "slug":
			s, ok := v.(string)
			if !ok {
				bad(key, "slug must be text in quotes, not %s", describe(v))
				break
			}
			if strings.ContainsAny(s, "/\\\x00") || strings.Contains(s, "..") {
				bad(key, "slug %q must be a single URL segment, without / \\ or ..", s)
				break
			}
			a.Slug = slug.Make(s)
			if a.Slug == "" {
				bad(key, "slug %q has no letters or digits", s)
			}
		case "draft":
			b, ok := v.(bool)
			if !ok {
				bad(key, "draft must be true or false, not %s", describe(v))
			}
			a.Draft = b
		case "aliases":
			list, err := stringList(v)
			if err != nil {
				bad(key, "aliases: %v", err)
				break
			}
			for _, s := range list {
				p, err := CleanSitePath(s)
				if err != nil {
					bad(key, "alias %q: %v", s, err)
					continue
				}
				a.Aliases = append(a.Aliases, p)
			}
		case "countries", "agencies", "officials", "themes", "exclude":
			list, err := stringList(v)
			if err != nil {
				bad(key, "%s: %v", key, err)
				break
			}
			*a.Overrides.list(key) = list
		default:
			a.Params[key] = v
		}
	}
	for _, key := range []string{"title", "date"} {
		if !seen[key] {
			errs = append(errs, &Error{Path: a.Path, Line: 1, Msg: fmt.Sprintf("%s is missing from the front matter (required: title and date)", key)})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].(*Error).Line < errs[j].(*Error).Line })
	return errs
}

func (o *Overrides) list(key string) *[]string {
	switch key {
	case "countries":
		return &o.Countries
	case "agencies":
		return &o.Agencies
	case "officials":
		return &o.Officials
	case "themes":
		return &o.Themes
	}
	return &o.Exclude
}

// describe names a value's type the way an editor would.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case bool:
		return fmt.Sprintf("the boolean %v", x)
	case int64, int, float64:
		return fmt.Sprintf("the number %v", x)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("a %T", v)
}

func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("expected a list of texts, found %s in it", describe(e))
			}
			out = append(out, s)
		}
		return out, nil
	case []string:
		return x, nil
	}
	return nil, fmt.Errorf("expected a list of texts, not %s", describe(v))
}

var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
}

// parseDate accepts a TOML date or date-time, or text in ISO 8601 form. A date
// or time without a zone is read in the site's time zone.
func parseDate(v any, loc *time.Location) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		switch x.Location().String() {
		case "date-local", "datetime-local": // TOML local date / date-time
			return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), x.Nanosecond(), loc), nil
		case "time-local":
			return time.Time{}, fmt.Errorf("a time of day alone is not a date; write 2025-11-25 or 2025-11-25T10:00:00+01:00")
		}
		return x, nil
	case string:
		s := strings.TrimSpace(x)
		for _, layout := range dateLayouts {
			var t time.Time
			var err error
			if strings.Contains(layout, "Z07") {
				t, err = time.Parse(layout, s)
			} else {
				t, err = time.ParseInLocation(layout, s, loc)
			}
			if err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date; expected 2025-11-25 or 2025-11-25T10:00:00+01:00", x)
	}
	return time.Time{}, fmt.Errorf("expected a date such as 2025-11-25, not %s", describe(v))
}

var driveRe = regexp.MustCompile(`^[A-Za-z]:`)

// CleanSitePath checks a path given by an editor (an alias) and returns it
// relative to the site root, without leading or trailing slash. It refuses
// anything that could escape the output folder or is not a site path.
func CleanSitePath(s string) (string, error) {
	switch {
	case strings.TrimSpace(s) == "":
		return "", fmt.Errorf("empty path")
	case strings.ContainsRune(s, 0):
		return "", fmt.Errorf("contains a NUL byte")
	case strings.Contains(s, `\`):
		return "", fmt.Errorf(`contains a backslash; use / between segments`)
	case driveRe.MatchString(s) || strings.Contains(s, "://"):
		return "", fmt.Errorf("must be a path of this site such as /old/url/, not a drive or an address")
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == ".." || seg == "." {
			return "", fmt.Errorf("must not contain . or .. segments")
		}
	}
	p := strings.Trim(path.Clean("/"+strings.TrimSpace(s)), "/")
	if p == "" {
		return "", fmt.Errorf("is the home page itself")
	}
	p = strings.TrimSuffix(p, "/index.html")
	return p, nil
}

var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[-_]`)

// FileSlug is the default slug of an article: its file name without folder,
// extension and date prefix. "2025-11-25-mali-maroc.md" → "mali-maroc".
func FileSlug(file string) string {
	base := path.Base(file)
	base = strings.TrimSuffix(base, path.Ext(base))
	if s := slug.Make(datePrefix.ReplaceAllString(base, "")); s != "" {
		return s
	}
	return slug.Make(base)
}
