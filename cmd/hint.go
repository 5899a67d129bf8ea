package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// commandName is how the person started hitready, spelled so that a hint pasted into the same
// shell runs it again: "go run ." under `go run`, the bare name when that is what the shell
// finds on PATH, else the path as typed. Every hint that names a command goes through it.
func commandName() string {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	if strings.HasSuffix(exe, ".test") {
		return "hitready" // a test binary: no one pastes from it, and tests expect the name
	}
	return commandNameFor(os.Args[0], exe, exec.LookPath)
}

// commandNameFor is commandName with the process's facts passed in, for tests.
func commandNameFor(arg0, exe string, lookPath func(string) (string, error)) string {
	if exe != "" && isGoRunBinary(exe) {
		return "go run ."
	}
	base := filepath.Base(arg0)
	if arg0 == "" || base == "." || base == "/" {
		return "hitready"
	}
	if !strings.ContainsRune(arg0, filepath.Separator) {
		return shellQuote(arg0) // found on PATH: typed as a bare name
	}
	if found, err := lookPath(base); err == nil && exe != "" && sameFile(found, exe) {
		return shellQuote(base)
	}
	return shellQuote(arg0)
}

// isGoRunBinary tells whether exe is where `go run` builds: $GOTMPDIR/go-build…/b001/exe/NAME.
func isGoRunBinary(exe string) bool {
	dir := filepath.Dir(exe)
	if filepath.Base(dir) != "exe" && !strings.HasSuffix(filepath.Base(dir), "-d") { // Go 1.24+ caches it: go-build/ab/HASH-d/NAME
		return false
	}
	for d := filepath.Dir(dir); d != filepath.Dir(d); d = filepath.Dir(d) {
		if strings.HasPrefix(filepath.Base(d), "go-build") {
			return true
		}
	}
	return false
}

func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// assessHint is the command that goes on from an answers file.
func assessHint(answersPath string) string {
	return commandName() + " assess --answers " + shellQuote(answersPath)
}
