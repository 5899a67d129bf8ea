package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"syscall"

	"github.com/hitready/hitready/questions"
)

// Path is a file named on the command line, with the flag or argument that named it, for
// messages ("--output", "--answers", "PATH").
type Path struct {
	Flag string
	Name string
}

func (p Path) String() string {
	if p.Flag == "" {
		return p.Name
	}
	return p.Flag + " " + p.Name
}

// CheckOutputs refuses (exit 2, questions.ErrInvalid) outputs that would harm the run or its
// inputs, before anything is read or asked: an output that is one of the inputs, by any name
// (a symbolic or hard link: os.SameFile), two outputs that are one file (or both standard
// output), an output that is a folder, and one whose folder does not exist. Empty names are
// flags not given and are skipped; "-" is standard output. A device or pipe is written in place,
// never replaced, so it cannot destroy anything and is not compared.
//
// inputs is walked only when an output exists as a regular file: a file that does not exist yet
// cannot be an input, and the walk (every file under score's folders) is then saved.
func CheckOutputs(outputs []Path, inputs iter.Seq[Path]) error {
	type checked struct {
		Path
		info   fs.FileInfo // nil: does not exist yet, or standard output
		target string      // absolute path after links, for outputs that do not exist yet
		stdout bool
	}
	// probe creates and removes a file where the output's temporary file will go: a folder the
	// user may not write into is found now, not after twenty questions.
	probe := func(c checked) error {
		if c.stdout {
			return nil
		}
		target, err := resolve(c.Name)
		if err != nil {
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(target), ".hitready-probe-*")
		if err != nil {
			return refuseOutput(c.Name, "cannot be written: "+reason(err))
		}
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	var list []checked
	existing := false
	for _, o := range outputs {
		if o.Name == "" {
			continue
		}
		c := checked{Path: o}
		if o.Name == StdStream {
			c.stdout = true
			list = append(list, c)
			continue
		}
		info, err := os.Stat(o.Name)
		switch {
		case err == nil && info.IsDir():
			return isFolder(o.Name)
		case err == nil && !info.Mode().IsRegular():
			continue // written in place
		case err == nil:
			c.info = info
			existing = true
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
			// A folder on the way that this user may not search, a loop of links: say so,
			// rather than that the folder does not exist.
			return refuseOutput(o.Name, "cannot be written: "+reason(err))
		default:
			target, rerr := resolve(o.Name)
			if rerr != nil {
				return rerr
			}
			dir, derr := os.Stat(filepath.Dir(target))
			switch {
			case derr == nil && !dir.IsDir(), errors.Is(derr, fs.ErrNotExist), errors.Is(derr, syscall.ENOTDIR):
				return noFolder(o.Name)
			case derr != nil:
				return refuseOutput(o.Name, "cannot be written: "+reason(derr))
			}
			if abs, aerr := filepath.Abs(target); aerr == nil {
				target = abs
			}
			c.target = target
		}
		list = append(list, c)
	}
	for _, c := range list {
		if err := probe(c); err != nil {
			return err
		}
	}
	for i, a := range list {
		for _, b := range list[i+1:] {
			same := a.stdout && b.stdout ||
				a.info != nil && b.info != nil && os.SameFile(a.info, b.info) ||
				a.target != "" && a.target == b.target
			if same {
				return refuseOutput(b.Name, fmt.Sprintf("%s and %s are the same file; each needs its own", a, b))
			}
		}
	}
	if !existing || inputs == nil {
		return nil
	}
	for in := range inputs {
		if in.Name == "" || in.Name == StdStream {
			continue
		}
		info, err := os.Stat(in.Name)
		if err != nil {
			continue // the reader reports it, with the run's other inputs
		}
		for _, o := range list {
			if o.info != nil && os.SameFile(o.info, info) {
				return refuseOutput(o.Name, fmt.Sprintf("is also an input (%s): writing %s would destroy it; choose another file", in, o.Flag))
			}
		}
	}
	return nil
}

// Inputs turns paths into the sequence CheckOutputs walks.
func Inputs(paths ...Path) iter.Seq[Path] {
	return func(yield func(Path) bool) {
		for _, p := range paths {
			if !yield(p) {
				return
			}
		}
	}
}

func refuseOutput(name, msg string) error { return questions.Refuse(origin(name), msg) }

func isFolder(name string) error {
	return refuseOutput(name, "is a folder; name a file to write")
}

func noFolder(name string) error {
	return refuseOutput(name, fmt.Sprintf("cannot be written: the folder %s does not exist", filepath.Dir(name)))
}
