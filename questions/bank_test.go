package questions

import (
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/yamltree"
)

func loadBank(t testing.TB) *Bank {
	t.Helper()
	b, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

// The contract fixes the core ids, kinds and values; advisors' files depend on every one of them.
func TestBankHoldsTheContractsCoreQuestions(t *testing.T) {
	b := loadBank(t)
	skills := []string{"clinical-knowledge", "reimbursement", "empathy", "ethics", "composure",
		"compassion", "privacy", "communication", "organization", "computer"}
	type core struct {
		id     string
		kind   Kind
		values []string
		when   string // the condition, as Condition.String prints it
	}
	want := []core{
		{"education.level", OneOf, []string{"none", "high-school", "some-college", "associate", "bachelor", "master"}, ""},
		{"education.field", OneOf, []string{"hit", "related", "other"}, "education.level is associate, bachelor or master"},
		{"coursework", AnyOf, []string{"anatomy", "physiology", "medical-terminology", "medical-coding", "statistics", "database-management"}, ""},
		{"certification.ahima", OneOf, []string{"none", "preparing", "scheduled", "passed"}, ""},
		{"certification.credential", OneOf, []string{"rhit", "rhia", "cca", "ccs", "ccs-p", "other"}, "certification.ahima is passed"},
	}
	for _, s := range skills {
		want = append(want, core{"skills." + s, Rating, nil, ""})
	}
	for _, w := range want {
		t.Run(w.id, func(t *testing.T) {
			q, ok := b.Question(w.id)
			if !ok {
				t.Fatalf("question %s is missing", w.id)
			}
			if q.Kind != w.kind {
				t.Errorf("kind = %s, want %s", q.Kind, w.kind)
			}
			if q.Optional {
				t.Errorf("a core question must not be optional")
			}
			if got := q.ValueNames(); !slices.Equal(got, w.values) && !(len(got) == 0 && len(w.values) == 0) {
				t.Errorf("values = %v, want %v", got, w.values)
			}
			if q.Kind == Rating && (q.Scale.Min != 1 || q.Scale.Max != 5) {
				t.Errorf("scale = %d-%d, want 1-5", q.Scale.Min, q.Scale.Max)
			}
			got := ""
			if q.AskedWhen != nil {
				got = q.AskedWhen.In(i18n.For(i18n.English))
			}
			if got != w.when {
				t.Errorf("asked when %q, want %q", got, w.when)
			}
		})
	}
}

// "Improving" an answer is defined by the bank's order; the property test of scoring relies on it.
func TestRankFollowsTheDirectionOfTheList(t *testing.T) {
	b := loadBank(t)
	tests := []struct {
		id, worse, better string
	}{
		{"education.level", "some-college", "associate"},
		{"education.level", "none", "master"},
		{"education.field", "other", "related"},
		{"education.field", "related", "hit"},
		{"certification.ahima", "scheduled", "passed"},
	}
	for _, tt := range tests {
		q, _ := b.Question(tt.id)
		if w, bt := q.Rank(tt.worse), q.Rank(tt.better); w < 0 || bt <= w {
			t.Errorf("%s: rank(%s)=%d, rank(%s)=%d; want the second higher", tt.id, tt.worse, w, tt.better, bt)
		}
	}
	if q, _ := b.Question("certification.credential"); q.Rank("rhit") != -1 {
		t.Errorf("credentials do not rank, but Rank gave %d", q.Rank("rhit"))
	}
}

func TestBankCheckRefusesBrokenBanks(t *testing.T) {
	section := "sections:\n- {id: s, title: S, intro: I, why: {en: W, es: V}}\n"
	q := func(body string) string {
		return section + "questions:\n- {id: a, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}]}\n" + body
	}
	tests := []struct {
		name, yaml, want string
	}{
		{"duplicate id", q("- {id: a, section: s, kind: rating, text: T, help: H, why: {en: W, es: V}, scale: {min: 1, max: 5, low: L, high: H}}\n"), `"a" is defined twice`},
		{"unknown section", q("- {id: b, section: nope, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}]}\n"), `section "nope" is not defined`},
		{"value without label", q("- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x}]}\n"), "needs a value and a label"},
		{"condition on a later question", section + "questions:\n- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}], asked_when: {question: a, in: [x]}}\n- {id: a, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}]}\n", "not a question before it"},
		{"condition on an unknown value", q("- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}], asked_when: {question: a, in: [y]}}\n"), `"y" is not a value of a`},
		{"rating without scale", q("- {id: b, section: s, kind: rating, text: T, help: H, why: {en: W, es: V}}\n"), "needs a scale"},
		{"unknown kind", q("- {id: b, section: s, kind: slider, text: T, help: H, why: {en: W, es: V}}\n"), `kind "slider"`},
		{"no help", q("- {id: b, section: s, kind: one-of, text: T, why: {en: W, es: V}, values: [{value: x, label: X}]}\n"), "help and why are all required"},
		// A why is a quote with its Spanish rendering: never one language alone, in any session.
		{"why in English alone", q("- {id: b, section: s, kind: one-of, text: T, help: H, why: W, values: [{value: x, label: X}]}\n"), "line 5: why is a quoted source: write it {en: the words as written, es: a Spanish rendering}"},
		{"why without its Spanish", q("- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W}, values: [{value: x, label: X}]}\n"), "why: line 5: a text in two languages needs both en and es"},
		{"a section's why in English alone", "sections:\n- {id: s, title: S, intro: I, why: W}\n", "line 2: why is a quoted source"},
		{"a rendering written apart", q("- {id: b, section: s, kind: one-of, text: T, help: H, why: {en: W, es: V}, why_translation: V, values: [{value: x, label: X}]}\n"), "why_translation is made from why's es"},
		{"ordered any-of", q("- {id: b, section: s, kind: any-of, ordered: ascending, text: T, help: H, why: {en: W, es: V}, values: [{value: x, label: X}]}\n"), "only one-of questions are ordered"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseBank([]byte(tt.yaml), "", i18n.English)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestOpenListsWhatIsStillToAsk(t *testing.T) {
	b := loadBank(t)
	ids := func(qs []*Question) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	a := NewAnswers()
	required := 0
	for _, q := range b.Questions {
		if !q.Optional {
			required++
		}
	}
	if got, want := len(b.Open(a)), required; got != want {
		t.Fatalf("with no answers %d questions are open, want all %d required ones (a condition still undecided counts as open)", got, want)
	}
	a.Set("education.level", OneOfAnswer("high-school"))
	a.Set("certification.ahima", OneOfAnswer("passed"))
	open := ids(b.Open(a))
	if slices.Contains(open, "education.field") {
		t.Errorf("education.field is open for a high-school level: %v", open)
	}
	if !slices.Contains(open, "certification.credential") {
		t.Errorf("certification.credential should be open once an exam is passed: %v", open)
	}
	if slices.Contains(open, "education.level") {
		t.Errorf("an answered question is still open: %v", open)
	}
}

// education.accredited is asked for a HIT degree, a health information program completed or an
// enrolment: any one condition is enough, and it is ruled out only once all are settled against it.
func TestAskedWhenThisOrThat(t *testing.T) {
	b := loadBank(t)
	q, _ := b.Question("education.accredited")
	if len(q.AskedWhen) != 3 || q.AskedWhen.In(i18n.For(i18n.English)) != "education.field is hit, or education.him is associate, bachelor, master or certificate, or education.program is yes or final-term" {
		t.Fatalf("asked_when = %q", q.AskedWhen)
	}
	type answer struct{ id, value string }
	tests := []struct {
		name    string
		answers []answer
		want    Asking
	}{
		{"nothing answered", nil, Undecided},
		{"HIT degree", []answer{{"education.level", "associate"}, {"education.field", "hit"}}, Asked},
		{"enrolled", []answer{{"education.program", "yes"}}, Asked},
		{"final term, field undecided", []answer{{"education.level", "associate"}, {"education.program", "final-term"}}, Asked},
		{"other field, no HIM program, not enrolled", []answer{{"education.level", "associate"}, {"education.field", "other"}, {"education.him", "none"}, {"education.program", "no"}}, NotAsked},
		{"other field, HIM program unanswered, not enrolled", []answer{{"education.level", "associate"}, {"education.field", "other"}, {"education.program", "no"}}, Undecided},
		{"other field, an HIM certificate", []answer{{"education.level", "bachelor"}, {"education.field", "other"}, {"education.him", "certificate"}, {"education.program", "no"}}, Asked},
		{"other field, enrolment unanswered", []answer{{"education.level", "bachelor"}, {"education.field", "related"}, {"education.him", "none"}}, Undecided},
		// The field is not asked of a high-school graduate, so that condition is settled.
		{"high school, not enrolled", []answer{{"education.level", "high-school"}, {"education.program", "no"}}, NotAsked},
		{"high school, enrolment unanswered", []answer{{"education.level", "high-school"}}, Undecided},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := NewAnswers()
			for _, x := range tt.answers {
				a.Set(x.id, OneOfAnswer(x.value))
			}
			if got := b.Asks(q, a); got != tt.want {
				t.Errorf("Asks = %v, want %v", got, tt.want)
			}
		})
	}
}

// The new questions are optional: no answers file that was complete before them becomes
// incomplete.
func TestPathQuestionsAreOptional(t *testing.T) {
	b := loadBank(t)
	for _, id := range []string{"education.program", "education.accredited", "experience.coding", "education.him", "education.program-level"} {
		q, ok := b.Question(id)
		if !ok || !q.Optional || q.Source == "" {
			t.Errorf("%s: present %v, optional %v, source %q", id, ok, ok && q.Optional, q.Source)
		}
	}
}

// An answer to education.accredited that neither condition allows is refused, and the message
// names both conditions and where each deciding answer was given.
func TestThisOrThatInconsistencyMessage(t *testing.T) {
	b := loadBank(t)
	data := "answers:\n  education.level: associate\n  education.field: other\n  education.him: none\n  education.program: \"no\"\n  education.accredited: \"yes\"\n"
	_, err := b.DecodeAnswers("a.yaml", []byte(data))
	if err == nil {
		t.Fatal("accepted an answer to a question that is not asked")
	}
	for _, want := range []string{"a.yaml:6:", "education.accredited", "asked only when education.field is hit, or education.him is associate, bachelor, master or certificate, or education.program is yes or final-term",
		"education.field is other (a.yaml:3), education.him is none (a.yaml:4) and education.program is no (a.yaml:5)", "change education.field, education.him or education.program"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	// With the enrolment it is asked, and so accepted.
	if _, err := b.DecodeAnswers("a.yaml", []byte(strings.Replace(data, `"no"`, "final-term", 1))); err != nil {
		t.Errorf("refused an asked question: %v", err)
	}
}

// A health information program above the degree level contradicts the degree and is refused like
// any answer that contradicts another (allowed_when), naming both answers and where they were
// given; what the degree allows is accepted. education.him is asked only when the highest degree
// is not in HIT, where it counts as education.level.
func TestHealthInformationProgramAboveTheDegreeIsRefused(t *testing.T) {
	b := loadBank(t)
	tests := []struct {
		name, answers string
		want          []string // empty: accepted
	}{
		{"bachelor's program with an associate's", "education.level: associate\n  education.field: other\n  education.him: bachelor",
			[]string{"a.yaml:4:", "education.him", "bachelor is allowed only when education.level is bachelor or master, but education.level is associate (a.yaml:2)", "change education.him or education.level"}},
		{"certificate without a bachelor's", "education.level: associate\n  education.field: related\n  education.him: certificate",
			[]string{"a.yaml:4:", "certificate is allowed only when education.level is bachelor or master"}},
		{"master's program with a bachelor's", "education.level: bachelor\n  education.field: other\n  education.him: master",
			[]string{"master is allowed only when education.level is master"}},
		{"certificate after a bachelor's", "education.level: bachelor\n  education.field: other\n  education.him: certificate", nil},
		{"associate's program after a business bachelor's", "education.level: bachelor\n  education.field: other\n  education.him: associate", nil},
		{"HIT degree: the degree is the program", "education.level: associate\n  education.field: hit\n  education.him: associate",
			[]string{"education.him", "asked only when education.field is related or other"}},
		{"enrolled in a certificate without a bachelor's", "education.level: some-college\n  education.program: \"yes\"\n  education.program-level: certificate",
			[]string{"education.program-level", "certificate is allowed only when education.level is bachelor or master"}},
		{"enrolled in an associate's program", "education.level: high-school\n  education.program: final-term\n  education.program-level: associate", nil},
		{"program level without an enrolment", "education.level: high-school\n  education.program: \"no\"\n  education.program-level: associate",
			[]string{"education.program-level", "asked only when education.program is yes or final-term"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.DecodeAnswers("a.yaml", []byte("answers:\n  "+tt.answers+"\n"))
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
	// The questionnaire offers only what the degree allows.
	q, _ := b.Question("education.him")
	a := NewAnswers()
	a.Set("education.level", OneOfAnswer("associate"))
	if got := b.Offered(q, a).ValueNames(); !slices.Equal(got, []string{"none", "associate"}) {
		t.Errorf("offered with an associate's: %v", got)
	}
	a.Set("education.level", OneOfAnswer("master"))
	if got := b.Offered(q, a); got != q {
		t.Errorf("offered with a master's: %v, want every value", got.ValueNames())
	}
}

// TestBankIsReadFromItsTree: a start reads bank.yaml from its tree, never parsing the text.
func TestBankIsReadFromItsTree(t *testing.T) {
	if !yamltree.Fresh(bankYAML, bankTree) {
		t.Error("bank.yaml.tree is not bank.yaml's tree (go test ./internal/yamltree -update)")
	}
	// Parsing the text allocates for every token (about 8,700 times); reading the tree, a few.
	fromTree := testing.AllocsPerRun(3, func() { LoadIn(i18n.English) })
	fromText := testing.AllocsPerRun(3, func() { parseBank(bankYAML, "", i18n.English) })
	if fromText-fromTree < 5000 {
		t.Errorf("LoadIn allocates %.0f times, parsing the text %.0f: the tree is not read", fromTree, fromText)
	}
}
