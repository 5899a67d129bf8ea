package i18n

import (
	"slices"
	"testing"
)

func TestLeaks(t *testing.T) {
	tests := []struct {
		text  string
		allow []string
		want  []string
	}{
		{"⟦Ready⟧", nil, nil},
		{"⟦Score⟧: 91.5 / 100", nil, nil},
		{"Score: 91.5", nil, []string{"Score"}},
		{"⟦Gaps: ⟦minor⟧ and more⟧ then", nil, []string{"then"}},
		{"│ ⟦Area⟧ │ ████░░ 80% │", nil, nil},
		{"⟦Why⟧: “to pass an exam from AHIMA” (seed)", nil, []string{"seed"}},
		{"hitready assess --answers me.yaml --format=json", nil, []string{"assess"}},
		{"hitready assess", []string{"assess"}, nil},
		{"education.level skills.computer=4 not-ready high-school answers/ C:\\x\\a.yaml https://cahiim.org", nil, nil},
		{"RHIT, RHIA, CCS-P, ICD-10; HIPAA. CCAs", nil, nil},
		{"⟦Usage⟧:\n  hitready [⟦command⟧]\n\nRun it", nil, []string{"Run", "it"}},
		{"Jordan Rivera: ⟦ready⟧", []string{"Jordan", "Rivera"}, nil},
		{"español ⟦sí⟧", nil, []string{"español"}},
		{"A", nil, []string{"A"}},
		{`a.yaml,education.level,⟦ȧlwȧẏs⟧,false,"⟦Whȧt⟧"`, nil, []string{"false"}},
		{"│ Ready │ don't │", nil, []string{"Ready", "don't"}},
		// A text wrapped in a table's cell: the marker opens on one line and closes on the
		// next, with other cells between; its letters tell it apart.
		{"⟦Whǐch ȯf thėsė   │ none, high-school\n tȯpǐcs?⟧          │ Tick one", []string{"none"}, []string{"Tick", "one"}},
		{"⟦Ȧssėss\nyȯǔr⟧ score", nil, []string{"score"}},
	}
	for _, tt := range tests {
		if got := Leaks(tt.text, tt.allow...); !slices.Equal(got, tt.want) {
			t.Errorf("Leaks(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
