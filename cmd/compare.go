package cmd

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/internal/textsafe"
)

// CompareOptions is everything `hitready compare` needs, gathered from flags.
type CompareOptions struct {
	IO *iostreams.IOStreams

	Old, New string
	Format   string
	Output   string
	Profile  string

	ctx context.Context // the command's: cancelled by Ctrl-C; nil when a test calls the run function
}

// NewCmdCompare builds `hitready compare`.
func NewCmdCompare(ios *iostreams.IOStreams, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: ios}
	l := i18n.For(ios.Lang())
	c := newFormatCmd(ios, "compare OLD NEW", &opts.Format, render.ComparisonFormats(), func(c *cobra.Command, args []string) error {
		opts.Old, opts.New = args[0], args[1]
		opts.ctx = c.Context()
		return runOr(opts, runF, compareRun)
	})
	c.Example = `  hitready compare spring.yaml autumn.yaml
  hitready compare spring-report.json autumn.yaml --format json`
	c.Args = func(c *cobra.Command, args []string) error {
		if len(args) != 2 {
			return usageErrorIn(l, "errors.compare.args", i18n.Args{"Count": len(args)})
		}
		return nil
	}
	c.Flags().StringVarP(&opts.Output, "output", "o", "", l.T("help.compare.flag.output"))
	addProfileFlag(c, l, &opts.Profile)
	return c
}

func compareRun(opts *CompareOptions) error {
	ctx := cmp.Or(opts.ctx, context.Background())
	inputs := []fileio.Path{{Flag: "OLD", Name: opts.Old}, {Flag: "NEW", Name: opts.New}, {Flag: "--profile", Name: opts.Profile}}
	if err := stdinOnce(i18n.For(opts.IO.Lang()), inputs...); err != nil {
		return err
	}
	if err := checkOutputs(opts.IO, []fileio.Path{{Flag: "--output", Name: opts.Output}}, inputs...); err != nil {
		return err
	}
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, []fileio.Path{{Flag: "--output", Name: opts.Output}})
	if err != nil {
		return err
	}
	old, err := loadReport(ctx, opts.IO, profile, opts.Old)
	if err != nil {
		return err
	}
	new, err := loadReport(ctx, opts.IO, profile, opts.New)
	if err != nil {
		return err
	}
	l := i18n.For(opts.IO.Lang())
	for _, saved := range []struct {
		path   string
		report assessment.Report
	}{{opts.Old, old}, {opts.New, new}} {
		if !saved.report.Rescored() {
			fmt.Fprintln(opts.IO.ErrOut, l.T("errors.compare.not-rescored", i18n.Args{"File": textsafe.Escape(saved.path)}))
		}
	}
	comparison := assessment.Compare(old, new)
	if comparison.DifferentRespondents {
		// Names from the file system, escaped like every name hitready shows (%q escapes the
		// respondents, which the decoder has already refused controls in).
		warning := l.T("errors.compare.different-respondents", i18n.Args{"Old": textsafe.Escape(opts.Old), "OldName": strconv.Quote(old.Respondent),
			"New": textsafe.Escape(opts.New), "NewName": strconv.Quote(new.Respondent)})
		// Wrapped to the terminal it is read on; in a log it stays one line, for grep.
		if w := stderrTerminalWidth(opts.IO); w > 0 {
			warning = prose.Wrap(warning, w, "  ")
		}
		fmt.Fprintln(opts.IO.ErrOut, warning)
	}
	if err := writeOutput(ctx, opts.IO, opts.Output, func(w io.Writer) error {
		topts := outputOptions(opts.IO, opts.Output, profile)
		return render.Write(render.ComparisonFormats(), w, opts.Format, comparison, topts)
	}); err != nil {
		return err
	}
	reportWritten(opts.IO, opts.Output, "session.written.comparison")
	return nil
}

// loadReport reads a JSON report as it is, or scores an answers file; which one a file is, its
// "schema" field says. Both are read through readInput, with the size limit.
func loadReport(ctx context.Context, ios *iostreams.IOStreams, profile *assessment.Profile, path string) (assessment.Report, error) {
	data, err := readInput(ctx, ios, path)
	if err != nil {
		return assessment.Report{}, err
	}
	// A byte order mark in front of a saved report would hide its schema, and the report would be
	// read as an answers file; answers files drop one too.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var head struct {
		Schema string `json:"schema"`
	}
	switch {
	case json.Unmarshal(data, &head) != nil || head.Schema == "":
		return scoreAnswersData(profile, path, data, "compare")
	case head.Schema != assessment.Schema:
		return assessment.Report{}, inputerr.Refuse(inputerr.Origin{Path: path},
			i18n.For(ios.Lang()).T("errors.compare.not-report", i18n.Args{"Schema": strconv.Quote(head.Schema), "Want": strconv.Quote(assessment.Schema)}))
	}
	return assessment.DecodeReport(path, data, profile)
}
