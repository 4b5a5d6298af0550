package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"digest/internal/index"
	"digest/internal/layout"
	"digest/internal/render"
)

// loadMeta reads the site's data/entities.toml, if there is one: what it
// says more of its entities (a bio, a photo, official links, known roles).
func loadMeta(site string) (map[index.Key]*render.Meta, error) {
	name := layout.Entities(site)
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var f struct {
		Entity []*render.Meta `toml:"entity"`
	}
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d:%d: %s", name, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			keys = append(keys, k.String())
		}
		return nil, fmt.Errorf("%s: unknown keys %s", name, strings.Join(keys, ", "))
	}
	out := map[index.Key]*render.Meta{}
	var errs []error
	for i, m := range f.Entity {
		if !index.IsKind(m.Kind) {
			errs = append(errs, fmt.Errorf("%s: entity %d: kind %q is not one of country, region, agency, official, theme", name, i+1, m.Kind))
			continue
		}
		id := m.ID
		if m.Kind == index.Country {
			id = strings.ToUpper(id)
		}
		if strings.Contains(m.Photo, "..") || strings.HasPrefix(m.Photo, "/") || strings.Contains(m.Photo, "://") {
			errs = append(errs, fmt.Errorf("%s: entity %s: photo %q must be a path in static/ such as img/x.jpg", name, m.ID, m.Photo))
			continue
		}
		for _, l := range m.Links {
			if !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "http://") {
				errs = append(errs, fmt.Errorf("%s: entity %s: link %q must be an http(s) address", name, m.ID, l.URL))
			}
		}
		out[index.Key{Kind: m.Kind, ID: id}] = m
	}
	return out, errors.Join(errs...)
}
