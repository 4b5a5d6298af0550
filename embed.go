// Package digest holds the defaults embedded in the digest binary: the
// templates and static files a site gets when it has none of its own. They
// are the top-level templates/ and static/ folders of this repository, which
// the sample digest uses as they are.
package digest

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var defaults embed.FS

// Templates are the built-in templates.
func Templates() fs.FS { return sub("templates") }

// Static are the built-in static files.
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(defaults, dir)
	if err != nil {
		panic(err) // the folder is embedded at compile time
	}
	return f
}
