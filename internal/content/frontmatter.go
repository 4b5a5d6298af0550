package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v3"
)

// FrontMatter is the raw front matter of a file: its fields as decoded, with
// the line each key sits on so that a wrong value can be pointed at.
type FrontMatter struct {
	Format string // "toml" or "yaml"
	Fields map[string]any
	Lines  map[string]int // key → line in the file
	Order  []string       // keys in the order written
}

// Split separates front matter from the body. It returns the front-matter
// text, its format, the body, and the line of the file where the body starts.
// A byte-order mark and CRLF line endings are accepted.
func Split(path string, data []byte) (fm []byte, format string, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, "", nil, 0, &Error{Path: path, Line: 1, Msg: "the file is empty; an article needs front matter with a title and a date"}
	}
	first, rest, _ := cutLine(data)
	var delim string
	switch strings.TrimRight(string(first), " \t") {
	case "+++":
		format, delim = "toml", "+++"
	case "---":
		format, delim = "yaml", "---"
	default:
		return nil, "", nil, 0, &Error{Path: path, Line: 1, Msg: `no front matter: the file must start with a "+++" line (TOML) or a "---" line (YAML), then title and date`}
	}
	line := 2
	start := rest
	offset := 0
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		t := strings.TrimRight(string(l), " \t")
		if t == delim || (format == "yaml" && t == "...") {
			return start[:offset], format, next, line + 1, nil
		}
		offset += len(rest) - len(next)
		rest = next
		line++
	}
	return nil, "", nil, 0, &Error{Path: path, Line: 1, Msg: fmt.Sprintf("front matter opened with %q is never closed: add a %q line after the last field", delim, delim)}
}

// cutLine returns the first line without its ending (LF or CRLF) and the rest.
func cutLine(b []byte) (line, rest []byte, found bool) {
	line, rest, found = bytes.Cut(b, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), rest, found
}

// ParseFrontMatter decodes front-matter text. firstLine is the line of the
// file the text starts on, so that messages name lines of the file.
func ParseFrontMatter(path string, format string, text []byte, firstLine int) (*FrontMatter, error) {
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	switch format {
	case "toml":
		return parseTOML(path, text, firstLine)
	case "yaml":
		return parseYAML(path, text, firstLine)
	}
	return nil, &Error{Path: path, Line: 1, Msg: "unknown front matter format " + format}
}

func parseTOML(path string, text []byte, firstLine int) (*FrontMatter, error) {
	fields := map[string]any{}
	md, err := toml.Decode(string(text), &fields)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, &Error{Path: path, Line: firstLine + perr.Position.Line - 1, Col: perr.Position.Col,
				Msg: "front matter (TOML): " + perr.Message + tomlHint(perr)}
		}
		return nil, &Error{Path: path, Line: firstLine, Msg: "front matter (TOML): " + err.Error()}
	}
	fm := &FrontMatter{Format: "toml", Fields: fields, Lines: map[string]int{}}
	lines := tomlKeyLines(text)
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		fm.Order = append(fm.Order, k[0])
		line, ok := lines[k[0]]
		if !ok {
			line = 1
		}
		fm.Lines[k[0]] = firstLine + line - 1
	}
	return fm, nil
}

// tomlHint adds what an editor most often got wrong.
func tomlHint(perr toml.ParseError) string {
	if strings.Contains(perr.Message, "expected value but found") || strings.Contains(perr.Message, "bare keys cannot contain") {
		return ` (text values go between double quotes: title = "…")`
	}
	return ""
}

// tomlKeyLines finds the line where each top-level key is first assigned
// (bare, "quoted" or 'quoted'), for messages; the decoder does not say.
func tomlKeyLines(text []byte) map[string]int {
	lines := map[string]int{}
	for n := 1; len(text) > 0; n++ {
		var line []byte
		line, text, _ = bytes.Cut(text, []byte("\n"))
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			break // a table: the keys after it are not top-level
		}
		var key string
		if q := line[0]; q == '"' || q == '\'' {
			end := bytes.IndexByte(line[1:], q)
			if end < 0 {
				continue
			}
			key, line = string(line[1:1+end]), line[2+end:]
		} else {
			end := bytes.IndexAny(line, " \t=")
			if end < 0 {
				continue
			}
			key, line = string(line[:end]), line[end:]
		}
		if rest := bytes.TrimLeft(line, " \t"); len(rest) > 0 && rest[0] == '=' {
			if _, seen := lines[key]; !seen {
				lines[key] = n
			}
		}
	}
	return lines
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

func parseYAML(path string, text []byte, firstLine int) (*FrontMatter, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, yamlError(path, err, firstLine)
	}
	fm := &FrontMatter{Format: "yaml", Fields: map[string]any{}, Lines: map[string]int{}}
	if doc.Kind == 0 { // empty document
		return fm, nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Path: path, Line: firstLine + root.Line - 1, Col: root.Column,
			Msg: "front matter (YAML) must be a mapping of keys to values (title: …)"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var value any
		if err := v.Decode(&value); err != nil {
			return nil, yamlError(path, err, firstLine)
		}
		// A date written bare in YAML must stay a date, whatever the decoder makes of it.
		if v.Kind == yaml.ScalarNode && v.Tag == "!!timestamp" {
			value = v.Value
		}
		if _, dup := fm.Fields[k.Value]; dup {
			return nil, &Error{Path: path, Line: firstLine + k.Line - 1, Col: k.Column, Msg: fmt.Sprintf("front matter (YAML): key %q is given twice", k.Value)}
		}
		fm.Fields[k.Value] = value
		fm.Lines[k.Value] = firstLine + k.Line - 1
		fm.Order = append(fm.Order, k.Value)
	}
	return fm, nil
}

// yamlError turns the YAML decoder's "line N" (counted in the front matter)
// into a line of the file.
func yamlError(path string, err error, firstLine int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := firstLine
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line = firstLine + n - 1
		msg = strings.TrimSpace(strings.TrimPrefix(yamlLineRe.ReplaceAllString(msg, ""), ":"))
		msg = strings.TrimPrefix(strings.TrimSpace(msg), ": ")
	}
	return &Error{Path: path, Line: line, Msg: "front matter (YAML): " + msg}
}
