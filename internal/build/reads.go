package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"digest/internal/content"
	"digest/internal/extract"
)

// reads are what a Session's loads read and enriched, by file, and the
// changes its watch told: a rebuild reads and enriches only the files
// that changed. Told of every change (Watching), a load takes the files
// not named since the last load as they were, without a look at them.
// A full build has none: its methods on a nil *reads do nothing.
type reads struct {
	mu       sync.Mutex
	articles map[string]*cachedArticle // by file path
	version  uint64                    // the last version given to a read

	watch       watchState
	touched     map[string]uint64 // path → the number of its last change
	touchedAll  uint64            // the number of the last "anything may have changed"
	changes     uint64            // changes counted so far
	loadChanges uint64            // changes counted when the load under way began
	loadTrusts  bool              // whether the load under way trusts the changes told
	lastLoad    uint64            // loadChanges of the last load remembered
	loadWatch   watchState        // the watch when the load under way began
	listing     *content.Listing  // the content folder's, as the last good load found it
}

type watchState int

const (
	notWatching   watchState = iota
	watchStarting            // told of changes, but not of those before the watch began
	watching                 // a load since the watch began has seen every file
)

type cachedArticle struct {
	size    int64
	mod     time.Time
	article *content.Article
	result  *extract.Result
}

// startWatching tells the reads that their user now reports every change of the
// site's files with touch (digest serve watches them): once a build has
// looked at every file, the next ones read only the files touched.
func (r *reads) startWatching() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.watch == notWatching {
		r.watch = watchStarting
	}
}

// touch tells the reads that the file or folder at path changed.
func (r *reads) touch(path string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes++
	r.touched[filepath.Clean(path)] = r.changes
}

// touchAll tells the reads that any file may have changed (the watch lost
// events): the next load looks at every file.
func (r *reads) touchAll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.changes++
	r.touchedAll = r.changes
}

// loadOptions starts a load of the articles under dir with o: the
// articles read before are taken from the cache (o.Reuse, o.Known) and,
// when the changes told are all edits of files it lists, the last listing
// of dir stands (o.Listing). A nil cache (a full build) leaves o as it is.
func (r *reads) loadOptions(o *content.Options, dir string) {
	if r == nil {
		return
	}
	o.Listing = r.beginLoad(dir)
	o.Reuse, o.Known = r.reuse, r.known
}

// beginLoad starts a load of the articles under dir: it trusts the changes
// told when every change since the last load was an article's (a folder
// moved or removed is looked at file by file). It returns the last
// listing of dir when the changes told are all edits of files it lists.
func (r *reads) beginLoad(dir string) *content.Listing {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.loadChanges, r.loadWatch = r.changes, r.watch
	r.loadTrusts = r.watch == watching && r.touchedAll <= r.lastLoad
	if !r.loadTrusts {
		return nil
	}
	dir = filepath.Clean(dir)
	listing := r.listing
	for p := range r.touched {
		rel, err := filepath.Rel(dir, p)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue // not an article
		}
		if !content.IsArticle(filepath.Base(p)) {
			r.loadTrusts = false
			return nil
		}
		if listing != nil && !listing.Has(p) {
			listing = nil // added
		} else if info, err := os.Stat(p); listing != nil && (err != nil || !info.Mode().IsRegular()) {
			listing = nil // removed
		}
	}
	return listing
}

// keepListing keeps the listing of a load that read every file without error.
func (r *reads) keepListing(l *content.Listing) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.listing = l
	r.mu.Unlock()
}

// known is content.Options.Known: the article read from path before, when
// no change was told of it since.
func (r *reads) known(path string) *content.Article {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.loadTrusts {
		return nil
	}
	if _, ok := r.touched[path]; ok {
		return nil
	}
	if ca := r.articles[path]; ca != nil && ca.result != nil {
		return ca.article
	}
	return nil
}

// reuse is content.Options.Reuse: the article read from path before, if
// the file has the same size and time, and its enrichment is kept.
func (r *reads) reuse(path string, info fs.FileInfo) *content.Article {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.touched[path]; ok {
		return nil // told it changed: a save may keep the size and the time
	}
	ca := r.articles[path]
	if ca == nil || ca.result == nil || ca.size != info.Size() || !ca.mod.Equal(info.ModTime()) {
		return nil
	}
	return ca.article
}

// remember keeps what this build read and found: the articles of the
// load (with new versions for those read now) and their enrichment.
func (r *reads) remember(articles []*content.Article, results []*extract.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	// changed in place: an edit changes one entry of ten thousand
	for i, a := range articles {
		ca := r.articles[a.Path]
		if ca == nil || ca.article != a {
			// the file's size and time as read: a save during the build
			// makes the next build read it again
			ca = &cachedArticle{size: a.Size, mod: a.Modified, article: a}
			r.articles[a.Path] = ca
		}
		if i < len(results) {
			ca.result = results[i]
		}
	}
	if len(r.articles) != len(articles) {
		// files gone, or left out (drafts, errors): only these articles stay
		this := make(map[string]bool, len(articles))
		for _, a := range articles {
			this[a.Path] = true
		}
		for p := range r.articles {
			if !this[p] {
				delete(r.articles, p)
			}
		}
	}
	// the changes told before the load began are read
	for p, n := range r.touched {
		if n <= r.loadChanges {
			delete(r.touched, p)
		}
	}
	r.lastLoad = r.loadChanges
	if r.loadWatch == watchStarting {
		r.watch = watching // this load looked at every file after the watch began
	}
}

// versions gives the articles read afresh by this load a new version: what
// a rebuild keeps their pages and search entries by. A full build's
// articles have none (0).
func (r *reads) versions(articles []*content.Article) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range articles {
		if a.Version == 0 {
			r.version++
			a.Version = r.version
		}
	}
}

// result is the kept enrichment of an article reused from the last build.
func (r *reads) result(a *content.Article) *extract.Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ca := r.articles[a.Path]; ca != nil && ca.article == a {
		return ca.result
	}
	return nil
}
