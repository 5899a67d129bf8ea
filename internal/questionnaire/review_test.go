package questionnaire

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/questions"
)

// complete returns the answers of an HIT associate with the RHIT, every skill at 4.
func complete(t *testing.T, bank *questions.Bank) *questions.Answers {
	t.Helper()
	a := questions.NewAnswers()
	fake := &prompter.Fake{Replies: replies(3, 0, []int{0, 1}, 3, 0, 4)}
	if err := Run(fake, bank, a, Options{}); err != nil {
		t.Fatal(err)
	}
	return a
}

// The review's menu: 0 scores, 1 changes; then the entry to change, by its place in the list.
var (
	score     = prompter.Reply{Index: 0}
	changeOne = prompter.Reply{Index: 1}
)

func TestReview(t *testing.T) {
	tests := []struct {
		name    string
		replies []prompter.Reply
		want    map[string]string // "" means unanswered
		wantOut []string
		saves   int
	}{
		{
			name:    "score at once changes nothing",
			replies: []prompter.Reply{score},
			want:    map[string]string{"education.level": "associate", "education.field": "hit"},
			wantOut: []string{"Your answers:\n", "   1. What is the highest level of education you have completed? — Associate's degree (2 years)\n",
				"How strong is your clinical knowledge? — 4\u00a0of\u00a05", "Which of these topics have you completed a course in? — Anatomy, Physiology",
				"20. Name for the report — (none)"},
		},
		{
			name: "a lower level drops the field question and its answer",
			// change, entry 1 (level), high-school, then score
			replies: []prompter.Reply{changeOne, {Index: 0}, {Index: 1}, score},
			want:    map[string]string{"education.level": "high-school", "education.field": ""},
			wantOut: []string{"(“In which field is your highest degree?” no longer applies; its answer is dropped.)"},
			saves:   1,
		},
		{
			name: "an exam not passed drops the credential; passing it again asks for it",
			// change the exam (entry 6) to preparing, then back to passed, which asks the credential (cca)
			replies: []prompter.Reply{changeOne, {Index: 5}, {Index: 1}, changeOne, {Index: 5}, {Index: 3}, {Index: 2}, score},
			want:    map[string]string{"certification.ahima": "passed", "certification.credential": "cca"},
			wantOut: []string{"(“Which AHIMA credential did you earn?” applies now.)"},
			saves:   2,
		},
		{
			name:    "a rating changed starts on its current value",
			replies: []prompter.Reply{changeOne, {Index: 8}, {Rating: 2}, score},
			want:    map[string]string{"skills.clinical-knowledge": "2"},
			wantOut: []string{"How strong is your clinical knowledge? — 2\u00a0of\u00a05"},
			saves:   1,
		},
		{
			name:    "back to the review changes nothing",
			replies: []prompter.Reply{changeOne, {Index: 20}, score},
			want:    map[string]string{"education.level": "associate"},
			wantOut: []string{"20. Name for the report — (none)"},
		},
		{
			name: "an optional answer skipped shows as skipped and can be answered again",
			// change entry 3 (enrolled?) to Skip (its fourth option): the accredited question, which
			// hangs on it, is asked again (kept: yes); then to "Yes, enrolled now": the program's
			// level applies now (associate's), and the accredited question is asked again (yes)
			replies: []prompter.Reply{changeOne, {Index: 2}, {Index: 3}, {Index: 0}, changeOne, {Index: 2}, {Index: 1}, {Index: 0}, {Index: 0}, score},
			want:    map[string]string{"education.program": "yes", "education.program-level": "associate"},
			wantOut: []string{"3. Are you enrolled in a health information program now? (optional) — (skipped)\n",
				"3. Are you enrolled in a health information program now? (optional) — Yes, enrolled now\n"},
			saves: 2,
		},
		{
			name:    "the name can be given in the review",
			replies: []prompter.Reply{changeOne, {Index: 19}, {Text: "Jordan\x1b[31m Rivera"}, score},
			wantOut: []string{"20. Name for the report — Jordan[31m Rivera"},
			saves:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bank := loadBank(t)
			answers := complete(t, bank)
			var out bytes.Buffer
			saves := 0
			fake := &prompter.Fake{Replies: tt.replies}
			err := Review(fake, bank, answers, Options{Out: &out, Width: 200, AskName: true,
				Answered: func(*questions.Answers) error { saves++; return nil }})
			if err != nil {
				t.Fatal(err)
			}
			if len(fake.Replies) != 0 {
				t.Errorf("%d replies left over; asked %+v", len(fake.Replies), fake.Asked)
			}
			for id, w := range tt.want {
				got, ok := answers.Get(id)
				if w == "" && ok {
					t.Errorf("%s = %q, want it dropped", id, got)
				} else if w != "" && got.String() != w {
					t.Errorf("%s = %q, want %q", id, got, w)
				}
			}
			if err := bank.CheckConsistency(answers); err != nil {
				t.Errorf("the review left inconsistent answers: %v", err)
			}
			if open := bank.Open(answers); len(open) != 0 {
				t.Errorf("the review left %s open", open[0].ID)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("review lacks %q:\n%s", w, out.String())
				}
			}
			if saves != tt.saves {
				t.Errorf("answers handed over %d times, want %d", saves, tt.saves)
			}
			if strings.Contains(out.String(), "\x1b") {
				t.Error("a control character reached the terminal")
			}
			for _, a := range fake.Asked {
				if a.Message == "Which answer do you want to change?" && a.Options[len(a.Options)-1] != "Back to the review" {
					t.Errorf("no way back from %q: %q", a.Message, a.Options)
				}
				if a.Message == "Change: What is the highest level of education you have completed?" && a.Default != 3 {
					t.Errorf("the changed level starts on %d, want the current answer (3)", a.Default)
				}
				if a.Kind == "rating" && a.Default != 4 {
					t.Errorf("the changed rating starts on %d, want the current answer (4)", a.Default)
				}
			}
		})
	}
}

func TestEmptyMultiSelectIsConfirmed(t *testing.T) {
	bank := loadBank(t)
	q, _ := bank.Question("coursework")
	tests := []struct {
		name    string
		replies []prompter.Reply
		want    []string
		asked   int
	}{
		{"ticked: no confirmation", []prompter.Reply{{Indices: []int{4}}}, []string{"statistics"}, 1},
		{"none, confirmed", []prompter.Reply{{}, {Index: 1}}, nil, 2},
		{"none, then choose again", []prompter.Reply{{}, {Index: 0}, {Indices: []int{0, 5}}}, []string{"anatomy", "database-management"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &prompter.Fake{Replies: tt.replies}
			ans, err := ask(fake, i18n.For(i18n.English), q, "topics", nil, 80)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ans.Choices, tt.want) && !(len(ans.Choices) == 0 && len(tt.want) == 0) {
				t.Errorf("choices %v, want %v", ans.Choices, tt.want)
			}
			if len(fake.Asked) != tt.asked {
				t.Fatalf("asked %d prompts, want %d", len(fake.Asked), tt.asked)
			}
			if tt.asked > 1 {
				c := fake.Asked[1]
				if c.Kind != "select" || !strings.Contains(c.Message, "none of the options") || c.Default != 0 ||
					!slices.Equal(c.Options, []string{"Choose again", "None of them: that is my answer"}) {
					t.Errorf("confirmation: %+v", c)
				}
			}
		})
	}
}

func TestRatingsStartInTheMiddle(t *testing.T) {
	bank := loadBank(t)
	fake := &prompter.Fake{Replies: replies(3, 0, []int{0}, 3, 0, 1)}
	if err := Run(fake, bank, questions.NewAnswers(), Options{}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range fake.Asked {
		if a.Kind == "rating" {
			n++
			if a.Default != 3 {
				t.Errorf("%s starts on %d, want 3", a.Message, a.Default)
			}
		}
		if a.Kind == "select" && a.Default != -1 {
			t.Errorf("%s preselects %d; a first answer is never preselected", a.Message, a.Default)
		}
	}
	if n != 10 {
		t.Errorf("%d ratings asked, want 10", n)
	}
}

func TestCountChangesOnlyWithAReason(t *testing.T) {
	bank := loadBank(t)
	var out bytes.Buffer
	fake := &prompter.Fake{Replies: append(replies(1, -1, []int{0}, 0, -1, 3), prompter.Reply{Text: "Sam"})}
	answers := questions.NewAnswers()
	if err := Run(fake, bank, answers, Options{Out: &out, Width: 200, AskName: true}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"At most 22 questions to answer",
		"(21 questions in all now: “In which field is your highest degree?” does not apply to you.)\n",
		"(20 questions in all now: “Which health information program have you completed, if any? (optional)” does not apply to you.)\n",
		"(19 questions in all now: “At which level is the program you are enrolled in? (optional)” does not apply to you.)\n",
		"(18 questions in all now: “Is your health information program accredited by CAHIIM?",
		"(17 questions in all now: “Which AHIMA credential did you earn?” does not apply to you.)\n",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q:\n%s", w, out.String())
		}
	}
	last := fake.Asked[len(fake.Asked)-1]
	if last.Kind != "input" || last.Message != "[17/17] Your name for the report (optional)" {
		t.Errorf("last prompt: %+v", last)
	}
	if answers.Respondent != "Sam" {
		t.Errorf("respondent %q", answers.Respondent)
	}
}

// A name typed or pasted with characters an answers file refuses (a zero-width space, a bidi
// mark, ESC) keeps its letters and loses those, so the saved file reads back.
func TestNameDropsWhatAnAnswersFileRefuses(t *testing.T) {
	bank := loadBank(t)
	fake := &prompter.Fake{Replies: append(replies(1, -1, []int{0}, 0, -1, 3), prompter.Reply{Text: "\u200bSam\u200f O\u00adkafor\x1b[2J\ufeff"})}
	answers := questions.NewAnswers()
	if err := Run(fake, bank, answers, Options{Out: &bytes.Buffer{}, Width: 200, AskName: true}); err != nil {
		t.Fatal(err)
	}
	if answers.Respondent != "Sam Okafor[2J" {
		t.Errorf("respondent %q", answers.Respondent)
	}
}

// Lowering the degree below the health information program completed asks that question again,
// offering only what the new degree allows; nothing contradictory is kept.
func TestReviewReasksAProgramAboveTheDegree(t *testing.T) {
	bank := loadBank(t)
	answers := questions.NewAnswers()
	for id, v := range map[string]string{"education.level": "bachelor", "education.field": "other", "education.him": "bachelor",
		"education.program": "no", "education.accredited": "yes", "certification.ahima": "none", "experience.coding": "none"} {
		answers.Set(id, questions.OneOfAnswer(v))
	}
	answers.Set("coursework", questions.AnyOfAnswer())
	for _, q := range bank.Questions {
		if q.Kind == questions.Rating {
			answers.Set(q.ID, questions.RatingAnswer(4))
		}
	}
	var out bytes.Buffer
	// change entry 1 (level) to associate (index 3); the field, which hangs on it, is asked
	// again (kept: other); then the program again: index 1 is the associate's program among the
	// two offered; then the accredited question, which hangs on the program (kept: yes).
	fake := &prompter.Fake{Replies: []prompter.Reply{changeOne, {Index: 0}, {Index: 3}, {Index: 2}, {Index: 1}, {Index: 0}, score}}
	if err := Review(fake, bank, answers, Options{Out: &out, Width: 200}); err != nil {
		t.Fatal(err)
	}
	if got, _ := answers.Get("education.him"); got.Choice != "associate" {
		t.Errorf("education.him = %q, want associate", got.Choice)
	}
	if err := bank.CheckConsistency(answers); err != nil {
		t.Errorf("the review left contradictory answers: %v", err)
	}
	var offered []string
	for _, a := range fake.Asked {
		if strings.HasPrefix(a.Message, "Which health information program") {
			offered = a.Options
		}
	}
	if !slices.Equal(offered, []string{"None", "An HIT or HIM associate's program", "Skip (leave it unanswered)"}) {
		t.Errorf("offered %q", offered)
	}
	if !strings.Contains(out.String(), "your answer no longer fits; choose again") {
		t.Errorf("no word of why the question is asked again:\n%s", out.String())
	}
}

// The list to pick an answer to change from holds every answer whole, however narrow the
// terminal: both prompters wrap a long option (issue 17, item 17: it was cut short).
func TestTheListOfAnswersToChangeIsNotCut(t *testing.T) {
	bank := loadBank(t)
	answers := complete(t, bank)
	answers.Set("coursework", questions.AnyOfAnswer("anatomy", "physiology", "medical-terminology", "medical-coding", "statistics", "database-management"))
	fake := &prompter.Fake{Replies: []prompter.Reply{changeOne, {Index: 20}, score}}
	if err := Review(fake, bank, answers, Options{Width: 60, AskName: true}); err != nil {
		t.Fatal(err)
	}
	for _, a := range fake.Asked {
		if a.Message != i18n.For(i18n.English).T("session.review.which") {
			continue
		}
		for _, o := range a.Options {
			if strings.Contains(o, "…") {
				t.Errorf("an option is cut: %q", o)
			}
		}
		if !slices.ContainsFunc(a.Options, func(o string) bool { return strings.HasSuffix(o, "Statistics, Database management") }) {
			t.Errorf("the coursework is not there whole: %q", a.Options)
		}
	}
}
