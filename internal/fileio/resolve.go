package fileio

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/hitready/hitready/internal/i18n"
)

// Streams are the standard streams as the command sees them. An output that names one of them
// (/dev/stdout, /dev/fd/2, /proc/self/fd/1) is written through it, at its offset, never replaced;
// an input "-" is standard input, compared by what it is (the file behind it) with the outputs.
// A stream that is not an *os.File (a test's buffer) is taken as it is.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// Lang is the language refusals are worded in (CheckOutputs, Create, Commit); the zero
	// value is English.
	Lang i18n.Lang
}

// statStream is what a stream is on disk, nil when it is not a file (a buffer) or cannot be told.
func statStream(s any) fs.FileInfo {
	f, ok := s.(*os.File)
	if !ok || f == nil {
		return nil
	}
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	return info
}

// target is where a name leads once every symbolic link is followed the way the kernel follows
// it: the real folder the file is in, and the file's name there.
type target struct {
	path string // real parent folder joined with the base name; the file need not exist
	fd   int    // >= 0: the name is one of this process's open descriptors (/proc/PID/fd/N)
	// route is every name on the way, each in its real folder: the name as given, then each
	// link it leads through, then path. A walk of a folder finds any of them.
	route []string
}

// resolve follows name through symbolic links to the file they end at, which need not exist yet
// (a dangling link names the file to create). Each step resolves the folder first
// (filepath.EvalSymlinks: a link inside a linked folder is relative to the real folder, as for
// the kernel), then the last name, with the kernel's bound on links. A name that reaches
// /proc/PID/fd/N of this process (/dev/stdout, /dev/fd/1) stops there: it is an open descriptor,
// not a path to follow. A chain that cannot be followed is refused, naming the folder at fault.
func resolve(name string) (target, error) {
	p := name
	var route []string
	for range 40 { // the kernel's own bound (MAXSYMLINKS)
		dir, base := filepath.Split(p)
		if base == "" { // "x/": a folder by its spelling
			// Say which: a folder (name a file in it), a file where a folder was meant, or
			// a folder that does not exist.
			switch info, err := os.Stat(p); {
			case err == nil && info.IsDir():
				return target{}, isFolder(name)
			case err == nil:
				return target{}, notAFolder(name, p)
			default:
				return target{}, folderError(name, p, err)
			}
		}
		dir = cmp.Or(dir, ".")
		abs := dir
		if !filepath.IsAbs(dir) {
			var err error
			if abs, err = absFolder(dir); err != nil {
				return target{}, cannotWrite(name, err)
			}
		}
		real, err := filepath.EvalSymlinks(abs) // absolute: two routes compare equal
		if err != nil {
			return target{}, folderError(name, dir, err)
		}
		if info, err := os.Stat(real); err != nil {
			return target{}, folderError(name, dir, err)
		} else if !info.IsDir() {
			return target{}, notAFolder(name, dir)
		}
		p = filepath.Join(real, base)
		route = append(route, p)
		if fd, ok := ownDescriptor(real, base); ok {
			return target{path: p, fd: fd, route: route}, nil
		}
		info, err := os.Lstat(p)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return target{path: p, fd: -1, route: route}, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return target{}, cannotWrite(name, err)
		}
		if !filepath.IsAbs(link) {
			// Not filepath.Join, which cleans "sublink/.." away by its spelling: the kernel
			// goes up from where sublink leads, and so does EvalSymlinks on the next step.
			link = real + string(filepath.Separator) + link
		}
		p = link
	}
	return target{}, cannotWrite(name, syscall.ELOOP)
}

// ownDescriptor tells whether real/base is /proc/PID/fd/N (or /proc/PID/task/TID/fd/N) of this
// process, and N. On Linux /dev/fd and /dev/stdout are links into /proc/self/fd, followed before
// this is asked. macOS has no /proc: its /dev/fd is a folder of its own (fdesc), where N is this
// process's descriptor N, and /dev/stdout a link to fd/1. Windows has neither.
func ownDescriptor(real, base string) (int, bool) {
	n, err := strconv.Atoi(base)
	if err != nil || n < 0 {
		return 0, false
	}
	parts := strings.Split(strings.TrimPrefix(real, "/"), "/")
	pid := strconv.Itoa(os.Getpid())
	switch {
	case runtime.GOOS == "darwin" && real == "/dev/fd":
	case len(parts) == 3 && parts[0] == "proc" && parts[1] == pid && parts[2] == "fd":
	case len(parts) == 5 && parts[0] == "proc" && parts[1] == pid && parts[2] == "task" && parts[4] == "fd":
	default:
		return 0, false
	}
	return n, true
}

// folderError refuses an output whose folder cannot be reached: missing, not a folder, or not
// searchable. dir is the folder as the name or link spelled it; the message names the first part
// of it that is missing or is a file, so that the person knows what to create.
func folderError(name, dir string, err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		// The deepest folder on the way that exists tells which it is: a file where a folder
		// should be, or a folder missing.
		for d := dir; ; {
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			if info, serr := os.Stat(parent); serr == nil {
				if !info.IsDir() {
					return notAFolder(name, parent)
				}
				break
			}
			d = parent
		}
		return noFolder(name, dir)
	}
	if errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links") {
		// filepath.EvalSymlinks says "EvalSymlinks: too many links", in its own name: the
		// person gets the kernel's words, which a shell would show them too.
		return refuse(name, "errors.output.loop", i18n.Args{"Reason": syscall.ELOOP.Error(), "Folder": shown(dir)})
	}
	return cannotWrite(name, err)
}

func notAFolder(name, dir string) error {
	return refuse(name, "errors.output.not-a-folder", i18n.Args{"Folder": shown(dir)})
}

func noFolder(name, dir string) error {
	return refuse(name, "errors.output.no-folder", i18n.Args{"Folder": shown(dir)})
}

// shown is a folder as a message names it: relative to the current folder when it is inside it
// (a link's target is absolute by the time it is followed), else as it is.
func shown(dir string) string {
	if !filepath.IsAbs(dir) {
		return filepath.Clean(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	real, err := filepath.EvalSymlinks(wd)
	if err != nil {
		real = wd
	}
	for _, base := range []string{wd, real} {
		if rel, err := filepath.Rel(base, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return dir
}

// SameTarget tells whether two names lead to one file, existing or not: the same file by
// os.SameFile, or the same name in the same real folder once links are followed.
func SameTarget(a, b string) bool {
	ta, erra := resolve(a)
	tb, errb := resolve(b)
	if erra != nil || errb != nil {
		return false
	}
	ia, erra := os.Stat(ta.path)
	ib, errb := os.Stat(tb.path)
	return ta.path == tb.path || erra == nil && errb == nil && os.SameFile(ia, ib)
}

// InPlace tells whether name is written into rather than replaced: standard output or error by
// any name (/dev/stdout, /proc/self/fd/1), a device, a pipe. Such an output takes one write at
// the end, never a file kept up to date as a session goes (each write would add to it).
func InPlace(name string) bool {
	if name == StdStream {
		return true
	}
	t, err := resolve(name)
	if err != nil {
		return false
	}
	if t.fd >= 0 {
		return true
	}
	info, err := os.Stat(t.path)
	return err == nil && !info.Mode().IsRegular()
}

// Under tells whether name, an output, is a file to be written that a walk of folder would find
// under a name match accepts, and gives that name: the name as given, any link on the way, or
// the file it leads to (links followed as the writer follows them). A dangling link in the
// folder counts as much as the file it would create elsewhere: the walk finds the link. Folders
// are compared by os.SameFile, one by one up from the file's, so a folder reached by a link, or
// spelt in another case where the file system ignores case (macOS, Windows), counts too.
// Standard output, a device, a pipe and a name that cannot be followed are never under a folder.
func Under(name, folder string, match func(path string) bool) (real string, ok bool) {
	if name == "" || folder == "" || InPlace(name) {
		return "", false
	}
	t, err := resolve(name)
	fi, ferr := os.Stat(folder)
	if err != nil || ferr != nil || !fi.IsDir() {
		return "", false
	}
	for _, p := range t.route {
		if match(p) && inFolder(p, fi) {
			return p, true
		}
	}
	return "", false
}

// inFolder tells whether the folder fi describes holds path, at any depth.
func inFolder(path string, fi fs.FileInfo) bool {
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if di, err := os.Stat(d); err == nil && os.SameFile(di, fi) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}
