package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// profileRun is a command run with a custom --profile (PROFILE in args) that is refused: the
// files it writes first, by name.
type profileRun struct {
	name  string
	files map[string]string
	args  []string
}

// badProfileRuns are the refusals of custom profiles, credentials and steps files that the
// scripts show in English (validation, floods, yaml_tags, format_chars, paths, file_safety), one
// through each command that takes --profile; base is the embedded profile as requirements prints it.
func badProfileRuns(t *testing.T, base string) []profileRun {
	t.Helper()
	edit := func(pairs ...string) string {
		s := base
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("the printed profile has no %q", pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return s
	}
	keys := func(indent string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%sk%x: 0\n", indent, i)
		}
		return b.String()
	}
	ready := filepath.Join("..", "examples", "ready.yaml")
	skills := "  - id: skills\n    title: Skills\n    weight: 25\n"
	reqs := []string{"requirements", "--profile", "p.yaml"}
	withCredentials := base + "credentials: c.yaml\n"
	withSteps := base + "steps: s.yaml\n"
	return []profileRun{
		{"empty", map[string]string{"p.yaml": ""}, reqs},
		{"YAML syntax", map[string]string{"p.yaml": edit("  ready: 85\n", "  ready: [85\n")}, reqs},
		{"two documents", map[string]string{"p.yaml": base + "---\nid: x\n"}, reqs},
		{"weight 1e307", map[string]string{"p.yaml": edit(skills, strings.Replace(skills, "25", "1e307", 1))}, reqs},
		{"every area 1e308", map[string]string{"p.yaml": strings.NewReplacer("weight: 30\n", "weight: 1e308\n", "weight: 15\n", "weight: 1e308\n", "weight: 25\n", "weight: 1e308\n").Replace(base)},
			[]string{"assess", "--profile", "p.yaml", "--answers", ready}},
		{"no thresholds", map[string]string{"p.yaml": edit("thresholds:\n  ready: 85\n  nearly_ready: 60\n", "")}, []string{"score", ready, "--profile", "p.yaml"}},
		{"no thresholds.ready", map[string]string{"p.yaml": edit("  ready: 85\n", "")}, reqs},
		{"no major_below", map[string]string{"p.yaml": edit("major_below: 0.5\n", "")}, reqs},
		{"thresholds out of order", map[string]string{"p.yaml": edit("nearly_ready: 60", "nearly_ready: 90")}, reqs},
		{"target 4.5", map[string]string{"p.yaml": edit("\n        target: 4\n", "\n        target: 4.5\n")}, reqs},
		{"blocking yes", map[string]string{"p.yaml": edit("    blocking: true\n", "    blocking: yes\n")}, []string{"compare", ready, ready, "--profile", "p.yaml"}},
		{"a bachelor's worth nothing", map[string]string{"p.yaml": edit("          bachelor: 1\n", "          bachelor: 0\n")}, []string{"credentials", "--profile", "p.yaml"}},
		{"an optional question", map[string]string{"p.yaml": edit("      - question: coursework\n        includes: anatomy\n", "      - question: work.settings\n        includes: hospitals\n")}, reqs},
		{"unknown question", map[string]string{"p.yaml": edit("      - question: coursework\n", "      - question: coursewerk\n")}, reqs},
		{"unknown area", map[string]string{"p.yaml": edit("    area: coursework\n", "    area: courses\n")}, reqs},
		{"escape in the title", map[string]string{"p.yaml": edit("title: Health Information Technician (medical records specialist)", `title: "HIT \e[2J"`)}, reqs},
		{"zero-width space in the title", map[string]string{"p.yaml": edit("title: Health Information Technician (medical records specialist)", "title: \"HIT\u200b\"")}, reqs},
		{"merge key", map[string]string{"p.yaml": edit(skills, "  - <<: {id: skills, title: Skills}\n    weight: 25\n")}, reqs},
		{"a key twice", map[string]string{"p.yaml": edit("  ready: 85\n", "  ready: 85\n  ready: 80\n")}, reqs},
		{"a YAML tag", map[string]string{"p.yaml": edit("title: Health Information Technician (medical records specialist)", "title: !!binary SElUG1szMW0=")}, reqs},
		{"a flood of keys", map[string]string{"p.yaml": base + keys("", 3000)}, reqs},
		{"unknown fields past a screenful", map[string]string{"p.yaml": base + keys("", 30)}, reqs},
		{"a text in two languages without its Spanish", map[string]string{"p.yaml": edit("title: Health Information Technician (medical records specialist)", `title: {en: "HIT", es: ""}`)}, reqs},
		{"nobody can be ready", map[string]string{"p.yaml": nobodyReady(t, edit("  ready: 85\n", "  ready: 100\n"))}, reqs},
		{"credentials file missing", map[string]string{"p.yaml": withCredentials}, reqs},
		{"credentials file a folder", map[string]string{"p.yaml": base + "credentials: .\n"}, reqs},
		{"credentials flood", map[string]string{"p.yaml": withCredentials, "c.yaml": "credentials: []\n" + keys("", 3000)}, reqs},
		{"credentials tag", map[string]string{"p.yaml": withCredentials, "c.yaml": "credentials:\n  - id: !!binary Y2Nh\n"}, reqs},
		{"credentials unknown", map[string]string{"p.yaml": withCredentials, "c.yaml": "credentials:\n  - id: cpc\n    eligible: [{grade: X, rules: [{question: education.level, in: [phd]}]}]\n"}, reqs},
		{"steps file missing", map[string]string{"p.yaml": withSteps}, reqs},
		{"steps flood", map[string]string{"p.yaml": withSteps, "s.yaml": "steps: []\n" + keys("", 3000)}, []string{"assess", "--profile", "p.yaml", "--answers", ready}},
		{"steps tag", map[string]string{"p.yaml": withSteps, "s.yaml": "exam_reasons: !custom {}\n"}, reqs},
		{"a step's changes", map[string]string{"p.yaml": withSteps, "s.yaml": "steps:\n  - id: x\n    action: y\n    closes: [education.degree]\n    changes:\n      set:\n" + keys("        ", 300)}, reqs},
		{"steps unknown", map[string]string{"p.yaml": withSteps, "s.yaml": "steps:\n  - id: x\n    closes: [education.phd]\n    credential: cpc\n    duration: 2 years\n    changes: {raise: {education.accredited: \"yes\"}, include: {education.level: [x]}}\n"}, reqs},
	}
}

// nobodyReady is profile with a bachelor's and a master's worth half a degree beyond an
// associate's: under a threshold of 100, nobody can be ready.
func nobodyReady(t *testing.T, profile string) string {
	t.Helper()
	i := strings.Index(profile, "  - id: education.advanced\n")
	if i < 0 {
		t.Fatal("the printed profile has no education.advanced")
	}
	return profile[:i] + strings.NewReplacer("          bachelor: 1\n", "          bachelor: 0.5\n", "          master: 1\n", "          master: 0.5\n").Replace(profile[i:])
}

// profileAllow are the words a refusal of custom data may show unmarked: the fields of the files
// and the embedded data's ids, beside the bank's (pseudoAllow) and the tests' own values.
func profileAllow(t *testing.T) []string {
	t.Helper()
	allow := append(pseudoAllow(t), "courses", "coursewerk", "hospitals", "yes", "cpc", "phd", "Y2Nh", "x", "y", "X", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9")
	seen := map[reflect.Type]bool{}
	var fields func(t reflect.Type)
	fields = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if seen[t] || t.Kind() != reflect.Struct {
			return
		}
		seen[t] = true
		for f := range t.Fields() {
			if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
				allow = append(allow, name)
			}
			fields(f.Type)
		}
	}
	for _, t := range []reflect.Type{reflect.TypeFor[assessment.Profile](), reflect.TypeFor[assessment.Credentials](), reflect.TypeFor[assessment.Steps]()} {
		fields(t)
	}
	p := embeddedProfile(t)
	allow = append(allow, p.ID)
	for _, a := range p.Areas {
		allow = append(allow, a.ID)
	}
	for _, r := range p.Requirements {
		allow = append(allow, r.ID)
	}
	for _, c := range p.Credentials().Credentials {
		allow = append(allow, c.ID)
	}
	for _, s := range p.Steps().Steps {
		allow = append(allow, s.ID)
	}
	return allow
}

// In the pseudo-language, no word of a refusal of a custom profile, or of the credentials or steps
// file it names, is left in plain English, through every command that takes --profile: the run's
// language reaches the reader on every path.
func TestPseudoLanguageProfileRefusals(t *testing.T) {
	base := run(t, "", "requirements", "--format", "yaml")
	if base.code != exitOK {
		t.Fatalf("requirements --format yaml: exit %d: %s", base.code, base.stderr)
	}
	allow := profileAllow(t)
	examples := filepath.Join(root(t), "examples")
	for _, tt := range badProfileRuns(t, base.stdout) {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.Replace(a, filepath.Join("..", "examples"), examples, 1)
			}
			r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(i18n.Pseudo) }, "", args...)
			if r.code != exitInvalid {
				t.Errorf("exit %d, want 2: %s", r.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if leaks := i18n.Leaks(r.stderr, allow...); len(leaks) > 0 {
				t.Errorf("untranslated: %q\n%s", leaks, r.stderr)
			}
		})
	}
}

// root is the module's folder, from cmd's.
func root(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}
