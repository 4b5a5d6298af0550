package main

// Faults of whole builds (issue 18): a build killed at any point, builds
// started at once. The builds run in child processes: this test binary
// itself, run as digest (TestMain).

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"digest/internal/corpusgen"
	"digest/internal/output"
)

// TestMain runs the binary as digest when a test starts it as a child.
func TestMain(m *testing.M) {
	if os.Getenv("DIGEST_TEST_CHILD") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

// child is a digest command in a process of its own.
func child(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DIGEST_TEST_CHILD=1")
	return cmd
}

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// corpus is a generated site of 2,000 articles, made once for the tests
// that need one.
func corpus(t *testing.T) string {
	t.Helper()
	corpusOnce.Do(func() {
		if corpusDir, corpusErr = os.MkdirTemp("", "digest-faults-"); corpusErr == nil {
			corpusErr = corpusgen.Generate(filepath.Join(corpusDir, "site"), corpusgen.Options{N: 2000, Seed: 18})
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return filepath.Join(corpusDir, "site")
}

// snapshot is an output's folders and files: path → a hash of the bytes,
// folders ending in /.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(full string, d fs.DirEntry, err error) error {
		if err != nil || full == dir {
			return err
		}
		rel := filepath.ToSlash(full[len(dir)+1:])
		if d.IsDir() {
			out[rel+"/"] = [32]byte{}
			return nil
		}
		b, err := os.ReadFile(full)
		out[rel] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// difference says how two snapshots differ, briefly; "" when they do not.
func difference(got, want map[string][32]byte) string {
	var missing, extra, changed []string
	for p, h := range want {
		if g, ok := got[p]; !ok {
			missing = append(missing, p)
		} else if g != h {
			changed = append(changed, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			extra = append(extra, p)
		}
	}
	if len(missing)+len(extra)+len(changed) == 0 {
		return ""
	}
	first := func(l []string) []string { sort.Strings(l); return l[:min(len(l), 3)] }
	return fmt.Sprintf("%d missing %v, %d extra %v, %d changed %v", len(missing), first(missing), len(extra), first(extra), len(changed), first(changed))
}

// besideOutput are the names in the output's parent folder.
func besideOutput(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// buildChild builds source into dest in a child process, which must succeed.
func buildChild(t *testing.T, source, dest string) {
	t.Helper()
	if out, err := child("build", "--source", source, "--destination", dest).CombinedOutput(); err != nil {
		t.Fatalf("digest build --source %s: %v\n%s", source, err, out)
	}
}

// copySite copies a site, keeping the files' times (pages show them).
func copySite(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(to, full[len(from):])
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(full)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err == nil {
			err = os.WriteFile(target, b, 0o644)
		}
		if err == nil {
			err = os.Chtimes(target, info.ModTime(), info.ModTime())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKilledBuild kills a digest build (SIGKILL) at random points of a
// 2,000-article rebuild, many times. After each kill the output must be
// exactly the previous build or the new one, never a mix; and after the
// next build, which must succeed, nothing but the output may be beside it.
func TestKilledBuild(t *testing.T) {
	kills := 8
	if testing.Short() {
		kills = 3
	}
	siteA := corpus(t)
	// B: siteA with 40 articles edited and 10 removed
	dir := t.TempDir()
	siteB := filepath.Join(dir, "b")
	copySite(t, siteA, siteB)
	names, err := filepath.Glob(filepath.Join(siteB, "content", "*.md"))
	if err != nil || len(names) != 2000 {
		t.Fatalf("%d articles: %v", len(names), err)
	}
	sort.Strings(names)
	for i, name := range names[:50] {
		if i < 10 {
			err = os.Remove(name)
		} else {
			var f *os.File
			if f, err = os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0); err == nil {
				_, err = fmt.Fprintf(f, "\nLe Mali et le Niger ont signé un accord (édition %d).\n", i)
				f.Close()
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(dir, "out", "public")
	buildChild(t, siteA, dest)
	states := map[string]map[string][32]byte{siteA: snapshot(t, dest)}
	start := time.Now()
	buildChild(t, siteB, dest)
	took := time.Since(start)
	states[siteB] = snapshot(t, dest)
	if difference(states[siteA], states[siteB]) == "" {
		t.Fatal("the two builds are the same: nothing to tell apart")
	}
	t.Logf("a rebuild takes %v; the builds differ by %s", took, difference(states[siteB], states[siteA]))

	current := siteB
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	var outcomes []string
	for i := range kills {
		target := siteA
		if current == siteA {
			target = siteB
		}
		cmd := child("build", "--source", target, "--destination", dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// anywhere from the start to a little after the end; every other
		// kill in the last third, where the output is switched
		at := rng.Int63n(int64(took) * 11 / 10)
		if i%2 == 1 {
			at = int64(took)*2/3 + rng.Int63n(int64(took)*4/10)
		}
		time.Sleep(time.Duration(at))
		cmd.Process.Kill()
		cmd.Wait()
		got := snapshot(t, dest)
		outcome := "old"
		switch {
		case difference(got, states[current]) == "":
		case difference(got, states[target]) == "":
			outcome = "new"
		default:
			t.Fatalf("kill %d: the output is neither the previous build (%s) nor the new one (%s)", i, difference(got, states[current]), difference(got, states[target]))
		}
		if left := len(besideOutput(t, dest)) - 1; left > 0 {
			outcome += fmt.Sprintf("+%d left", left)
		}
		outcomes = append(outcomes, outcome)

		// the next build completes, and removes what the killed one left
		next := siteA
		if rng.Intn(2) == 0 {
			next = siteB
		}
		buildChild(t, next, dest)
		if d := difference(snapshot(t, dest), states[next]); d != "" {
			t.Fatalf("kill %d: the build after it differs from a full build: %s", i, d)
		}
		if got := besideOutput(t, dest); !slices.Equal(got, []string{"public"}) {
			t.Fatalf("kill %d: after the next build, beside the output: %v", i, got)
		}
		current = next
	}
	t.Logf("after each kill (old: the previous build, new: the one killed; left: folders beside it): %v", outcomes)
}

// TestConcurrentBuilds starts builds of one output at once: each either
// builds or fails at once saying which build is writing the output, and
// the output is one complete build.
func TestConcurrentBuilds(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: builds are not locked on Windows")
	}
	site := corpus(t)
	dir := t.TempDir()
	reference := filepath.Join(dir, "reference")
	buildChild(t, site, reference)
	want := snapshot(t, reference)
	dest := filepath.Join(dir, "out", "public")

	// a build that holds the output: the message names it
	held, err := output.Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := digest(t, "build", "--source", site, "--destination", dest)
	msg := fmt.Sprintf("error: another digest build (pid %d) is writing %s", os.Getpid(), dest)
	if code != 1 || !strings.Contains(errOut, msg) || !strings.Contains(errOut, "digest: build failed; nothing was written") {
		t.Errorf("a build while another writes the output: exit %d\n%s\nwant %q", code, errOut, msg)
	}
	held.Abort()

	for round := range 2 { // a first build, then a rebuild
		cmds := make([]*exec.Cmd, 4)
		outs := make([]strings.Builder, len(cmds))
		for i := range cmds {
			cmds[i] = child("build", "--source", site, "--destination", dest)
			cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		pids := map[string]bool{}
		for _, c := range cmds {
			pids[strconv.Itoa(c.Process.Pid)] = true
		}
		built := 0
		for i, c := range cmds {
			err := c.Wait()
			out := outs[i].String()
			if err == nil {
				built++
				continue
			}
			pid, ok := strings.CutPrefix(out, "error: another digest build (pid ")
			pid, rest, _ := strings.Cut(pid, ")")
			if !ok || !pids[pid] || pid == strconv.Itoa(c.Process.Pid) || !strings.HasPrefix(rest, " is writing "+dest+";") {
				t.Errorf("round %d, build %d: %v\n%s", round, i, err, out)
			}
		}
		t.Logf("round %d: %d of %d builds built, the others were told another was writing", round, built, len(cmds))
		if built == 0 {
			t.Errorf("round %d: no build built", round)
		}
		if d := difference(snapshot(t, dest), want); d != "" {
			t.Errorf("round %d: the output is not one complete build: %s", round, d)
		}
		if got := besideOutput(t, dest); !slices.Equal(got, []string{"public"}) {
			t.Errorf("round %d: beside the output: %v", round, got)
		}
	}
}
