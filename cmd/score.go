package cmd

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/batch"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/render"
	"github.com/hitready/hitready/questions"
	"github.com/spf13/cobra"
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
}

// NewCmdScore builds `hitready score`.
func NewCmdScore(ios *iostreams.IOStreams, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: ios}
	c := &cobra.Command{
		Use:   "score PATH...",
		Short: "Score many answers files at once, never prompting",
		Long: `Scores answers files for a cohort. A PATH that is a folder means every *.yaml, *.yml
and *.json in it, recursively, in lexical order. Reports come out in input order.

A file that cannot be scored (unreadable, invalid or incomplete) is reported on standard
error with its path and the reason; the others are still scored and printed, and the exit
code is 2. As a table, the cohort is one row per student followed by a summary: how many,
median and mean score, the verdicts, and the requirements most often unmet.`,
		Example: `  hitready score answers/
  hitready score answers/ --format csv --output cohort.csv
  hitready score a.yaml b.json --format json --fail-under 60`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("score needs at least one answers file or folder")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := checkFormat(&opts.Format, render.CohortFormats()); err != nil {
				return err
			}
			opts.FailUnderSet = c.Flags().Changed("fail-under")
			if opts.MaxFiles < 1 || opts.MaxMiB < 1 {
				return usageErrorf("--max-files and --max-total-mib must be 1 or more")
			}
			if opts.Jobs < 0 {
				return usageErrorf("invalid --jobs %d; allowed: 1 or more, 0 for one per CPU", opts.Jobs)
			}
			if runF != nil {
				return runF(opts)
			}
			return scoreRun(opts)
		},
	}
	f := c.Flags()
	addFormatFlag(c, &opts.Format, render.CohortFormats())
	f.StringVarP(&opts.Output, "output", "o", "", "write the reports to this file (atomically, mode 0600) instead of standard output")
	f.Var(newScoreValue(&opts.FailUnder), "fail-under", "exit 3 when any score is below this (0-100)")
	f.IntVar(&opts.Jobs, "jobs", 0, fmt.Sprintf("files scored at once (0: one per CPU, here %d)", runtime.GOMAXPROCS(0)))
	f.IntVar(&opts.MaxFiles, "max-files", 100_000, "read at most this many files")
	f.IntVar(&opts.MaxMiB, "max-total-mib", 1024, "read at most this many MiB of files in all")
	addProfileFlag(c, &opts.Profile)
	return c
}

// BadFilesError says how many files could not be scored; each was reported as it came.
type BadFilesError struct{ Count, Total int }

func (e *BadFilesError) Error() string {
	return fmt.Sprintf("%d of %d %s could not be scored", e.Count, e.Total, prose.Plural(e.Total, "file", "files"))
}

func (e *BadFilesError) Is(target error) bool { return target == questions.ErrInvalid }

func scoreRun(opts *ScoreOptions) error {
	profile, err := loadProfile(opts.Profile)
	if err != nil {
		return err
	}
	out, err := openOutput(opts.IO, opts.Output)
	if err != nil {
		return err
	}
	defer out.Discard()
	areas := make([]string, len(profile.Areas))
	for i, a := range profile.Areas {
		areas[i] = a.ID
	}
	stream, err := render.NewStream(out.Writer(), opts.Format, areas, tableOptions(opts.IO, opts.Output))
	if err != nil {
		return err
	}

	summary := assessment.NewSummary(profile)
	bad, total, below := 0, 0, 0
	scorer := &batch.Scorer{Profile: profile, Workers: opts.Jobs, Render: stream.Render,
		MaxFiles: opts.MaxFiles, MaxBytes: int64(opts.MaxMiB) << 20}
	err = scorer.Run(opts.Paths, func(r batch.Result) error {
		total++
		if r.Err != nil {
			bad++
			if !errors.Is(r.Err, questions.ErrInvalid) {
				return r.Err // not the file's fault: an I/O failure of ours, or a bug
			}
			fmt.Fprintln(opts.IO.ErrOut, r.Err)
			return nil
		}
		summary.Add(r.Report)
		if opts.FailUnderSet && r.Report.Score < opts.FailUnder {
			below++
		}
		return stream.Add(r.Rendered)
	})
	if err != nil {
		return err
	}
	if err := stream.Close(summary); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	switch {
	case bad > 0:
		return &BadFilesError{Count: bad, Total: total}
	case total == 0:
		return usageErrorf("no answers files (*.yaml, *.yml, *.json) found in %s", strings.Join(opts.Paths, ", "))
	case below > 0:
		return &BelowThresholdError{Who: fmt.Sprintf("%d of %d: ", below, total), Score: -1, Threshold: opts.FailUnder}
	}
	return nil
}
