package browser

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServe runs the real command, digest serve --watch=false, on the
// sample digest, and a reader follows the links TestSubPathBuild follows:
// once with the site at the host's root (--baseURL /), once under the
// sample's path (/digest/), where / must send to /digest/.
func TestServe(t *testing.T) {
	exe := publishChromium(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "digest")
	if out, err := exec.Command("go", "build", "-o", bin, "digest/cmd/digest").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tab := newBrowser(t, exe)

	for _, c := range []struct{ name, baseURL, base string }{
		{"root", "/", "/"},
		{"digest", "https://example.org/digest/", "/digest/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			addr := serve(t, bin, "--source", root, "--baseURL", c.baseURL)
			if !strings.HasSuffix(addr, c.base) {
				t.Fatalf("digest serve says it serves at %s, want a URL ending in %s", addr, c.base)
			}
			host := strings.TrimSuffix(addr, c.base)
			if c.base != "/" {
				// the host's root sends to the site's path
				client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				resp, err := client.Get(host + "/")
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != c.base {
					t.Errorf("GET /: %s, Location %q; want 302 to %s", resp.Status, resp.Header.Get("Location"), c.base)
				}
			}
			ctx, log := tab(t)
			// from the host's root: under /digest/, through the redirect
			walk(t, ctx, log, host+"/", c.base)
		})
	}
}

// serve starts bin serve --watch=false --port 0 with args, waits for the
// line that gives its URL, and returns it. The process is stopped as a
// reader stops it (Ctrl-C) at the end of the test, and must then exit 0.
func serve(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--watch=false", "--port", "0"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	rest := make(chan []string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		var all []string
		for sc.Scan() {
			all = append(all, sc.Text())
			select {
			case lines <- sc.Text():
			default:
			}
		}
		rest <- all
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stopped := false
	t.Cleanup(func() {
		if stopped {
			return
		}
		cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-done:
			all := <-rest
			if err != nil || len(all) == 0 || all[len(all)-1] != "stopped" {
				t.Errorf("digest serve, interrupted: %v; it printed %q; stderr: %s", err, all, stderr.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Errorf("digest serve did not stop within 10 s of an interrupt")
		}
	})
	serving := regexp.MustCompile(`^serving .* at (http://\S+) `)
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line := <-lines:
			if m := serving.FindStringSubmatch(line); m != nil {
				return m[1]
			}
		case err := <-done:
			stopped = true
			t.Fatalf("digest serve %s exited: %v; stderr: %s", strings.Join(args, " "), err, stderr.String())
		case <-timeout:
			t.Fatalf("digest serve %s printed no URL within 20 s; stderr: %s", strings.Join(args, " "), stderr.String())
		}
	}
}
