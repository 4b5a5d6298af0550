package output

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestNoSpace fills a small tmpfs: one error, naming the output and the
// cause and what the build needed; no staging folder left; the previous
// output as it was.
func TestNoSpace(t *testing.T) {
	parent := mountTmpfs(t, "size=512k")
	dest := filepath.Join(parent, "public")
	site := map[string][]byte{"index.html": []byte("home")}
	for i := range 20 {
		site[fmt.Sprintf("p/%d/index.html", i)] = []byte(strings.Repeat("a", 5000))
	}
	if err := Write(dest, site); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		p := fmt.Sprintf("p/%d/index.html", i)
		if err := b.Add(p, []byte(strings.Repeat("b", 10000)), p); err != nil {
			t.Fatalf("Add %s: %v (a full disk is Commit's one error)", p, err)
		}
	}
	err = b.Commit()
	if err == nil {
		t.Fatal("a build that cannot fit was committed")
	}
	msg := err.Error()
	for _, want := range []string{"cannot write the output " + dest + ": no space left on device", "needed about 3.3 MB for 200 changed files and 201 folders", "free when it began"} {
		if !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
			t.Errorf("error %q: want one line with %q", msg, want)
		}
	}
	if got := tree(t, dest); !equalTrees(got, before) {
		t.Error("the previous output changed")
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
	// once there is room, the same build goes through
	if err := Write(dest, map[string][]byte{"index.html": []byte("small")}); err != nil {
		t.Fatal(err)
	}
}

// TestNoInodes runs out of inodes while the unchanged files are linked in
// at Commit: the staging folder needs a folder for every folder of the site.
func TestNoInodes(t *testing.T) {
	parent := mountTmpfs(t, "size=4m,nr_inodes=64")
	dest := filepath.Join(parent, "public")
	site := map[string][]byte{"index.html": []byte("home")}
	for i := range 20 {
		site[fmt.Sprintf("p/%d/index.html", i)] = []byte("page")
	}
	if err := Write(dest, site); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	site["index.html"] = []byte("home, edited")
	err := Write(dest, site)
	t.Log(err)
	if err == nil || !strings.HasPrefix(err.Error(), "cannot write the output "+dest+": no space left on device") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("got %v", err)
	}
	if got := tree(t, dest); !equalTrees(got, before) {
		t.Error("the previous output changed")
	}
	if got := beside(t, dest); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v", got)
	}
}

// mountTmpfs mounts a tmpfs with opts on a new folder, for the test; it
// skips where mounting is not allowed (not root, or a container without
// the right).
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		t.Skipf("cannot mount a size-limited tmpfs here (%v): run as root to test a full disk", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil && !errors.Is(err, syscall.EINVAL) {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}
