package questionnaire

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/questions"
)

// ProgressBase is the answers file a session keeps its answers in when the person named none
// with --save-answers: hitready-answers.yaml, or hitready-answers-2.yaml and on when taken.
const ProgressBase = "hitready-answers"

// answersHeader is how every YAML answers file hitready writes begins (the head comment of
// questions.Bank.EncodeAnswers): a file that begins so was written by a session, and resuming it
// keeps adding to it, as the README promises, whatever its name (--save-answers me.yaml).
const answersHeader = "# hitready answers file."

// KeepOptions say where a session may keep its answers.
type KeepOptions struct {
	Bank *questions.Bank
	// Save is --save-answers: the answers are kept in it as they come, unless it is standard
	// output, a device or a pipe, which get them once, at the end.
	Save string
	// Resume is --answers ("" or "-" for none): a file hitready wrote goes on being written.
	Resume string
	// Changed says the answers were changed on the way in (--set), so the Resume file no longer
	// holds them all.
	Changed bool
	// Output is --output: a name the answers never take.
	Output  string
	Streams fileio.Streams
	Out     io.Writer // the warnings: the terminal's standard error
	Width   int       // the width they are wrapped to
}

// Keeper keeps a session's answers in a file after every answer and every change, so that
// Ctrl-C, a closed terminal or a crash loses at most the question being asked. It decides which
// file, falls back to a file of its own when --save-answers cannot be written, and says what
// went wrong once, never stopping the session for it: the answers are still in memory and
// scored at the end.
type Keeper struct {
	opts     KeepOptions
	ctx      context.Context
	path     string // where the answers are kept; "" when no file could be had
	claimed  bool   // path was created empty to reserve its name
	saved    bool   // path holds the answers given so far
	fellBack bool   // Save could not be written; path is a file of our own instead
	warned   bool
}

// NewKeeper picks the file the answers are kept in (see progressFile) and warns when there is
// none to be had.
func NewKeeper(ctx context.Context, opts KeepOptions) *Keeper {
	k := &Keeper{opts: opts, ctx: ctx}
	var err error
	k.path, k.claimed, err = k.progressFile()
	if err != nil {
		k.warn(err)
	}
	return k
}

// progressFile is where the answers are kept: Save if it is a file; the file being resumed if
// hitready wrote it; else a new hitready-answers*.yaml in the current folder, created exclusively
// (claimed reports true), so that neither an earlier session's answers nor those of one started
// at the same moment are ever overwritten. A name the output will take is skipped.
func (k *Keeper) progressFile() (path string, claimed bool, err error) {
	if k.opts.Save != "" && !fileio.InPlace(k.opts.Save) {
		return k.opts.Save, false, nil
	}
	if p := k.opts.Resume; p != "" && p != fileio.StdStream && (strings.HasPrefix(filepath.Base(p), ProgressBase) || writtenByHitready(p)) {
		return p, false, nil
	}
	path, err = k.claim()
	return path, err == nil, err
}

// claim creates a new hitready-answers*.yaml in the current folder.
func (k *Keeper) claim() (string, error) {
	out := k.opts.Output
	return fileio.Claim(".", ProgressBase, ".yaml", func(p string) bool {
		return out != "" && out != fileio.StdStream && fileio.SameTarget(p, out)
	})
}

// Path is the file the answers are kept in, "" when there is none.
func (k *Keeper) Path() string { return k.path }

// FellBack says --save-answers could not be written and the answers went to another file.
func (k *Keeper) FellBack() bool { return k.fellBack }

// Kept is the file that holds every answer given so far, "" when none does.
func (k *Keeper) Kept() string {
	if k.saved {
		return k.path
	}
	return ""
}

// Holder is the file to go on from after the session stops: the one the answers are kept in,
// or, when nothing was kept yet and nothing changed on the way in, the file they came from.
func (k *Keeper) Holder() string {
	if k.saved {
		return k.path
	}
	if r := k.opts.Resume; r != "" && r != fileio.StdStream && !k.opts.Changed {
		return r
	}
	return ""
}

// Keep writes all the answers given so far; it is the session's Options.Answered. A failure
// is said once and never stops the session.
func (k *Keeper) Keep(a *questions.Answers) error {
	if k.path == "" {
		return nil
	}
	err := k.write(a)
	if err != nil && !k.fellBack && k.path == k.opts.Save {
		// --save-answers passed the check but cannot be written after all (a rename
		// refused, a folder gone): the answers go to a file of our own in the current
		// folder, so that the session is not lost, and the person is told once where.
		k.fellBack = true
		if fallback, cerr := k.claim(); cerr == nil {
			failed := k.path
			k.path, k.claimed = fallback, true
			if k.write(a) == nil {
				k.say(cannotWriteKeptInstead(CannotWrite(failed, err), fallback))
				k.saved = true
				return nil
			}
		}
	}
	if err != nil {
		k.warn(err)
		return nil
	}
	k.saved = true
	return nil
}

func (k *Keeper) write(a *questions.Answers) error {
	data, err := k.opts.Bank.EncodeAnswersFile(k.path, a)
	if err == nil {
		err = fileio.WriteFile(k.ctx, k.path, k.opts.Streams, data)
	}
	return err
}

// Announce says, before the first change, where changes to answers read from a file go when
// that file is not rewritten (hitready did not write it; its comments and layout are the
// person's).
func (k *Keeper) Announce() {
	r := k.opts.Resume
	if k.path != "" && r != "" && r != fileio.StdStream && k.path != r {
		k.say(changesKeptIn(k.path, r))
	}
}

// Close removes a file claimed for the answers and never written: with nothing kept in it, it
// goes.
func (k *Keeper) Close() {
	if k.claimed && !k.saved {
		os.Remove(k.path)
	}
}

// warn says once that the answers cannot be kept as they come.
func (k *Keeper) warn(err error) {
	if !k.warned {
		k.say(cannotKeep(err))
	}
}

func (k *Keeper) say(text string) {
	k.warned = true
	fmt.Fprintln(k.opts.Out, prose.Wrap(text, k.opts.Width, ""))
}

// CannotWrite words a failure to write name as "cannot write NAME: REASON", whether err already
// names it ("writing NAME: …", "NAME: …") or not.
func CannotWrite(name string, err error) string {
	msg := err.Error()
	for _, prefix := range []string{"writing " + name + ": ", name + ": "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			msg = rest
			break
		}
	}
	return "cannot write " + name + ": " + strings.TrimPrefix(msg, "cannot be written: ")
}

// writtenByHitready tells whether path is a regular file that begins with answersHeader. A
// hand-written file (or a JSON one, which has no comment to tell) is never written over: the
// answers then go to a new hitready-answers*.yaml.
func writtenByHitready(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return false
	}
	head := make([]byte, len(answersHeader))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) == answersHeader
}
