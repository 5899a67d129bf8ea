//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// With standard output closed (`>&-`), a report bound for it cannot be read by anyone: the run
// fails with exit 1 and says why, whatever the command, rather than exit 0 with the report lost.
// Standard output sent to /dev/null on purpose is not closed, and a report written with
// --output does not need it. Unix only: a shell closes the stream here (Windows has no >&-, and
// a process without standard output gets a nil os.Stdout there, which fails every write).
func TestClosedStandardOutput(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("needs sh")
	}
	bin := binary(t)
	report := filepath.Join(t.TempDir(), "cohort.csv")
	for _, tt := range []struct {
		name     string
		redirect string
		args     []string
		code     int
	}{
		{"a report", ">&-", []string{"score", "examples", "--format", "csv"}, 1},
		{"the version", ">&-", []string{"version"}, 1},
		{"help, which cobra writes unchecked", ">&-", []string{"--help"}, 1},
		{"/dev/null is not closed", ">/dev/null", []string{"score", "examples", "--format", "csv"}, 0},
		{"--output needs no standard output", ">&-", []string{"score", "examples", "--format", "csv", "--output", report}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command("sh", append([]string{"-c", `exec "$0" "$@" ` + tt.redirect, bin}, tt.args...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Errorf("exit %d; want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if said := strings.Contains(stderr.String(), "standard output was closed"); said != (tt.code == 1) {
				t.Errorf("stderr %q; want the closed stream named: %v", stderr.String(), tt.code == 1)
			}
		})
	}
	if data, err := os.ReadFile(report); err != nil || len(data) == 0 {
		t.Errorf("--output with standard output closed: %d bytes (%v)", len(data), err)
	}
}
