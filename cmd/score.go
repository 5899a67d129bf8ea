package cmd

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/batch"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/internal/textsafe"
)

// ScoreOptions is everything `hitready score` needs, gathered from flags.
type ScoreOptions struct {
	IO *iostreams.IOStreams

	Paths        []string
	Format       string
	Output       string
	FailUnder    float64
	FailUnderSet bool
	Jobs         int
	Profile      string
	MaxFiles     int
	MaxMiB       int

	ctx context.Context // the command's: cancelled by Ctrl-C; nil when a test calls the run function
}

// NewCmdScore builds `hitready score`.
func NewCmdScore(ios *iostreams.IOStreams, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: ios}
	l := i18n.For(ios.Lang())
	c := newFormatCmd(ios, "score PATH...", &opts.Format, render.CohortFormats(), func(c *cobra.Command, args []string) error {
		opts.Paths = args
		opts.ctx = c.Context()
		opts.FailUnderSet = c.Flags().Changed("fail-under")
		if opts.MaxFiles < 1 || opts.MaxMiB < 1 {
			return usageErrorIn(l, "errors.score.limits", nil)
		}
		if opts.MaxMiB > math.MaxInt64>>20 { // in bytes it would wrap round to a small bound
			return usageErrorIn(l, "errors.score.max-mib", i18n.Args{"Value": opts.MaxMiB, "Max": int64(math.MaxInt64 >> 20)})
		}
		if opts.Jobs < 0 || opts.Jobs > maxJobs {
			return usageErrorIn(l, "errors.score.jobs", i18n.Args{"Value": opts.Jobs, "Max": maxJobs})
		}
		return runOr(opts, runF, scoreRun)
	})
	c.Example = `  hitready score answers/
  hitready score answers/ --format csv --output cohort.csv
  hitready score a.yaml b.json --format json --fail-under 60`
	c.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usageErrorIn(l, "errors.score.no-paths", nil)
		}
		return nil
	}
	f := c.Flags()
	f.StringVarP(&opts.Output, "output", "o", "", l.T("help.score.flag.output"))
	f.Var(newScoreValue(&opts.FailUnder, l), "fail-under", l.T("help.score.flag.fail-under"))
	f.IntVar(&opts.Jobs, "jobs", 0, l.T("help.score.flag.jobs", i18n.Args{"CPUs": runtime.GOMAXPROCS(0)}))
	f.IntVar(&opts.MaxFiles, "max-files", 100_000, l.T("help.score.flag.max-files"))
	f.IntVar(&opts.MaxMiB, "max-total-mib", 1024, l.T("help.score.flag.max-total-mib"))
	addProfileFlag(c, l, &opts.Profile)
	return c
}

// maxJobs bounds --jobs: each job holds a few files in flight (batch.Run's window is four per
// worker), so a huge number is memory spent for nothing; scoring is CPU-bound and reading is
// quick, so more workers than this never help.
const maxJobs = 256

// badFilesError says how many files could not be scored, and whether a limit stopped the run
// before the rest were read; each was reported as it came.
type badFilesError struct {
	Count, Total int    // of the files read; a file past a limit is not read, and not counted
	Stopped      bool   // --max-files or --max-total-mib stopped the run
	Kept         string // what became of --output, when it was left as it was (errors.score.not-written)
	Lang         i18n.Lang
}

func (e *badFilesError) Error() string {
	l := i18n.For(e.Lang)
	var parts []string
	if e.Count > 0 {
		parts = append(parts, l.N("errors.score.unscored", e.Total, i18n.Args{"Bad": e.Count}))
	}
	switch {
	case e.Stopped && e.Total == 0:
		parts = append(parts, l.T("errors.score.none-read"))
	case e.Stopped:
		parts = append(parts, l.T("errors.score.rest-not-read", i18n.Args{"Count": e.Total}))
	}
	return strings.Join(parts, "; ") + e.Kept
}

func (e *badFilesError) Is(target error) bool { return target == inputerr.ErrInvalid }

// unscoredReason says in a word why a file could not be scored, for the cohort's summary.
func unscoredReason(err error) assessment.UnscoredReason {
	var missing *missingAnswersError
	switch {
	case errors.As(err, &missing):
		return assessment.Incomplete
	case errors.Is(err, batch.ErrLimit):
		return assessment.Unread
	}
	return assessment.Invalid
}

// scored is one file's outcome on a worker: its report, and the report drawn in the output's
// format, so that drawing runs in parallel too and the ordered writer only copies bytes.
type scored struct {
	report   assessment.Report
	rendered []byte
}

// scoreRun is discover -> pool -> reorder (internal/batch) with the work of one file handed in:
// readInput and scoreAnswersData, then the stream's Render.
//
// The output is committed only when at least one file was scored: a run where nothing could be
// scored (a bad folder, an empty one, every file refused) leaves an existing --output as it was
// and prints nothing on standard output, as does an interrupted or failed run. A run with some bad files writes the reports
// of the good ones, as the contract says, and exits 2.
func scoreRun(opts *ScoreOptions) error {
	ctx := cmp.Or(opts.ctx, context.Background())
	if err := checkScoreOutput(opts); err != nil {
		return err
	}
	profile, err := loadProfile(ctx, opts.IO, opts.Profile, []fileio.Path{{Flag: "--output", Name: opts.Output}})
	if err != nil {
		return err
	}
	out, err := fileio.Create(ctx, opts.Output, streams(opts.IO))
	if err != nil {
		return err
	}
	defer out.Discard()
	areas := make([]string, len(profile.Areas))
	for i, a := range profile.Areas {
		areas[i] = a.ID
	}
	topts := outputOptions(opts.IO, opts.Output, profile)
	stream, err := render.NewStream(out, opts.Format, areas, topts)
	if err != nil {
		return err
	}

	work := func(ctx context.Context, path string) (scored, error) {
		data, err := readInput(ctx, opts.IO, path)
		if err != nil {
			return scored{}, err
		}
		report, err := scoreAnswersData(profile, path, data, "score")
		if err != nil {
			return scored{}, err
		}
		rendered, err := stream.Render(report)
		return scored{report, rendered}, err
	}
	summary := assessment.NewSummary(profile)
	bad, total, below := 0, 0, 0
	stopped := false
	items := batch.Discover(opts.Paths, batch.Limits{MaxFiles: opts.MaxFiles, MaxBytes: int64(opts.MaxMiB) << 20, Lang: opts.IO.Lang()})
	err = batch.Run(ctx, items, opts.Jobs, work, func(r batch.Result[scored]) error {
		if r.Err != nil {
			if !errors.Is(r.Err, inputerr.ErrInvalid) {
				return r.Err // not the file's fault: an I/O failure of ours, a bug, or Ctrl-C
			}
			fmt.Fprintln(opts.IO.ErrOut, r.Err)
			summary.AddUnscored(r.Path, unscoredReason(r.Err))
			if errors.Is(r.Err, batch.ErrLimit) {
				stopped = true // the run ends here: this file and the rest were not read
				return nil
			}
			bad++
			total++
			return nil
		}
		total++
		summary.Add(r.Value.report)
		if opts.FailUnderSet && r.Value.report.Score < opts.FailUnder {
			below++
		}
		return stream.Add(r.Value.rendered)
	})
	if err != nil {
		return err
	}
	toFile := opts.Output != "" && opts.Output != fileio.StdStream
	if total > bad {
		if err := stream.Close(summary); err != nil {
			return err
		}
		if err := out.Commit(ctx); err != nil {
			return err
		}
		reportWritten(opts.IO, opts.Output, "session.written.reports")
	}
	// Nothing scored: no summary of nobody, no empty table. What the stream drew of its head is
	// still in the output's buffer and is dropped with it (deferred Discard).
	kept := ""
	l := i18n.For(opts.IO.Lang())
	if toFile && total == bad {
		kept = l.T("errors.score.not-written", i18n.Args{"File": opts.Output})
	}
	switch {
	case bad > 0 || stopped:
		return &badFilesError{Count: bad, Total: total, Stopped: stopped, Kept: kept, Lang: opts.IO.Lang()}
	case total == 0:
		return usageErrorIn(l, "errors.score.no-files", i18n.Args{"Paths": strings.Join(opts.Paths, ", "), "NotWritten": kept})
	case below > 0:
		return &belowThresholdError{Below: below, Total: total, Threshold: opts.FailUnder, Lang: opts.IO.Lang()}
	}
	return nil
}

// checkScoreOutput refuses, before anything is read, an --output that is one of the inputs: any
// path named on the command line (all of them, whatever --max-files says: a limit bounds what is
// read, not what may be destroyed), the profile, and every file of the folders; and an answers-file name (*.yaml, *.yml, *.json) anywhere under a folder
// being scored, which this run and every later one would walk into and refuse as a bad answers
// file (issue 17: refused up front rather than skipped with a note, as a refusal writes nothing
// that has to be explained later). The files of the folders are compared whatever --max-files
// says: a link in the folder past the limit to the file --output names is still that file.
func checkScoreOutput(opts *ScoreOptions) error {
	inputs := func(yield func(fileio.Path) bool) {
		if !yield(fileio.Path{Flag: "--profile", Name: opts.Profile}) {
			return
		}
		for _, p := range opts.Paths {
			if !yield(fileio.Path{Flag: "PATH", Name: p}) {
				return
			}
		}
		for it := range batch.Discover(opts.Paths, batch.Limits{}) { // every file, past --max-files too
			if !yield(fileio.Path{Flag: "PATH", Name: it.Path}) {
				return
			}
		}
	}
	if err := fileio.CheckOutputs([]fileio.Path{{Flag: "--output", Name: opts.Output}}, inputs, streams(opts.IO)); err != nil {
		return err
	}
	for _, p := range opts.Paths {
		if _, ok := fileio.Under(opts.Output, p, batch.IsAnswersFile); ok {
			return inputerr.Refuse(inputerr.Origin{Path: opts.Output},
				i18n.For(opts.IO.Lang()).T("errors.score.output-in-folder", i18n.Args{"Folder": textsafe.Escape(p)}))
		}
	}
	return nil
}
