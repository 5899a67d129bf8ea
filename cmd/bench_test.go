package cmd

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/questions"
)

// benchCohortSize is the cohort of issue #4's speed target.
const benchCohortSize = 10000

var (
	benchCohortOnce sync.Once
	benchCohortDir  string
	benchCohortErr  error
)

// TestMain removes the benchmarks' cohort when the test binary is done with it: 10,000 files of
// synthetic students should not pile up in the temporary folder run after run.
func TestMain(m *testing.M) {
	// The HTML page says the day it was made: a fixed one, so that its goldens hold.
	if err := os.Setenv("SOURCE_DATE_EPOCH", "1804852800"); err != nil { // 2027-03-12, noon UTC
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if benchCohortDir != "" {
		if err := os.RemoveAll(benchCohortDir); err != nil {
			fmt.Fprintln(os.Stderr, "removing the benchmark cohort:", err)
			code = max(code, 1)
		}
	}
	os.Exit(code)
}

// benchCohort writes the synthetic cohort once per test binary; benchmarks share it.
func benchCohort(b *testing.B) string {
	b.Helper()
	benchCohortOnce.Do(func() {
		benchCohortDir, benchCohortErr = os.MkdirTemp("", "hitready-cohort-")
		if benchCohortErr != nil {
			return
		}
		var bank *questions.Bank
		if bank, benchCohortErr = questions.Load(); benchCohortErr == nil {
			_, benchCohortErr = cohort.Generate(bank, benchCohortDir, benchCohortSize, 1)
		}
	})
	if benchCohortErr != nil {
		b.Fatal(benchCohortErr)
	}
	return benchCohortDir
}

// BenchmarkCohortBaseline is what the issue measures against: find the files, read them and
// YAML-decode them, nothing else, on one goroutine.
func BenchmarkCohortBaseline(b *testing.B) {
	dir := benchCohort(b)
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			var node yaml.Node
			if err := yaml.Unmarshal(data, &node); err != nil {
				return err
			}
			n++
			return nil
		})
		if err != nil || n != benchCohortSize {
			b.Fatalf("%v after %d files", err, n)
		}
	}
}

// BenchmarkScoreCommand runs the whole `hitready score DIR` over the cohort: discovery, strict
// decoding, scoring and the streamed output, with the summary.
func BenchmarkScoreCommand(b *testing.B) {
	dir := benchCohort(b)
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"csv/jobs=1", []string{"--format", "csv", "--jobs", "1"}},
		{"csv", []string{"--format", "csv"}},
		{"table", []string{"--format", "table"}},
		{"json", []string{"--format", "json"}},
		{"yaml", []string{"--format", "yaml"}},
		{"markdown", []string{"--format", "markdown"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				ios, _, _, errOut := iostreams.Test()
				ios.Out = io.Discard
				if code := runStreams(ios, append([]string{"score", dir}, bc.args...)); code != exitOK {
					b.Fatalf("exit %d: %s", code, errOut)
				}
			}
		})
	}
}

var sinkAnswers *questions.Answers

func BenchmarkDecodeAnswersFile(b *testing.B) {
	bank, err := questions.Load()
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "examples", "ready.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if sinkAnswers, err = bank.DecodeAnswers("ready.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
