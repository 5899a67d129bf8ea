package questionnaire

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/questions"
)

// ProgressBase is the answers file a session keeps its answers in when the person named none
// with --save-answers: hitready-answers.yaml, or hitready-answers-2.yaml and on when taken.
const ProgressBase = "hitready-answers"

// KeepOptions say where a session may keep its answers.
type KeepOptions struct {
	Bank *questions.Bank
	// Save is --save-answers: the answers are kept in it as they come, unless it is standard
	// output, a device or a pipe, which get them once, at the end.
	Save string
	// Resume is --answers ("" or "-" for none), and ResumeData what it held: a file hitready
	// wrote (ours) goes on being written; any other is left as it is.
	Resume     string
	ResumeData []byte
	// Changed says the answers were changed on the way in (--set), so the Resume file no longer
	// holds them all.
	Changed bool
	// Output is --output: a name the answers never take.
	Output  string
	Streams fileio.Streams
	Out     io.Writer // what the keeper says: the terminal's standard error
	Width   int       // the width it is wrapped to
}

// Keeper keeps a session's answers in a file after every answer and every change, so that
// Ctrl-C, a closed terminal or a crash loses at most the question being asked. It decides which
// file; when that file cannot be written it falls back, once, to a file of its own in the current
// folder; and it never says answers are kept when they are not: a write that fails is said, and
// from then on the file is named only as holding the answers before it, until a write succeeds
// again. A failure never stops the session: the answers are still in memory and scored at the
// end.
type Keeper struct {
	opts    KeepOptions
	ctx     context.Context
	path    string // where the answers are kept; "" when no file could be had
	claimed bool   // path was created empty to reserve its name
	written bool   // path holds answers of this session
	lost    error  // the last write failed: path holds only the answers before it
	failed  string // the file that could not be written, when the keeper fell back from it
	warned  bool   // the one warning that nothing can be kept has been given
}

// NewKeeper picks the file the answers are kept in (see progressFile) and warns when there is
// none to be had.
func NewKeeper(ctx context.Context, opts KeepOptions) *Keeper {
	k := &Keeper{opts: opts, ctx: ctx}
	var err error
	k.path, k.claimed, err = k.progressFile()
	if err != nil {
		k.warnCannotKeep(err)
	}
	return k
}

// progressFile is where the answers are kept: Save if it is a file; the file being resumed if
// hitready wrote it (Ours); else a new hitready-answers*.yaml in the current folder, created
// exclusively (claimed reports true), so that neither an earlier session's answers nor those of
// one started at the same moment are ever overwritten. A name the output will take is skipped.
func (k *Keeper) progressFile() (path string, claimed bool, err error) {
	if k.opts.Save != "" && !fileio.InPlace(k.opts.Save) {
		return k.opts.Save, false, nil
	}
	if r := k.opts.Resume; r != "" && r != fileio.StdStream && !fileio.InPlace(r) && Ours(k.opts.Bank, r, k.opts.ResumeData) {
		return r, false, nil
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

// Ours tells whether data, read from path, is an answers file as hitready writes it: written
// again from the answers it holds, it is the same bytes (a header of an earlier version
// aside). Such a file loses nothing when it is rewritten; any other (a filled-in template, a
// file with a person's comments, a JSON file laid out by hand) would lose its comments and
// layout, and is never written over.
func Ours(bank *questions.Bank, path string, data []byte) bool {
	if len(data) == 0 {
		return false
	}
	a, err := bank.DecodeAnswers(path, data)
	if err != nil {
		return false
	}
	again, err := bank.EncodeAnswersFile(path, a)
	if err != nil {
		return false
	}
	if bytes.Equal(again, data) {
		return true
	}
	head, body := questions.SplitAnswersHeader(data)
	_, want := questions.SplitAnswersHeader(again)
	return questions.IsAnswersHeader(head) && bytes.Equal(body, want)
}

// Path is the file the answers are kept in, "" when there is none.
func (k *Keeper) Path() string { return k.path }

// SaveFailed says --save-answers could not be written and the answers went to another file: a
// hint to go on does not repeat it.
func (k *Keeper) SaveFailed() bool { return k.failed != "" && k.failed == k.opts.Save }

// Kept is the file that holds every answer given so far, "" when none does.
func (k *Keeper) Kept() string {
	if k.written && k.lost == nil {
		return k.path
	}
	return ""
}

// Behind is the file that holds the answers given before the last write failed, and why it
// failed; "" when the answers are all kept, or were never kept anywhere.
func (k *Keeper) Behind() (string, error) {
	if k.written && k.lost != nil {
		return k.path, k.lost
	}
	return "", nil
}

// Holder is the file to go on from after the session stops: the one the answers are kept in
// (even one that holds only the earlier ones: Behind says so), or, when nothing was kept yet
// and nothing changed on the way in, the file they came from.
func (k *Keeper) Holder() string {
	if k.written {
		return k.path
	}
	if r := k.opts.Resume; r != "" && r != fileio.StdStream && !k.opts.Changed && k.lost == nil {
		return r
	}
	return ""
}

// Keep writes all the answers given so far; it is the session's Options.Answered. It never
// stops the session: a failure is said, and Kept, Behind and Holder tell the truth about it.
func (k *Keeper) Keep(a *questions.Answers) error {
	if k.path == "" {
		return nil
	}
	err := k.write(a)
	if err != nil && k.failed == "" && !k.claimed {
		// The file passed the checks but cannot be written after all (a folder that is not
		// writable, a rename refused, a folder gone): the answers go to a file of our own in
		// the current folder, so that the session is not lost, and the person is told where.
		k.failed = k.path
		if fallback, cerr := k.claim(); cerr == nil {
			k.path, k.claimed, k.written = fallback, true, false
			if k.write(a) == nil {
				k.say("session.keep.instead",
					i18n.Args{"Failure": CannotWrite(k.l(), k.failed, err), "File": fallback})
				k.written, k.lost = true, nil
				return nil
			}
		}
	}
	switch {
	case err != nil && k.lost == nil:
		k.lost = err
		if k.written {
			k.say("session.keep.latest-lost", i18n.Args{"Reason": Reason(k.path, err), "File": k.path})
		} else if !k.warned {
			k.warnCannotKeep(err)
		}
	case err == nil && k.lost != nil:
		k.lost = nil
		if k.written {
			k.say("session.keep.again", i18n.Args{"File": k.path})
		}
	}
	if err == nil {
		k.written = true
	}
	return nil
}

func (k *Keeper) write(a *questions.Answers) error {
	data, err := k.opts.Bank.EncodeAnswersFile(k.path, a)
	if err == nil {
		err = fileio.WriteFile(k.ctx, k.path, k.opts.Streams, data)
	}
	return err
}

// Announce says, before the first answer, where the answers go when they came from a file that
// is not rewritten (hitready did not write it: its comments and layout are the person's). A
// review says it of changes.
func (k *Keeper) Announce(review bool) {
	r := k.opts.Resume
	if k.path == "" || r == "" || r == fileio.StdStream || k.path == r {
		return
	}
	if info, err := os.Stat(r); err != nil || !info.Mode().IsRegular() {
		return // a pipe or a device: nothing to leave as it is
	}
	id := "session.keep.elsewhere"
	if review {
		id = "session.keep.elsewhere-review"
	}
	k.say(id, i18n.Args{"File": k.path, "Source": r})
}

// Close removes a file claimed for the answers and never written: with nothing kept in it, it
// goes.
func (k *Keeper) Close() {
	if k.claimed && !k.written {
		os.Remove(k.path)
	}
}

// l speaks the bank's language, the session's.
func (k *Keeper) l() *i18n.Localizer { return i18n.For(k.opts.Bank.Lang()) }

func (k *Keeper) say(id string, args i18n.Args) {
	fmt.Fprintln(k.opts.Out, prose.Wrap(keeperSays(k.l(), id, args), k.opts.Width, ""))
}

// warnCannotKeep says, once, that the answers cannot be kept. Only this warning silences a
// later one: the announcement of where they will be kept, said before any write, does not, so
// that a first write that fails (a full disk) is always said.
func (k *Keeper) warnCannotKeep(err error) {
	k.warned = true
	k.say("session.keep.cannot", i18n.Args{"Reason": err.Error()})
}
