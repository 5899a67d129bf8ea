package fileio

import (
	"errors"
	"io"
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
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

// CheckOutputs refuses (exit 2, inputerr.ErrInvalid) outputs that would harm the run or its
// inputs, before anything is read or asked: an output that is one of the inputs, by any name
// (a symbolic or hard link: os.SameFile; standard input when an input is "-"), two outputs that
// are one file or one stream (by any route: existing ones by os.SameFile, new ones by their real
// folder and name), an output that is a folder, and one whose folder does not exist. Empty names
// are flags not given and are skipped; "-" is standard output. A device or pipe is written in
// place, never replaced, so it cannot destroy an input; it is still compared with the other
// outputs, as two writers on one stream would mix them. /dev/null is never a conflict.
//
// inputs is walked only when an output exists as a regular file: a file that does not exist yet
// cannot be an input, and the walk (every file under score's folders) is then saved.
func CheckOutputs(outputs []Path, inputs iter.Seq[Path], streams Streams) (err error) {
	defer func() { err = worded(err, streams.Lang) }()
	var list []output
	replacing := false
	for _, p := range outputs {
		if p.Name == "" {
			continue
		}
		o, err := classify(p, streams, true)
		if err != nil {
			return err
		}
		list = append(list, o)
		replacing = replacing || o.destroys()
	}
	for _, o := range list {
		if err := o.probe(); err != nil {
			return err
		}
	}
	if err := distinct(list); err != nil {
		return err
	}
	if inputs == nil {
		return nil
	}
	stdin := statStream(streams.In)
	for _, o := range list {
		if !o.stream {
			keepGuard(o.Path, inputs, stdin)
		}
	}
	if !replacing {
		return nil
	}
	return notAnInput(list, inputs, stdin)
}

// guards remember, by an output's name, the checks CheckOutputs made of it against the inputs,
// so that Commit makes them again just before its rename (recheck): a name that became an input's
// during a long session (a link made after the check) is refused then too. One run checks its
// outputs once.
var (
	guardsMu sync.Mutex
	guards   = map[string][]func(replaced fs.FileInfo) error{}
)

// keepGuard adds the check of out against inputs (stdin is what standard input is) to those
// Commit makes again: a run checks its outputs against the answers first, then against the files
// its profile names, once it has read the profile.
func keepGuard(out Path, inputs iter.Seq[Path], stdin fs.FileInfo) {
	guardsMu.Lock()
	defer guardsMu.Unlock()
	guards[out.Name] = append(guards[out.Name], func(replaced fs.FileInfo) error {
		return notAnInput([]output{{Path: out, info: replaced, replaced: true}}, inputs, stdin)
	})
}

// recheck refuses a rename over target, the file name leads to, when target is now one of the
// inputs CheckOutputs compared name with. The rename replaces target itself (a link there is
// replaced, not followed), so that is what is compared.
func recheck(name, target string) error {
	guardsMu.Lock()
	checks := guards[name]
	guardsMu.Unlock()
	if len(checks) == 0 {
		return nil
	}
	info, err := os.Lstat(target)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	for _, check := range checks {
		if err := check(info); err != nil {
			return err
		}
	}
	return nil
}

// output is one output of a run as CheckOutputs found it.
type output struct {
	Path
	info     fs.FileInfo // what the output is now; nil: does not exist yet (or a buffer)
	replaced bool        // a regular file that the write replaces by rename
	target   string      // real folder and name, for outputs that do not exist yet
	stream   bool        // standard output or error, or a device or pipe: written in place
	w        io.Writer   // the command's own stream a stream is written through; nil: none
}

// destroys tells whether writing o would change a file an input may be: one replaced, or one
// written into in place (standard output that is a file: 1<>a.yaml, >> a.yaml).
func (o output) destroys() bool {
	return o.replaced || o.stream && o.info != nil && o.info.Mode().IsRegular()
}

// classify finds what an output is: a stream written in place (through w when it is one of the
// command's streams), a file to replace, or one to create; it refuses a folder and a descriptor
// that is a file. CheckOutputs (check) also refuses standard input, and takes a name for standard
// output or error as that stream even where the command has none; Create writes the descriptor.
func classify(p Path, streams Streams, check bool) (output, error) {
	o := output{Path: p}
	if p.Name == StdStream || p.Name == "" {
		o.stream, o.info, o.w = true, statStream(streams.Out), streams.Out
		return o, nil
	}
	t, err := resolve(p.Name)
	if err != nil {
		return o, err
	}
	if o.w = map[int]io.Writer{1: streams.Out, 2: streams.Err}[t.fd]; o.w != nil && !check {
		o.stream = true // written through the stream itself, where it stands (>> appends)
		return o, nil
	}
	info, err := os.Stat(t.path)
	regular := err == nil && info.Mode().IsRegular()
	switch {
	case err == nil && info.IsDir():
		return o, isFolder(p.Name)
	case check && readsStdin(t.fd, info, streams.In):
		if regular { // descriptor 0, a file: writing it would destroy it
			return o, refuse(p.Name, "errors.output.stdin-file", nil)
		}
		// A pipe the run reads from (/dev/stdin, /proc/self/fd/0, the FIFO < names): the
		// report would go into it, where nobody reads it, or the run would wait on itself.
		return o, refuse(p.Name, "errors.output.stdin", nil)
	case check && (t.fd == 1 || t.fd == 2):
		// Written through the descriptor itself, where it stands (>> appends): never
		// replaced, and no folder to probe.
		o.stream, o.info = true, info
	case t.fd >= 0 && regular:
		return o, refuse(p.Name, "errors.output.descriptor", i18n.Args{"FD": t.fd})
	case err == nil && !regular:
		if err := o.inPlace(t, info, streams, check); err != nil {
			return o, err
		}
	case err == nil:
		o.info, o.replaced, o.target = info, true, t.path
	case errors.Is(err, fs.ErrNotExist):
		o.target = t.path
	case check:
		return o, cannotWrite(p.Name, err)
	default:
		return o, failed("errors.output.write-failed", p.Name, err)
	}
	return o, nil
}

// inPlace makes o a device, pipe or socket written in place. Any name for the pipe or terminal
// standard output already is, is written through it: reopening a pipe another user created (a
// supervisor's, a test harness's) is not allowed, writing into the one inherited is. With check,
// a device named that the user may not write (/dev/kmsg) is refused now, not after twenty
// questions; a descriptor's name is left to the open.
func (o *output) inPlace(t target, info fs.FileInfo, streams Streams, check bool) error {
	o.stream, o.info = true, info
	if si := statStream(streams.Out); si != nil && os.SameFile(si, info) {
		o.w = streams.Out
	} else if check && t.fd < 0 {
		if err := mayWriteInPlace(t.path); err != nil {
			return cannotWrite(o.Name, err)
		}
	}
	return nil
}

// readsStdin tells whether an output, descriptor fd (-1: none) that is info (nil: none), is standard
// input: descriptor 0, or the pipe, FIFO or socket the run reads from (a terminal is output too).
func readsStdin(fd int, info fs.FileInfo, stdin io.Reader) bool {
	in := statStream(stdin)
	return fd == 0 || info != nil && in != nil && !info.Mode().IsRegular() &&
		info.Mode()&fs.ModeCharDevice == 0 && os.SameFile(info, in)
}

// probe creates and removes a file where the output's temporary file will go: a folder the user
// may not write into is found now, not after twenty questions. A file to replace is also asked
// whether it can be (replaceable).
func (o output) probe() error {
	if o.stream {
		return nil
	}
	if o.replaced {
		if err := replaceable(o.Name, o.target, o.info); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(filepath.Dir(o.target), tempPattern)
	if err != nil {
		return cannotWrite(o.Name, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// distinct refuses two outputs that are one file or one stream.
func distinct(list []output) error {
	devNull, _ := os.Stat(os.DevNull)
	for i, a := range list {
		for _, b := range list[i+1:] {
			same := a.Name == StdStream && b.Name == StdStream ||
				a.info != nil && b.info != nil && os.SameFile(a.info, b.info) && (devNull == nil || !os.SameFile(a.info, devNull)) ||
				a.target != "" && a.target == b.target
			if same {
				return refuse(b.Name, "errors.output.same-file", i18n.Args{"First": a.String(), "Second": b.String()})
			}
		}
	}
	return nil
}

// notAnInput refuses an output that replaces one of the inputs; stdin is what standard input is.
func notAnInput(list []output, inputs iter.Seq[Path], stdin fs.FileInfo) error {
	for in := range inputs {
		info := inputInfo(in, stdin)
		if info == nil {
			continue
		}
		for _, o := range list {
			if o.destroys() && os.SameFile(o.info, info) {
				if in.Name == StdStream {
					return refuse(o.Name, "errors.output.is-stdin-input", i18n.Args{"Input": in.Flag, "Flag": o.Flag})
				}
				return refuse(o.Name, "errors.output.is-input", i18n.Args{"Input": in.String(), "Flag": o.Flag})
			}
		}
	}
	return nil
}

// inputInfo is what an input is on disk, nil when it is not given, not there (the reader reports
// it, with the run's other inputs) or standard input that is not a file.
func inputInfo(in Path, stdin fs.FileInfo) fs.FileInfo {
	switch in.Name {
	case "":
		return nil
	case StdStream:
		return stdin
	}
	info, err := os.Stat(in.Name)
	if err != nil {
		return nil
	}
	return info
}

// Inputs turns paths into the sequence CheckOutputs walks.
func Inputs(paths ...Path) iter.Seq[Path] { return slices.Values(paths) }

// refusal is an input or output refused: its name, and the message by id with its data. It
// reads in English until Read, CheckOutputs, Create or Commit, which know the run's language,
// word it in that language (worded): the functions that find what is wrong need not carry the
// language.
type refusal struct {
	name string
	id   string
	args i18n.Args
	kind string // a file type (errors.file.kind.*), as Kind, named in the language
	near string // a name close to one not found, for "did you mean" after the message
}

func refuse(name, id string, args i18n.Args) error {
	return &refusal{name: name, id: id, args: args}
}

func (r *refusal) Error() string { return r.in(i18n.English).Error() }

// Is makes a refusal bad input (exit 2) before it is worded, as after.
func (r *refusal) Is(target error) bool { return target == inputerr.ErrInvalid }

// in is the refusal worded in language l.
func (r *refusal) in(lang i18n.Lang) error {
	l := i18n.For(lang)
	args := r.args
	if r.kind != "" {
		args = maps.Clone(args)
		if args == nil {
			args = i18n.Args{}
		}
		args["Kind"] = l.T("errors.file.kind." + r.kind)
	}
	msg := l.T(r.id, args)
	if r.near != "" {
		msg += l.T("errors.file.did-you-mean", i18n.Args{"Name": textsafe.Escape(r.near)})
	}
	return &inputerr.InvalidError{Problems: []inputerr.Problem{{Origin: inputerr.Origin{Path: r.name}, Message: msg}}, Lang: lang}
}

// worded is err in language l when it is a refusal or a failure, as it is otherwise.
func worded(err error, l i18n.Lang) error {
	switch e := err.(type) {
	case *refusal:
		return e.in(l)
	case *failure:
		return &failure{id: e.id, name: e.name, err: e.err, lang: l}
	}
	return err
}

// failure is a read or write that failed where nothing was refused (a full disk, an I/O error):
// exit 1, not bad input. Its message names the file and gives the system's reason; like a
// refusal it reads in English until it is worded in the run's language.
type failure struct {
	id   string // errors.file.read-failed, errors.output.write-failed, errors.output.stdout-write-failed
	name string
	err  error // the system's reason, for errors.Is (ENOSPC, EPIPE)
	lang i18n.Lang
}

func failed(id, name string, err error) error { return &failure{id: id, name: name, err: reason(err)} }

// StdoutFailed is a failed write to standard output, err the system's reason, worded in lang as
// fileio words its own: for what a command writes there without fileio.
func StdoutFailed(err error, lang i18n.Lang) error {
	return worded(failed("errors.output.stdout-write-failed", "", err), lang)
}

func (f *failure) Error() string {
	return i18n.For(f.lang).T(f.id, i18n.Args{"File": f.name, "Reason": f.err.Error()})
}

func (f *failure) Unwrap() error { return f.err }

func cannotWrite(name string, err error) error {
	return refuse(name, "errors.output.cannot-write", i18n.Args{"Reason": reason(err).Error()})
}

func isFolder(name string) error {
	return refuse(name, "errors.output.folder", nil)
}

// replaceable refuses, before anything is asked or written, an existing file that the rename at
// the end could not replace although its folder is writable: one that belongs to another user in
// a sticky folder (/tmp, a shared drop folder), where only the file's or the folder's owner may
// replace it (EPERM), a mount point (a bind-mounted file: EBUSY), and on Windows a read-only file
// or one another program holds open (replaceRefusal). Root may do the first, so it is refused
// only for others.
func replaceable(name, path string, info fs.FileInfo) error {
	if dirInfo, err := os.Stat(filepath.Dir(path)); err == nil && stickyForbids(info, dirInfo) {
		return refuse(name, "errors.output.sticky", nil)
	}
	if isMountPoint(path) {
		return refuse(name, mountPointRefusal, nil)
	}
	if id := replaceRefusal(path, info); id != "" {
		return refuse(name, id, nil)
	}
	return nil
}

// heldOpenRefusal is said of an output another program holds open where that stops a replace
// (Windows), up front or, if the program opened it during the run, at the end: a message id.
const heldOpenRefusal = "errors.output.held-open"

// mountPointRefusal is said of an output that is a mount point, up front or, if it became one
// during the run, at the end: a message id.
const mountPointRefusal = "errors.output.mount-point"

// isMountPoint tells whether path (with its links resolved) is listed as a mount point in
// /proc/self/mountinfo: a bind-mounted file cannot be replaced by rename. Where the list cannot
// be read (not Linux), the rename says so at the end.
func isMountPoint(path string) bool {
	data, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(data)) {
		// ID PARENT MAJ:MIN ROOT MOUNTPOINT …; spaces and the like in MOUNTPOINT are \NNN.
		if f := strings.Fields(line); len(f) > 4 && unescapeMountinfo(f[4]) == path {
			return true
		}
	}
	return false
}

// unescapeMountinfo undoes the kernel's escapes in a mountinfo field: it writes a space, a tab, a
// newline and the backslash itself in octal (\040, \011, \012, \134), and nothing else.
var unescapeMountinfo = strings.NewReplacer(`\040`, " ", `\011`, "\t", `\012`, "\n", `\134`, `\`).Replace
