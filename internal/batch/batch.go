// Package batch works through many files at once in three steps: Discover finds them (the paths
// in the order given, a folder's answers files recursively in lexical order), Run hands each to a
// bounded pool of workers and gives the results back in input order, one at a time, so that a
// cohort of any size is handled in constant memory. What is done to a file is the caller's
// function: batch knows files and order, nothing of answers or scores.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
)

// Item is one file Discover found, or the reason a path could not be listed.
type Item struct {
	Path string
	Err  error // the path could not be listed, is not a file, or is past a limit
}

// Limits bound how many files, and how many bytes in all, a run reads (0: no bound). A run that
// would go past either reads no further and reports a LimitError in place of the next file, so a
// mistaken path (/, a home folder) cannot run for hours.
type Limits struct {
	MaxFiles int
	MaxBytes int64
	// Lang is the language Discover words its refusals in (a file that cannot be read, a limit
	// reached); the zero value is English.
	Lang i18n.Lang
}

// limitError says a run stopped at one of its bounds.
type limitError struct {
	Path  string // the first file not read
	Limit string // which bound, in words, with the flag that raises it
	Lang  i18n.Lang
}

func (e *limitError) Error() string {
	// The name comes from the file system: escaped here, so no printer can let it forge a line.
	return textsafe.Escape(e.Path) + ": " + i18n.For(e.Lang).T("errors.batch.not-read", i18n.Args{"Limit": e.Limit})
}

// Is makes a LimitError an input refusal, reported and counted like a bad file, and tells it
// apart as ErrLimit.
func (e *limitError) Is(target error) bool {
	return target == inputerr.ErrInvalid || target == ErrLimit
}

// ErrLimit is what the error in place of the first file past a limit matches with errors.Is:
// that file was not read.
var ErrLimit = errors.New("past a limit of the run")

// answersExt are the file names a folder is searched for.
var answersExt = []string{".yaml", ".yml", ".json"}

// Discover lists the files paths name, in input order: each path as given, a folder's *.yaml,
// *.yml and *.json files (any case) recursively in lexical order. Entries that are not regular
// files are listed with an error, never opened: opening a named pipe would wait for a writer.
// A file swapped for something else after it was listed is the reader's to catch.
func Discover(paths []string, limits Limits) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		files, bytes := 0, int64(0)
		stopped := false
		l := i18n.For(limits.Lang)
		// send applies the limits; it returns false when the run must go no further.
		send := func(it Item, size int64) bool {
			if it.Err == nil {
				files++
				bytes += size
				switch {
				case limits.MaxFiles > 0 && files > limits.MaxFiles:
					it.Err = &limitError{Path: it.Path, Limit: l.N("errors.batch.limit.files", limits.MaxFiles), Lang: limits.Lang}
					stopped = true
				case limits.MaxBytes > 0 && bytes > limits.MaxBytes:
					it.Err = &limitError{Path: it.Path, Limit: l.T("errors.batch.limit.bytes", i18n.Args{"MiB": limits.MaxBytes >> 20}), Lang: limits.Lang}
					stopped = true
				}
			}
			return yield(it) && !stopped
		}
		for _, p := range paths {
			if !discover(l, p, send) {
				return
			}
		}
	}
}

// discover sends the answers files one path names, in order; it returns false when told to stop.
func discover(l *i18n.Localizer, path string, send func(Item, int64) bool) bool {
	if path == "" {
		// os.Stat("") fails as a missing file, which a message would name as nothing at all.
		empty := inputerr.Refuse(inputerr.Origin{Path: `""`}, l.T("errors.batch.empty-name"))
		return send(Item{Path: path, Err: empty}, 0)
	}
	info, err := os.Stat(path)
	if err != nil {
		return send(Item{Path: path, Err: fileio.CannotRead(path, err, l.Lang())}, 0)
	}
	if !info.IsDir() {
		// A file named on the command line is read whatever its name and kind: the reader
		// refuses what it must not read (a FIFO with no writer) and reads a pipe (<(cat f)).
		return send(Item{Path: path}, info.Size())
	}
	return walk(l, path, send)
}

// walk sends the answers files of the folder path, recursively, in lexical order. A folder named
// through a symbolic link is walked all the same (filepath.WalkDir alone would see the link and
// not go in), its files named under the name given; links inside it to other folders are not
// followed, as a walk that followed them could go round for ever.
func walk(l *i18n.Localizer, path string, send func(Item, int64) bool) bool {
	root := path
	if l, err := os.Lstat(path); err == nil && l.Mode()&fs.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(path); err == nil {
			root = real
		}
	}
	named := func(p string) string {
		if rel, err := filepath.Rel(root, p); err == nil && root != path {
			return filepath.Join(path, rel)
		}
		return p
	}
	keepGoing := true
	// WalkDir visits entries in lexical order, which is the order the contract promises.
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		p = named(p)
		if err != nil {
			// An unreadable folder is a bad input like a bad file: reported, and the walk goes on.
			keepGoing = send(Item{Path: p, Err: fileio.CannotRead(p, err, l.Lang())}, 0)
			if !keepGoing {
				return fs.SkipAll
			}
			if d != nil && d.IsDir() && p != path {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !IsAnswersFile(p) {
			return nil
		}
		info, err := os.Stat(p) // follows a link to what it names
		switch {
		case err != nil:
			keepGoing = send(Item{Path: p, Err: fileio.CannotRead(p, err, l.Lang())}, 0)
		case !info.Mode().IsRegular():
			notRegular := inputerr.Refuse(inputerr.Origin{Path: p}, l.T("errors.batch.not-regular"))
			keepGoing = send(Item{Path: p, Err: notRegular}, 0)
		default:
			keepGoing = send(Item{Path: p}, info.Size())
		}
		if !keepGoing {
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil && keepGoing {
		keepGoing = send(Item{Path: path, Err: fileio.CannotRead(path, walkErr, l.Lang())}, 0)
	}
	return keepGoing
}

// IsAnswersFile tells whether a folder's walk takes the file p for an answers file: *.yaml, *.yml
// or *.json, in any case.
func IsAnswersFile(p string) bool {
	return slices.Contains(answersExt, strings.ToLower(filepath.Ext(p)))
}

// Result is one file's outcome: what the work made of it, or why it could not.
type Result[T any] struct {
	Path  string
	Value T
	Err   error
}

// PanicError is a panic caught on a worker: a bug, not a bad file.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Run does work to every item on at most workers goroutines (0: one per CPU) and calls emit once
// per item, in input order, on the caller's goroutine. An item Discover could not list reaches
// emit with its error, work not called. An error from emit, a panic in emit, or ctx cancelled
// stops the run: no new work starts, and no goroutine is left blocked, since every worker hands
// its one result to a channel of its own with room for it. Run returns emit's error, or
// ctx's cause.
func Run[T any](ctx context.Context, items iter.Seq[Item], workers int,
	work func(ctx context.Context, path string) (T, error), emit func(Result[T]) error) (err error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// stop is cancelled when Run returns, whatever the way: the discoverer and the workers then
	// stop taking work. The errgroup's own context adds the parent's cancellation (Ctrl-C).
	stop, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	g, gctx := errgroup.WithContext(stop)
	// Each file's result comes on a channel of its own, queued in input order, and emit takes
	// them in turn. The queue bounds the files in flight (workers*4, the one emit waits for
	// included), and so the results waiting for an earlier, slower one.
	queue := make(chan chan Result[T], workers*4-1)

	g.Go(func() error { // discover -> pool
		defer close(queue)
		pool, workCtx := errgroup.WithContext(gctx)
		pool.SetLimit(workers)
		defer pool.Wait()
		for it := range items {
			result := make(chan Result[T], 1)
			select {
			case queue <- result:
			case <-gctx.Done():
				return nil
			}
			pool.Go(func() error { // blocks while every worker is busy
				// A file's failure is its result, never the group's: one bad file does not
				// stop the others.
				result <- process(workCtx, it, work)
				return nil
			})
		}
		return nil
	})
	defer func() {
		// On every way out, the producers are told to stop and waited for; they cannot block,
		// so this ends (at once, but for work in progress, which its context cuts short).
		cancel(errStopped)
		for range queue {
		}
		g.Wait()
	}()
	for result := range queue {
		if err := emit(<-result); err != nil {
			return err
		}
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

// errStopped is the cause given to the workers when Run returns first.
var errStopped = errors.New("batch: run stopped")

// process does work to one item. A panic here would end the program from a goroutine the caller
// cannot guard, with a raw stack trace: it becomes the item's error instead.
func process[T any](ctx context.Context, it Item, work func(context.Context, string) (T, error)) (r Result[T]) {
	r = Result[T]{Path: it.Path, Err: it.Err}
	if r.Err != nil {
		return r
	}
	defer func() {
		if v := recover(); v != nil {
			r.Err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	r.Value, r.Err = work(ctx, it.Path)
	return r
}
