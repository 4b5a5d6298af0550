package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"digest/internal/build"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/layout"
)

func cmdExtract(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlags("extract", "digest extract [--json] [flags] PATH...: print what enrichment finds in articles (files or folders).", stdout, stderr)
	sf.register(fs, false)
	asJSON := fs.Bool("json", false, "print JSON in the shape of the extract-json contract")
	if code := fs.parse(args); code >= 0 {
		return code
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{filepath.Join(sf.source, layout.Content)}
	}
	opts := build.Options{Source: sf.source, Config: sf.config}
	cfg, err := build.ResolveConfig(opts)
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	x, err := build.NewExtractor(opts, cfg)
	if err != nil {
		reportErrors(stderr, err)
		return 1
	}
	files, errs := articleFiles(paths)
	loadOpts := build.ContentOptions(cfg, opts)
	var articles []*content.Article
	var shown []string
	for _, f := range files {
		a, ferrs := content.ReadFile(f, filepath.ToSlash(f), loadOpts)
		errs = append(errs, ferrs...)
		if a != nil {
			articles = append(articles, a)
			shown = append(shown, filepath.ToSlash(f))
		}
	}
	results := build.Enrich(x, articles)
	out := extract.JSONOutput{Articles: []extract.JSONArticle{}}
	for i, r := range results {
		out.Articles = append(out.Articles, r.JSON(shown[i]))
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "warning: %s: %s\n", shown[i], w)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintln(stderr, "digest extract:", err)
			return 1
		}
	} else {
		for _, a := range out.Articles {
			printArticle(stdout, a)
		}
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, "error:", e)
	}
	if len(errs) > 0 {
		return 1
	}
	return 0
}

// articleFiles lists the articles under paths, files as given, folders walked.
func articleFiles(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			if d.IsDir() && q != p && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
				return fs.SkipDir
			}
			if !d.IsDir() && content.IsArticle(d.Name()) {
				files = append(files, q)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	sort.Strings(files)
	return files, errs
}

func printArticle(w io.Writer, a extract.JSONArticle) {
	fmt.Fprintf(w, "%s (%s)\n", a.File, a.Lang)
	var parts []string
	for _, c := range a.Countries {
		parts = append(parts, fmt.Sprintf("%s %s ×%d", c.Code, c.Name, c.Mentions))
	}
	line(w, "countries", parts)
	parts = nil
	for _, r := range a.Regions {
		parts = append(parts, fmt.Sprintf("%s ×%d", r.Name, r.Mentions))
	}
	line(w, "regions", parts)
	parts = nil
	for _, g := range a.Agencies {
		parts = append(parts, fmt.Sprintf("%s [%s] ×%d", g.Name, g.Country, g.Mentions))
	}
	line(w, "agencies", parts)
	parts = nil
	for _, o := range a.Officials {
		role := ""
		if len(o.Roles) > 0 {
			role = ", " + o.Roles[0]
		}
		parts = append(parts, fmt.Sprintf("%s [%s%s] ×%d", o.Name, o.Country, role, o.Mentions))
	}
	line(w, "officials", parts)
	parts = nil
	for _, t := range a.Themes {
		parts = append(parts, fmt.Sprintf("%s ×%d", t.ID, t.Mentions))
	}
	line(w, "themes", parts)
	fmt.Fprintln(w)
}

func line(w io.Writer, label string, parts []string) {
	if len(parts) > 0 {
		fmt.Fprintf(w, "  %-10s %s\n", label+":", strings.Join(parts, "; "))
	}
}
