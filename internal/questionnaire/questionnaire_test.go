package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prompter"
	"github.com/hitready/hitready/questions"
)

func loadBank(t *testing.T) *questions.Bank {
	t.Helper()
	b, err := questions.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// confirmNone answers "None of them: that is my answer" to the question that follows an empty
// multi-choice answer.
var confirmNone = prompter.Reply{Index: 1}

// replies scripts a session: the level, the field if asked, not enrolled in a program, an
// accredited program when the field is HIT (index 0, which asks that question), the coursework
// (and the confirmation of none), the exam stage, the credential if asked, no coding work, ten
// ratings and the optional work settings.
func replies(level, field int, courses []int, exam, credential int, rating int) []prompter.Reply {
	r := []prompter.Reply{{Index: level}}
	if field >= 0 {
		r = append(r, prompter.Reply{Index: field})
	}
	r = append(r, prompter.Reply{Index: 0}) // education.program: no
	if field == 0 {
		r = append(r, prompter.Reply{Index: 0}) // education.accredited: yes
	}
	r = append(r, prompter.Reply{Indices: courses})
	if len(courses) == 0 {
		r = append(r, confirmNone)
	}
	r = append(r, prompter.Reply{Index: exam})
	if credential >= 0 {
		r = append(r, prompter.Reply{Index: credential})
	}
	r = append(r, prompter.Reply{Index: 0}) // experience.coding: none
	for range 10 {
		r = append(r, prompter.Reply{Rating: rating})
	}
	return append(r, prompter.Reply{Indices: []int{0, 2}}) // the optional work settings
}

func TestFlow(t *testing.T) {
	tests := []struct {
		name      string
		given     map[string]questions.Answer
		replies   []prompter.Reply
		wantAsked []string // "[n/total] " prefixes and the start of each question, in order
		want      map[string]string
	}{
		{
			name:    "associate in HIT with RHIT: every question, in bank order",
			replies: replies(3, 0, []int{0, 2}, 3, 0, 4),
			wantAsked: []string{"[1/21] What is the highest", "[2/21] In which field", "[3/20] Are you enrolled", "[4/19] Is your health information program accredited",
				"[5/19] Which of these topics", "[6/19] Where are you with an AHIMA", "[7/19] Which AHIMA credential", "[8/19] How much medical coding",
				"[9/19] How strong is your clinical", "[10/19] How well do you understand reimbursement", "[11/19]", "[12/19]", "[13/19]", "[14/19]",
				"[15/19]", "[16/19]", "[17/19]", "[18/19] How strong are your computer skills", "[19/19] Where would you like to work? (optional)"},
			want: map[string]string{"education.level": "associate", "education.field": "hit", "coursework": "anatomy,medical-terminology",
				"certification.ahima": "passed", "certification.credential": "rhit", "skills.computer": "4",
				"work.settings": "hospitals,physicians-offices"},
		},
		{
			name:    "high school, no exam: the field and credential are skipped and the total shrinks",
			replies: replies(1, -1, nil, 0, -1, 2),
			wantAsked: []string{"[1/21] What is the highest", "[2/19] Are you enrolled", "[3/17] Which of these topics", "You chose none",
				"[4/17] Where are you with an AHIMA", "[5/16] How much medical coding", "[6/16] How strong is your clinical", "[7/16]", "[8/16]",
				"[9/16]", "[10/16]", "[11/16]", "[12/16]", "[13/16]", "[14/16]", "[15/16]", "[16/16] Where would you like to work"},
			want: map[string]string{"education.level": "high-school", "coursework": "", "certification.ahima": "none", "skills.empathy": "2"},
		},
		{
			name: "answers already given are not asked again, and the count goes on from them",
			given: map[string]questions.Answer{"education.level": questions.OneOfAnswer("bachelor"), "coursework": questions.AnyOfAnswer(),
				"skills.empathy": questions.RatingAnswer(5), "skills.ethics": questions.RatingAnswer(5)},
			replies: []prompter.Reply{{Index: 1}, {Index: 0}, {Index: 0}, {Index: 2}, {Index: 0}, {Rating: 3}, {Rating: 3}, {Rating: 3}, {Rating: 3}, {Rating: 3},
				{Rating: 3}, {Rating: 3}, {Rating: 3}, {}, confirmNone},
			// The count goes on from the four answered.
			wantAsked: []string{"[5/21] In which field", "[6/21] Which health information program", "[7/21] Are you enrolled", "[8/19] Where are you with an AHIMA",
				"[9/18] How much medical coding", "[10/18] How strong is your clinical", "[11/18] How well do you understand reimbursement", "[12/18] How calm", "[13/18]",
				"[14/18]", "[15/18]", "[16/18]", "[17/18]", "[18/18] Where would you like to work", "You chose none"},
			want: map[string]string{"education.level": "bachelor", "education.field": "related", "education.him": "none", "certification.ahima": "scheduled",
				"skills.empathy": "5", "skills.composure": "3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bank := loadBank(t)
			answers := questions.NewAnswers()
			for id, a := range tt.given {
				answers.Set(id, a)
			}
			fake := &prompter.Fake{Replies: tt.replies}
			var snapshots []int
			err := Run(fake, bank, answers, Options{Answered: func(a *questions.Answers) error {
				snapshots = append(snapshots, a.Len())
				return nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			if len(fake.Replies) != 0 {
				t.Errorf("%d scripted replies left over", len(fake.Replies))
			}
			if len(fake.Asked) != len(tt.wantAsked) {
				t.Fatalf("asked %d questions, want %d: %v", len(fake.Asked), len(tt.wantAsked), fake.Asked)
			}
			for i, w := range tt.wantAsked {
				if !strings.HasPrefix(fake.Asked[i].Message, w) {
					t.Errorf("question %d is %q, want it to start with %q", i+1, fake.Asked[i].Message, w)
				}
			}
			for id, w := range tt.want {
				got, ok := answers.Get(id)
				if !ok || got.String() != w {
					t.Errorf("%s = %q (%v), want %q", id, got.String(), ok, w)
				}
			}
			if open := bank.Open(answers); len(open) != 0 {
				t.Errorf("questions left open: %v", open[0].ID)
			}
			// The answers were handed over after every single answer, one more each time.
			for i, n := range snapshots {
				if n != len(tt.given)+i+1 {
					t.Fatalf("snapshot %d held %d answers: %v", i, n, snapshots)
				}
			}
			questionsAsked := 0 // confirmations of an empty choice are not answers
			for _, w := range tt.wantAsked {
				if strings.HasPrefix(w, "[") {
					questionsAsked++
				}
			}
			if len(snapshots) != questionsAsked {
				t.Errorf("%d snapshots for %d answers", len(snapshots), len(tt.wantAsked))
			}
		})
	}
}

func TestInterruptKeepsWhatWasAnswered(t *testing.T) {
	bank := loadBank(t)
	answers := questions.NewAnswers()
	fake := &prompter.Fake{Replies: []prompter.Reply{{Index: 4}, {Index: 1}, {Err: prompter.ErrInterrupted}}}
	var last *questions.Answers
	err := Run(fake, bank, answers, Options{Answered: func(a *questions.Answers) error {
		last = a.Clone()
		return nil
	}})
	if !errors.Is(err, prompter.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	if last == nil || last.Len() != 2 {
		t.Fatalf("last snapshot = %v, want the two answers given", last)
	}
	if a, _ := last.Get("education.field"); a.Choice != "related" {
		t.Errorf("education.field = %q", a.Choice)
	}
	if _, ok := answers.Get("coursework"); ok {
		t.Error("the interrupted question was recorded")
	}
}

func TestSaveFailureStopsTheSession(t *testing.T) {
	bank := loadBank(t)
	fake := &prompter.Fake{Replies: replies(3, 0, nil, 3, 0, 4)}
	boom := fmt.Errorf("disk full")
	err := Run(fake, bank, questions.NewAnswers(), Options{Answered: func(*questions.Answers) error { return boom }})
	if !errors.Is(err, boom) || len(fake.Asked) != 1 {
		t.Errorf("err = %v after %d questions; the caller's error must stop the session at once", err, len(fake.Asked))
	}
}

func TestWhatThePersonSees(t *testing.T) {
	bank := loadBank(t)
	var out bytes.Buffer
	fake := &prompter.Fake{Replies: replies(3, 0, []int{0}, 3, 0, 4)}
	// Wide enough that no intro wraps; wrapping has its own test.
	if err := Run(fake, bank, questions.NewAnswers(), Options{Out: &out, Width: 1000}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.HasPrefix(text, "At most 21 questions to answer (some apply only after certain answers). Type ? for why") {
		t.Errorf("opening line: %q", strings.SplitN(text, "\n", 2)[0])
	}
	// One intro per section, in order, each with why it matters and the source.
	var order []int
	for _, s := range bank.Sections {
		intro := s.Title + ": " + s.Intro + " (source: Becoming a Health Information Technician)"
		if strings.Count(text, intro) != 1 {
			t.Errorf("intro of %s shown %d times:\n%s", s.ID, strings.Count(text, intro), text)
		}
		order = append(order, strings.Index(text, intro))
	}
	if !slices.IsSorted(order) {
		t.Errorf("intros out of order: %v", order)
	}
	// "?" shows the help and the source sentence; a rating says what its ends mean.
	first := fake.Asked[0]
	if !strings.Contains(first.Help, "Why it matters: \u201cIn order to become a Health Information Technician") {
		t.Errorf("help of the first question: %q", first.Help)
	}
	if !slices.Contains(first.Options, "Associate's degree (2 years)") {
		t.Errorf("options are not the bank's labels: %v", first.Options)
	}
	empathy := fake.Asked[10]
	if empathy.Kind != "rating" || !strings.Contains(empathy.Message, "empathy") ||
		empathy.Options[0] != "I find it hard to see things from a patient's side" ||
		empathy.Options[4] != "Patients and colleagues come to me when they are upset" {
		t.Errorf("rating question: %+v", empathy)
	}
}

func TestNothingToAsk(t *testing.T) {
	bank := loadBank(t)
	answers := questions.NewAnswers()
	fake := &prompter.Fake{Replies: replies(3, 0, nil, 3, 0, 4)}
	if err := Run(fake, bank, answers, Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	again := &prompter.Fake{}
	if err := Run(again, bank, answers, Options{Out: &out}); err != nil || len(again.Asked) != 0 || out.Len() != 0 {
		t.Errorf("a complete set was asked again: %v %v %q", err, again.Asked, out.String())
	}
}

// Every optional question offers prompter.SkipOption last; skipped, it stays unanswered, and a
// question that only it could have brought in is dropped from the count with a reason.
func TestOptionalQuestionsCanBeSkipped(t *testing.T) {
	bank := loadBank(t)
	skip := func(id string) prompter.Reply {
		q, _ := bank.Question(id)
		return prompter.Reply{Index: len(q.Values)}
	}
	r := []prompter.Reply{{Index: 0}, skip("education.program"), {Indices: []int{0}}, {Index: 0}, skip("experience.coding")}
	for range 10 {
		r = append(r, prompter.Reply{Rating: 3})
	}
	r = append(r, prompter.Reply{}, prompter.Reply{Index: 2}) // work settings: nothing chosen, then Skip
	fake := &prompter.Fake{Replies: r}
	answers := questions.NewAnswers()
	var out bytes.Buffer
	if err := Run(fake, bank, answers, Options{Out: &out, Width: 200}); err != nil {
		t.Fatal(err)
	}
	if len(fake.Replies) != 0 {
		t.Errorf("%d replies left over", len(fake.Replies))
	}
	for _, id := range []string{"education.program", "education.accredited", "experience.coding", "work.settings"} {
		if a, ok := answers.Get(id); ok {
			t.Errorf("%s = %q, want it unanswered", id, a)
		}
	}
	if open := bank.Open(answers); len(open) != 0 {
		t.Errorf("%s left open", open[0].ID)
	}
	for _, a := range fake.Asked {
		q := strings.Contains(a.Message, "(optional)")
		hasSkip := len(a.Options) > 0 && a.Options[len(a.Options)-1] == prompter.SkipOption(i18n.English)
		if a.Kind == "select" && q != hasSkip && !strings.HasPrefix(a.Message, "You chose none") {
			t.Errorf("%q: options %q; Skip offered %v, optional %v", a.Message, a.Options, hasSkip, q)
		}
	}
	if w := "(17 questions in all now: “Is your health information program accredited by CAHIIM? (optional)” does not apply to you.)"; !strings.Contains(out.String(), w) {
		t.Errorf("output lacks %q:\n%s", w, out.String())
	}
	for _, a := range fake.Asked {
		if a.Kind != "multiselect" {
			continue
		}
		optional := strings.Contains(a.Message, "(optional)")
		if n := strings.Count(strings.ToLower(a.Help), "pick none"); n != map[bool]int{true: 0, false: 1}[optional] {
			t.Errorf("%q: help says \"pick none\" %d times:\n%s", a.Message, n, a.Help)
		}
		if optional != strings.HasSuffix(a.Help, "Choose nothing and press Enter to skip it.") {
			t.Errorf("%q: help does not say how to skip:\n%s", a.Message, a.Help)
		}
	}
	last := fake.Asked[len(fake.Asked)-1]
	if !slices.Equal(last.Options, []string{"Choose again", "None of them: that is my answer", prompter.SkipOption(i18n.English)}) || last.Default != -1 {
		t.Errorf("the confirmation of an optional list: %+v", last)
	}
}

// A question skipped is kept as skipped: handed over like an answer, and a session resumed on the
// same answers neither asks it again nor starts its count over (issue 17, item 17).
func TestASkipIsKeptAndTheCountGoesOn(t *testing.T) {
	bank := loadBank(t)
	q, _ := bank.Question("education.program")
	answers := questions.NewAnswers()
	handed := 0
	// Level (associate), field (hit), then Skip the enrolment question, then stop.
	first := &prompter.Fake{Replies: []prompter.Reply{{Index: 3}, {Index: 0}, {Index: len(q.Values)}, {Err: prompter.ErrInterrupted}}}
	err := Run(first, bank, answers, Options{Answered: func(*questions.Answers) error { handed++; return nil }})
	if !errors.Is(err, prompter.ErrInterrupted) || handed != 3 || !answers.Skipped("education.program") {
		t.Fatalf("err %v, handed over %d times, skipped %v", err, handed, answers.Skipped("education.program"))
	}
	second := &prompter.Fake{Replies: []prompter.Reply{{Err: prompter.ErrInterrupted}}}
	var out bytes.Buffer
	Run(second, bank, answers, Options{Out: &out, Width: 200})
	if got := second.Asked[0].Message; !strings.HasPrefix(got, "[4/19] Is your health information program accredited") {
		t.Errorf("the resumed session asks %q first", got)
	}
	if !strings.HasPrefix(out.String(), "3 of at most 19 questions answered already; the rest now") {
		t.Errorf("opening line:\n%s", out.String())
	}
}

// Changing the level of education asks again the field of study, which was about the old degree,
// starting on its answer; the same level chosen again asks nothing more (issue 17, item 17).
func TestAChangedAnswerAsksAgainWhatHangsOnIt(t *testing.T) {
	bank := loadBank(t)
	for _, tt := range []struct {
		name    string
		level   int
		replies []prompter.Reply
		asked   []string
	}{
		// The field, now related, asks which health information program (none), and rules out
		// the accredited question: its answer is dropped.
		{"associate to bachelor", 4, []prompter.Reply{{Index: 1}, {Index: 0}}, []string{"Change: What is the highest", "In which field", "Which health information program"}},
		{"associate again", 3, nil, []string{"Change: What is the highest"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			answers := complete(t, bank)
			// Change entry 1 (the level), then what the case asks.
			replies := append([]prompter.Reply{changeOne, {Index: 0}, {Index: tt.level}}, tt.replies...)
			fake := &prompter.Fake{Replies: append(replies, score)}
			var out bytes.Buffer
			if err := Review(fake, bank, answers, Options{Out: &out, Width: 200}); err != nil {
				t.Fatal(err)
			}
			var asked []string
			for _, a := range fake.Asked {
				if a.Message != i18n.For(i18n.English).T("session.review.question") && a.Message != i18n.For(i18n.English).T("session.review.which") {
					asked = append(asked, a.Message)
				}
			}
			if len(asked) != len(tt.asked) {
				t.Fatalf("asked %q, want %q", asked, tt.asked)
			}
			for i, w := range tt.asked {
				if !strings.HasPrefix(asked[i], w) {
					t.Errorf("question %d is %q, want %q", i+1, asked[i], w)
				}
			}
			if len(tt.replies) == 0 {
				return
			}
			if field, _ := answers.Get("education.field"); field.Choice != "related" {
				t.Errorf("field %q, want related", field.Choice)
			}
			if want := "(You changed “What is the highest level of education you have completed?”: is your answer to “In which field is your highest degree?” still right?)"; !strings.Contains(out.String(), want) {
				t.Errorf("output lacks %q:\n%s", want, out.String())
			}
			for _, a := range fake.Asked {
				if strings.HasPrefix(a.Message, "In which field") && a.Default != 0 {
					t.Errorf("the field starts on %d, want its answer (0, hit)", a.Default)
				}
			}
		})
	}
}
