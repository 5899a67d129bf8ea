package cmd

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/render"
)

func TestScoreGolden(t *testing.T) {
	for _, format := range render.CohortFormats().Names() {
		t.Run(format, func(t *testing.T) {
			r := run(t, "", "score", filepath.Join("testdata", "cohort"), "--format", format)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden(t, "cohort."+format, []byte(r.stdout))
		})
	}
}

// The JSON array holds, in input order, exactly the reports assess gives one file at a time.
func TestScoreJSONIsAssessPerFile(t *testing.T) {
	files := []string{
		filepath.Join("testdata", "progress", "spring.yaml"),
		filepath.Join("testdata", "cohort"),
		filepath.Join("..", "examples", "ready.yaml"),
	}
	r := run(t, "", append([]string{"score", "--format", "json"}, files...)...)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var reports []assessment.Report
	if err := json.Unmarshal([]byte(r.stdout), &reports); err != nil {
		t.Fatal(err)
	}
	wantSources := []string{files[0], "testdata/cohort/anonymous.yml", "testdata/cohort/class-b/chen.yaml",
		"testdata/cohort/class-b/park.json", "testdata/cohort/rivera.yaml", files[2]}
	if len(reports) != len(wantSources) {
		t.Fatalf("%d reports, want %d", len(reports), len(wantSources))
	}
	for i, rep := range reports {
		if rep.Source != wantSources[i] {
			t.Errorf("report %d source %q, want %q", i, rep.Source, wantSources[i])
		}
		one := run(t, "", "assess", "--answers", wantSources[i], "--format", "json")
		var single assessment.Report
		if err := json.Unmarshal([]byte(one.stdout), &single); err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(single)
		b, _ := json.Marshal(rep)
		if string(a) != string(b) {
			t.Errorf("%s: score and assess disagree", wantSources[i])
		}
	}
}

func TestScoreBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "examples", "ready.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("answers:\n  skills.empathy: 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	incomplete := filepath.Join(dir, "half.json")
	if err := os.WriteFile(incomplete, []byte(`{"answers": {"education.level": "none"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "score", good, bad, filepath.Join(dir, "missing.yaml"), incomplete, good, "--format", "csv")
	if r.code != exitInvalid {
		t.Errorf("exit %d, want 2", r.code)
	}
	for _, want := range []string{
		bad + ":2: skills.empathy: 9 is out of range",
		filepath.Join(dir, "missing.yaml") + ": cannot be read: no such file or directory",
		incomplete + ": is incomplete: no answer to coursework",
		"3 of 5 files could not be scored",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != good || rows[2][0] != good {
		t.Errorf("the good files were not all scored:\n%s", r.stdout)
	}
}

// An advisor sees who could not be scored where the cohort is drawn for a person: the table and
// the Markdown summary name each such file with the reason in a word (invalid, incomplete,
// unread); JSON, YAML and CSV hold the scored reports only, as before.
func TestScoreNamesTheFilesNotScored(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "examples", "ready.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	half := filepath.Join(dir, "half.json")
	for name, data := range map[string]string{bad: "answers:\n  skills.empathy: 9\n", half: `{"answers": {"education.level": "none"}}`} {
		if err := os.WriteFile(name, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"score", good, bad, half, filepath.Join(dir, "missing.yaml")}
	tests := []struct {
		format     string
		has, lacks []string
	}{
		{"table", []string{"Not scored: 3 files (standard error says why):\n  - " + bad + ": invalid\n  - " + half + ": incomplete\n  - " +
			filepath.Join(dir, "missing.yaml") + ": invalid\n"}, nil},
		{"markdown", []string{"\nNot scored: 3 files (standard error says why):\n\n- " + bad + ": invalid\n- " + half + ": incomplete\n"}, nil},
		{"json", nil, []string{"half.json", "bad.yaml", "Not scored"}},
		{"yaml", nil, []string{"half.json", "bad.yaml", "Not scored"}},
		{"csv", nil, []string{"half.json", "bad.yaml", "Not scored"}},
	}
	for _, tt := range tests {
		r := run(t, "", append(args, "--format", tt.format)...)
		if r.code != exitInvalid {
			t.Errorf("%s: exit %d, want 2", tt.format, r.code)
		}
		for _, want := range tt.has {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s: lacks %q:\n%s", tt.format, want, r.stdout)
			}
		}
		for _, unwanted := range tt.lacks {
			if strings.Contains(r.stdout, unwanted) {
				t.Errorf("%s: has %q:\n%s", tt.format, unwanted, r.stdout)
			}
		}
	}
	// Past --max-files the next file is not read, and says so.
	r := run(t, "", "score", good, good, "--max-files", "1")
	if !strings.Contains(r.stdout, "Not scored: 1 file (standard error says why):\n  - "+good+": unread\n") {
		t.Errorf("the file past --max-files:\n%s", r.stdout)
	}
}

func TestScoreExitCodes(t *testing.T) {
	cohortDir := filepath.Join("testdata", "cohort")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"all scored", []string{"score", cohortDir}, exitOK, ""},
		{"fail-under met by all", []string{"score", cohortDir, "--fail-under", "30"}, exitOK, ""},
		{"fail-under missed by some", []string{"score", cohortDir, "--fail-under", "50"}, exitBelow, "2 of 4: scores are below --fail-under 50"},
		{"no paths", []string{"score"}, exitInvalid, "score needs at least one answers file or folder"},
		{"empty folder", []string{"score", t.TempDir()}, exitInvalid, "no answers files (*.yaml, *.yml, *.json) found"},
		{"bad format", []string{"score", cohortDir, "--format", "xlsx"}, exitInvalid, `invalid --format "xlsx"`},
		{"bad jobs", []string{"score", cohortDir, "--jobs", "-1"}, exitInvalid, "invalid --jobs -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "", tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			// A run that succeeds says nothing on standard error; one that does not says why.
			switch {
			case tt.wantStderr == "" && r.stderr != "":
				t.Errorf("stderr %q, want nothing", r.stderr)
			case tt.wantStderr != "" && !strings.Contains(r.stderr, tt.wantStderr):
				t.Errorf("stderr %q, want it to contain %q", r.stderr, tt.wantStderr)
			}
		})
	}
}

func TestScoreOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "cohort.csv")
	r := run(t, "", "score", filepath.Join("testdata", "cohort"), "--format", "csv", "--output", out)
	if r.code != exitOK || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("%v %v", err, info)
	}
	data, _ := os.ReadFile(out)
	golden(t, "cohort.csv", data)
}

func TestCompareGolden(t *testing.T) {
	spring, autumn := filepath.Join("testdata", "progress", "spring.yaml"), filepath.Join("testdata", "progress", "autumn.yaml")
	for _, format := range render.ComparisonFormats().Names() {
		t.Run(format, func(t *testing.T) {
			r := run(t, "", "compare", spring, autumn, "--format", format)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			golden(t, "compare."+format, []byte(r.stdout))
		})
	}
}

// A JSON report saved earlier compares like the answers it came from.
func TestCompareReadsReports(t *testing.T) {
	dir := t.TempDir()
	spring, autumn := filepath.Join("testdata", "progress", "spring.yaml"), filepath.Join("testdata", "progress", "autumn.yaml")
	saved := filepath.Join(dir, "spring.json")
	if r := run(t, "", "assess", "--answers", spring, "--format", "json", "--output", saved); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	fromAnswers := run(t, "", "compare", spring, autumn, "--format", "json")
	fromReport := run(t, "", "compare", saved, autumn, "--format", "json")
	if fromReport.code != exitOK {
		t.Fatalf("exit %d: %s", fromReport.code, fromReport.stderr)
	}
	if strings.Replace(fromReport.stdout, saved, spring, 1) != fromAnswers.stdout {
		t.Errorf("a saved report compares differently from its answers:\n%s\nvs\n%s", fromReport.stdout, fromAnswers.stdout)
	}
	var c assessment.Comparison
	if err := json.Unmarshal([]byte(fromAnswers.stdout), &c); err != nil {
		t.Fatal(err)
	}
	if c.ScoreChange <= 0 || c.VerdictChange != "same" || len(c.Closed) == 0 || len(c.Opened) != 1 || c.Opened[0].ID != "skills.computer" {
		t.Errorf("comparison: %+v", c)
	}
}

func TestCompareRefusals(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(`{"schema": "something/v9"}`), 0o600)
	half := filepath.Join(dir, "half.yaml")
	os.WriteFile(half, []byte("answers:\n  education.level: none\n"), 0o600)
	autumn := filepath.Join("testdata", "progress", "autumn.yaml")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"compare", autumn}, "compare takes two files, OLD and NEW; got 1"},
		{[]string{"compare", other, autumn}, `is a "something/v9" document`},
		{[]string{"compare", half, autumn}, "compare scores only complete answers files"},
		{[]string{"compare", filepath.Join(dir, "nope.yaml"), autumn}, "no such file"},
	}
	for _, tt := range tests {
		r := run(t, "", tt.args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", tt.args[1:], r.code, r.stderr)
		}
	}
}
