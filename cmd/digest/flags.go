package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"digest/internal/layout"
	"digest/internal/textdist"
)

// flags is a command's flag set. Its help goes to standard output (so that
// "digest help build | less" shows it) and exits 0; a wrong command line
// is one line on standard error, exit 2, with what was probably meant.
type flags struct {
	*flag.FlagSet
	name, synopsis string
	stdout, stderr io.Writer
	// aliases are the other names of a flag, shown with it in the help
	aliases map[string][]string
	isAlias map[string]bool
	// site, when the command reads a site, is found after parsing
	site *siteFlags
}

func newFlags(name, synopsis string, stdout, stderr io.Writer) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), name: name, synopsis: synopsis,
		stdout: stdout, stderr: stderr, aliases: map[string][]string{}, isAlias: map[string]bool{}}
	// the flag package prints its message and the whole help on a parse
	// error: parse says it in one line instead
	f.SetOutput(io.Discard)
	f.Usage = func() {}
	return f
}

// alias makes name another name of the flag of, as Hugo's -D is --buildDrafts.
func (f *flags) alias(name, of string) {
	f.Var(f.Lookup(of).Value, name, "same as --"+of)
	f.aliases[of] = append(f.aliases[of], name)
	f.isAlias[name] = true
}

// dash is a flag's name as the help writes it: -D, --drafts.
func dash(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// help prints the synopsis and the flags, an alias beside its flag.
func (f *flags) help(w io.Writer) {
	fmt.Fprintf(w, "%s\n\nFlags:\n", f.synopsis)
	f.VisitAll(func(fl *flag.Flag) {
		if f.isAlias[fl.Name] {
			return
		}
		arg, usage := flag.UnquoteUsage(fl)
		names := []string{dash(fl.Name)}
		for _, a := range f.aliases[fl.Name] {
			names = append(names, dash(a))
		}
		line := "  " + strings.Join(names, ", ")
		if arg != "" {
			line += " " + arg
		}
		fmt.Fprintln(w, line)
		if fl.DefValue != "" && fl.DefValue != "0" && fl.DefValue != "false" && !strings.Contains(usage, "default") {
			usage += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		fmt.Fprintf(w, "        %s\n", usage)
	})
}

// parse parses args, returning -1 to go on or the exit status: 0 after
// the help, 2 after a wrong flag.
func (f *flags) parse(args []string) int {
	err := f.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		f.help(f.stdout)
		return 0
	}
	if err != nil {
		fmt.Fprintf(f.stderr, "digest %s: %s; see \"digest help %s\"\n", f.name, f.explain(err), f.name)
		return 2
	}
	if f.site != nil {
		f.site.resolve(f)
	}
	return -1
}

// given tells whether the command line set the flag.
func (f *flags) given(name string) bool {
	set := false
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == name {
			set = true
		}
	})
	return set
}

var (
	undefinedRe = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	needsArgRe  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	invalidRe   = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): (.*)$`)
)

// explain says a flag package error in the words of the help.
func (f *flags) explain(err error) string {
	msg := err.Error()
	if m := undefinedRe.FindStringSubmatch(msg); m != nil {
		var names []string
		f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
		sort.Strings(names)
		out := fmt.Sprintf("unknown flag %s", dash(m[1]))
		// a transposition is two edits; one letter is too short to guess from
		maxD := min(len(m[1])-1, 2)
		if len(m[1]) > 6 {
			maxD = 3
		}
		if near := textdist.Nearest(m[1], names, maxD); near != "" {
			out += fmt.Sprintf(" (did you mean %s?)", dash(near))
		}
		return out
	}
	if m := needsArgRe.FindStringSubmatch(msg); m != nil {
		arg := "a value"
		if fl := f.Lookup(m[1]); fl != nil {
			if a, _ := flag.UnquoteUsage(fl); a != "" {
				arg = "a " + a
			}
		}
		return fmt.Sprintf("%s needs %s after it", dash(m[1]), arg)
	}
	if m := invalidRe.FindStringSubmatch(msg); m != nil {
		want := m[3]
		if fl := f.Lookup(m[2]); fl != nil {
			if g, ok := fl.Value.(flag.Getter); ok {
				switch g.Get().(type) {
				case bool:
					want = "true or false"
				case int, int64, uint, uint64:
					want = "a whole number"
				}
			}
		}
		return fmt.Sprintf("%s: %q is not a valid value (%s)", dash(m[2]), m[1], want)
	}
	return strings.Replace(msg, " -", " --", 1)
}

// siteFlags are the flags every command that reads a site takes.
type siteFlags struct {
	source, destination, config string
}

func (s *siteFlags) register(f *flags, withDestination bool) {
	f.StringVar(&s.source, "source", ".", "the site `folder` (holding content/, templates/, static/, config.toml; default: the one holding the current folder)")
	f.StringVar(&s.config, "config", "", "the config `file` (default: config.toml in the source folder, optional)")
	if withDestination {
		f.StringVar(&s.destination, "destination", "", "the output `folder` (default: the config's output, public/)")
	}
	f.site = s
}

// resolve finds the site folder when --source is not given: run in
// content/ or deeper, a command works on the site around it, as git does.
func (s *siteFlags) resolve(f *flags) {
	if !f.given("source") {
		s.source = siteRoot(".")
	}
}

// siteRoot is the site folder start is in: going up from start, the first
// folder that holds config.toml, or the one a content/ folder is in, or
// one that holds content/; start itself when there is none. It is given
// relative to start ("..", "../..") as messages show it.
func siteRoot(start string) string {
	abs, err := filepath.Abs(start)
	if err != nil {
		return start
	}
	found := ""
	for dir := abs; found == ""; {
		switch {
		case isFile(filepath.Join(dir, layout.Config)):
			found = dir
		case filepath.Base(dir) == layout.Content:
			found = filepath.Dir(dir)
		case isDir(filepath.Join(dir, layout.Content)):
			found = dir
		}
		parent := filepath.Dir(dir)
		if found == "" && parent == dir {
			return start
		}
		dir = parent
	}
	rel, err := filepath.Rel(abs, found)
	if err != nil {
		return found
	}
	return filepath.Join(start, rel)
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
