package cmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/textsafe"
	"github.com/hitready/hitready/questions"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// readInput is how every command reads a file it was given (answers, profile, saved report):
// through fileio.Read, with the one size limit, "-" meaning standard input.
func readInput(ctx context.Context, ios *iostreams.IOStreams, path string) ([]byte, error) {
	if path == fileio.StdStream && ios.IsStdinTTY() {
		// A person who typed "-" by mistake would otherwise wait at a silent terminal.
		fmt.Fprintln(ios.ErrOut, i18n.For(ios.Lang()).T("session.reading-stdin"))
	}
	data, err := fileio.Read(ctx, path, ios.In, questions.MaxFileSize, i18n.For(ios.Lang()))
	if err != nil {
		return nil, err
	}
	return asUTF8(ios, path, data)
}

// asUTF8 is a file's text in UTF-8, which YAML and JSON are, or its refusal in the reader's
// language with how to save it so, before a parser words it in English.
func asUTF8(ios *iostreams.IOStreams, path string, data []byte) ([]byte, error) {
	// PowerShell 5's > and Notepad's "Unicode" write UTF-16 with a byte order mark: read as the
	// UTF-8 it says, as the YAML parser reads it.
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		if utf8, _, err := transform.Bytes(unicode.BOMOverride(unicode.UTF8.NewDecoder()), data); err == nil {
			data = utf8
		}
	}
	// Without its mark UTF-16 is a zero beside every ASCII letter: told as such, not as the
	// control characters a parser sees.
	if looksUTF16(data) {
		return nil, inputerr.Refuse(inputerr.Origin{Path: path}, i18n.For(ios.Lang()).T("errors.answers.utf16"))
	}
	// One saved as Latin-1 ("ANSI").
	if bad, found := textsafe.FirstBadByte(data); found {
		return nil, inputerr.Refuse(inputerr.Origin{Path: path, Line: bad.Line}, questions.NotUTF8Message(i18n.For(ios.Lang()), bad))
	}
	return data, nil
}

// scoreAnswers scores answers that must be complete: an open question is refused, not prompted.
// It is the last step of every command that scores (assess after its questions, compare, score).
func scoreAnswers(profile *assessment.Profile, answers *questions.Answers, source, command string) (assessment.Report, error) {
	if open := profile.Bank().Open(answers); len(open) > 0 {
		return assessment.Report{}, &missingAnswersError{Source: source, Open: open, Command: command, Lang: profile.Bank().Lang()}
	}
	report := assessment.Score(profile, answers)
	report.Source = source
	return report, nil
}

// scoreAnswersData is the one way an answers file is scored without prompting, once read with the
// size limit (readInput): it decodes the file, checks nothing asked is missing, scores. compare
// reads a file first to see whether it is a saved report; score reads each file on a worker.
func scoreAnswersData(profile *assessment.Profile, path string, data []byte, command string) (assessment.Report, error) {
	answers, err := profile.Bank().DecodeAnswers(path, data)
	if err != nil {
		return assessment.Report{}, err
	}
	return scoreAnswers(profile, answers, path, command)
}

// missingAnswersError lists the questions left open when they cannot be asked. Scoring a file
// (Command set: score, compare) says it in one line per file, as a cohort's files share their
// gaps; assess, which could have asked, lists each question with what it allows.
type missingAnswersError struct {
	Source  string // the answers file; "" when the answers came from flags only
	Open    []*questions.Question
	Reason  string // assess: why the questions cannot be asked, a message id (promptBlocker)
	Command string // score, compare: the command that scores only complete files
	Lang    i18n.Lang
}

func (e *missingAnswersError) Error() string {
	var b strings.Builder
	l := i18n.For(e.Lang)
	if e.Command != "" {
		ids := make([]string, len(e.Open))
		for i, q := range e.Open {
			ids[i] = q.ID
		}
		// Source comes from the file system: escaped here (the hint quotes it as $'…'), so
		// no printer can let a name forge lines on the terminal.
		return l.T("errors.missing.incomplete", i18n.Args{"File": textsafe.Escape(e.Source), "IDs": strings.Join(ids, ", "),
			"Command": e.Command, "Run": oneLine([]string{"assess", "--answers", e.Source})})
	}
	fmt.Fprintln(&b, l.N("errors.missing.head", len(e.Open), i18n.Args{"Reason": l.T(e.Reason)}))
	for _, q := range e.Open {
		when := ""
		if q.AskedWhen != nil {
			when = l.T("errors.missing.when", i18n.Args{"Condition": q.AskedWhen.In(l)})
		}
		fmt.Fprintf(&b, "  %s: %s\n", q.ID, l.T("errors.missing.question", i18n.Args{"Text": q.Text, "When": when, "Allowed": q.AllowedIn(l)}))
	}
	// The example answers the first question missing, with a value it allows, so that it can
	// be pasted as it stands.
	b.WriteString(l.N("errors.missing.give", len(e.Open), i18n.Args{"Example": setExample(e.Open[0]), "Command": commandName()}))
	return b.String()
}

func (e *missingAnswersError) Is(target error) bool { return target == inputerr.ErrInvalid }

// streams are the command's standard streams, for the writer and the output checks: a name for
// standard output is written through it, standard input is compared with the outputs.
func streams(ios *iostreams.IOStreams) fileio.Streams {
	return fileio.Streams{In: ios.In, Out: ios.Out, Err: ios.ErrOut, Lang: ios.Lang()}
}

// writeOutput draws a whole output first, then writes it to standard output or to path (""
// or "-" for standard output, through fileio.Create): a failed draw never leaves half a report
// behind.
func writeOutput(ctx context.Context, ios *iostreams.IOStreams, path string, draw func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		return fmt.Errorf("rendering: %w", err)
	}
	out, err := fileio.Create(ctx, path, streams(ios))
	if err != nil {
		return err
	}
	defer out.Discard()
	if _, err := out.Write(buf.Bytes()); err != nil {
		return err
	}
	return out.Commit(ctx)
}

// stdinOnce refuses a run that names standard input ("-") for two inputs: it can be read only
// once, and the second reader would see it empty ("-: is empty"), which says nothing useful.
func stdinOnce(l *i18n.Localizer, inputs ...fileio.Path) error {
	isStdin := func(p fileio.Path) bool { return p.Name == fileio.StdStream }
	first := slices.IndexFunc(inputs, isStdin)
	if second := slices.IndexFunc(inputs[first+1:], isStdin); first >= 0 && second >= 0 {
		return usageErrorIn(l, "errors.usage.stdin-twice",
			i18n.Args{"First": inputs[first].Flag, "Second": inputs[first+1+second].Flag})
	}
	return nil
}

// checkOutputs refuses outputs that are inputs, that are one file, that are folders or whose
// folder is missing, before the run reads or asks anything.
func checkOutputs(ios *iostreams.IOStreams, outputs []fileio.Path, inputs ...fileio.Path) error {
	return fileio.CheckOutputs(outputs, fileio.Inputs(inputs...), streams(ios))
}

// looksUTF16 tells whether data is UTF-16 without its mark: of its first bytes, those at even
// places are all zero and the others none (big-endian), or the other way round, as the letters,
// digits and punctuation an answers file begins with are in UTF-16.
func looksUTF16(data []byte) bool {
	n := min(len(data), 32) &^ 1
	for zero := range 2 {
		alternate := n >= 4
		for i := 0; i < n && alternate; i++ {
			alternate = (data[i] == 0) == (i%2 == zero)
		}
		if alternate {
			return true
		}
	}
	return false
}
