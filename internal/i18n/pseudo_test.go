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
		{"Spanish ⟦sí⟧", nil, []string{"Spanish"}},
		{"A", nil, []string{"A"}},
		{`a.yaml,education.level,⟦ȧlwȧẏs⟧,false,"⟦Whȧt⟧"`, nil, []string{"false"}},
		{"│ Ready │ don't │", nil, []string{"Ready", "don't"}},
		// A text wrapped in a table's cell: the marker opens on one line and closes on the
		// next, with other cells between; its letters tell it apart.
		{"⟦Ŵħǐçħ ȯf ţħėşė   │ none, high-school\n ţȯpǐçş?⟧          │ Tick one", []string{"none"}, []string{"Tick", "one"}},
		{"⟦Ȧşşėşş\nẏȯǔŕ⟧ score", nil, []string{"score"}},
		{"⟦şţȯp ŵǐţħ\nÇţŕĺ-Ç⟧", nil, nil},
	}
	for _, tt := range tests {
		if got := Leaks(tt.text, tt.allow...); !slices.Equal(got, tt.want) {
			t.Errorf("Leaks(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
