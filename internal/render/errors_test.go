package render

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"digest"
	"digest/internal/config"
)

// renderWith makes a renderer of the built-in templates with files over
// them, as a site's templates/ folder.
func renderWith(t *testing.T, files map[string]string) (*Renderer, error) {
	t.Helper()
	site := fstest.MapFS{}
	for name, text := range files {
		site[name] = &fstest.MapFile{Data: []byte(text)}
	}
	strs, err := LoadStrings(nil)
	if err != nil {
		t.Fatal(err)
	}
	return New(config.Default(), []Layer{{FS: digest.Templates(), Name: "(built-in)"}, {FS: site, Name: "templates"}}, strs)
}

var goTypeInMessage = regexp.MustCompile(`\*?\b(render|content|index|extract|config)\.[A-Z]|interface \{\}`)

// TestTemplateExecErrors: a template's error on a page names the file and
// line, says what the value is in the words of the README (not Go's
// types), and what to write for a field Hugo users reach for.
func TestTemplateExecErrors(t *testing.T) {
	article := &Page{Kind: KindArticle, Path: "articles/a/", Article: &Article{Title: "A"}}
	home := &Page{Kind: KindHome, Path: ""}
	for _, c := range []struct {
		name, template string
		page           *Page
		want           []string
	}{
		{"Hugo's .Content", "{{define \"main\"}}\n{{.Content}}{{end}}", article,
			[]string{"templates/article.html:2:2: at <.Content>: a page (the . of a page template) has no field .Content; write .Article.Content"}},
		{"Hugo's .Params", "{{define \"main\"}}{{.Params.x}}{{end}}", article,
			[]string{"has no field .Params; write .Site.Params (the config's [params]), or .Article.Params"}},
		{"Hugo's .Date", "{{define \"main\"}}{{.Date}}{{end}}", article, []string{"write .Article.Date"}},
		{"Hugo's .Paginator", "{{define \"main\"}}{{.Paginator}}{{end}}", article, []string{"write .Pager"}},
		{"Hugo's .Site.Menus", "{{define \"main\"}}{{.Site.Menus}}{{end}}", article, []string{".Site has no field .Menus; write .Nav"}},
		{"Hugo's .RelPermalink in an article", "{{define \"main\"}}{{with .Article}}{{.RelPermalink}}{{end}}{{end}}", article,
			[]string{"an article (.Article, or an item of .Articles) has no field .RelPermalink; write rel $ .URL"}},
		{"a misspelt field", "{{define \"main\"}}{{.Article.Titel}}{{end}}", article, []string{"has no field .Titel; did you mean .Title?"}},
		{"an unknown field", "{{define \"main\"}}{{.Frobnicate}}{{end}}", article, []string{"has no field .Frobnicate; it has .AbsURL, .Alternates, .Article, .Articles,"}},
		{"no article on the home page", "{{define \"main\"}}{{.Article.Title}}{{end}}", home,
			[]string{"templates/index.html:1:27: at <.Article.Title>: there is no article on this page to read .Title from (.Article is set on article pages only; test it with {{with .Article}})"}},
		{"no pager", "{{define \"main\"}}{{.Pager.Number}}{{end}}", article, []string{"there is no .Pager here to read .Number from"}},
		{"range over a struct", "{{define \"main\"}}{{range .Site}}{{end}}{{end}}", article, []string{"range can't iterate over this value (it is not a list)"}},
		{"in a partial", "{{define \"main\"}}{{template \"partials/x.html\" .}}{{end}}", article, []string{"templates/partials/x.html:1:10: at <.Article.Nope>: an article"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := kindTemplate[c.page.Kind]
			r, err := renderWith(t, map[string]string{file: c.template, "partials/x.html": "{{.Article.Nope}}"})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			err = r.RenderTo(&buf, c.page)
			var pe *PageError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a PageError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(pe.Msg, w) {
					t.Errorf("message lacks %q:\n%s", w, pe.Msg)
				}
			}
			if goTypeInMessage.MatchString(err.Error()) || strings.Contains(err.Error(), "executing") {
				t.Errorf("a Go type or Go's wording in the message:\n%s", err)
			}
			if want := fmt.Sprintf("(page %s)", ShowPath(c.page.Path)); !strings.HasSuffix(err.Error(), want) {
				t.Errorf("the message does not end with %s: %s", want, err)
			}
		})
	}
}

// TestTemplateParseErrors: an action left open is reported at its line,
// not at the file's end (or its define's first line); a Hugo function
// says what to write instead.
func TestTemplateParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{"if in a define", "{{define \"main\"}}\n<h1>x</h1>\n{{if .Article}}\n<p>y</p>\n{{end}}\n",
			`templates/article.html:3: {{if .Article}} is not closed: add its {{end}} (as written, the {{end}} after it closes it, and {{define "main"}} on line 1 is left open)`},
		{"range at the top", "<ul>\n\n{{range .Articles}}\n<li>x</li>\n</ul>\n", "templates/article.html:3: {{range .Articles}} is not closed: add its {{end}}"},
		{"a with in a closed if", "{{define \"main\"}}\n{{if .Article}}{{with .Article}}\n{{end}}\n{{end}}", "templates/article.html:2: {{if .Article}} is not closed"},
		{"the last of several", "{{define \"main\"}}\n{{with .Article}}{{end}}\n{{- if .Title}}\n{{range .Articles}}{{end}}\n{{end}}\n", "templates/article.html:3: {{if .Title}} is not closed"},
		{"braces in a string and a comment", "{{define \"main\"}}\n{{/* {{if}} */}}{{printf \"}}{{if\"}}\n{{if .Title}}\n{{end}}", "templates/article.html:3: {{if .Title}} is not closed"},
		{"the define itself", "{{define \"main\"}}\n<p>x</p>\n", `templates/article.html:1: {{define "main"}} is not closed: add its {{end}}`},
		{"Hugo's partial", "{{define \"main\"}}\n{{partial \"x.html\" .}}{{end}}", `templates/article.html:2: function "partial" not defined; write {{template "partials/NAME.html" .}}`},
		{"a misspelt function", "{{define \"main\"}}\n{{dat .Lang .Article.Date}}{{end}}", `templates/article.html:2: function "dat" not defined; did you mean date?`},
		{"an end too many", "{{define \"main\"}}{{end}}\n{{end}}", "templates/article.html:2: unexpected {{end}}"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := renderWith(t, map[string]string{"article.html": c.text})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestJoinErrors: one line per distinct template error, with the number
// of pages it hit and the first of them; other errors as they are.
func TestJoinErrors(t *testing.T) {
	var errs []error
	for i := 0; i < 10000; i++ {
		errs = append(errs, &PageError{Page: fmt.Sprintf("articles/a%d/", i), Msg: "templates/article.html:2:6: at <.X>: boom"})
	}
	errs = append(errs, nil, errors.New("content/a.md:3: date: bad"), &PageError{Page: "", Msg: "templates/index.html:1:1: other"},
		errors.Join(&PageError{Page: "articles/z/", Msg: "templates/article.html:2:6: at <.X>: boom"}))
	got := strings.Split(JoinErrors(errs).Error(), "\n")
	want := []string{
		"templates/article.html:2:6: at <.X>: boom (on 10001 pages, the first /articles/a0/)",
		"content/a.md:3: date: bad",
		"templates/index.html:1:1: other (page /)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if JoinErrors([]error{nil, nil}) != nil {
		t.Error("no error joined is not nil")
	}
}
