package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestFullDisk builds on a small tmpfs filled up but for a few pages: a
// rebuild that changes nothing still goes through, one that must write
// fails with one error line, leaving the previous output as it was and
// nothing beside it.
func TestFullDisk(t *testing.T) {
	mnt := t.TempDir()
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a size-limited tmpfs here (%v): run as root to test a full disk", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, 0); err != nil && !errors.Is(err, syscall.EINVAL) {
			t.Errorf("unmount %s: %v", mnt, err)
		}
	})
	site := "../../internal/build/testdata/site"
	dest := filepath.Join(mnt, "out", "public")
	if code, _, errOut := digest(t, "build", "--source", site, "--destination", dest); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	before := snapshot(t, dest)
	var fs syscall.Statfs_t
	if err := syscall.Statfs(mnt, &fs); err != nil {
		t.Fatal(err)
	}
	filler := int64(fs.Bavail)*fs.Bsize - 8<<10 // room for the staging folder's marker
	if err := os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, filler), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := digest(t, "build", "--source", site, "--destination", dest); code != 0 || !strings.Contains(out, " 0 written") {
		t.Errorf("a rebuild that writes nothing on a full disk: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut := digest(t, "build", "--source", site, "--destination", dest, "--drafts", "--future")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	want := "error: cannot write the output " + dest + ": no space left on device; the build needed about "
	if code != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], want) || !strings.Contains(lines[0], "were free when it began") ||
		lines[1] != "digest: build failed; the previous output in "+dest+" was left as it was" {
		t.Errorf("exit %d, stderr:\n%s\nwant two lines, the first starting %q", code, errOut, want)
	}
	t.Log(lines[0])
	if d := difference(snapshot(t, dest), before); d != "" {
		t.Errorf("the previous output changed: %s", d)
	}
	if got := besideOutput(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
}
