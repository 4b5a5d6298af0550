package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"digest"
	"digest/internal/gazetteer"
	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/render"
	"digest/internal/textdist"
)

// loadMeta reads the site's data/entities.toml, if there is one: what it
// says more of its entities (a bio, a photo, official links, known roles),
// with the line of each entry.
func loadMeta(site string) (map[index.Key]*render.Meta, map[index.Key]int, error) {
	name := layout.Entities(site)
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	// each [[entity]] table starts on a line of its own
	var starts []int
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "[[entity]]" {
			starts = append(starts, i+1)
		}
	}
	var f struct {
		Entity []*render.Meta `toml:"entity"`
	}
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, nil, fmt.Errorf("%s:%d:%d: %s", name, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			keys = append(keys, k.String())
		}
		return nil, nil, fmt.Errorf("%s: unknown keys %s", name, strings.Join(keys, ", "))
	}
	out, lines := map[index.Key]*render.Meta{}, map[index.Key]int{}
	var errs []error
	for i, m := range f.Entity {
		line := 1
		if i < len(starts) {
			line = starts[i]
		}
		if !index.IsKind(m.Kind) {
			errs = append(errs, fmt.Errorf("%s:%d: entity %d: kind %q is not one of country, region, agency, official, theme", name, line, i+1, m.Kind))
			continue
		}
		id := m.ID
		if m.Kind == index.Country {
			id = strings.ToUpper(id)
		}
		if strings.Contains(m.Photo, "..") || strings.HasPrefix(m.Photo, "/") || strings.Contains(m.Photo, "://") {
			errs = append(errs, fmt.Errorf("%s:%d: entity %s: photo %q must be a path in static/ such as img/x.jpg", name, line, m.ID, m.Photo))
			continue
		}
		for _, l := range m.Links {
			if !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "http://") {
				errs = append(errs, fmt.Errorf("%s:%d: entity %s: link %q must be an http(s) address", name, line, m.ID, l.URL))
			}
		}
		out[index.Key{Kind: m.Kind, ID: id}] = m
		lines[index.Key{Kind: m.Kind, ID: id}] = line
	}
	return out, lines, errors.Join(errs...)
}

// checkMeta reports the entries of data/entities.toml that would vanish
// from the site: an id that no article names and the gazetteer does not
// know (with the nearest id that one does), a photo that is in neither the
// site's static/ nor the built-in one.
func checkMeta(site *Site, ix *index.Index) error {
	if len(site.Meta) == 0 {
		return nil
	}
	name := layout.Entities(site.Dir)
	g := site.Extractor.Gazetteer()
	keys := make([]index.Key, 0, len(site.Meta))
	for k := range site.Meta {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return site.metaLines[keys[i]] < site.metaLines[keys[j]] })
	var errs []error
	for _, k := range keys {
		m, line := site.Meta[k], site.metaLines[k]
		if ix.Entries[k] == nil && !inGazetteer(g, k) {
			msg := fmt.Sprintf("%s:%d: %s %q is named by no article and unknown to the gazetteer", name, line, k.Kind, m.ID)
			if near := nearestID(k, ix, g); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			errs = append(errs, errors.New(msg))
		}
		if m.Photo != "" && !staticHas(site.Dir, m.Photo) {
			errs = append(errs, fmt.Errorf("%s:%d: %s %q: photo %q is not in %s/", name, line, k.Kind, m.ID, m.Photo, layout.Static))
		}
	}
	return errors.Join(errs...)
}

func inGazetteer(g *gazetteer.Gazetteer, k index.Key) bool {
	switch k.Kind {
	case index.Country:
		return g.Country(k.ID) != nil
	case index.Region:
		return g.Region(k.ID) != nil
	case index.Agency:
		return g.Agency(k.ID) != nil
	case index.Official:
		return g.Official(k.ID) != nil
	}
	return g.Theme(k.ID) != nil
}

// nearestID is the id of the entity of k's kind, named by an article or
// known to the gazetteer, nearest to k's (at most 3 edits), or "".
func nearestID(k index.Key, ix *index.Index, g *gazetteer.Gazetteer) string {
	ids := g.IDs(k.Kind) // index kinds are the gazetteer's
	for _, e := range ix.ByKind[k.Kind] {
		ids = append(ids, e.ID)
	}
	return textdist.Nearest(k.ID, ids, 3)
}

// staticHas tells whether a static file is in the site's static/ or the
// built-in one.
func staticHas(site, p string) bool {
	if info, err := os.Stat(filepath.Join(site, layout.Static, filepath.FromSlash(p))); err == nil && !info.IsDir() {
		return true
	}
	_, err := fs.Stat(digest.Static(), p)
	return err == nil
}
