package render

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"digest/internal/config"
	"digest/internal/content"
	"digest/internal/extract"
	"digest/internal/index"
	"digest/internal/textdist"
)

// This file says template errors in a template writer's words: not Go's
// types (*render.Page) but what the value is (a page, .Article), with the
// field meant when a Hugo habit is behind it (.Content is .Article.Content
// here), and once per distinct error rather than once per page.

// PageError is a template's failure on one page.
type PageError struct {
	Page string // the page's site path: "" for the home page
	// Msg is the error, starting with the file and line it is at.
	Msg string
}

func (e *PageError) Error() string { return fmt.Sprintf("%s (page %s)", e.Msg, ShowPath(e.Page)) }

// ShowPath is a site path as messages show it: "/" for the home page,
// "/articles/a/".
func ShowPath(p string) string { return "/" + strings.TrimPrefix(p, "/") }

// JoinErrors joins errs as errors.Join does, but one template error that
// many pages hit is one line, with the number of pages and the first of
// them: a broken article.html on 10,000 articles is one line, not 10,000.
func JoinErrors(errs []error) error {
	type group struct {
		first string
		pages int
	}
	groups := map[string]*group{}
	var out []error
	var order []string
	var flat func(err error)
	flat = func(err error) {
		if err == nil {
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				flat(e)
			}
			return
		}
		var pe *PageError
		if !errors.As(err, &pe) {
			out = append(out, err)
			order = append(order, "")
			return
		}
		g, ok := groups[pe.Msg]
		if !ok {
			g = &group{first: pe.Page}
			groups[pe.Msg] = g
			out = append(out, nil)
			order = append(order, pe.Msg)
		}
		g.pages++
	}
	for _, err := range errs {
		flat(err)
	}
	for i, msg := range order {
		if msg == "" {
			continue
		}
		g := groups[msg]
		if g.pages == 1 {
			out[i] = fmt.Errorf("%s (page %s)", msg, ShowPath(g.first))
		} else {
			out[i] = fmt.Errorf("%s (on %d pages, the first %s)", msg, g.pages, ShowPath(g.first))
		}
	}
	return errors.Join(out...)
}

// dataType is a type templates see, as a template writer knows it.
type dataType struct {
	t    reflect.Type
	what string // what a value of it is: "a page (the . of a page template)"
	// hints are fields Hugo users reach for, and what to write here
	hints map[string]string
}

// pageHints are Hugo's page fields and where digest keeps them.
var pageHints = map[string]string{
	"Content":         ".Article.Content",
	"Params":          ".Site.Params (the config's [params]), or .Article.Params (an article's own front matter)",
	"Summary":         ".Article.Summary",
	"Description":     ".Article.Summary, or .Site.Params.description",
	"Date":            ".Article.Date",
	"PublishDate":     ".Article.Date",
	"Lastmod":         ".Article.Date",
	"Draft":           ".Article.Draft",
	"Slug":            ".Article.Slug",
	"File":            ".Article.File",
	"Aliases":         ".Article.Aliases",
	"Related":         ".Article.Related",
	"Source":          ".Article.Source",
	"Tags":            ".Article.Chips.Themes (and .Countries, .Officials, .Agencies, .Regions)",
	"Categories":      ".Article.Chips.Themes",
	"Pages":           ".Articles (the articles of this page of a list)",
	"RegularPages":    ".Articles (the articles of this page of a list)",
	"Data":            ".Articles, or .Entity on an entity's page",
	"Paginator":       ".Pager (and .Articles for this page's articles)",
	"Next":            ".Pager.Next",
	"Prev":            ".Pager.Prev",
	"Language":        ".Site.Language (or .Lang, the language of the page's content)",
	"Type":            ".Kind",
	"IsHome":          `eq .Kind "home"`,
	"IsPage":          `eq .Kind "article"`,
	"LinkTitle":       ".Title",
	"RelPermalink":    `rel . .Path (relative, as digest's links are), or .Permalink`,
	"Menus":           ".Nav",
	"Sections":        ".Site.Sections",
	"Translations":    ".Lang (digest makes one language per site)",
	"TableOfContents": ".Article.Content (digest does not make a table of contents)",
}

var articleHints = map[string]string{
	"Permalink":    `$.AbsURL .URL`,
	"RelPermalink": `rel $ .URL`,
	"PublishDate":  ".Date",
	"Lastmod":      ".Date (or .Modified, the file's time)",
	"Description":  ".Summary",
	"Tags":         ".Chips.Themes",
	"Categories":   ".Chips.Themes",
	"LinkTitle":    ".Title",
	"Plain":        ".Summary",
}

var linkHints = map[string]string{
	"Title":        ".Name",
	"Permalink":    `$.AbsURL .URL`,
	"RelPermalink": `rel $ .URL`,
}

var dataTypes = map[string]dataType{
	"render.Page": {reflect.TypeOf(Page{}), "a page (the . of a page template)", pageHints},
	"render.Site": {reflect.TypeOf(Site{}), ".Site", map[string]string{
		"Pages":        ".Articles (on the home page and lists)",
		"RegularPages": ".Articles (on the home page and lists)",
		"LanguageCode": ".Site.Language",
		"Menus":        ".Nav (on the page, not the site)",
		"Copyright":    ".Site.Params.copyright (any key of the config's [params])",
		"Author":       ".Site.Params.author (any key of the config's [params])",
		"Home":         `rel . "" (the home page's URL from this page)`,
		"Taxonomies":   ".Site.Sections (the list pages: pays/, themes/…)",
		"Data":         ".Entity.Meta (data/entities.toml, on entity pages)",
	}},
	"render.Article":          {reflect.TypeOf(Article{}), "an article (.Article, or an item of .Articles)", articleHints},
	"content.Article":         {reflect.TypeOf(content.Article{}), "an article (.Article, or an item of .Articles)", articleHints},
	"render.Entity":           {reflect.TypeOf(Entity{}), "an entity (.Entity)", linkHints},
	"index.Entry":             {reflect.TypeOf(index.Entry{}), "an entity (.Entity)", linkHints},
	"render.EntityLink":       {reflect.TypeOf(EntityLink{}), "an entity link (of .Links, .Trending, .Article.Chips, .Entity.Countries…)", linkHints},
	"render.Pager":            {reflect.TypeOf(Pager{}), ".Pager", map[string]string{"PageNumber": ".Number", "TotalPages": ".Total", "HasNext": ".Next", "HasPrev": ".Prev"}},
	"render.PagerLink":        {reflect.TypeOf(PagerLink{}), "a page number (of .Pager.Numbers)", nil},
	"render.Chips":            {reflect.TypeOf(Chips{}), ".Article.Chips", map[string]string{"Tags": ".Themes"}},
	"render.Month":            {reflect.TypeOf(Month{}), "a month of the archive (.Month, or of a year's .Months)", nil},
	"render.Year":             {reflect.TypeOf(Year{}), "a year of the archive (of .Years)", nil},
	"render.NavItem":          {reflect.TypeOf(NavItem{}), "a section of the site (of .Nav)", map[string]string{"Name": `$.T .Key`, "Title": `$.T .Key`}},
	"render.Term":             {reflect.TypeOf(Term{}), "a term of office (of .Entity.Terms)", nil},
	"render.Meta":             {reflect.TypeOf(Meta{}), ".Entity.Meta (data/entities.toml)", nil},
	"render.MetaLink":         {reflect.TypeOf(MetaLink{}), "a link (of .Entity.Meta.Links)", nil},
	"extract.Result":          {reflect.TypeOf(extract.Result{}), ".Article.Entities", nil},
	"extract.Entity":          {reflect.TypeOf(extract.Entity{}), "an entity found in the article (of .Article.Entities.Countries…)", nil},
	"index.RoleSeen":          {reflect.TypeOf(index.RoleSeen{}), "a role (of .Entity.Roles)", nil},
	"config.Sections":         {reflect.TypeOf(config.Sections{}), ".Site.Sections", nil},
	"time.Time":               {reflect.TypeOf(time.Time{}), "a date", nil},
	"template.HTML":           {reflect.TypeOf(template.HTML("")), "HTML", nil},
	"time.Month":              {reflect.TypeOf(time.January), "a month", nil},
	"time.Location":           {reflect.TypeOf(time.Location{}), "a time zone", nil},
	"time.Duration":           {reflect.TypeOf(time.Duration(0)), "a duration", nil},
	"string":                  {reflect.TypeOf(""), "text", nil},
	"bool":                    {reflect.TypeOf(false), "true or false", nil},
	"int":                     {reflect.TypeOf(0), "a number", nil},
	"int64":                   {reflect.TypeOf(int64(0)), "a number", nil},
	"float64":                 {reflect.TypeOf(0.0), "a number", nil},
	"map[string]interface {}": {reflect.TypeOf(map[string]any{}), "a map (.Params, or a dict)", nil},
	"map[string]string":       {reflect.TypeOf(map[string]string{}), "a map", nil},
}

// typeWhat says a Go type of a message as a template writer knows it.
func typeWhat(goType string) string {
	t := strings.TrimPrefix(goType, "*")
	if d, ok := dataTypes[t]; ok {
		return d.what
	}
	if elem, ok := strings.CutPrefix(t, "[]"); ok {
		return "a list (of " + typeWhat(elem) + ")"
	}
	if i := strings.LastIndex(t, "."); i >= 0 {
		return t[i+1:]
	}
	return t
}

// fieldsOf are the fields and methods templates can reach on a type.
func fieldsOf(t reflect.Type) []string {
	var names []string
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && !f.Anonymous {
				names = append(names, f.Name)
			}
		}
	}
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		names = append(names, pt.Method(i).Name)
	}
	sort.Strings(names)
	return names
}

var (
	executingRe = regexp.MustCompile(`executing "[^"]*" at (<.*?>): `)
	noFieldRe   = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)`)
	nilPtrRe    = regexp.MustCompile(`nil pointer evaluating (\*?[\w.]+)\.(\w+)`)
	goTypeRe    = regexp.MustCompile(`(?:\[\])?\*?(?:render|content|index|extract|config|template|time)\.[A-Z]\w*|map\[string\]interface \{\}`)
	iterateRe   = regexp.MustCompile(`range can't iterate over .*`)
	undefFuncRe = regexp.MustCompile(`function "(\w+)" not defined`)
)

// explainExec rewrites a template's execution error (the file already
// named) in the words of the README's Templates section.
func explainExec(msg string) string {
	msg = executingRe.ReplaceAllString(msg, "at $1: ")
	if m := noFieldRe.FindStringSubmatchIndex(msg); m != nil {
		field, goType := msg[m[2]:m[3]], msg[m[4]:m[5]]
		msg = msg[:m[0]] + typeWhat(goType) + " has no field ." + field + fieldHint(goType, field) + msg[m[1]:]
	}
	if m := nilPtrRe.FindStringSubmatchIndex(msg); m != nil {
		goType, field := msg[m[2]:m[3]], msg[m[4]:m[5]]
		what := typeWhat(goType)
		hint := ""
		if strings.HasSuffix(goType, "render.Article") {
			what, hint = "there is no article on this page", " (.Article is set on article pages only; test it with {{with .Article}})"
		} else if strings.HasSuffix(goType, "render.Entity") {
			what, hint = "there is no entity on this page", " (.Entity is set on entity pages only; test it with {{with .Entity}})"
		} else {
			what = "there is no " + strings.TrimPrefix(strings.TrimPrefix(what, "a "), "an ") + " here"
			hint = " (test it first with {{with …}})"
		}
		msg = msg[:m[0]] + what + " to read ." + field + " from" + hint + msg[m[1]:]
	}
	// a value printed whole can be the whole site
	msg = strings.ReplaceAll(msg, "html/template:", "")
	msg = strings.ReplaceAll(msg, "len of type ", "len of ")
	msg = iterateRe.ReplaceAllString(msg, "range can't iterate over this value (it is not a list)")
	return goTypeRe.ReplaceAllStringFunc(msg, typeWhat)
}

// fieldHint says what to write instead of a field a type does not have.
func fieldHint(goType, field string) string {
	d, ok := dataTypes[strings.TrimPrefix(goType, "*")]
	if !ok {
		return ""
	}
	if h, ok := d.hints[field]; ok {
		return "; write " + h
	}
	fields := fieldsOf(d.t)
	if near := textdist.Nearest(field, fields, 2); near != "" {
		return fmt.Sprintf("; did you mean .%s?", near)
	}
	if len(fields) > 0 && len(fields) <= 45 {
		return "; it has ." + strings.Join(fields, ", .")
	}
	return ""
}

// funcHints are Hugo's template functions and what digest has instead.
var funcHints = map[string]string{
	"partial":     `{{template "partials/NAME.html" .}}`,
	"relURL":      `{{rel . "path"}}`,
	"relLangURL":  `{{rel . "path"}}`,
	"absLangURL":  `{{absURL "path"}}`,
	"i18n":        `{{.T "key"}}`,
	"dateFormat":  `{{date .Site.Language .Article.Date}} or {{isoDate .Article.Date}}`,
	"time":        `{{date .Site.Language .Article.Date}}`,
	"safeHTML":    `.Article.Content, which is HTML already (other text is escaped, as it must be)`,
	"markdownify": `.Article.Content, the body made HTML (front-matter text is shown as text)`,
	"default":     `{{with .X}}{{.}}{{else}}…{{end}}`,
	"urlize":      `{{rel . .URL}} with the page's own URL`,
	"now":         `.Article.Date (pages do not depend on the clock, so two builds match)`,
}

// explainParse adds to a parse error what to write instead of a Hugo
// function, or the function nearest a misspelt name.
func explainParse(msg string, funcs template.FuncMap) string {
	m := undefFuncRe.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	if h, ok := funcHints[m[1]]; ok {
		return msg + "; write " + h
	}
	names := []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}
	for name := range funcs {
		names = append(names, name)
	}
	sort.Strings(names)
	if near := textdist.Nearest(m[1], names, 2); near != "" {
		return fmt.Sprintf("%s; did you mean %s?", msg, near)
	}
	return msg
}

// action is a block action of a template's text: if, range, with,
// define, block; and the line it is on.
type action struct {
	word, text string
	line       int
}

// unclosed finds, in a template's text, the block action that has no
// {{end}}: the innermost left open at the end of the file. When that is a
// define or block, the {{end}} meant for it most likely closed an action
// inside it whose own {{end}} is missing: that one is named, with the
// define. ok is false when every action is closed.
func unclosed(text string) (culprit action, outer *action, ok bool) {
	var stack []action
	var lastClosed *action // the action the last {{end}} closed, and at what depth
	lastDepth := -1
	line := 1
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			break
		}
		line += strings.Count(text[i:i+j], "\n")
		start := i + j + 2
		end := actionEnd(text, start)
		if end < 0 {
			break
		}
		body := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(text[start:end], "-"), "-"))
		word, _, _ := strings.Cut(body, " ")
		switch word {
		case "if", "range", "with", "define", "block":
			short := body
			if len(short) > 40 {
				short = short[:40] + "…"
			}
			stack = append(stack, action{word: word, text: "{{" + short + "}}", line: line})
		case "end":
			if len(stack) > 0 {
				closed := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				lastClosed, lastDepth = &closed, len(stack)
			}
		}
		line += strings.Count(text[i+j:end], "\n")
		i = end + 2
	}
	if len(stack) == 0 {
		return action{}, nil, false
	}
	top := stack[len(stack)-1]
	if (top.word == "define" || top.word == "block") && lastClosed != nil && lastDepth == len(stack) {
		return *lastClosed, &top, true
	}
	return top, nil, true
}

// actionEnd is where the action starting at start ends (the index of its
// "}}"), skipping quoted text and comments; -1 when it does not end.
func actionEnd(text string, start int) int {
	if strings.HasPrefix(strings.TrimLeft(text[start:], "- "), "/*") {
		k := strings.Index(text[start:], "*/")
		if k < 0 {
			return -1
		}
		if e := strings.Index(text[start+k:], "}}"); e >= 0 {
			return start + k + e
		}
		return -1
	}
	var quote byte
	for k := start; k < len(text); k++ {
		c := text[k]
		switch {
		case quote != 0:
			if c == '\\' && quote != '`' {
				k++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '}' && k+1 < len(text) && text[k+1] == '}':
			return k
		}
	}
	return -1
}

// explainEOF says where an "unexpected EOF" of a template comes from: the
// line of the action that is not closed, rather than the file's end.
func explainEOF(shown, text string) (string, bool) {
	a, outer, ok := unclosed(text)
	if !ok {
		return "", false
	}
	msg := fmt.Sprintf("%s:%d: %s is not closed: add its {{end}}", shown, a.line, a.text)
	if outer != nil {
		msg += fmt.Sprintf(" (as written, the {{end}} after it closes it, and %s on line %d is left open)", outer.text, outer.line)
	}
	return msg, true
}
