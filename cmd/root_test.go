package cmd

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// A bug must reach the user as one line and exit 1, with the stack only on request.
func TestPanicBecomesInternalError(t *testing.T) {
	for _, debug := range []bool{false, true} {
		ios, _, out, errOut := iostreams.Test()
		ios.SetDebug(debug)
		ios.SetStderrTTY(true)
		root := NewCmdRoot(ios)
		root.AddCommand(&cobra.Command{Use: "boom", RunE: func(_ *cobra.Command, args []string) error {
			return []error{}[len(args)] // an index out of range: a real runtime panic
		}})
		code := runRoot(context.Background(), ios, root, []string{"boom"})
		msg := errOut.String()
		if code != exitFailure || !strings.Contains(msg, "hitready: internal error: runtime error: index out of range [0] with length 0") {
			t.Errorf("debug=%v: exit %d, stderr:\n%s", debug, code, msg)
		}
		if got := strings.Contains(msg, "goroutine "); got != debug {
			t.Errorf("debug=%v: stack shown = %v", debug, got)
		}
		if !strings.HasPrefix(msg, "\x1b[?25h") {
			t.Errorf("the cursor is not restored on a terminal: %q", msg[:min(len(msg), 20)])
		}
		if out.Len() != 0 {
			t.Errorf("standard output: %q", out)
		}
	}
}

// A standard output closed when hitready started (>&-) refuses every write in the run's language,
// and names a way out that every command has (a redirection, not --output).
func TestClosedOutputSpeaksTheRunsLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		want string
	}{
		{i18n.English, "standard output was closed when hitready started (>&-)"},
		{i18n.Spanish, "la salida estándar estaba cerrada cuando hitready empezó (>&-)"},
	} {
		lost := &closedOutput{lang: func() i18n.Lang { return tt.lang }}
		n, err := lost.Write([]byte("report"))
		if n != 0 || err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "--output") || !lost.written {
			t.Errorf("%s: wrote %d, %v (written %v)", tt.lang, n, err, lost.written)
		}
	}
}

// A command that writes to standard output itself (version, cobra's completion) and fails is told
// as fileio tells a failed write, in the run's language, exit 1: not in the Go runtime's words.
func TestAFailedWriteToStandardOutputIsToldInTheRunsLanguage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"version"}, "writing to standard output: no space left on device\n"},
		{[]string{"--lang", "es", "version"}, "no se pudo escribir en la salida estándar (no space left on device)\n"},
		{[]string{"--lang", "es", "completion", "bash"}, "no se pudo escribir en la salida estándar (no space left on device)\n"},
	} {
		r := runWith(t, func(ios *iostreams.IOStreams) { ios.Out = fullStdout{} }, "", tt.args...)
		if r.code != exitFailure || r.stderr != tt.want {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tt.args, r.code, r.stderr, exitFailure, tt.want)
		}
	}
}

// fullStdout fails every write as a standard output on a full disk does.
type fullStdout struct{}

func (fullStdout) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: os.Stdout.Name(), Err: syscall.ENOSPC}
}
