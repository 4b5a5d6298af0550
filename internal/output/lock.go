package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// lock is a build's hold on its destination: .OUTPUT.lock beside it,
// locked with flock and holding the build's pid for the message of a
// second build. flock locks die with their process, so a killed build's
// lock file is simply taken over.
type lock struct {
	f       *os.File
	path    string
	held    bool
	warning string // why a build goes on without the lock
}

// busy is the error of a build that finds another one writing dest.
func busy(dest string, f *os.File) error {
	// the holder writes its pid just after it locks: a build that comes in
	// between waits for it a little
	for range 20 {
		if pid := readPid(f); pid > 0 {
			return fmt.Errorf("another digest build (pid %d) is writing %s; build again when it has finished", pid, dest)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return fmt.Errorf("another digest build is writing %s (it holds %s); build again when it has finished", dest, f.Name())
}

func readPid(f *os.File) int {
	line, _ := bufio.NewReader(io.NewSectionReader(f, 0, 64)).ReadString('\n')
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0
	}
	return pid
}

// writePid puts the build's pid on the lock file's first line.
func writePid(f *os.File) error {
	line := strconv.Itoa(os.Getpid()) + "\n"
	if _, err := f.WriteAt([]byte(line), 0); err != nil {
		return err
	}
	return f.Truncate(int64(len(line)))
}

// release removes the lock file, then unlocks it: a build that opened the
// file before it was removed sees that it is gone once it holds the lock
// (acquire), and locks the new one.
func (l *lock) release() {
	if l == nil || l.f == nil {
		return
	}
	if l.held {
		os.Remove(l.path)
	}
	l.f.Close()
	l.f = nil
}
