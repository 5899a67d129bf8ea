package batch

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

func profile(t testing.TB) *assessment.Profile {
	t.Helper()
	bank, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func collect(t *testing.T, s *Scorer, paths ...string) []Result {
	t.Helper()
	var out []Result
	if err := s.Run(paths, func(r Result) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOrderIsInputOrderWhateverTheWorkers(t *testing.T) {
	p := profile(t)
	dir := t.TempDir()
	paths, err := cohort.Generate(p.Bank(), dir, 1200, 7)
	if err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(t.TempDir(), "zz-first.yaml")
	if err := os.WriteFile(extra, []byte("answers: {skills.empathy: 9}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var reference []string
	for _, workers := range []int{1, 2, 8, 64} {
		results := collect(t, &Scorer{Profile: p, Workers: workers}, extra, dir)
		var got []string
		for _, r := range results {
			got = append(got, r.Path+" "+string(r.Report.Verdict))
		}
		if len(results) != len(paths)+1 || results[0].Path != extra || results[0].Err == nil {
			t.Fatalf("workers %d: %d results, first %+v", workers, len(results), results[0])
		}
		for i, path := range paths {
			if results[i+1].Path != path || results[i+1].Err != nil {
				t.Fatalf("workers %d: result %d is %s (%v), want %s", workers, i+1, results[i+1].Path, results[i+1].Err, path)
			}
		}
		if reference == nil {
			reference = got
		} else if !slices.Equal(got, reference) {
			t.Errorf("workers %d: results differ from one worker's", workers)
		}
	}
}

func TestFolderSelection(t *testing.T) {
	p := profile(t)
	dir := t.TempDir()
	complete, err := p.Bank().EncodeAnswers(cohort.Person(p.Bank(), rand.New(rand.NewPCG(1, 1))))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		full := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(full), 0o700)
		if err := os.WriteFile(full, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("b.yaml", string(complete))
	write("a.JSON", `{"answers": {}}`)
	write("c.yml", string(complete))
	write("sub/d.yaml", string(complete))
	write("notes.txt", "ignored")
	write("e.yaml", "answers:\n  education.level: master\n")
	if err := os.Symlink(filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "f.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "g.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}

	done := make(chan []Result)
	go func() { done <- collect(t, &Scorer{Profile: p}, dir, filepath.Join(dir, "nope")) }()
	var results []Result
	select {
	case results = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("scoring a folder with a named pipe in it hung")
	}
	want := []struct{ name, err string }{
		{"a.JSON", "is incomplete: no answer to education.level"},
		{"b.yaml", ""},
		{"c.yml", ""},
		{"e.yaml", "is incomplete: no answer to education.field, coursework"},
		{"f.yaml", "cannot be read: no such file or directory"},
		{"g.yaml", "is not a regular file"},
		{"sub/d.yaml", ""},
		{"nope", "cannot be read: no such file or directory"},
	}
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d: %v", len(results), len(want), results)
	}
	for i, w := range want {
		r := results[i]
		if r.Path != filepath.Join(dir, w.name) {
			t.Errorf("result %d is %s, want %s", i, r.Path, w.name)
		}
		switch {
		case w.err == "" && r.Err != nil:
			t.Errorf("%s: %v", w.name, r.Err)
		case w.err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w.err) || !errors.Is(r.Err, questions.ErrInvalid)):
			t.Errorf("%s: err %v, want %q", w.name, r.Err, w.err)
		case w.err == "" && r.Report.Source != r.Path:
			t.Errorf("%s: report source %q", w.name, r.Report.Source)
		}
	}
}

func TestEmitErrorStopsTheRun(t *testing.T) {
	p := profile(t)
	dir := t.TempDir()
	if _, err := cohort.Generate(p.Bank(), dir, 300, 1); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	seen := 0
	err := (&Scorer{Profile: p, Workers: 4}).Run([]string{dir}, func(Result) error {
		seen++
		if seen == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 10 {
		t.Errorf("err %v after %d results; the run must stop at the first emit error", err, seen)
	}
}

// A panic on a worker becomes that file's error; the run goes on and the program can report it.
func TestPanicOnAWorkerIsCaught(t *testing.T) {
	p := profile(t)
	dir := t.TempDir()
	if _, err := cohort.Generate(p.Bank(), dir, 20, 3); err != nil {
		t.Fatal(err)
	}
	s := &Scorer{Profile: p, Workers: 4, Render: func(r assessment.Report) ([]byte, error) {
		if strings.HasSuffix(r.Source, "student-00007.yaml") {
			panic("render bug")
		}
		return nil, nil
	}}
	results := collect(t, s, dir)
	var pe *PanicError
	if len(results) != 20 || !errors.As(results[7].Err, &pe) || pe.Value != "render bug" || len(pe.Stack) == 0 {
		t.Fatalf("%d results, #7: %v", len(results), results[7].Err)
	}
	if results[8].Err != nil {
		t.Errorf("the run did not go on after the panic: %v", results[8].Err)
	}
}

func TestLimits(t *testing.T) {
	p := profile(t)
	dir := t.TempDir()
	if _, err := cohort.Generate(p.Bank(), dir, 30, 5); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		s       Scorer
		scored  int
		message string
	}{
		{"files", Scorer{MaxFiles: 10}, 10, "more than 10 files (raise --max-files)"},
		{"bytes", Scorer{MaxBytes: 4000}, -1, "MiB in all (raise --max-total-mib)"},
		{"none reached", Scorer{MaxFiles: 30, MaxBytes: 1 << 20}, 30, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.s.Profile = p
			results := collect(t, &tt.s, dir)
			scored := 0
			for _, r := range results[:len(results)-1] {
				if r.Err != nil {
					t.Fatalf("%s: %v", r.Path, r.Err)
				}
				scored++
			}
			last := results[len(results)-1]
			if tt.message == "" {
				if last.Err != nil || len(results) != tt.scored {
					t.Fatalf("%d results, last error %v", len(results), last.Err)
				}
				return
			}
			var le *LimitError
			if !errors.As(last.Err, &le) || !strings.Contains(le.Error(), tt.message) || !errors.Is(last.Err, questions.ErrInvalid) {
				t.Fatalf("last result: %v", last.Err)
			}
			if tt.scored >= 0 && scored != tt.scored {
				t.Errorf("%d files scored before the bound, want %d", scored, tt.scored)
			}
			if scored == 0 || scored >= 30 {
				t.Errorf("%d files scored; the bound should stop the run part way", scored)
			}
		})
	}
}
