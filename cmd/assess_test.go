package cmd

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/internal/render"
)

// runStreams runs hitready with the given arguments against the given streams.
func runStreams(ios *iostreams.IOStreams, args []string) int {
	return runContext(context.Background(), ios, args)
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// golden compares got with testdata/golden/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test ./cmd -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

type result struct {
	code        int
	stdout      string
	stderr      string
	streams     *iostreams.IOStreams
	stdinBuffer *bytes.Buffer
}

// run runs hitready against buffers; stdin is what standard input holds.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runWith(t, func(*iostreams.IOStreams) {}, stdin, args...)
}

func runWith(t *testing.T, setup func(*iostreams.IOStreams), stdin string, args ...string) result {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	setup(ios)
	code := runStreams(ios, args)
	return result{code: code, stdout: out.String(), stderr: errOut.String(), streams: ios, stdinBuffer: in}
}

func TestAssessGolden(t *testing.T) {
	examples := []string{"ready.yaml", "nearly-ready.yaml", "not-ready.yaml", "student.json"}
	for _, ex := range examples {
		for _, format := range render.ReportFormats().Names() {
			t.Run(ex+"/"+format, func(t *testing.T) {
				r := run(t, "", "assess", "--answers", filepath.Join("..", "examples", ex), "--format", format)
				if r.code != exitOK || r.stderr != "" {
					t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
				}
				golden(t, strings.TrimSuffix(ex, filepath.Ext(ex))+"."+format, []byte(r.stdout))
			})
		}
	}
}

// assessExitCase is one run of assess and what it must end with.
type assessExitCase struct {
	name       string
	stdin      string
	args       []string
	wantCode   int
	wantStderr []string
	wantStdout string // a substring; "" means standard output must be empty
}

// assessExitCases are the runs of TestAssessExitCodes; the pseudo-language walks the bad-input
// ones too (TestPseudoLanguageBadInput).
func assessExitCases(t *testing.T) []assessExitCase {
	t.Helper()
	ready := filepath.Join("..", "examples", "ready.yaml")
	notReady := filepath.Join("..", "examples", "not-ready.yaml")
	complete, err := os.ReadFile(ready)
	if err != nil {
		t.Fatal(err)
	}
	return []assessExitCase{
		{"complete file", "", []string{"assess", "--answers", ready}, exitOK, nil, "Ready:"},
		{"complete file on standard input", string(complete), []string{"assess", "--answers", "-", "--format", "json"}, exitOK, nil, `"source": "-"`},
		{"answers from --set alone", "", append([]string{"assess"}, setAll()...), exitOK, nil, "Ready:"},
		{"fail-under met", "", []string{"assess", "--answers", ready, "--fail-under", "90"}, exitOK, nil, "Ready:"},
		{"fail-under missed", "", []string{"assess", "--answers", notReady, "--fail-under", "50"}, exitBelow,
			[]string{"score 33.1 is below --fail-under 50"}, "Not yet ready"},
		{"no answers and no terminal", "", []string{"assess"}, exitInvalid,
			[]string{"15 questions are unanswered", "no terminal", "education.level:", "skills.computer:", "--set ID=VALUE"}, ""},
		{"some answers missing with --no-input", "", []string{"assess", "--answers", ready, "--no-input", "--set", "education.level=some-college", "--set", "coursework="},
			exitInvalid, []string{"ready.yaml:5: education.field: is asked only when education.level is associate, bachelor or master, but education.level is some-college (--set)"}, ""},
		{"missing answers named", "", []string{"assess", "--no-input", "--set", "education.level=associate"}, exitInvalid,
			[]string{"14 questions are unanswered and --no-input is set", "education.field: In which field", "certification.credential: Which AHIMA credential did you earn? (asked when certification.ahima is passed)"}, ""},
		{"answers file missing", "", []string{"assess", "--answers", "nope.yaml"}, exitInvalid, []string{"nope.yaml: cannot be read: no such file"}, ""},
		{"answers path is a folder", "", []string{"assess", "--answers", ".."}, exitInvalid, []string{"is a folder"}, ""},
		{"invalid answers on standard input", "answers:\n  skills.empathy: 9\n", []string{"assess", "--answers", "-"}, exitInvalid, []string{"-:2: skills.empathy: 9 is out of range"}, ""},
		{"bad --set", "", []string{"assess", "--answers", ready, "--set", "skills.empathy=high"}, exitInvalid, []string{"--set: skills.empathy:", `got the text "high"`}, ""},
		{"--set without =", "", []string{"assess", "--answers", ready, "--set", "skills.empathy"}, exitInvalid, []string{"is not ID=VALUE"}, ""},
		{"unknown flag", "", []string{"assess", "--colour"}, exitInvalid, []string{"unknown flag: --colour", "Run 'hitready assess --help'"}, ""},
		{"bad format", "", []string{"assess", "--answers", ready, "--format", "xml"}, exitInvalid, []string{`invalid --format "xml"; allowed: table, json, yaml`}, ""},
		{"fail-under out of range", "", []string{"assess", "--answers", ready, "--fail-under", "101"}, exitInvalid, []string{`invalid --fail-under "101": not a score; allowed: a score from 0 to 100`}, ""},
		{"on-or-off flag neither", "", []string{"assess", "--answers", ready, "--no-input=maybe"}, exitInvalid,
			[]string{`invalid --no-input "maybe": not true or false; allowed: true, false, or the flag alone for true`}, ""},
		{"fail-under not a number", "", []string{"assess", "--answers", ready, "--fail-under", "high"}, exitInvalid, []string{`invalid --fail-under "high": not a number; allowed: a score from 0 to 100`}, ""},
		{"stray argument", "", []string{"assess", ready}, exitInvalid, []string{"takes its answers file with --answers: hitready assess --answers ../examples/ready.yaml"}, ""},
		{"stray argument, not a file", "", []string{"assess", "now"}, exitInvalid, []string{`takes no arguments; got ["now"]`}, ""},
		{"unknown command", "", []string{"asess"}, exitInvalid, []string{`unknown command "asess"`, `did you mean "assess"`}, ""},
		{"no command shows help", "", []string{}, exitOK, nil, "Usage:"}, // not nil: cobra would read os.Args
	}
}

func TestAssessExitCodes(t *testing.T) {
	for _, tt := range assessExitCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tt.wantCode, r.stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if tt.wantStdout == "" && r.stdout != "" {
				t.Errorf("standard output should be empty:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, tt.wantStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.wantStdout, r.stdout)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic") {
				t.Errorf("a stack trace reached the user:\n%s", r.stderr)
			}
		})
	}
}

func setAllArgs(args ...string) []string { return append(args, setAll()...) }

// setAll answers every core question of the ready example with --set.
func setAll() []string {
	sets := []string{"education.level=associate", "education.field=hit",
		"coursework=anatomy,physiology,medical-terminology,medical-coding,statistics,database-management",
		"certification.ahima=passed", "certification.credential=rhit"}
	for _, s := range []string{"clinical-knowledge", "reimbursement", "empathy", "ethics", "composure",
		"compassion", "privacy", "communication", "organization", "computer"} {
		sets = append(sets, "skills."+s+"=5")
	}
	var args []string
	for _, s := range sets {
		args = append(args, "--set", s)
	}
	return args
}

func TestSetOverridesAndContradictions(t *testing.T) {
	ready := filepath.Join("..", "examples", "ready.yaml")
	// certification.credential is answered in the file; moving the exam back to "scheduled" makes
	// that answer one to a question not asked, which is refused naming both places.
	r := run(t, "", "assess", "--answers", ready, "--set", "certification.ahima=scheduled")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "ready.yaml:8: certification.credential: is asked only when certification.ahima is passed, but certification.ahima is scheduled (--set)") {
		t.Errorf("exit %d:\n%s", r.code, r.stderr)
	}
	// A plain override: the later rating wins and the report shows it.
	r = run(t, "", "assess", "--answers", ready, "--format", "json", "--set", "skills.empathy=2", "--set", "skills.empathy=1")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"id": "skills.empathy",`) || !strings.Contains(r.stdout, `"current": "1 of 5"`) {
		t.Errorf("--set did not win over the file:\n%s", r.stdout)
	}
}

func TestSaveAnswers(t *testing.T) {
	dir := t.TempDir()
	saved := filepath.Join(dir, "me.yaml")
	r := run(t, "", append(setAllArgs("assess", "--save-answers", saved), "--set", "skills.empathy=3")...)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	info, err := os.Stat(saved)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("answers file mode %v, want 0600", perm)
	}
	// The saved file is complete and scores exactly like the answers that produced it.
	again := run(t, "", "assess", "--answers", saved, "--no-input", "--format", "json")
	first := run(t, "", append(setAllArgs("assess", "--format", "json"), "--set", "skills.empathy=3")...)
	if again.code != exitOK {
		t.Fatalf("re-reading the saved answers: exit %d: %s", again.code, again.stderr)
	}
	if strings.Replace(again.stdout, `"source": "`+saved+`"`, `"source": ""`, 1) != first.stdout {
		t.Errorf("the saved answers score differently:\n%s\nvs\n%s", again.stdout, first.stdout)
	}
	data, _ := os.ReadFile(saved)
	if !strings.Contains(string(data), "skills.empathy: 3") {
		t.Errorf("the later --set did not win in the saved file:\n%s", data)
	}
}

// Refused input writes nothing: neither the answers file nor the report.
func TestNothingWrittenOnRefusal(t *testing.T) {
	dir := t.TempDir()
	saved, report := filepath.Join(dir, "answers.yaml"), filepath.Join(dir, "report.json")
	for _, args := range [][]string{
		{"--set", "skills.empathy=9"},
		{"--no-input", "--set", "skills.empathy=4"},
		{"--answers", "nope.yaml"},
	} {
		r := run(t, "", append([]string{"assess", "--save-answers", saved, "--output", report}, args...)...)
		if r.code != exitInvalid {
			t.Errorf("%v: exit %d", args, r.code)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 0 {
			t.Errorf("%v: files were written: %v", args, entries)
		}
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	r := run(t, "", "assess", "--answers", filepath.Join("..", "examples", "ready.yaml"), "--format", "json", "--output", out)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600", info.Mode().Perm())
	}
	data, _ := os.ReadFile(out)
	golden(t, "ready.json", data)
}

func TestColourOnlyOnATerminalWithoutNoColor(t *testing.T) {
	ready := filepath.Join("..", "examples", "not-ready.yaml")
	tests := []struct {
		name      string
		tty       bool
		noColor   bool
		wantColor bool
	}{
		{"pipe", false, false, false},
		{"terminal", true, false, true},
		{"terminal with NO_COLOR", true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith(t, func(ios *iostreams.IOStreams) {
				ios.SetStdoutTTY(tt.tty)
				ios.SetNoColor(tt.noColor)
			}, "", "assess", "--answers", ready)
			if got := strings.Contains(r.stdout, "\x1b["); got != tt.wantColor {
				t.Errorf("escape codes present = %v, want %v", got, tt.wantColor)
			}
		})
	}
}

// Without a terminal on both standard input and standard error, or with HITREADY_NO_INPUT=1,
// assess returns at once and never starts the questionnaire.
func TestNeverPromptsWithoutATerminal(t *testing.T) {
	for _, tt := range []struct {
		name      string
		stdinTTY  bool
		stderrTTY bool
		noInput   bool
	}{
		{"pipe", false, false, false},
		{"stdin only", true, false, false},
		{"stderr only", false, true, false},
		{"HITREADY_NO_INPUT", true, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			ios.SetStdinTTY(tt.stdinTTY)
			ios.SetStderrTTY(tt.stderrTTY)
			ios.SetNoInput(tt.noInput)
			fake := &prompter.Fake{}
			err := assessRun(&AssessOptions{IO: ios, Format: "table", Prompter: fake})
			if len(fake.Asked) > 0 {
				t.Errorf("the questionnaire asked %q without a terminal", fake.Asked[0].Message)
			}
			if exitCode(err) != exitInvalid || !strings.Contains(err.Error(), "no terminal") {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestSetFlagKeepsCommas(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *AssessOptions
	c := NewCmdAssess(ios, func(o *AssessOptions) error { got = o; return nil })
	c.SetArgs([]string{"--set", "coursework=anatomy,statistics", "--set", "skills.empathy=4", "--fail-under", "70"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Sets, []string{"coursework=anatomy,statistics", "skills.empathy=4"}) {
		t.Errorf("sets = %q", got.Sets)
	}
	if !got.FailUnderSet || got.FailUnder != 70 || got.Format != "table" {
		t.Errorf("options = %+v", got)
	}
}

// --answers - with a terminal on standard input says what it waits for, in the run's language,
// rather than wait at a silent terminal (found by the attacker); from a pipe it says nothing.
func TestReadingStandardInputFromATerminalSaysSo(t *testing.T) {
	ready, _ := os.ReadFile(filepath.Join("..", "examples", "ready.yaml"))
	for _, tt := range []struct {
		tty  bool
		lang i18n.Lang
		want string
	}{
		{true, i18n.English, "Reading answers from standard input"},
		{true, i18n.Spanish, "Leyendo las respuestas de la entrada estándar"},
		{false, i18n.English, ""},
	} {
		r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetStdinTTY(tt.tty); ios.SetLang(tt.lang) }, string(ready),
			"assess", "--answers", "-", "--format", "json")
		if r.code != exitOK {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if tt.want == "" && r.stderr != "" || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("tty %v, %s: stderr %q, want %q", tt.tty, tt.lang, r.stderr, tt.want)
		}
	}
}
