// Package config reads a digest site's config.toml.
//
// Every key is documented in the README; a key the program does not know is an
// error naming it, because a misspelt key silently ignored is a setting the
// editor believes in and does not get.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	_ "time/tzdata" // zone names resolve on hosts without a zoneinfo database

	"digest/internal/textdist"
)

// Config is the whole of a site's configuration, with defaults applied.
type Config struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"baseURL"`
	// Language is the site's: its UI strings, section names, the dates
	// of its pages and lists, the names of entities.
	Language string `toml:"language"`
	// Sites is the languages of a multilingual site (languages = ["fr",
	// "en"]), Language among them: each has a tree of pages of its own,
	// Language's at the root and the others' under /<code>/. Empty, or
	// one language only, the site has one tree, as before.
	Sites []string `toml:"languages"`
	// DefaultLanguageInSubdir puts the default language's tree under
	// /<code>/ too, the root holding a page that sends readers there.
	DefaultLanguageInSubdir bool `toml:"defaultLanguageInSubdir"`
	// Prefix is the path of the language's tree in a language's view of
	// the configuration (ForLanguage): "" at the root, "en/" otherwise.
	Prefix string `toml:"-"`
	// DefaultArticleLanguage is the language of articles whose front
	// matter has no lang: a language of Languages, or Auto (the default).
	// It is a setting of its own: an English UI over French articles must
	// not make them English.
	DefaultArticleLanguage string `toml:"defaultArticleLanguage"`
	// Output is the folder the site is written to, relative to the site root.
	Output string `toml:"output"`
	// Paginate is the number of articles per list page.
	Paginate int `toml:"paginate"`
	// TimeZone places articles whose date has no zone, and decides what "future" means.
	TimeZone string `toml:"timeZone"`
	// MaxArticleSize refuses articles over this size (bytes, or "5MB").
	MaxArticleSize ByteSize `toml:"maxArticleSize"`
	Sections       Sections `toml:"sections"`
	Markdown       Markdown `toml:"markdown"`
	// Relations are the pages of pairs of countries.
	Relations Relations `toml:"relations"`
	// Params is free-form data for templates (.Site.Params).
	Params map[string]any `toml:"params"`

	// Location is TimeZone resolved.
	Location *time.Location `toml:"-"`
}

// Sections are the first path segment of each kind of page.
type Sections struct {
	Articles  string `toml:"articles"`
	Page      string `toml:"page"`
	Countries string `toml:"countries"`
	Regions   string `toml:"regions"`
	Agencies  string `toml:"agencies"`
	Officials string `toml:"officials"`
	Themes    string `toml:"themes"`
	Archive   string `toml:"archive"`
	Search    string `toml:"search"`
	Relations string `toml:"relations"`
}

// fields lists the sections with their keys, for defaults and checks.
func (s *Sections) fields() []struct {
	key string
	val *string
} {
	return []struct {
		key string
		val *string
	}{
		{"articles", &s.Articles}, {"page", &s.Page}, {"countries", &s.Countries}, {"regions", &s.Regions},
		{"agencies", &s.Agencies}, {"officials", &s.Officials}, {"themes", &s.Themes}, {"archive", &s.Archive},
		{"search", &s.Search}, {"relations", &s.Relations},
	}
}

// Relations says which pairs of countries have a page of their own.
type Relations struct {
	// MinArticles is how many articles two countries must share.
	MinArticles int `toml:"minArticles"`
	// Max bounds the number of pairs with a page (0: no bound): when more
	// pairs share MinArticles articles, only those sharing the most do
	// (the build raises the threshold), so that a large digest's build
	// stays near the time of its other pages.
	Max int `toml:"max"`
}

// Markdown holds the options of the Markdown renderer.
type Markdown struct {
	// Unsafe keeps raw HTML written in articles; off, it is dropped.
	Unsafe bool `toml:"unsafe"`
}

// Languages the UI is translated into.
var Languages = []string{"en", "fr"}

// Auto, as DefaultArticleLanguage, reads the language of an article
// without lang from its text.
const Auto = "auto"

// Default returns the configuration used when config.toml is absent, and the
// base every config.toml is read over.
func Default() *Config {
	return &Config{
		Title:    "Digest",
		BaseURL:  "/",
		Language: "fr",
		Output:   "public",

		DefaultArticleLanguage: Auto,
		Paginate:               10,
		TimeZone:               "UTC",
		Params:                 map[string]any{},

		Relations: Relations{MinArticles: 2, Max: 300},

		MaxArticleSize: 5 << 20,
	}
}

// ByteSize is a size in bytes, written as a number or with a unit: "5MB".
type ByteSize int64

var sizeRe = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[iI]?[bB]?\s*$`)

// UnmarshalTOML reads a number of bytes or a text with a unit.
func (b *ByteSize) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case int64:
		*b = ByteSize(x)
	case string:
		m := sizeRe.FindStringSubmatch(x)
		if m == nil {
			return fmt.Errorf("maxArticleSize %q is not a size such as \"5MB\" or 5000000", x)
		}
		n, _ := strconv.ParseFloat(m[1], 64)
		switch strings.ToLower(m[2]) {
		case "k":
			n *= 1 << 10
		case "m":
			n *= 1 << 20
		case "g":
			n *= 1 << 30
		}
		*b = ByteSize(n)
	default:
		return fmt.Errorf("maxArticleSize must be a number of bytes or a text such as \"5MB\"")
	}
	if *b <= 0 {
		return fmt.Errorf("maxArticleSize must be more than zero")
	}
	return nil
}

func (b ByteSize) String() string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", int64(b))
}

// sectionDefaults are per language, so a French site's URLs read French.
var sectionDefaults = map[string]Sections{
	"fr": {Articles: "articles", Page: "page", Countries: "pays", Regions: "regions", Agencies: "institutions",
		Officials: "personnalites", Themes: "themes", Archive: "archives", Search: "recherche",
		Relations: "relations"},
	"en": {Articles: "articles", Page: "page", Countries: "countries", Regions: "regions", Agencies: "agencies",
		Officials: "officials", Themes: "themes", Archive: "archive", Search: "search", Relations: "relations"},
}

// Load reads the config file at path. A missing file is not an error when
// optional is true: the defaults describe a working site.
func Load(path string, optional bool) (*Config, error) {
	cfg := Default()
	data, err := os.ReadFile(path)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return cfg, cfg.finish(path, nil)
		}
		return nil, err
	}
	if err := cfg.parse(path, data); err != nil {
		return nil, err
	}
	return cfg, cfg.finish(path, data)
}

// Parse reads a configuration from bytes; name is used in messages.
func Parse(name string, data []byte) (*Config, error) {
	cfg := Default()
	if err := cfg.parse(name, data); err != nil {
		return nil, err
	}
	return cfg, cfg.finish(name, data)
}

func (c *Config) parse(name string, data []byte) error {
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return fmt.Errorf("%s:%d:%d: %s", name, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		// Type mismatches come as "toml: line N (last key "k"): …".
		if m := decodeErrRe.FindStringSubmatch(err.Error()); m != nil {
			return fmt.Errorf("%s:%s: %s: %s", name, m[1], m[2], m[3])
		}
		return fmt.Errorf("%s: %v", name, err)
	}
	var unknown []string
	for _, key := range md.Undecoded() {
		// Everything below params belongs to the templates.
		if len(key) > 0 && key[0] == "params" {
			continue
		}
		k := key.String()
		msg := fmt.Sprintf("%s:%d: unknown key %q", name, keyLine(data, key[len(key)-1]), k)
		if s := suggest(k); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		unknown = append(unknown, msg)
	}
	if len(unknown) > 0 {
		return errors.New(strings.Join(unknown, "\n"))
	}
	return nil
}

// finish checks the values and applies the defaults; each problem is a
// line of its own, at the line of its key.
func (c *Config) finish(name string, data []byte) error {
	var errs []string
	at := func(key string) string { return fmt.Sprintf("%s:%d: ", name, keyLine(data, key)) }
	c.Language = strings.ToLower(strings.TrimSpace(c.Language))
	lang := c.Language
	if !slices.Contains(Languages, c.Language) {
		errs = append(errs, at("language")+fmt.Sprintf("language %q is not one of %s (the languages of the UI strings and dates)", c.Language, strings.Join(Languages, ", ")))
		lang = "en" // the sections' defaults, so that one mistake makes one message
	}
	c.DefaultArticleLanguage = strings.ToLower(strings.TrimSpace(c.DefaultArticleLanguage))
	if c.DefaultArticleLanguage != Auto && !slices.Contains(Languages, c.DefaultArticleLanguage) {
		errs = append(errs, at("defaultArticleLanguage")+fmt.Sprintf("defaultArticleLanguage %q is not one of %s, %s (read from each article's text)",
			c.DefaultArticleLanguage, strings.Join(Languages, ", "), Auto))
	}
	if c.Paginate < 1 {
		errs = append(errs, at("paginate")+fmt.Sprintf("paginate must be at least 1, not %d", c.Paginate))
	}
	if c.Relations.Max < 0 {
		errs = append(errs, at("max")+fmt.Sprintf("relations.max must be 0 (no bound) or more, not %d", c.Relations.Max))
	}
	if c.Relations.MinArticles < 1 {
		errs = append(errs, at("minArticles")+fmt.Sprintf("relations.minArticles must be at least 1, not %d", c.Relations.MinArticles))
	}
	if strings.TrimSpace(c.Output) == "" {
		errs = append(errs, at("output")+"output must name a folder")
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		msg := fmt.Sprintf("timeZone %q is not an IANA time zone such as \"Europe/Paris\" or \"Africa/Dakar\"", c.TimeZone)
		if z := suggestZone(c.TimeZone); z != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", z)
		}
		errs = append(errs, at("timeZone")+msg)
	}
	c.Location = loc
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	var langs []string
	for _, l := range c.Sites {
		l = strings.ToLower(strings.TrimSpace(l))
		switch {
		case !slices.Contains(Languages, l):
			errs = append(errs, at("languages")+fmt.Sprintf("languages: %q is not one of %s (the languages of the UI strings and dates)", l, strings.Join(Languages, ", ")))
		case slices.Contains(langs, l):
			errs = append(errs, at("languages")+fmt.Sprintf("languages: %q is given twice", l))
		default:
			langs = append(langs, l)
		}
	}
	if len(langs) > 0 && !slices.Contains(langs, c.Language) {
		errs = append(errs, at("language")+fmt.Sprintf("language %q (the default language) is not one of languages = [%s]", c.Language, strings.Join(langs, ", ")))
	}
	c.Sites = langs
	def := sectionDefaults[lang]
	defFields := def.fields()
	seen := map[string]string{}
	for i, f := range c.Sections.fields() {
		if *f.val == "" {
			*f.val = *defFields[i].val
		}
		if !sectionRe.MatchString(*f.val) {
			errs = append(errs, at(f.key)+fmt.Sprintf("sections.%s %q must be one path segment of lower-case letters, digits and hyphens", f.key, *f.val))
		}
		if other, dup := seen[*f.val]; dup {
			errs = append(errs, at(f.key)+fmt.Sprintf("sections.%s and sections.%s are both %q", other, f.key, *f.val))
		}
		seen[*f.val] = f.key
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

// Multilingual tells whether the site has a tree of pages per language.
func (c *Config) Multilingual() bool { return len(c.Sites) > 1 }

// SiteLanguages are the languages of the site's trees, the default first.
func (c *Config) SiteLanguages() []string {
	out := []string{c.Language}
	for _, l := range c.Sites {
		if l != c.Language {
			out = append(out, l)
		}
	}
	return out
}

// ForLanguage is the configuration as the tree of lang sees it: its
// language, its sections (those config.toml gives apply to the default
// language; the others take their language's defaults) and the prefix of
// its pages' paths. The default language's view is c itself unless
// defaultLanguageInSubdir is set.
func (c *Config) ForLanguage(lang string) *Config {
	if lang == c.Language && !c.DefaultLanguageInSubdir {
		return c
	}
	v := *c
	v.Language = lang
	v.Prefix = lang + "/"
	if lang != c.Language {
		v.Sections = sectionDefaults[lang]
	}
	return &v
}

// SetBaseURL replaces baseURL, for a command line's --baseURL: an
// absolute http(s) address or a path from the host's root.
func (c *Config) SetBaseURL(base string) error {
	u, err := url.Parse(base)
	ok := err == nil && (u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") ||
		(u.Scheme == "http" || u.Scheme == "https") && u.Host != "")
	if !ok || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--baseURL %q is not an address such as https://example.org/digest/ or /digest/", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	c.BaseURL = base
	return nil
}

var decodeErrRe = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

var sectionRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// knownKeys are the dotted keys of Config, for "did you mean".
var knownKeys = []string{"title", "baseURL", "language", "languages", "defaultLanguageInSubdir", "defaultArticleLanguage", "output", "paginate", "timeZone", "maxArticleSize",
	"sections", "sections.articles", "sections.page", "sections.countries", "sections.regions", "sections.agencies",
	"sections.officials", "sections.themes", "sections.archive", "sections.search", "sections.relations", "markdown", "markdown.unsafe",
	"relations", "relations.minArticles", "relations.max", "params"}

func suggest(key string) string {
	best, bestD := "", 3
	for _, k := range knownKeys {
		if d := textdist.Levenshtein(strings.ToLower(key), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// zoneAreas are the areas of IANA zone names, which name a zone by area
// and city ("Europe/Paris").
var zoneAreas = []string{"Africa", "Europe", "America", "Asia", "Atlantic", "Indian", "Pacific", "Australia", "Antarctica"}

// suggestZone is the IANA zone a city's name stands for ("Paris" →
// "Europe/Paris", "new york" → "America/New_York"), or "".
func suggestZone(name string) string {
	city := strings.TrimSpace(name)
	if i := strings.LastIndex(city, "/"); i >= 0 {
		city = city[i+1:]
	}
	words := strings.FieldsFunc(city, func(r rune) bool { return r == ' ' || r == '_' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	}
	city = strings.Join(words, "_")
	if city == "" {
		return ""
	}
	for _, area := range zoneAreas {
		if _, err := time.LoadLocation(area + "/" + city); err == nil {
			return area + "/" + city
		}
	}
	return ""
}

// keyLine finds the line where key is assigned; TOML's decoder does not say.
func keyLine(data []byte, key string) int {
	re := regexp.MustCompile(`(?m)^\s*(?:"` + regexp.QuoteMeta(key) + `"|` + regexp.QuoteMeta(key) + `)\s*=|^\s*\[+\s*` + regexp.QuoteMeta(key) + `\s*\]`)
	loc := re.FindIndex(data)
	if loc == nil {
		return 1
	}
	return 1 + strings.Count(string(data[:loc[0]]), "\n")
}
