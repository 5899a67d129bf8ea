package assessment

import (
	"strconv"
	"strings"
	"testing"
)

// A credentials or steps file is checked as strictly as a profile: unknown fields, questions,
// values, requirements and credentials are refused with the file and line.
// strictCredentials are credentials files refused; LINE in what they say stands for the line of
// the credential cca, and AT(text) for the line of text in the file: a problem is said at the
// field or rule it is about.
func strictCredentials() []fileCase {
	good := string(credentialsYAML)
	return []fileCase{
		{"unknown field", strings.Replace(good, "    body: AHIMA\n", "    body: AHIMA\n    price: 299\n", 1), []string{"c.yaml:", "unknown field price"}},
		{"unknown question", strings.Replace(good, "question: education.level\n            in: [high-school", "question: education.levle\n            in: [high-school", 1), []string{"c.yaml:AT(question: education.levle):", "cca", `unknown question "education.levle"`}},
		{"unknown value", strings.Replace(good, "in: [final-term]", "in: [last-term]", 1), []string{"c.yaml:", "rhit", `"last-term" is not a value of education.program`}},
		{"unknown requirement", strings.Replace(good, "meets: [certification.ahima]", "meets: [certification.aapc]", 1), []string{"c.yaml:AT(meets: [certification.aapc]):", `"certification.aapc" is not a requirement`}},
		{"unknown credential", strings.Replace(good, "  - id: cca\n", "  - id: cpc\n", 1), []string{"c.yaml:LINE:", `unknown credential "cpc"`, "credential cca is missing"}},
		{"exam's grade", strings.Replace(good, "grade: P\n    recommended:", "grade: Q\n    recommended:", 1), []string{"c.yaml:AT(grade: Q):", `cca: exam: grade must be P (the body's own page) or S (as reported); got "Q"`}},
		{"secondhand rule deciding", strings.Replace(good, "grade: P\n        rules:\n          - question: education.level\n            in: [high-school", "grade: S\n        rules:\n          - question: education.level\n            in: [high-school", 1), []string{"may not decide eligibility"}},
		{"empty", "", []string{"c.yaml: is empty"}},
		{"empty missing_when", strings.Replace(good, "              certificate: {en: \"A health information program at the associate", "              certificate: \"\"\n              x: {en: \"A health information program at the associate", 1),
			[]string{"c.yaml:AT(certificate: \"\"):", `education.him: missing_when "certificate" is empty`}},
		{"missing_when of nothing", strings.Replace(good, "              certificate: {en: \"A health information program at the associate", "              certificate: ~\n              x: {en: \"A health information program at the associate", 1),
			[]string{"c.yaml:AT(certificate: ~):", `missing_when "certificate" is empty`}},
		{"control characters", strings.Replace(good, "name: Certified Coding Associate (AHIMA)", `name: "Certified \e[2J Coding Associate"`, 1), []string{"cca: credentials.name holds \\x1b (a control character); credentials file text must be printable"}},
	}
}

// strictSteps are steps files refused, each for what its one want says.
func strictSteps() []fileCase {
	steps := string(stepsYAML)
	return []fileCase{
		{"unknown credential", strings.Replace(steps, "credential: rhia", "credential: cpc", 1), []string{`credential "cpc" is not in the credentials file`}},
		{"unknown requirement", strings.Replace(steps, "only_if_gap: [education.advanced]", "only_if_gap: [education.phd]", 1), []string{`"education.phd" is not a requirement`}},
		{"raise on an unordered question", strings.Replace(steps, "raise: {experience.coding: 6-months-to-2-years}", "raise: {education.accredited: \"yes\"}", 1), []string{"do not rank"}},
		{"duration without source", strings.Replace(steps, "    duration_source: {en: \"the career-guide article\", es: \"el artículo de orientación profesional\"}\n", "\n", 1), []string{"duration and duration_source go together"}},
	}
}

func TestCredentialsAndStepsFilesAreStrict(t *testing.T) {
	_, p := setup(t)
	good := string(credentialsYAML)
	tests := strictCredentials()
	ccaLine := strconv.Itoa(strings.Count(good[:strings.Index(good, "  - id: cca\n")], "\n") + 1)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCredentials("c.yaml", []byte(tt.data), p)
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				w = strings.ReplaceAll(w, "LINE", ccaLine)
				if at, text, ok := strings.Cut(w, "AT("); ok {
					text, rest, _ := strings.Cut(text, ")")
					w = at + strconv.Itoa(strings.Count(tt.data[:strings.Index(tt.data, text)], "\n")+1) + rest
				}
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := ParseCredentials("c.yaml", credentialsYAML, p); err != nil {
		t.Fatalf("the embedded file is refused as a custom one: %v", err)
	}
	for _, tt := range strictSteps() {
		if _, err := ParseSteps("s.yaml", []byte(tt.data), p, p.credentials); err == nil || !strings.Contains(err.Error(), tt.want[0]) || !strings.Contains(err.Error(), "s.yaml:") {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	if _, err := ParseSteps("s.yaml", stepsYAML, p, p.credentials); err != nil {
		t.Fatalf("the embedded steps are refused as a custom file: %v", err)
	}
}

// A step's changes and a rule's missing_when are mappings: several bad entries in one are told
// in the order of their keys, the same on every run (a Go map's own order changes from run to run).
func TestBadEntriesOfAMappingAreToldInOrder(t *testing.T) {
	_, p := setup(t)
	steps := strings.Replace(string(stepsYAML), "raise: {experience.coding: 6-months-to-2-years}",
		"set: {zz.one: a, aa.two: b, mm.three: c, bb.four: d}", 1)
	credentials := strings.Replace(string(credentialsYAML), "            missing_when:\n              certificate:",
		"            missing_when:\n              zz: {en: a, es: a}\n              aa: {en: b, es: b}\n              mm: {en: c, es: c}\n              certificate:", 1)
	for _, tt := range []struct {
		name  string
		parse func() error
		want  []string
	}{
		{"set", func() error { _, err := ParseSteps("s.yaml", []byte(steps), p, p.credentials); return err },
			[]string{`"aa.two"`, `"bb.four"`, `"mm.three"`, `"zz.one"`}},
		{"missing_when", func() error { _, err := ParseCredentials("c.yaml", []byte(credentials), p); return err },
			[]string{`"aa"`, `"mm"`, `"zz"`}},
	} {
		first := ""
		for range 20 {
			err := tt.parse()
			switch {
			case err == nil:
				t.Fatalf("%s: accepted", tt.name)
			case first == "":
				first = err.Error()
			case err.Error() != first:
				t.Fatalf("%s: told in another order on another run:\n%s\n%s", tt.name, first, err)
			}
		}
		at := -1
		for _, w := range tt.want {
			i := strings.Index(first, w)
			if i <= at {
				t.Errorf("%s: %s is not told after the one before it:\n%s", tt.name, w, first)
			}
			at = i
		}
	}
}
