package fileio

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"

	"github.com/hitready/hitready/internal/i18n"
)

// Output is one file being written: standard output for "-", a device or a pipe written into in
// place, or a regular file written whole or not at all. Nothing reaches a regular file's name
// until Commit: the data goes to a temporary file beside it (in the folder of the file a link
// points to, so the rename never crosses file systems and the link is kept), which replaces it
// by rename. Discard, deferred by every caller, removes the temporary file on every way out: an
// error, a refusal, or a cancelled context (SIGINT, SIGTERM). Only SIGKILL can leave one behind.
type Output struct {
	name   string // as the user gave it: every message names this, never the temporary file
	buf    *bufio.Writer
	file   *os.File // the temporary file, or the device or pipe written in place; nil for stdout
	temp   string   // the temporary file's path; "" when written in place
	target string   // the regular file the temporary file replaces
	done   bool
	lang   i18n.Lang // of the refusals and failures Write and Commit may still make
}

// Create starts writing name; "-" is standard output. A name for standard output or error
// (/dev/stdout, /dev/fd/2, /proc/self/fd/1) is written through that stream, at its offset: a
// file it is (> log.txt, >> log.txt) is written into, never replaced. A missing folder, a folder,
// and a pipe nobody reads are refused before anything is written.
func Create(ctx context.Context, name string, streams Streams) (_ *Output, err error) {
	defer func() { err = worded(err, streams.Lang) }()
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	o, err := classify(Path{Name: name}, streams, false)
	switch {
	case err != nil:
		return nil, err
	case o.w != nil || name == StdStream || name == "":
		return &Output{name: name, buf: bufio.NewWriter(o.w), lang: streams.Lang}, nil
	case o.stream:
		return createInPlace(name, o.info, streams.Lang)
	}
	return createReplacement(ctx, name, o.target, o.info, streams.Lang)
}

// createReplacement starts a regular file written whole: a temporary file beside target, known
// to RemoveTemporaryFiles until it is renamed or discarded. Commit's refusals are worded in lang.
func createReplacement(ctx context.Context, name, target string, info fs.FileInfo, lang i18n.Lang) (*Output, error) {
	// The temporary name does not grow with the target's: any name that can exist (up to 255
	// bytes) can be written, and the probe in CheckOutputs tried one of the same length.
	f, err := createTemp(filepath.Dir(target)) // created 0600
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil, noFolder(name, filepath.Dir(name))
		}
		return nil, failed("errors.output.write-failed", name, err)
	}
	o := &Output{name: name, buf: bufio.NewWriterSize(f, 64<<10), file: f, temp: f.Name(), target: target, lang: lang}
	if !temps.add(o) {
		return nil, cmp.Or(context.Cause(ctx), context.Canceled) // the process is ending: RemoveTemporaryFiles ran
	}
	if info != nil {
		// An existing file keeps its owner and group and the mode its owner gave it; a new
		// one stays 0600, as answers and reports hold personal data. The owner goes first:
		// a change of owner may clear mode bits.
		keepOwner(f, info)
		if err := keepMode(f, info); err != nil {
			o.Discard()
			return nil, failed("errors.output.write-failed", name, err)
		}
	}
	return o, nil
}

// temps are the temporary files being written, for RemoveTemporaryFiles. Its lock also makes
// the last step of Commit (is the run still wanted? then rename) one step that
// RemoveTemporaryFiles cannot cut in two.
var temps tempFiles

type tempFiles struct {
	mu     sync.Mutex
	open   map[*Output]struct{}
	closed bool // RemoveTemporaryFiles ran: no file may be created or renamed into place
}

// add notes o; false, with o removed, once RemoveTemporaryFiles has run.
func (t *tempFiles) add(o *Output) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		o.done = true
		o.file.Close()
		os.Remove(o.temp)
		return false
	}
	if t.open == nil {
		t.open = map[*Output]struct{}{}
	}
	t.open[o] = struct{}{}
	return true
}

// RemoveTemporaryFiles removes every temporary file still being written, even one a Sync on a
// slow disk is holding, and lets no Commit rename one into place afterwards: for a process about
// to end at once (the grace period after a signal has run out), where the deferred Discards will
// not run. The targets are left as they were.
func RemoveTemporaryFiles() {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	temps.closed = true
	for o := range temps.open {
		removeOpen(o)
		delete(temps.open, o)
	}
}

// tempPattern names the temporary file beside a target, and the probe of CheckOutputs.
const tempPattern = ".hitready-*.tmp"

// createInPlace opens a device, a pipe or /dev/stdout for writing, never replacing it. A FIFO is
// opened with O_NONBLOCK: with nobody reading it, the open fails at once (ENXIO) instead of
// waiting for ever.
func createInPlace(name string, info fs.FileInfo, lang i18n.Lang) (*Output, error) {
	flag := os.O_WRONLY
	if info.Mode()&fs.ModeNamedPipe != 0 {
		flag |= nonBlock
	}
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		if errors.Is(err, syscall.ENXIO) {
			return nil, &refusal{name: name, id: "errors.output.nobody-reading", kind: kindID(info.Mode())}
		}
		return nil, failed("errors.output.write-failed", name, err)
	}
	return &Output{name: name, buf: bufio.NewWriterSize(f, 64<<10), file: f, lang: lang}, nil
}

// Write buffers p; errors name the target.
func (o *Output) Write(p []byte) (int, error) {
	n, err := o.buf.Write(p)
	if err != nil {
		return n, o.fail(err)
	}
	return n, nil
}

// Commit ends the write: flushes it and, for a regular file, puts it in place. A ctx cancelled by
// then (Ctrl-C) discards the file instead: an interrupted run leaves the old file as it was.
func (o *Output) Commit(ctx context.Context) error {
	if o.done {
		return nil
	}
	if err := o.buf.Flush(); err != nil {
		o.Discard()
		return o.fail(err)
	}
	if o.temp == "" {
		o.done = true
		if o.file != nil {
			if err := o.file.Close(); err != nil {
				return o.fail(err)
			}
		}
		return nil
	}
	if ctx.Err() != nil {
		o.Discard()
		return context.Cause(ctx)
	}
	// Sync can take seconds on a slow disk. A signal meanwhile is seen after it (the ctx check
	// in replace), or, should the Sync outlast the grace period, by RemoveTemporaryFiles.
	err := o.file.Sync()
	if cerr := o.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		o.Discard()
		return o.fail(err)
	}
	if err := o.replace(ctx); err != nil {
		o.Discard()
		return err
	}
	// The rename is durable once the folder is synced; a failure here loses nothing that was
	// promised, so it is not reported.
	if d, err := os.Open(filepath.Dir(o.target)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// replace renames the synced temporary file over the target, unless the run was interrupted
// meanwhile (an interrupted run leaves the old file as it was) or the process is ending.
func (o *Output) replace(ctx context.Context) error {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if temps.closed || ctx.Err() != nil {
		return cmp.Or(context.Cause(ctx), context.Canceled)
	}
	if err := recheck(o.name, o.target); err != nil {
		return worded(err, o.lang)
	}
	// recheck walks the inputs again, a while for a cohort of thousands of files: a signal that
	// came meanwhile still leaves the old file.
	if ctx.Err() != nil {
		return cmp.Or(context.Cause(ctx), context.Canceled)
	}
	err := rename(o.temp, o.target)
	switch {
	case errors.Is(err, syscall.EBUSY):
		// The file is a mount point (a bind-mounted file): it cannot be replaced, and
		// writing it in place could leave half a report. Nothing was changed.
		return worded(refuse(o.name, mountPointRefusal, nil), o.lang)
	case replaceBlocked(err):
		return worded(refuse(o.name, heldOpenRefusal, nil), o.lang)
	case err != nil:
		return o.fail(err)
	}
	o.done = true
	delete(temps.open, o)
	return nil
}

// Discard drops what was written and not committed: the temporary file is removed, the target
// left as it was. It is safe to call more than once and after Commit.
func (o *Output) Discard() {
	if o.temp != "" {
		temps.mu.Lock()
		defer temps.mu.Unlock()
		delete(temps.open, o)
	}
	if o.done {
		return
	}
	o.done = true
	if o.file != nil {
		o.file.Close()
	}
	if o.temp != "" {
		os.Remove(o.temp)
	}
}

func (o *Output) fail(err error) error {
	if o.name == "" || o.name == StdStream {
		return worded(failed("errors.output.stdout-write-failed", "", err), o.lang)
	}
	return worded(failed("errors.output.write-failed", o.name, err), o.lang)
}

// WriteFile writes data to name through Create and Commit.
func WriteFile(ctx context.Context, name string, streams Streams, data []byte) error {
	o, err := Create(ctx, name, streams)
	if err != nil {
		return err
	}
	defer o.Discard()
	if _, err := o.Write(data); err != nil {
		return err
	}
	return o.Commit(ctx)
}

// Claim creates a new, empty file named base+ext in dir, or base-2+ext, base-3+ext… and returns
// its path. Each name is created exclusively (O_EXCL): two programs started together never get
// the same file, which "pick the first name that does not exist" cannot promise. skip says which
// names are taken for another purpose (the run's report).
func Claim(dir, base, ext string, skip func(path string) bool) (string, error) {
	for i := 1; i < 10_000; i++ {
		name := base + ext
		if i > 1 {
			name = base + "-" + strconv.Itoa(i) + ext
		}
		path := filepath.Join(dir, name)
		if skip != nil && skip(path) {
			continue
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("creating %s: %w", path, reason(err))
		}
		f.Close()
		return path, nil
	}
	return "", fmt.Errorf("creating %s%s: every name up to %s-9999%s is taken", base, ext, base, ext)
}
