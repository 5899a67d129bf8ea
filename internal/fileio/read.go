// Package fileio is how hitready reads and writes files: one reader and one writer that every
// command uses, so the contract's promises about files (never hang, never destroy an input, never
// replace a device, never leave half a file or a temporary file behind) are kept in one place.
package fileio

import (
	"cmp"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

// StdStream is the name that means standard input to the reader and standard output to the
// writer.
const StdStream = "-"

// Read reads the whole file at path, or stdin for "-", refusing (exit 2, inputerr.ErrInvalid) what
// hitready must not read: a folder, a device, a socket, a pipe nobody writes to, or more than
// limit bytes. Errors name path as the user gave it; refusals are worded by l (nil: English).
//
// A path is opened with O_NONBLOCK (nonBlock; Windows has no FIFOs in folders), so that
// opening a FIFO with no writer returns at once instead of waiting for one; what was opened is
// then checked with fstat, not the name, so a file swapped for a FIFO between a folder listing
// and the open is caught too. On Linux the Go runtime reads a pipe through its poller, so a pipe
// with a writer (--answers <(cat f)) reads as usual and the read can be cut short when ctx is
// cancelled (Ctrl-C).
func Read(ctx context.Context, path string, stdin io.Reader, limit int64, l *i18n.Localizer) (_ []byte, err error) {
	lang := i18n.English
	if l != nil {
		lang = l.Lang()
	}
	defer func() { err = worded(err, lang) }()
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if path == StdStream {
		return stream(ctx, path, stdin, nil, limit)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, openError(path, err)
	}
	mode := info.Mode()
	switch {
	case mode.IsDir():
		return nil, refuse(path, "errors.file.folder", nil)
	case mode.IsRegular():
		if info.Size() > limit {
			return nil, tooLarge(path, limit)
		}
		data, err := io.ReadAll(io.LimitReader(f, limit+1))
		if err != nil {
			return nil, readError(path, err)
		}
		if int64(len(data)) > limit { // it grew while being read
			return nil, tooLarge(path, limit)
		}
		return data, nil
	case mode&fs.ModeNamedPipe != 0:
		data, err := stream(ctx, path, f, f, limit)
		if err == nil && len(data) == 0 {
			// A FIFO nobody has opened for writing reads as empty at once: say so, rather than
			// "is empty", which would send the person looking at a file that is not there.
			return nil, refuse(path, "errors.file.empty-pipe", nil)
		}
		return data, err
	}
	return nil, notRegular(path, mode)
}

func notRegular(path string, mode fs.FileMode) error {
	return &refusal{name: path, id: "errors.file.not-regular", kind: kindID(mode)}
}

// stream reads a pipe or standard input, which may never end: the read runs on its own
// goroutine so that a cancelled ctx returns at once. For a pipe opened here the read is also cut
// short (a deadline in the past), so the goroutine ends; standard input cannot be cut short, and
// its reader is left to end with the process, which is about to exit.
func stream(ctx context.Context, path string, r io.Reader, f *os.File, limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			return nil, readError(path, res.err)
		}
		if int64(len(res.data)) > limit {
			return nil, tooLarge(path, limit)
		}
		return res.data, nil
	case <-ctx.Done():
		if f != nil {
			_ = f.SetReadDeadline(time.Unix(1, 0))
		}
		return nil, context.Cause(ctx)
	}
}

func tooLarge(path string, limit int64) error {
	return refuse(path, "errors.file.too-large", i18n.Args{"KiB": limit >> 10})
}

// openError refuses a path that cannot be opened: for every command it is a mistake in the input
// (a typo, a file not shared with this user), not a failure of the program.
func openError(path string, err error) error {
	if errors.Is(err, syscall.ENXIO) { // a socket
		if info, serr := os.Stat(path); serr == nil {
			return notRegular(path, info.Mode())
		}
	}
	r := cannotRead(path, err)
	if errors.Is(err, fs.ErrNotExist) {
		r.near = nearName(path)
	}
	return r
}

// CannotRead is the refusal, in language lang, of a path that cannot be looked at or opened:
// what does not exist, what may not be read, else the system's words. For a cohort (batch) such
// a file is a bad input like any other, reported with the rest still scored.
func CannotRead(path string, err error, lang i18n.Lang) error { return cannotRead(path, err).in(lang) }

func cannotRead(path string, err error) *refusal {
	id := "errors.file.cannot-read"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		id = "errors.file.not-found"
	case errors.Is(err, fs.ErrPermission):
		id = "errors.file.denied"
	}
	return &refusal{name: path, id: id, args: i18n.Args{"Reason": reason(err).Error()}}
}

// nearName is a file in path's folder whose name is close to path's (a typo, a wrong extension),
// for "did you mean" after a file was not found; "" when none is close.
func nearName(path string) string {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(cmp.Or(dir, "."))
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if near := inputerr.Suggest(base, names); near != "" && near != base {
		return dir + near
	}
	return ""
}

// readError is a failure while reading what opened fine: an I/O error, exit 1.
func readError(path string, err error) error {
	return failed("errors.file.read-failed", path, err)
}

// reason is the system's words for err without the path the os package puts in front of them,
// which may be a name the user never gave (a link's target, a temporary file).
func reason(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// kindID is the id of a file type's name in the catalogue (errors.file.kind.*).
func kindID(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "folder"
	case mode&fs.ModeNamedPipe != 0:
		return "pipe"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeCharDevice != 0:
		return "char-device"
	case mode&fs.ModeDevice != 0:
		return "device"
	}
	return "special"
}
