// Package gazetteer holds what the extractor knows of the world: countries
// and their names, demonyms and cities; regions; agencies; officials; and
// the trigger phrases of themes.
//
// The data are TOML files embedded in the binary (data/*.toml, each naming
// its sources in a header). A site's own data/*.toml files are read over
// them: an entry with the id (or code) of a built-in one replaces it, a new
// id adds one.
package gazetteer

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"digest/internal/layout"
	"digest/internal/textdist"
)

//go:embed data/*.toml
var builtin embed.FS

// Country is an ISO 3166-1 country or territory.
type Country struct {
	Code string `toml:"code"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace         []string   `toml:"replace"`
	FR              string     `toml:"fr"`
	EN              string     `toml:"en"`
	Names           []string   `toml:"names"`
	Acronyms        []string   `toml:"acronyms"`
	DemonymsFR      []string   `toml:"demonyms_fr"`
	DemonymsFRForms [][]string `toml:"demonyms_fr_forms"`
	DemonymsEN      []string   `toml:"demonyms_en"`
	Capital         string     `toml:"capital"`
	CapitalEN       string     `toml:"capital_en"`
	Ambiguous       []string   `toml:"ambiguous"`
}

// Name is the country's name in lang.
func (c *Country) Name(lang string) string {
	if lang == "en" && c.EN != "" {
		return c.EN
	}
	return c.FR
}

// City is a city or place inside a country.
type City struct {
	Name string `toml:"name"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace   []string `toml:"replace"`
	Variants  []string `toml:"variants"`
	Country   string   `toml:"country"`
	Ambiguous bool     `toml:"ambiguous"`
}

// Region is a supranational region.
type Region struct {
	ID string `toml:"id"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace         []string   `toml:"replace"`
	FR              string     `toml:"fr"`
	EN              string     `toml:"en"`
	Names           []string   `toml:"names"`
	AdjectivesFR    []string   `toml:"adjectives_fr"`
	AdjectivesFRFor [][]string `toml:"adjectives_fr_forms"`
	AdjectivesEN    []string   `toml:"adjectives_en"`
	Countries       []string   `toml:"countries"`
	Parent          string     `toml:"parent"`
}

// Name is the region's name in lang.
func (r *Region) Name(lang string) string {
	if lang == "en" && r.EN != "" {
		return r.EN
	}
	return r.FR
}

// Agency is a police, intelligence, military, judicial or diplomatic body,
// national or international.
type Agency struct {
	ID string `toml:"id"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace            []string `toml:"replace"`
	NameFR             string   `toml:"name_fr"`
	NameEN             string   `toml:"name_en"`
	Acronyms           []string `toml:"acronyms"`
	AmbiguousAcronyms  []string `toml:"ambiguous_acronyms"`
	Aliases            []string `toml:"aliases"`
	Country            string   `toml:"country"`
	Kind               string   `toml:"kind"`
	Generic            bool     `toml:"generic"`
	URL                string   `toml:"url"`
	Note               string   `toml:"note"`
	Synthetic          bool     `toml:"-"` // made by the extractor, not from data
	DisplayCountryName string   `toml:"-"`
}

// Name is the agency's name in lang.
func (a *Agency) Name(lang string) string {
	if lang == "en" && a.NameEN != "" {
		return a.NameEN
	}
	if a.NameFR != "" {
		return a.NameFR
	}
	return a.NameEN
}

// Official is a person holding a public office.
type Official struct {
	ID string `toml:"id"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace          []string `toml:"replace"`
	Name             string   `toml:"name"`
	Variants         []string `toml:"variants"`
	Surname          string   `toml:"surname"`
	AmbiguousSurname bool     `toml:"ambiguous_surname"`
	Country          string   `toml:"country"`
	Roles            []Role   `toml:"roles"`
	Note             string   `toml:"note"`
}

// Role is an office held, with its dates when known.
type Role struct {
	TitleFR string `toml:"title_fr"`
	TitleEN string `toml:"title_en"`
	Agency  string `toml:"agency"`
	From    string `toml:"from"`
	To      string `toml:"to"`
}

// Title is the role's title in lang.
func (r Role) Title(lang string) string {
	if lang == "en" && r.TitleEN != "" {
		return r.TitleEN
	}
	if r.TitleFR != "" {
		return r.TitleFR
	}
	return r.TitleEN
}

// Theme is a subject of the digest, found by trigger phrases.
type Theme struct {
	ID string `toml:"id"`
	// Replace lists the fields a site's entry replaces rather than adds to
	// (amend).
	Replace    []string `toml:"replace"`
	FR         string   `toml:"fr"`
	EN         string   `toml:"en"`
	Covers     string   `toml:"covers"`
	CoversFR   string   `toml:"covers_fr"`
	TriggersFR []string `toml:"triggers_fr"`
	TriggersEN []string `toml:"triggers_en"`
	ExcludeFR  []string `toml:"exclude_fr"`
	ExcludeEN  []string `toml:"exclude_en"`
}

// Definition is what the theme covers, in lang when the data says it.
func (t *Theme) Definition(lang string) string {
	if lang == "fr" && t.CoversFR != "" {
		return t.CoversFR
	}
	if lang == "fr" {
		return ""
	}
	return t.Covers
}

// Name is the theme's label in lang.
func (t *Theme) Name(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.FR
}

// Gazetteer is all the data, indexed.
type Gazetteer struct {
	Countries []*Country
	Cities    []*City
	Regions   []*Region
	Agencies  []*Agency
	Officials []*Official
	Themes    []*Theme
	// Suppress and Merge are the site's corrections: what is never
	// tagged, and which entities are one.
	Suppress []*Suppress
	Merge    []*Merge

	countryByCode map[string]*Country
	regionByID    map[string]*Region
	agencyByID    map[string]*Agency
	officialByID  map[string]*Official
	themeByID     map[string]*Theme
	src           map[any]string // where each entry was read
}

type files struct {
	Country  []*Country  `toml:"country"`
	City     []*City     `toml:"city"`
	Region   []*Region   `toml:"region"`
	Agency   []*Agency   `toml:"agency"`
	Official []*Official `toml:"official"`
	Theme    []*Theme    `toml:"theme"`
	Suppress []*Suppress `toml:"suppress"`
	Merge    []*Merge    `toml:"merge"`

	// src says where each entry was read ("data/agencies.toml:12"), for
	// messages
	src map[any]string
}

// Suppress is a site-wide correction: an entity never tagged (by kind and
// id), or a surface form never read as one, optionally only right after
// one of some words ("Niger" after "quartier": a Dakar neighbourhood).
type Suppress struct {
	Kind    string   `toml:"kind"`    // country, region, agency, official, theme; "" for any
	ID      string   `toml:"id"`      // the entity's id or ISO code
	Surface string   `toml:"surface"` // a form as written, matched with case and accents folded
	After   []string `toml:"after"`   // with Surface: only after one of these words
	Note    string   `toml:"note"`    // why, for the next editor
}

// Merge is a site-wide correction: entities of a kind, by id, absorbed by
// another ("Henry Dubreuil" into "Henri Dubreuil"), or one renamed (a new
// id, a new name). The absorbed ids' pages become redirects to the one
// that stays, so that published links keep working.
type Merge struct {
	Kind string   `toml:"kind"` // country, region, agency, official, theme
	From []string `toml:"from"` // the ids absorbed
	Into string   `toml:"into"` // the id that stays
	Name string   `toml:"name"` // its name, when it is to change
	Note string   `toml:"note"`
}

// Builtin returns the embedded data.
func Builtin() (*Gazetteer, error) { return Load(nil) }

// Load reads the embedded data, then the site's data folder (nil for none),
// whose entries replace built-in ones with the same id.
func Load(site fs.FS) (*Gazetteer, error) {
	var all files
	if err := readDir(&all, builtin, "data", "(built-in) "+layout.Data); err != nil {
		return nil, err
	}
	if site != nil {
		var own files
		if err := readDir(&own, site, ".", layout.Data); err != nil {
			return nil, err
		}
		merge(&all, &own)
	}
	g := &Gazetteer{Countries: all.Country, Cities: all.City, Regions: all.Region,
		Agencies: all.Agency, Officials: all.Official, Themes: all.Theme, Suppress: all.Suppress, Merge: all.Merge, src: all.src}
	if err := g.index(); err != nil {
		return nil, err
	}
	return g, nil
}

func readDir(into *files, fsys fs.FS, dir, shown string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil // no data folder: nothing to add
	}
	var errs []error
	for _, e := range entries {
		// the site's metadata of entity pages, not gazetteer data
		if e.IsDir() || path.Ext(e.Name()) != ".toml" || e.Name() == layout.EntitiesFile {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var f files
		name := shown + "/" + e.Name()
		md, err := toml.Decode(string(b), &f)
		if err != nil {
			var perr toml.ParseError
			if errors.As(err, &perr) {
				errs = append(errs, fmt.Errorf("%s:%d:%d: %s", name, perr.Position.Line, perr.Position.Col, perr.Message))
			} else {
				errs = append(errs, fmt.Errorf("%s: %v", name, err))
			}
			continue
		}
		if und := md.Undecoded(); len(und) > 0 {
			var keys []string
			for _, k := range und {
				keys = append(keys, k.String())
			}
			errs = append(errs, fmt.Errorf("%s: unknown keys %s", name, strings.Join(keys, ", ")))
			continue
		}
		f.src = map[any]string{}
		lines := valueLines(b)
		at := func(entry any, key, value string) {
			line := lines[key+"="+value]
			if line == 0 {
				line = 1
			}
			f.src[entry] = fmt.Sprintf("%s:%d", name, line)
		}
		for _, c := range f.City {
			at(c, "name", c.Name)
		}
		for _, a := range f.Agency {
			at(a, "id", a.ID)
		}
		for _, o := range f.Official {
			at(o, "id", o.ID)
		}
		for _, e := range f.entries() {
			if bad := checkReplace(e); len(bad) > 0 {
				where := f.src[e]
				if where == "" {
					where = name
				}
				errs = append(errs, fmt.Errorf("%s: replace names no field: %s", where, strings.Join(bad, ", ")))
			}
		}
		merge(into, &f)
	}
	return errors.Join(errs...)
}

// entries are every entry of the files, for checks common to all kinds.
func (f *files) entries() []any {
	var out []any
	for _, c := range f.Country {
		out = append(out, c)
	}
	for _, c := range f.City {
		out = append(out, c)
	}
	for _, r := range f.Region {
		out = append(out, r)
	}
	for _, a := range f.Agency {
		out = append(out, a)
	}
	for _, o := range f.Official {
		out = append(out, o)
	}
	for _, t := range f.Theme {
		out = append(out, t)
	}
	return out
}

// valueLines maps "key=value" to the first line where a TOML file gives
// key that value, for the keys that name entries.
func valueLines(b []byte) map[string]int {
	out := map[string]int{}
	line := 0
	for rest := string(b); len(rest) > 0; {
		l, next, _ := strings.Cut(rest, "\n")
		rest = next
		line++
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		if k = strings.TrimSpace(k); k != "id" && k != "name" {
			continue
		}
		key := k + "=" + strings.Trim(strings.TrimSpace(v), `"'`)
		if out[key] == 0 {
			out[key] = line
		}
	}
	return out
}

// merge adds src's entries to dst, replacing those with the same key.
func merge(dst, src *files) {
	if dst.src == nil {
		dst.src = map[any]string{}
	}
	dst.Suppress = append(dst.Suppress, src.Suppress...)
	dst.Merge = append(dst.Merge, src.Merge...)
	for k, v := range src.src {
		dst.src[k] = v
	}
	dst.Country = mergeBy(dst.Country, src.Country, func(c *Country) string { return strings.ToUpper(c.Code) })
	dst.City = mergeBy(dst.City, src.City, func(c *City) string { return c.Country + "/" + strings.ToLower(c.Name) })
	dst.Region = mergeBy(dst.Region, src.Region, func(r *Region) string { return r.ID })
	dst.Agency = mergeBy(dst.Agency, src.Agency, func(a *Agency) string { return a.ID })
	dst.Official = mergeBy(dst.Official, src.Official, func(o *Official) string { return o.ID })
	dst.Theme = mergeBy(dst.Theme, src.Theme, func(t *Theme) string { return t.ID })
}

// amend adds src, a later entry with the same id (a site's), to dst: its
// lists grow by src's new items, and a field src gives replaces dst's. A
// field named in src's replace list is src's alone, empty included (to
// drop a built-in country, give country = "" and replace = ["country"]).
func amend(dst, src any) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	replace := map[string]bool{}
	for _, f := range sv.FieldByName("Replace").Interface().([]string) {
		replace[f] = true
	}
	t := dv.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "Replace" {
			continue
		}
		d, s := dv.Field(i), sv.Field(i)
		switch key, _, _ := strings.Cut(f.Tag.Get("toml"), ","); {
		case replace[key]:
			d.Set(s)
		case f.Type.Kind() == reflect.Slice:
			for j := 0; j < s.Len(); j++ {
				if !hasItem(d, s.Index(j)) {
					d.Set(reflect.Append(d, s.Index(j)))
				}
			}
		case !s.IsZero():
			d.Set(s)
		}
	}
}

func hasItem(list, item reflect.Value) bool {
	for k := 0; k < list.Len(); k++ {
		if reflect.DeepEqual(list.Index(k).Interface(), item.Interface()) {
			return true
		}
	}
	return false
}

// checkReplace reports the names in an entry's replace list that are no
// field of it.
func checkReplace(entry any) []string {
	v := reflect.ValueOf(entry).Elem()
	known := map[string]bool{}
	for i := 0; i < v.NumField(); i++ {
		key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
		known[key] = true
	}
	var bad []string
	for _, f := range v.FieldByName("Replace").Interface().([]string) {
		if !known[f] || f == "replace" {
			bad = append(bad, f)
		}
	}
	return bad
}

func mergeBy[T any](dst, src []T, key func(T) string) []T {
	pos := map[string]int{}
	for i, x := range dst {
		pos[key(x)] = i
	}
	for _, x := range src {
		if i, ok := pos[key(x)]; ok {
			amend(dst[i], x)
			continue
		}
		pos[key(x)] = len(dst)
		dst = append(dst, x)
	}
	return dst
}

var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func (g *Gazetteer) index() error {
	var errs []string
	g.countryByCode = map[string]*Country{}
	for _, c := range g.Countries {
		c.Code = strings.ToUpper(c.Code)
		if len(c.Code) != 2 {
			errs = append(errs, fmt.Sprintf("country %q: code must be two letters", c.Code))
		}
		g.countryByCode[c.Code] = c
	}
	checkCountry := func(entry any, what, code string) {
		if code != "" && g.countryByCode[code] == nil {
			msg := fmt.Sprintf("%s: %s: unknown country %q", g.where(entry), what, code)
			if c := g.countryNamed(code); c != nil {
				msg += fmt.Sprintf(" (countries are ISO codes: %s is %q)", c.FR, c.Code)
			}
			errs = append(errs, msg)
		}
	}
	for _, c := range g.Cities {
		checkCountry(c, "city "+c.Name, c.Country)
	}
	g.regionByID = map[string]*Region{}
	for _, r := range g.Regions {
		g.regionByID[r.ID] = r
	}
	g.agencyByID = map[string]*Agency{}
	for _, a := range g.Agencies {
		if !idRe.MatchString(a.ID) {
			errs = append(errs, fmt.Sprintf("%s: agency %q: id must be lower-case words joined by hyphens", g.where(a), a.ID))
		}
		checkCountry(a, "agency "+a.ID, a.Country)
		g.agencyByID[a.ID] = a
	}
	g.officialByID = map[string]*Official{}
	for _, o := range g.Officials {
		if !idRe.MatchString(o.ID) {
			errs = append(errs, fmt.Sprintf("%s: official %q: id must be lower-case words joined by hyphens", g.where(o), o.ID))
		}
		checkCountry(o, "official "+o.ID, o.Country)
		for _, r := range o.Roles {
			if r.Agency != "" && g.agencyByID[r.Agency] == nil {
				msg := fmt.Sprintf("%s: official %s: role %q: unknown agency %q", g.where(o), o.ID, r.Title("fr"), r.Agency)
				if near := textdist.Nearest(r.Agency, g.IDs("agency"), 3); near != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", near)
				}
				errs = append(errs, msg)
			}
		}
		g.officialByID[o.ID] = o
	}
	g.themeByID = map[string]*Theme{}
	for _, t := range g.Themes {
		g.themeByID[t.ID] = t
	}
	merged := map[string]string{} // kind/id absorbed → into
	for _, m := range g.Merge {
		switch {
		case !slices.Contains([]string{"country", "region", "agency", "official", "theme"}, m.Kind):
			errs = append(errs, fmt.Sprintf("data: merge into %q: kind %q is not one of country, region, agency, official, theme", m.Into, m.Kind))
		case m.Into == "" || len(m.From) == 0:
			errs = append(errs, fmt.Sprintf("data: merge into %q: give into and from", m.Into))
		case !idRe.MatchString(strings.ToLower(m.Into)):
			errs = append(errs, fmt.Sprintf("data: merge into %q: an id is lower-case words joined by hyphens", m.Into))
		}
		for _, f := range m.From {
			if f == m.Into {
				errs = append(errs, fmt.Sprintf("data: merge into %q: it cannot absorb itself", m.Into))
			}
			if other, dup := merged[m.Kind+"/"+f]; dup && other != m.Into {
				errs = append(errs, fmt.Sprintf("data: merge: %s %q is merged into both %q and %q", m.Kind, f, other, m.Into))
			}
			merged[m.Kind+"/"+f] = m.Into
		}
	}
	for _, sp := range g.Suppress {
		switch {
		case sp.ID == "" && sp.Surface == "":
			errs = append(errs, "data: a suppress entry gives neither id nor surface")
		case sp.ID != "" && sp.Surface != "":
			errs = append(errs, fmt.Sprintf("data: suppress %q: give id or surface, not both", sp.ID))
		case sp.Kind != "" && !slices.Contains([]string{"country", "region", "agency", "official", "theme"}, sp.Kind):
			errs = append(errs, fmt.Sprintf("data: suppress: kind %q is not one of country, region, agency, official, theme", sp.Kind))
		case len(sp.After) > 0 && sp.Surface == "":
			errs = append(errs, fmt.Sprintf("data: suppress %q: after goes with surface", sp.ID))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

// where says where an entry was read, "data" when unknown.
func (g *Gazetteer) where(entry any) string {
	if w, ok := g.src[entry]; ok {
		return w
	}
	return "data"
}

// countryNamed is the country a name, in French or English, names: what
// an editor who wrote a name for a code meant ("Senegal", "Sénégal").
func (g *Gazetteer) countryNamed(name string) *Country {
	key := foldName(name)
	for _, c := range g.Countries {
		for _, n := range append([]string{c.FR, c.EN}, c.Names...) {
			if foldName(n) == key {
				return c
			}
		}
	}
	return nil
}

// foldName folds case and accents.
func foldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(strings.TrimSpace(out))
}

// IDs are the ids of the entries of a kind ("country", "region",
// "agency", "official", "theme"), countries by ISO code.
func (g *Gazetteer) IDs(kind string) []string {
	var ids []string
	add := func(id string) { ids = append(ids, id) }
	switch kind {
	case "country":
		for _, c := range g.Countries {
			add(c.Code)
		}
	case "region":
		for _, r := range g.Regions {
			add(r.ID)
		}
	case "agency":
		for _, a := range g.Agencies {
			add(a.ID)
		}
	case "official":
		for _, o := range g.Officials {
			add(o.ID)
		}
	case "theme":
		for _, t := range g.Themes {
			add(t.ID)
		}
	}
	return ids
}

// Country returns the country of an ISO code, or nil.
func (g *Gazetteer) Country(code string) *Country { return g.countryByCode[strings.ToUpper(code)] }

// Region returns a region by id, or nil.
func (g *Gazetteer) Region(id string) *Region { return g.regionByID[id] }

// Agency returns an agency by id, or nil.
func (g *Gazetteer) Agency(id string) *Agency { return g.agencyByID[id] }

// Official returns an official by id, or nil.
func (g *Gazetteer) Official(id string) *Official { return g.officialByID[id] }

// Theme returns a theme by id, or nil.
func (g *Gazetteer) Theme(id string) *Theme { return g.themeByID[id] }
