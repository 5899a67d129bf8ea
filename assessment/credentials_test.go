package assessment

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

const reciprocity = "A graduate of a health information program abroad may qualify under an AHIMA reciprocity agreement"

// What stands between a person and a credential is said in sentences, worded for their answer:
// the nearest route's, the early route's when only one answer stands in its way, and the
// routes hitready cannot check last, sending the person to AHIMA.
func TestCredentialMissingSentences(t *testing.T) {
	bank, p := setup(t)
	tests := []struct {
		name    string
		answers []string
		id      string
		want    []string
	}{
		{"no degree", []string{"education.level=high-school"}, "rhit",
			[]string{"An associate's degree or higher from a health information program accredited by CAHIIM.", reciprocity}},
		{"HIT degree, program not accredited", []string{"education.level=associate", "education.field=hit", "education.accredited=no"}, "rhit",
			[]string{"Your program is not accredited by CAHIIM, so it does not lead to the RHIT.", reciprocity}},
		{"HIT degree, not sure", []string{"education.level=associate", "education.field=hit", "education.accredited=not-sure"}, "rhit",
			[]string{"Not sure your program is accredited? Look it up in CAHIIM's program directory (cahiim.org).", reciprocity}},
		{"enrolled in an unaccredited program", []string{"education.level=high-school", "education.program=yes", "education.program-level=associate", "education.accredited=no"}, "rhit",
			[]string{"An associate's degree or higher from a health information program accredited by CAHIIM.", "Your program is not accredited by CAHIIM, so it does not lead to the RHIT.", reciprocity}},
		{"enrolled in an accredited associate's, not in its last term yet", []string{"education.level=high-school", "education.program=yes", "education.program-level=associate", "education.accredited=yes"}, "rhit",
			[]string{"An associate's degree or higher", "In your program's last term (or once its course work is done) you may test early.", reciprocity}},
		{"a degree in another field, no health information program", []string{"education.level=bachelor", "education.field=other", "education.him=none", "education.program=no"}, "rhit",
			[]string{"An associate's or higher in health information technology or management, accredited by CAHIIM, completed.", reciprocity}},
		{"an associate's program beside another degree, for the RHIA", []string{"education.level=bachelor", "education.field=other", "education.him=associate", "education.accredited=yes"}, "rhia",
			[]string{"your associate's program leads to the RHIT.", reciprocity}},
		{"a certificate, for the RHIT", []string{"education.level=bachelor", "education.field=other", "education.him=certificate", "education.accredited=yes"}, "rhit",
			[]string{"a post-bachelor's certificate leads to the RHIA.", reciprocity}},
		{"final term of an associate's, for the RHIA: nothing about testing early", []string{"education.level=some-college", "education.program=final-term", "education.program-level=associate", "education.accredited=yes"}, "rhia",
			[]string{"A bachelor's or master's in health information management", reciprocity}},
		{"no diploma: the CCA", []string{"education.level=none"}, "cca", []string{"A high-school diploma or equivalent (such as the GED)."}},
		{"no diploma: the CCS, like the CCA", []string{"education.level=none"}, "ccs", []string{"A high-school diploma or equivalent (such as the GED)."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(p, answersOf(t, bank, tt.answers...))
			i := slices.IndexFunc(r.Credentials, func(c CredentialStatus) bool { return c.ID == tt.id })
			c := r.Credentials[i]
			if c.Status != NotYet || len(c.Missing) != len(tt.want) {
				t.Fatalf("%s: %s, missing %q", tt.id, c.Status, c.Missing)
			}
			for j, w := range tt.want {
				if !strings.Contains(c.Missing[j], w) {
					t.Errorf("missing[%d] = %q, want it to contain %q", j, c.Missing[j], w)
				}
			}
		})
	}
}

// Every eligibility rule of the embedded credentials cites a row of FACTS.md and its grade, and
// every rule that decides is graded P.
func TestEveryRuleCitesFactsAndGrade(t *testing.T) {
	_, p := setup(t)
	for _, c := range p.credentials.Credentials {
		for _, group := range [][]Route{c.Eligible, c.Early, c.Prepared, c.Unchecked} {
			for _, r := range group {
				if r.Facts == "" || r.Source == "" || r.Grade != GradePrimary {
					t.Errorf("%s: %q cites %q of FACTS.md, source %q, grade %q", c.ID, r.Text, r.Facts, r.Source, r.Grade)
				}
			}
		}
		if len(c.Reported) > 0 || c.Undecided != "" {
			t.Errorf("%s: rules as reported, superseded by AHIMA's own page (FACTS.md, corrections)", c.ID)
		}
	}
}

// The eligibility rules, each over thousands of generated people (answers to every optional
// question drawn too, or left out):
//   - the RHIT and the RHIA rest on the health information program, never on the field of the
//     highest degree: a person with a program completed keeps their status whatever field their
//     degree is in (related or other), and with a degree in the field, the program is the degree;
//   - early testing is at each level: the RHIT's for an associate's program, the RHIA's for a
//     bachelor's, master's or certificate, each only in the last term of an accredited program;
//   - the CCS is like the CCA: eligible with a diploma, held apart;
//   - prepared for the CCA means AHIMA's training (anatomy, physiology, terminology and coding
//     together) or six months of coding, never a coding course alone; for the CCS, the RHIT,
//     RHIA or CCS-P held, or two years of coding;
//   - a program abroad is named, for AHIMA to decide, to everyone not yet eligible for the RHIT
//     or the RHIA, and never decides.
func TestPropertyEligibilityRules(t *testing.T) {
	bank, p := setup(t)
	rng := rand.New(rand.NewPCG(16, 2026))
	people := 4000
	if testing.Short() {
		people = 400
	}
	counts := map[string]int{}
	for range people {
		a := cohort.Person(bank, rng)
		if rng.IntN(5) == 0 {
			for _, id := range []string{"education.him", "education.program-level", "education.accredited"} {
				a.Delete(id)
			}
		}
		checkEligibility(t, bank, p, a, counts)
		checkPrepared(t, p, a)
	}
	for _, reached := range []string{"rhit eligible", "rhit eligible-early", "rhia eligible", "rhia eligible-early", "rhit not-yet", "ccs eligible", "ccs held", "cca not-yet"} {
		if counts[reached] == 0 {
			t.Errorf("no generated person is %s: %v", reached, counts)
		}
	}
}

// choiceOf is the choice a gives to question id, "" when it gives none.
func choiceOf(a *questions.Answers, id string) string { ans, _ := a.Get(id); return ans.Choice }

// checkEligibility holds the RHIT, RHIA, CCA and CCS statuses of one person, a, to the rules of
// TestPropertyEligibilityRules, and counts each status reached.
func checkEligibility(t *testing.T, bank *questions.Bank, p *Profile, a *questions.Answers, counts map[string]int) {
	t.Helper()
	choice := choiceOf
	level, field, him := choice(a, "education.level"), choice(a, "education.field"), choice(a, "education.him")
	accredited := choice(a, "education.accredited") == "yes"
	held := choice(a, "certification.credential")
	// The program that counts: the degree, when it is in the field; else education.him.
	program := him
	if field == "hit" {
		program = level
	}
	lastTerm := choice(a, "education.program") == "final-term" && accredited
	pl := choice(a, "education.program-level")
	for _, want := range []struct {
		id              string
		eligible, early bool
	}{
		{"rhit", accredited && slices.Contains([]string{"associate", "bachelor", "master"}, program), lastTerm && pl == "associate"},
		{"rhia", accredited && slices.Contains([]string{"bachelor", "master", "certificate"}, program), lastTerm && slices.Contains([]string{"bachelor", "master", "certificate"}, pl)},
		{"cca", level != "none", false},
		{"ccs", level != "none", false},
	} {
		c, _ := p.credentials.Get(want.id)
		got := c.standing(bank, a)
		expect := NotYet
		switch {
		case held == want.id && choice(a, "certification.ahima") == "passed":
			expect = Held
		case want.eligible:
			expect = Eligible
		case want.early:
			expect = EligibleEarly
		}
		if got != expect {
			t.Fatalf("%s: %s, want %s, for %v", want.id, got, expect, describe(a))
		}
		counts[want.id+" "+string(got)]++
		if want.id == "rhit" || want.id == "rhia" {
			s := p.credentials.statuses(p, a)[slices.IndexFunc(p.credentials.Credentials, func(c Credential) bool { return c.ID == want.id })]
			if (got == NotYet) != slices.ContainsFunc(s.Missing, func(m string) bool { return strings.HasPrefix(m, reciprocity) }) {
				t.Fatalf("%s %s: missing %q", want.id, got, s.Missing)
			}
		}
	}
}

// checkPrepared holds whether one person, a, is prepared for the CCA and for the CCS to the
// rules of TestPropertyEligibilityRules.
func checkPrepared(t *testing.T, p *Profile, a *questions.Answers) {
	t.Helper()
	choice := choiceOf
	has := func(v string) bool { ans, _ := a.Get("coursework"); return ans.Has(v) }
	// Prepared, as AHIMA recommends.
	cca, _ := p.credentials.Get("cca")
	_, prepared := cca.prepared(a)
	training := has("anatomy") && has("physiology") && has("medical-terminology") && has("medical-coding")
	coding := choice(a, "experience.coding")
	if want := training || coding == "6-months-to-2-years" || coding == "2-years-or-more"; prepared != want {
		t.Fatalf("CCA prepared %v, want %v, for %v", prepared, want, describe(a))
	}
	ccs, _ := p.credentials.Get("ccs")
	_, prepared = ccs.prepared(a)
	credential := ""
	if choice(a, "certification.ahima") == "passed" {
		credential = choice(a, "certification.credential")
	}
	if want := slices.Contains([]string{"rhit", "rhia", "ccs-p"}, credential) || coding == "2-years-or-more"; prepared != want {
		t.Fatalf("CCS prepared %v, want %v, for %v", prepared, want, describe(a))
	}
}
