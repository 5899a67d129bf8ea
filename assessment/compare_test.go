package assessment

import (
	"testing"
)

func TestCompareSeverityChangesAndRespondents(t *testing.T) {
	gap := func(id string, s Severity) Gap { return Gap{ID: id, Requirement: id + " text", Severity: s} }
	old := Report{Respondent: "Jordan Rivera", Gaps: []Gap{gap("skills.empathy", Minor), gap("skills.ethics", Major), gap("coursework.statistics", Minor)}}
	tests := []struct {
		name        string
		respondent  string
		gaps        []Gap
		wantChanges []SeverityChange
		wantDiffer  bool
	}{
		{"same person, one gap worse, one better, one closed", " jordan rivera ",
			[]Gap{gap("skills.empathy", Major), gap("skills.ethics", Minor)},
			[]SeverityChange{{ID: "skills.empathy", Requirement: "skills.empathy text", Old: Minor, New: Major, Change: "worse"},
				{ID: "skills.ethics", Requirement: "skills.ethics text", Old: Major, New: Minor, Change: "better"}}, false},
		{"another person", "Sam Park", []Gap{gap("coursework.statistics", Minor)}, nil, true},
		{"no name on one side is no warning", "", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(old, Report{Respondent: tt.respondent, Gaps: tt.gaps})
			if c.DifferentRespondents != tt.wantDiffer {
				t.Errorf("DifferentRespondents = %v, want %v", c.DifferentRespondents, tt.wantDiffer)
			}
			if c.SeverityChanges == nil {
				t.Error("SeverityChanges is nil; JSON would print null")
			}
			if len(c.SeverityChanges) != len(tt.wantChanges) {
				t.Fatalf("changes %+v, want %+v", c.SeverityChanges, tt.wantChanges)
			}
			for i, w := range tt.wantChanges {
				if c.SeverityChanges[i] != w {
					t.Errorf("change %d = %+v, want %+v", i, c.SeverityChanges[i], w)
				}
			}
		})
	}
}
