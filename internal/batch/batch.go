// Package batch scores many answers files at once: it finds them, decodes and scores them on a
// bounded pool of workers, and hands the results back in input order, one at a time, so that a
// cohort of any size is scored in constant memory.
package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/questions"
)

// Result is one file's outcome: a report, or the reason the file could not be scored.
type Result struct {
	Path     string
	Report   assessment.Report
	Rendered []byte // the report as Scorer.Render made it, when set
	Err      error
}

// Scorer scores answers files against one profile.
type Scorer struct {
	Profile *assessment.Profile
	Workers int // files decoded and scored at once; 0 means one per CPU
	// Render, if set, turns each report into its output on the worker that scored it, so that
	// rendering runs in parallel too and the ordered writer only copies bytes. It must be safe
	// for concurrent use.
	Render func(assessment.Report) ([]byte, error)
	// MaxFiles and MaxBytes bound how many files, and how many bytes in all, a run reads (0:
	// no bound). A run that would go past either reads no further and reports a LimitError in
	// place of the next file, so a mistaken path (/, a home folder) cannot run for hours.
	MaxFiles int
	MaxBytes int64
}

// LimitError says a run stopped at one of its bounds.
type LimitError struct {
	Path  string // the first file not read
	Limit string // which bound, in words, with the flag that raises it
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s: not read: %s", e.Path, e.Limit)
}

// Is makes a LimitError an input refusal, reported and counted like a bad file.
func (e *LimitError) Is(target error) bool { return target == questions.ErrInvalid }

// answersExt are the file names a folder is searched for.
var answersExt = []string{".yaml", ".yml", ".json"}

type job struct {
	index int
	path  string
	size  int64 // bytes, as listed; counted against MaxBytes
	err   error // the path could not be listed or opened
}

// Run scores every file the paths name and calls emit once per file, in input order: the paths
// in the order given, a folder's files (*.yaml, *.yml, *.json, recursively) in lexical order.
// emit runs on the caller's goroutine; an error from it stops the run and is returned.
func (s *Scorer) Run(paths []string, emit func(Result) error) error {
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// window bounds the files in flight, and so the results waiting for an earlier, slower one.
	window := make(chan struct{}, workers*4)
	done := make(chan struct{})
	jobs := make(chan job)
	results := make(chan struct {
		index int
		Result
	})

	go func() {
		defer close(jobs)
		index := 0
		var files int
		var bytes int64
		stopped := false
		send := func(j job) bool {
			if stopped {
				return false
			}
			if j.err == nil {
				files++
				bytes += j.size
				switch {
				case s.MaxFiles > 0 && files > s.MaxFiles:
					j.err = &LimitError{Path: j.path, Limit: fmt.Sprintf("more than %d files (raise --max-files)", s.MaxFiles)}
					stopped = true
				case s.MaxBytes > 0 && bytes > s.MaxBytes:
					j.err = &LimitError{Path: j.path, Limit: fmt.Sprintf("more than %d MiB in all (raise --max-total-mib)", s.MaxBytes>>20)}
					stopped = true
				}
			}
			select {
			case window <- struct{}{}:
			case <-done:
				return false
			}
			j.index = index
			index++
			select {
			case jobs <- j:
				return !stopped
			case <-done:
				return false
			}
		}
		for _, p := range paths {
			if !discover(p, send) {
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := s.process(j)
				select {
				case results <- struct {
					index int
					Result
				}{j.index, r}:
				case <-done:
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]Result{}
	next := 0
	var emitErr error
	for r := range results {
		if emitErr != nil {
			continue // drain, so the workers can finish
		}
		pending[r.index] = r.Result
		for {
			ready, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if err := emit(ready); err != nil {
				emitErr = err
				close(done)
				break
			}
		}
	}
	return emitErr
}

// process scores and renders one file. A panic here would end the program from a goroutine the
// caller cannot guard, with a raw stack trace: it becomes the file's error instead.
func (s *Scorer) process(j job) (r Result) {
	r = Result{Path: j.path, Err: j.err}
	defer func() {
		if v := recover(); v != nil {
			r.Err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	if r.Err == nil {
		r.Report, r.Err = s.scoreFile(j.path)
	}
	if r.Err == nil && s.Render != nil {
		r.Rendered, r.Err = s.Render(r.Report)
	}
	return r
}

// PanicError is a panic caught on a worker: a bug, not a bad file.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// discover sends the answers files one path names, in order; it returns false when told to stop.
func discover(path string, send func(job) bool) bool {
	info, err := os.Stat(path)
	if err != nil {
		return send(job{path: path, err: unreadable(path, err)})
	}
	if !info.IsDir() {
		return send(job{path: path, size: info.Size()})
	}
	keepGoing := true
	// WalkDir visits entries in lexical order, which is the order the contract promises.
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder is a bad input like a bad file: reported, and the walk goes on.
			keepGoing = send(job{path: p, err: unreadable(p, err)})
			if d != nil && d.IsDir() && p != path {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isAnswersFile(p) {
			return nil
		}
		// Only regular files: opening a named pipe that happens to end in .yaml would wait
		// forever for a writer.
		if !isRegular(p, d) {
			keepGoing = send(job{path: p, err: invalid(p, "is not a regular file")})
		} else {
			var size int64
			if info, err := os.Stat(p); err == nil {
				size = info.Size()
			}
			keepGoing = send(job{path: p, size: size})
		}
		if !keepGoing {
			return fs.SkipAll
		}
		return nil
	})
	if walkErr != nil && keepGoing {
		keepGoing = send(job{path: path, err: unreadable(path, walkErr)})
	}
	return keepGoing
}

func isRegular(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(p)
		return err != nil || info.Mode().IsRegular() // a dangling link is reported when opened
	}
	return false
}

func isAnswersFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range answersExt {
		if ext == e {
			return true
		}
	}
	return false
}

func (s *Scorer) scoreFile(path string) (assessment.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return assessment.Report{}, unreadable(path, err)
	}
	defer f.Close()
	answers, err := s.Profile.Bank().ReadAnswers(path, f)
	if err != nil {
		return assessment.Report{}, err
	}
	if open := s.Profile.Bank().Open(answers); len(open) > 0 {
		ids := make([]string, len(open))
		for i, q := range open {
			ids[i] = q.ID
		}
		return assessment.Report{}, invalid(path, fmt.Sprintf("is incomplete: no answer to %s", strings.Join(ids, ", ")))
	}
	r := assessment.Score(s.Profile, answers)
	r.Source = path
	return r, nil
}

// unreadable turns a file-system error into a refusal of that input: for a cohort, a file that
// cannot be read is a bad file like any other, reported with the rest still scored.
func unreadable(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return invalid(path, "cannot be read: "+err.Error())
}

func invalid(path, msg string) error {
	return &questions.InvalidError{Problems: []questions.Problem{{Origin: questions.Origin{Path: path}, Message: msg}}}
}
