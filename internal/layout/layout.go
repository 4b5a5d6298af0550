// Package layout names the files and folders of a site's source tree, in
// one place: the build reads them, digest serve watches them, and an output
// folder may never be one of them.
package layout

import (
	"path/filepath"
	"strings"
)

const (
	// Config is the configuration file, unless --config names another.
	Config = "config.toml"
	// Content holds the articles.
	Content = "content"
	// Templates holds the site's templates, over the built-in ones.
	Templates = "templates"
	// Static holds files copied as they are, over the built-in ones.
	Static = "static"
	// Data holds gazetteer files over the built-in ones, and EntitiesFile.
	Data = "data"
	// I18n holds the UI strings, over the built-in ones.
	I18n = "i18n"
	// EntitiesFile, in Data, says more of entities (bios, photos, links);
	// it is not gazetteer data.
	EntitiesFile = "entities.toml"
)

// Sources are the folders that hold a site's sources: what digest serve
// watches and what an output folder may not replace.
var Sources = []string{Content, Templates, Static, Data, I18n}

// Entities is the path of the entities file under a site folder.
func Entities(site string) string { return filepath.Join(site, Data, EntitiesFile) }

// InData tells whether a path relative to the site folder, with slashes,
// is in Data.
func InData(rel string) bool { return strings.HasPrefix(rel, Data+"/") }
