package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"digest/internal/parallel"
	"digest/internal/plaintext"

	"golang.org/x/text/unicode/norm"
)

// Options decide which articles a load keeps.
type Options struct {
	Defaults Defaults
	Drafts   bool      // keep articles marked draft
	Future   bool      // keep articles dated after Now
	Now      time.Time // the build's notion of now
	// MaxSize refuses files over this many bytes (0: no limit).
	MaxSize int64
	// Reuse, when set, may return the article a previous load read from
	// the file, unchanged since (digest serve keeps them): the file is then
	// not read again. info is the file's, as found now.
	Reuse func(path string, info fs.FileInfo) *Article
	// Known, when set, may return the article a previous load read from
	// the file when the caller knows the file has not changed since
	// (digest serve is told of every change): the file is then not even
	// looked at.
	Known func(path string) *Article
	// Listing, when set, is the listing of the folder a previous load
	// made, known to be still true (digest serve is told of every file
	// added or removed): the folder is then not walked again.
	Listing *Listing
}

// Listing is what a load found in the content folder: the articles' files,
// sorted, and the warnings about the other files.
type Listing struct {
	Files    []string
	Warnings []string
}

// Has tells whether the listing holds the file at path.
func (l *Listing) Has(path string) bool {
	i := sort.SearchStrings(l.Files, path)
	return i < len(l.Files) && l.Files[i] == path
}

// Result is what a load found.
type Result struct {
	Articles []*Article // newest first, then by slug
	Drafts   int        // left out because draft
	Future   int        // left out because dated in the future
	// Warnings name the files of content/ that were not read as articles.
	Warnings []string
	// Listing is the folder's listing this load made or was given.
	Listing *Listing
}

// IsArticle tells whether a file name is an article, leaving out the backup
// and swap files editors leave beside them.
func IsArticle(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".md" && ext != ".markdown" {
		return false
	}
	return !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "#")
}

// IsEditorFile tells whether a file is one an editor or a tool keeps
// beside the files it edits: backups, swap and lock files, temporary
// saves. Vim writes 4913 to test a folder, x.swp and x~; Emacs #x# and
// .#x; JetBrains x___jb_tmp___; sed -i a sedXXXXXX it renames over the
// file; Microsoft Office ~$x; Chrome's file system access x.crswap.
func IsEditorFile(name string) bool {
	switch {
	case strings.HasSuffix(name, "~"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, ".#"), name == ".DS_Store", name == "4913", name == "Thumbs.db",
		strings.HasPrefix(name, ".goutputstream-"), strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"), strings.HasSuffix(name, ".bck"),
		strings.HasPrefix(name, "~$"), isSedTemp(name):
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".crswap", ".kate-swp":
		return true
	}
	return false
}

// isSedTemp tells whether name is GNU sed's temporary file: "sed" and six
// letters or digits (mkstemp's sedXXXXXX).
func isSedTemp(name string) bool {
	if len(name) != 9 || !strings.HasPrefix(name, "sed") {
		return false
	}
	for _, c := range name[3:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// Load reads every article under dir. It reports every bad file (the
// returned error joins one error per problem) and returns the good ones.
func Load(dir string, opts Options) (*Result, error) {
	var errs []error
	listing := opts.Listing
	if listing == nil {
		var err error
		if listing, errs, err = list(dir); err != nil {
			return nil, err
		}
	}
	files := listing.Files

	articles := make([]*Article, len(files))
	fileErrs := make([][]error, len(files))
	parallel.For(len(files), func(i int) {
		if opts.Known != nil {
			if a := opts.Known(files[i]); a != nil {
				articles[i] = a
				return
			}
		}
		rel, _ := filepath.Rel(dir, files[i])
		info, err := os.Stat(files[i])
		if err != nil {
			fileErrs[i] = []error{&Error{Path: files[i], Msg: "cannot read: " + unwrapPath(err)}}
			return
		}
		if opts.Reuse != nil {
			if a := opts.Reuse(files[i], info); a != nil {
				articles[i] = a
				return
			}
		}
		articles[i], fileErrs[i] = readFile(files[i], filepath.ToSlash(rel), info, opts)
	})

	res := &Result{Warnings: listing.Warnings, Listing: listing}
	var parsed []*Article
	for i, a := range articles {
		errs = append(errs, fileErrs[i]...)
		if a != nil {
			parsed = append(parsed, a)
		}
	}
	// Drafts and future articles count too: they would collide the day they are published.
	errs = append(errs, duplicateSlugs(parsed)...)
	for _, a := range parsed {
		switch {
		case a.Draft && !opts.Drafts:
			res.Drafts++
		case a.Date.After(opts.Now) && !opts.Future:
			res.Future++
		default:
			res.Articles = append(res.Articles, a)
		}
	}
	sort.Slice(res.Articles, func(i, j int) bool {
		a, b := res.Articles[i], res.Articles[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Slug < b.Slug
	})
	return res, errors.Join(errs...)
}

func duplicateSlugs(articles []*Article) []error {
	bySlug := map[string]*Article{}
	var errs []error
	for _, a := range articles {
		if prev, ok := bySlug[a.Slug]; ok {
			errs = append(errs, &Error{Path: a.Path, Msg: fmt.Sprintf(
				"slug %q is already used by %s: both would be written to the same page; give one of them another slug = \"…\" in its front matter",
				a.Slug, prev.Path)})
			continue
		}
		bySlug[a.Slug] = a
	}
	return errs
}

// ReadFile reads and checks one article. rel is its path in the content folder.
func ReadFile(path, rel string, opts Options) (*Article, []error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, []error{&Error{Path: path, Msg: "cannot read: " + unwrapPath(err)}}
	}
	return readFile(path, rel, info, opts)
}

// readFile is ReadFile with the file's information found already.
func readFile(path, rel string, info fs.FileInfo, opts Options) (*Article, []error) {
	if !info.Mode().IsRegular() {
		return nil, []error{&Error{Path: path, Msg: "is not a file (a folder or a device); rename it so it does not end in .md"}}
	}
	if opts.MaxSize > 0 && info.Size() > opts.MaxSize {
		return nil, []error{&Error{Path: path, Msg: fmt.Sprintf("is %s, over the limit of %s for an article (maxArticleSize in config.toml)",
			sizeText(info.Size()), sizeText(opts.MaxSize))}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []error{&Error{Path: path, Msg: "cannot read: " + unwrapPath(err)}}
	}
	a, errs := Parse(path, rel, data, opts)
	if a != nil {
		a.Size, a.Modified = info.Size(), info.ModTime()
	}
	return a, errs
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
}

// checkText refuses what is not UTF-8 text, with the place of the first
// bad byte.
func checkText(path string, data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{Path: path, Line: 1 + bytes.Count(data[:i], []byte("\n")),
			Msg: "is a binary file (it holds a NUL byte), not a Markdown article"}
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			line := 1 + bytes.Count(data[:i], []byte("\n"))
			col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:i], '\n')+1:i])
			return &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(
				"is not valid UTF-8 (byte 0x%02X); save it as UTF-8 (it may be Latin-1 or Windows-1252: iconv -f windows-1252 -t utf-8)", data[i])}
		}
		i += size
	}
	return nil
}

// Parse checks one article from its bytes.
func Parse(path, rel string, data []byte, opts Options) (*Article, []error) {
	if err := checkText(path, data); err != nil {
		return nil, []error{err}
	}
	fmText, format, body, bodyLine, err := Split(path, data)
	if err != nil {
		return nil, []error{err}
	}
	fm, err := ParseFrontMatter(path, format, fmText, 2)
	if err != nil {
		return nil, []error{err}
	}
	a := &Article{File: rel, Path: path, Body: body, BodyLine: bodyLine}
	if errs := a.fields(fm, opts.Defaults); len(errs) > 0 {
		return nil, errs
	}
	if a.Slug == "" {
		a.Slug = FileSlug(rel)
		if a.Slug == "" {
			return nil, []error{&Error{Path: path, Msg: `the file name gives no slug (no letters or digits); add slug = "…" to the front matter`}}
		}
	}
	// One plain reading of the body gives the default summary and the
	// text enrichment reads, in Unicode's composed form.
	if !norm.NFC.IsNormal(a.Body) {
		a.Body = norm.NFC.Bytes(a.Body)
	}
	a.Title, a.Summary = norm.NFC.String(a.Title), norm.NFC.String(a.Summary)
	part := plaintext.ParseBody(a.Body)
	if a.Summary == "" {
		a.Summary = part.Lead
	}
	a.SummaryIsLead = a.Summary == part.Lead
	summary := a.Summary
	if a.SummaryIsLead {
		summary = ""
	}
	a.Text = plaintext.New(a.Title, summary, part)
	if a.Lang == "" {
		a.Lang = GuessLang(a.Text.Text, opts.Defaults.FallbackLang)
	}
	return a, nil
}

// unwrapPath drops the path a *fs.PathError repeats, since messages start with it.
func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// list walks the content folder: the articles' files, sorted, and what it
// skipped; errs are the folders it could not read.
func list(dir string) (*Listing, []error, error) {
	var files []string
	var errs []error
	var warnings []string
	walkErr := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Path: p, Msg: "cannot read: " + unwrapPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				warnings = append(warnings, p+": folder skipped (its name starts with "+name[:1]+")")
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case IsArticle(name):
			files = append(files, p)
		case IsEditorFile(name):
		case strings.HasPrefix(name, "."):
			warnings = append(warnings, p+": hidden file skipped")
		default:
			warnings = append(warnings, p+": skipped, not an article (articles end in .md)")
		}
		return nil
	})
	if walkErr != nil {
		return nil, nil, walkErr
	}
	sort.Strings(files)
	return &Listing{Files: files, Warnings: warnings}, errs, nil
}
