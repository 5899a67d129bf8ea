package textsafe

import (
	"encoding/json"
	"testing"
)

// EscapeJSON leaves no control raw, and what it writes decodes to the same text: a rune beyond
// U+FFFF as its surrogate pair (\ue0041 would read back as U+E004 and "1").
func TestEscapeJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":"plain"}`, `{"a":"plain"}`},
		{`{"a":"Zoë — 李 🙂"}`, `{"a":"Zoë — 李 🙂"}`},
		{"{\"a\":\"x\u009b2J\u009c\"}", `{"a":"x\u009b2J\u009c"}`},
		{"{\"a\":\"nel\u0085del\x7f\"}", `{"a":"nel\u0085del\u007f"}`},
		{"{\"a\":\"\u200e\u200f\u061c\u202e\u2066\"}", `{"a":"\u200e\u200f\u061c\u202e\u2066"}`},
		{"[\"\u2028\",\"é\u0085é\"]", `["\u2028","é\u0085é"]`},
		{"{\"a\":\"tag\U000e0041\U000e007f\"}", `{"a":"tag\udb40\udc41\udb40\udc7f"}`},
	}
	for _, tt := range tests {
		got := EscapeJSON([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("EscapeJSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
		var before, after any
		if err := json.Unmarshal([]byte(tt.in), &before); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(got, &after); err != nil || !equalJSON(before, after) {
			t.Errorf("EscapeJSON(%q) reads back as %q (%v)", tt.in, after, err)
		}
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// Whatever the text, EscapeJSON of its encoding holds no control and decodes to the same text.
func FuzzEscapeJSON(f *testing.F) {
	for _, seed := range []string{"", "plain", "\u0085\u2028\u202e", "\U000e0041x", "\xff\u009b", "🙂\u200d"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		js, _ := json.Marshal(s)
		out := EscapeJSON(js)
		if r, bad := Unsafe(string(out)); bad {
			t.Fatalf("EscapeJSON(%q) = %q holds %q", js, out, r)
		}
		var back, want string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(js, &want)
		if back != want {
			t.Fatalf("EscapeJSON(%q) = %q reads back as %q, want %q", js, out, back, want)
		}
	})
}
