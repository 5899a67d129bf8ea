package iostreams

import "testing"

// Prompting needs both ends of the conversation on a terminal; colour needs standard output on
// one and the person's consent. These rules decide whether hitready may ever hang or print
// escape codes into a file.
func TestWhenToPromptAndColour(t *testing.T) {
	tests := []struct {
		in, out, err, noInput, noColor, dumb bool
		wantPrompt, wantColour               bool
	}{
		{in: true, out: true, err: true, wantPrompt: true, wantColour: true},
		{in: true, out: false, err: true, wantPrompt: true, wantColour: false}, // assess > report.json
		{in: false, out: true, err: true, wantPrompt: false, wantColour: true}, // answers piped in
		{in: true, out: true, err: false, wantPrompt: false, wantColour: true}, // 2> log
		{in: true, out: true, err: true, noInput: true, wantPrompt: false, wantColour: true},
		{in: true, out: true, err: true, noColor: true, wantPrompt: true, wantColour: false},
		{in: true, out: true, err: true, dumb: true, wantPrompt: true, wantColour: false},
	}
	for i, tt := range tests {
		s, _, _, _ := Test()
		s.SetStdinTTY(tt.in)
		s.SetStdoutTTY(tt.out)
		s.SetStderrTTY(tt.err)
		s.SetNoInput(tt.noInput)
		s.SetNoColor(tt.noColor)
		s.SetDumbTerminal(tt.dumb)
		if s.CanPrompt() != tt.wantPrompt || s.ColorEnabled() != tt.wantColour {
			t.Errorf("case %d: prompt %v colour %v, want %v %v", i, s.CanPrompt(), s.ColorEnabled(), tt.wantPrompt, tt.wantColour)
		}
	}
	if s, _, _, _ := Test(); s.CanPrompt() || s.ColorEnabled() || s.TerminalWidth() != DefaultWidth {
		t.Error("test streams must behave as pipes")
	}
}

// Off a terminal, the width is COLUMNS when it is a positive number, else DefaultWidth.
func TestTerminalWidthFallsBackToColumns(t *testing.T) {
	tests := []struct {
		columns string
		want    int
	}{{"100", 100}, {"60", 60}, {"", DefaultWidth}, {"wide", DefaultWidth}, {"-5", DefaultWidth}, {"0", DefaultWidth}}
	for _, tt := range tests {
		t.Setenv("COLUMNS", tt.columns)
		s := System()
		if s.IsStdoutTTY() {
			t.Skip("standard output is a terminal; its size wins over COLUMNS")
		}
		if got := s.TerminalWidth(); got != tt.want {
			t.Errorf("COLUMNS=%q: width %d, want %d", tt.columns, got, tt.want)
		}
	}
	if len(tests) != 6 {
		t.Fatal("cases lost")
	}
}
