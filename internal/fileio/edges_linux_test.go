//go:build linux

package fileio

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/hitready/hitready/internal/inputerr"
)

// onDescriptor puts f on this process's descriptor fd for the rest of the test, and the old one
// back after it.
func onDescriptor(t *testing.T, fd int, f *os.File) {
	t.Helper()
	saved, err := syscall.Dup(fd)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Dup3(int(f.Fd()), fd, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Dup3(saved, fd, 0)
		syscall.Close(saved)
	})
}

// created says what Create made of a name: refused (bad input), an error, a file replaced, a
// file written in place, or one of the streams it was given.
func created(o *Output, err error) string {
	switch {
	case err != nil && errors.Is(err, inputerr.ErrInvalid):
		return "refused: " + err.Error()
	case err != nil:
		return "error: " + err.Error()
	case o.temp != "":
		return "replaced"
	case o.file != nil:
		return "in place"
	}
	return "stream"
}

// The names where CheckOutputs and Create judge alike up to a point and then differ: standard
// input by its descriptor, a stream the command has not got, a pipe that is also standard input,
// and a name whose file cannot be looked up. CheckOutputs refuses an output that would write
// into the run's own input; Create, asked to write a name, writes what the name is.
func TestCheckAndCreateOnTheEdges(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	file := func() *os.File {
		f, err := os.CreateTemp(dir, "fd")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	pipe := func() (r, w *os.File) {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(); w.Close() })
		return r, w
	}
	long := strings.Repeat("x", 300) + ".csv"
	const stdinPipe = "/dev/stdin: is standard input, which hitready reads from"
	tests := []struct {
		name   string
		output string
		setUp  func(s *Streams)
		check  string // CheckOutputs' refusal, "" for none
		create string // what Create makes of it
	}{
		{"descriptor 0, a file", "/dev/stdin", func(s *Streams) { onDescriptor(t, 0, file()) },
			"/dev/stdin: is standard input, which is a file here",
			"refused: /dev/stdin: names open descriptor 0, a file hitready would replace"},
		{"descriptor 0, a pipe", "/dev/stdin", func(s *Streams) { r, _ := pipe(); onDescriptor(t, 0, r) },
			stdinPipe, "in place"},
		{"descriptor 0 by /proc", "/proc/self/fd/0", func(s *Streams) { r, _ := pipe(); onDescriptor(t, 0, r) },
			"/proc/self/fd/0: is standard input, which hitready reads from", "in place"},
		{"standard output given", "/dev/stdout", func(s *Streams) { onDescriptor(t, 1, file()) }, "", "stream"},
		{"standard output given, a folder", "/dev/stdout", func(s *Streams) {
			d, err := os.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { d.Close() })
			onDescriptor(t, 1, d)
		}, "/dev/stdout: is a folder", "stream"},
		{"standard output not given, a file", "/dev/stdout", func(s *Streams) { s.Out = nil; onDescriptor(t, 1, file()) },
			"", "refused: /dev/stdout: names open descriptor 1"},
		{"standard output not given, a pipe", "/dev/stdout", func(s *Streams) { s.Out = nil; _, w := pipe(); onDescriptor(t, 1, w) },
			"", "in place"},
		{"standard error not given, a file", "/dev/fd/2", func(s *Streams) { s.Err = nil; onDescriptor(t, 2, file()) },
			"", "refused: /dev/fd/2: names open descriptor 2"},
		{"a FIFO that is standard input", "in.fifo", func(s *Streams) {
			mkfifo(t, "in.fifo")
			r, err := os.OpenFile("in.fifo", os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			s.In = r
		}, "in.fifo: is standard input, which hitready reads from", "in place"},
		{"a FIFO that is standard output", "out.fifo", func(s *Streams) {
			mkfifo(t, "out.fifo")
			r, err := os.OpenFile("out.fifo", os.O_RDONLY|syscall.O_NONBLOCK, 0)
			if err != nil {
				t.Fatal(err)
			}
			w, err := os.OpenFile("out.fifo", os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			s.Out = w
		}, "", "stream"},
		{"a look-up that fails", long, func(*Streams) {},
			long + ": cannot be written: file name too long", "error: writing " + long + ": file name too long"},
		{"a new file", "new.csv", func(*Streams) {}, "", "replaced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			s := Streams{In: strings.NewReader(""), Out: &out, Err: &errOut}
			tt.setUp(&s)
			err := CheckOutputs([]Path{{Flag: "--output", Name: tt.output}}, nil, s)
			if tt.check == "" && err != nil || tt.check != "" && (err == nil || !strings.Contains(err.Error(), tt.check)) {
				t.Errorf("CheckOutputs: %v, want %q", err, tt.check)
			}
			o, err := Create(context.Background(), tt.output, s)
			if got := created(o, err); !strings.HasPrefix(got, tt.create) {
				t.Errorf("Create: %s, want %s", got, tt.create)
			}
			if o != nil {
				o.Discard()
			}
		})
	}
}
