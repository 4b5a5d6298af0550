package build

import (
	"fmt"
	"strings"
	"time"
)

// Stats are the figures of a build.
type Stats struct {
	Articles int
	Entities int // distinct countries, regions, agencies, officials and themes tagged
	Pages    int // HTML pages, aliases included
	Aliases  int
	Static   int
	Drafts   int // left out
	Future   int // left out
	// Warnings are problems that do not stop the build, one line each.
	Warnings []string
	Output   string
	// Written, Unchanged and Removed are files of the output folder:
	// written because their bytes changed, kept as they were (same inode
	// and time), removed.
	Written, Unchanged, Removed int
	// Rendered and Reused count the files of the render step: made, or,
	// in a Session's rebuild, taken from the last build because their
	// inputs had not changed.
	Rendered, Reused int
	// Carried are the files of Reused taken without being planned: those
	// of the articles and entities an edit did not reach.
	Carried int
	// Deferred are the files of Rendered left to be made when first read
	// (a lazy Session).
	Deferred int
	Load     time.Duration
	Enrich   time.Duration
	Index    time.Duration
	Render   time.Duration
	Write    time.Duration
	Total    time.Duration
}

// newStats are the figures of a loaded site, written to dest.
func newStats(site *Site, dest string) *Stats {
	st := &Stats{Articles: len(site.Articles), Output: dest, Drafts: site.Result.Drafts, Future: site.Result.Future}
	for _, a := range site.Articles {
		st.Aliases += len(a.Aliases)
	}
	return st
}

func (s *Stats) String() string {
	var skipped string
	if s.Drafts+s.Future > 0 {
		skipped = fmt.Sprintf(" (left out: %s, %s)", plural(s.Drafts, "draft"), plural(s.Future, "future"))
	}
	var files string
	if s.Written+s.Unchanged+s.Removed > 0 {
		files = fmt.Sprintf("; files: %d written, %d unchanged, %d removed", s.Written, s.Unchanged, s.Removed)
	}
	return fmt.Sprintf("%s%s, %s, %s (%s), %s → %s in %d ms (load %d, enrich %d, index %d, render %d, write %d)%s",
		plural(s.Articles, "article"), skipped, plural(s.Entities, "entity"), plural(s.Pages, "page"), plural(s.Aliases, "alias"),
		plural(s.Static, "static file"), s.Output,
		s.Total.Milliseconds(), s.Load.Milliseconds(), s.Enrich.Milliseconds(), s.Index.Milliseconds(), s.Render.Milliseconds(), s.Write.Milliseconds(), files)
}

func plural(n int, word string) string {
	switch {
	case n == 1 || word == "future":
		return fmt.Sprintf("%d %s", n, word)
	case strings.HasSuffix(word, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	case strings.HasSuffix(word, "s"):
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
