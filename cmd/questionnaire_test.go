package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/textsafe"
)

// fullSession scripts every answer of a person with an HIT associate's from an accredited program
// and the RHIT: 19 replies (level, field, not enrolled, accredited, coursework, passed, RHIT, no
// coding work, ten ratings, the optional work settings); then the name is skipped and the
// review's "Score these answers" taken.
func fullSession() []prompter.Reply {
	r := []prompter.Reply{{Index: 3}, {Index: 0}, {Index: 0}, {Index: 0}, {Indices: []int{0, 1, 2, 3, 4, 5}}, {Index: 3}, {Index: 0}, {Index: 0}}
	for range 10 {
		r = append(r, prompter.Reply{Rating: 4})
	}
	return append(r, prompter.Reply{Indices: []int{1}}, prompter.Reply{Text: ""}, prompter.Reply{Index: 0})
}

// interactive runs assess as if on a terminal, with the fake answering, in a fresh folder.
func interactive(t *testing.T, fake *prompter.Fake, args ...string) (result, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	var opts *AssessOptions
	c := NewCmdAssess(ios, func(o *AssessOptions) error { opts = o; return nil })
	// A non-nil slice: with nil, cobra would read the test binary's own flags (-update).
	c.SetArgs(append([]string{}, args...))
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	opts.Prompter = fake
	err := assessRun(opts)
	return result{code: exitCode(err), stdout: out.String(), stderr: errOut.String()}, err
}

func TestInteractiveSessionKeepsAnswersAndPrintsOnlyTheReport(t *testing.T) {
	t.Chdir(t.TempDir())
	fake := &prompter.Fake{Replies: fullSession()}
	r, err := interactive(t, fake, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if len(fake.Asked) != 21 {
		t.Errorf("asked %d questions", len(fake.Asked))
	}
	// Standard output holds the report alone: the prompts and intros went to standard error.
	if !strings.HasPrefix(r.stdout, "{\n") || strings.Contains(r.stdout, "questions to answer") {
		t.Errorf("standard output is not just the JSON report:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "At most 22 questions to answer") || !strings.Contains(r.stderr, "Education: ") {
		t.Errorf("standard error lacks the intro:\n%s", r.stderr)
	}
	info, err := os.Stat("hitready-answers.yaml")
	if err != nil {
		t.Fatalf("the answers were not kept: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if !strings.Contains(r.stderr, "Your answers are in hitready-answers.yaml.\nSee this report again with:\n  hitready assess --answers hitready-answers.yaml --format json\n") {
		t.Errorf("stderr does not say where the answers are:\n%s", r.stderr)
	}
	// The kept file is complete: scoring it asks nothing and gives the same report.
	again := run(t, "", "assess", "--answers", "hitready-answers.yaml", "--no-input", "--format", "json")
	// The report names the file that holds the answers as its source, both times.
	if again.code != exitOK || again.stdout != r.stdout || !strings.Contains(r.stdout, `"source": "hitready-answers.yaml"`) {
		t.Errorf("the kept answers score differently (exit %d):\n%s", again.code, again.stderr)
	}
}

func TestInterruptAndResume(t *testing.T) {
	t.Chdir(t.TempDir())
	// Stop at the sixth question.
	first := &prompter.Fake{Replies: append(fullSession()[:5:5], prompter.Reply{Err: prompter.ErrInterrupted})}
	// The flags that shape the report go into the hint; --set's answer is in the file.
	r, err := interactive(t, first, "--set", "skills.computer=2", "--format", "json", "--output", "my report.json", "--plain")
	if r.code != exitInterrupted {
		t.Fatalf("exit %d (%v), want 130", r.code, err)
	}
	if r.stdout != "" {
		t.Errorf("a report was printed after the interruption:\n%s", r.stdout)
	}
	// The command is broken with " \" at the width (80 columns here), a flag with its value.
	want := "Your answers so far are in hitready-answers.yaml.\nContinue with:\n  hitready assess --answers hitready-answers.yaml --format json \\\n    --output 'my report.json' --plain"
	if !strings.HasSuffix(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
	data, _ := os.ReadFile("hitready-answers.yaml")
	for _, line := range []string{"education.level: associate", "education.field: hit", "coursework: [anatomy,", "skills.computer: 2"} {
		if !strings.Contains(string(data), line) {
			t.Errorf("kept file lacks %q:\n%s", line, data)
		}
	}
	if strings.Contains(string(data), "certification.ahima") {
		t.Errorf("the interrupted question was kept:\n%s", data)
	}

	// Resuming asks only what is still open, and keeps adding to the same file.
	full := fullSession()
	rest := append(full[5:17:17], full[18:]...) // skills.computer (the 18th) came from --set
	second := &prompter.Fake{Replies: rest}
	r, err = interactive(t, second, "--answers", "hitready-answers.yaml")
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, r.stderr)
	}
	if len(second.Asked) != 15 || !strings.HasPrefix(second.Asked[0].Message, "[7/20] Where are you with an AHIMA") {
		t.Errorf("resume asked %d questions, first %q", len(second.Asked), second.Asked[0].Message)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 1 {
		t.Errorf("resuming created another file: %v", entries)
	}
	data, _ = os.ReadFile("hitready-answers.yaml")
	if !strings.Contains(string(data), "certification.credential: rhit") {
		t.Errorf("the resumed answers were not added:\n%s", data)
	}
}

func TestInterruptBeforeAnyAnswer(t *testing.T) {
	t.Chdir(t.TempDir())
	r, err := interactive(t, &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}})
	if r.code != exitInterrupted || !strings.Contains(err.Error(), "No answers were saved") {
		t.Errorf("exit %d, %v", r.code, err)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestProgressFileNeverOverwritesAnEarlierSession(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("hitready-answers.yaml", []byte("answers: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := interactive(t, &prompter.Fake{Replies: fullSession()}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile("hitready-answers.yaml"); string(data) != "answers: {}\n" {
		t.Errorf("an earlier file was overwritten:\n%s", data)
	}
	if _, err := os.Stat("hitready-answers-2.yaml"); err != nil {
		t.Errorf("the new session's answers are not in hitready-answers-2.yaml: %v", err)
	}
}

func TestSaveAnswersIsTheProgressFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	saved := filepath.Join(dir, "me.yaml")
	// Two answers, then Ctrl-C.
	replies := append(fullSession()[:2:2], prompter.Reply{Err: prompter.ErrInterrupted})
	if r, _ := interactive(t, &prompter.Fake{Replies: replies}, "--save-answers", saved); r.code != exitInterrupted {
		t.Fatalf("exit %d", r.code)
	}
	data, readErr := os.ReadFile(saved)
	if readErr != nil || !strings.Contains(string(data), "education.field: hit") {
		t.Errorf("--save-answers did not receive the answers as they came: %v\n%s", readErr, data)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err == nil {
		t.Error("a second file was written besides --save-answers")
	}
}

func TestReviewOfAnExistingFile(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "ready.yaml"))
	t.Chdir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("me.yaml", src, 0o600); err != nil {
		t.Fatal(err)
	}
	// Change the computer rating (entry 18 of the review, after the file's three optional
	// questions left open, shown as skipped) to 2, then score.
	fake := &prompter.Fake{Replies: []prompter.Reply{{Index: 1}, {Index: 17}, {Rating: 2}, {Index: 0}}}
	r, err := interactive(t, fake, "--answers", "me.yaml", "--review", "--format", "json")
	if err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	if !strings.HasPrefix(fake.Asked[0].Message, "Score these answers") || !strings.Contains(r.stderr, "Your answers:") {
		t.Errorf("the review did not open first: %+v\n%s", fake.Asked[0], r.stderr)
	}
	// Before any change: where changes go, and that the file reviewed is left as it is.
	if i, j := strings.Index(r.stderr, "Changes you make here are kept in hitready-answers.yaml; me.yaml stays as it is."),
		strings.Index(r.stderr, "Your answers:"); i < 0 || i > j {
		t.Errorf("the review does not say first where changes are kept:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "19. Where would you like to work? (optional) — (skipped)") {
		t.Errorf("an optional question the file leaves open is not shown as skipped:\n%s", r.stderr)
	}
	if data, _ := os.ReadFile("me.yaml"); string(data) != string(src) {
		t.Error("the reviewed input file was rewritten")
	}
	kept, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || !strings.Contains(string(kept), "skills.computer: 2") {
		t.Errorf("the change was not kept (%v):\n%s", err, kept)
	}
	if !strings.Contains(r.stderr, "See this report again with:\n  hitready assess --answers hitready-answers.yaml") {
		t.Errorf("no hint to the kept answers:\n%s", r.stderr)
	}

	// Without a terminal there is no review to open: exit 2, nothing written.
	os.Remove("hitready-answers.yaml")
	res := run(t, "", "assess", "--answers", "me.yaml", "--review")
	if res.code != exitInvalid || !strings.Contains(res.stderr, "--review needs a terminal") {
		t.Errorf("exit %d:\n%s", res.code, res.stderr)
	}
	if _, err := os.Stat("hitready-answers.yaml"); err == nil {
		t.Error("a file was written")
	}
}

func TestCommandName(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "hitready")
	other := filepath.Join(t.TempDir(), "hitready")
	for _, p := range []string{bin, other} {
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	onPath := func(name string) (string, error) { return filepath.Join(dir, name), nil }
	notFound := func(name string) (string, error) { return "", os.ErrNotExist }
	tests := []struct {
		name, arg0, exe string
		lookPath        func(string) (string, error)
		want            string
	}{
		{"go run", "/tmp/go-build123/b001/exe/hitready", "/tmp/go-build123/b001/exe/hitready", notFound, "go run ."},
		{"go run, cached", "/root/.cache/go-build/69/6990c3-d/hitready", "/root/.cache/go-build/69/6990c3-d/hitready", notFound, "go run ."},
		{"bare name from PATH", "hitready", bin, onPath, "hitready"},
		{"full path of the one on PATH", bin, bin, onPath, "hitready"},
		{"a different copy than PATH's", other, other, onPath, other},
		{"relative path, not on PATH", "./hitready", bin, notFound, "./hitready"},
		{"a path that needs quoting", "./my tools/hitready", bin, notFound, "'./my tools/hitready'"},
		{"no arg0", "", "", notFound, "hitready"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandNameFor(tt.arg0, tt.exe, tt.lookPath); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Ctrl-C in the review of a file, before any change, points back to that file.
func TestInterruptInTheReviewOfAFile(t *testing.T) {
	ready, _ := filepath.Abs(filepath.Join("..", "examples", "ready.yaml"))
	t.Chdir(t.TempDir())
	r, err := interactive(t, &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}}, "--answers", ready, "--review")
	if r.code != exitInterrupted || err == nil || !strings.Contains(err.Error(), "Continue with:\n  hitready assess --answers "+ready) {
		t.Errorf("exit %d: %v", r.code, err)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestRunFlags(t *testing.T) {
	tests := []struct {
		name string
		opts AssessOptions
		kept string
		want string
	}{
		{"the default report", AssessOptions{Format: "table"}, "a.yaml", ""},
		{"format, output, profile, plain", AssessOptions{Format: "json", Output: "me.json", Profile: "my profile.yaml", Plain: true}, "a.yaml",
			"--format json --output me.json --profile 'my profile.yaml' --plain"},
		{"a threshold and all gaps", AssessOptions{Format: "table", FailUnder: 72.5, FailUnderSet: true, AllGaps: true}, "a.yaml",
			"--fail-under 72.5 --all-gaps"},
		{"--save-answers is the file named", AssessOptions{SaveAnswers: "a.yaml"}, "a.yaml", ""},
		{"--save-answers elsewhere", AssessOptions{SaveAnswers: "b.yaml"}, "a.yaml", "--save-answers b.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var quoted []string
			for _, a := range runFlags(&tt.opts, tt.kept) {
				quoted = append(quoted, textsafe.ShellQuote(a))
			}
			if got := strings.Join(quoted, " "); got != tt.want {
				t.Errorf("runFlags = %q, want %q", got, tt.want)
			}
		})
	}
}

// Answers missing where nothing can ask them: the message agrees with its count, and its example
// answers the first missing question with a value that question allows.
func TestMissingAnswersMessage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "ready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	oneMissing := strings.Replace(string(src), "  skills.empathy: 5\n", "", 1)
	if oneMissing == string(src) {
		t.Fatal("examples/ready.yaml no longer answers skills.empathy: 5")
	}
	tests := []struct {
		name, stdin string
		args        []string
		want        []string
	}{
		{"one", oneMissing, []string{"--answers", "-"}, []string{
			"1 question is unanswered and standard input holds the answers file:\n  skills.empathy: ",
			"Give it in the answers file or with --set ID=VALUE (for example --set skills.empathy=3); hitready questions lists them all.",
		}},
		{"all", "", []string{"--no-input"}, []string{
			"questions are unanswered and --no-input is set:\n  education.level: ",
			"Give them in the answers file or with --set ID=VALUE (for example --set education.level=none);",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, append([]string{"assess"}, tt.args...)...)
			if r.code != exitInvalid {
				t.Errorf("exit %d, want %d", r.code, exitInvalid)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
		})
	}
}
