package textsafe

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"answers.yaml", "answers.yaml"},
		{`C:\Users\me\a.yaml`, `C:\Users\me\a.yaml`},
		{"Zoë Ünal — 李", "Zoë Ünal — 李"},
		{"a\nb.yaml", `a\nb.yaml`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a", `bell\a`},
		{"v\vt\tr\rf\fb\b", `v\vt\tr\rf\fb\b`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"nel\u0085csi\u009b", `nel\u0085csi\u009b`},
		{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
		{"rlo\u202eevil\u2066", `rlo\u202eevil\u2066`},
		{"lrm\u200erlm\u200falm\u061c.yaml", `lrm\u200erlm\u200falm\u061c.yaml`},
		// invisible format characters (category Cf): a name holding one looks like another
		{"zwj\u200dzwnj\u200czwsp\u200b", `zwj\u200dzwnj\u200czwsp\u200b`},
		{"wj\u2060bom\ufeffshy\u00admvs\u180e", `wj\u2060bom\ufeffshy\u00admvs\u180e`},
		{"iaa\ufff9iss\u206a.yaml", `iaa\ufff9iss\u206a.yaml`},
		{"tag\U000e0041\U000e007f", `tag\U000e0041\U000e007f`},
		{"a\u200b.yaml", `a\u200b.yaml`},
		{"عربي.yaml", "عربي.yaml"},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnsafe(t *testing.T) {
	tests := []struct {
		in   string
		want rune
		bad  bool
	}{
		{"Jane Doe", 0, false},
		{"Jane\x1b Doe", 0x1b, true},
		{"a\u2028", '\u2028', true},
		{"a\u0085", '\u0085', true},
		{"tab\there", '\t', true},
		{"x\xff", utf8.RuneError, true},
		{"\uFFFD is a real character", 0, false},
		{"Jane\u200f Doe", '\u200f', true},
		{"Jane\u200e Doe", '\u200e', true},
		{"\u061cJane", '\u061c', true},
		{"\u05d9\u05e2\u05dc \u0639\u0644\u064a", 0, false}, // right-to-left letters are text
		{"Jane\u200bDoe", '\u200b', true},
		{"Jane\u200dDoe", '\u200d', true},
		{"Jane\u200cDoe", '\u200c', true},
		{"Jane\u2060Doe", '\u2060', true},
		{"\ufeffJane", '\ufeff', true}, // a BOM inside text is refused; readers strip one at the start of a file
		{"Ja\u00adne", '\u00ad', true},
		{"Jane\u180e", '\u180e', true},
		{"Jane\ufff9", '\ufff9', true},
		{"Jane\u206a", '\u206a', true},
		{"Jane\U000e0041", '\U000e0041', true},
		{"Zoë Ünal — 李 ✓", 0, false},
	}
	for _, tt := range tests {
		r, bad := Unsafe(tt.in)
		if r != tt.want || bad != tt.bad {
			t.Errorf("Unsafe(%q) = %q, %v; want %q, %v", tt.in, r, bad, tt.want, tt.bad)
		}
	}
	if got := Describe('\x1b'); got != `\x1b (a control character)` {
		t.Errorf("Describe(ESC) = %q", got)
	}
	if got := Describe('\u200b'); got != `\u200b (an invisible format character)` {
		t.Errorf("Describe(ZWSP) = %q", got)
	}
	if got := Describe('\u202e'); got != `\u202e (a control character)` {
		t.Errorf("Describe(RLO) = %q", got)
	}
}

// Whatever the bytes, the escaped form carries no control rune, no format character (category
// Cf) and no invalid UTF-8, and clean text comes back unchanged.
func FuzzEscape(f *testing.F) {
	for _, seed := range []string{"", "plain.yaml", "a\nb", "\x1b]0;title\a", "\u0085\u2028\u202e", "\u200e\u200f\u061c", "\xff\xfe", `back\slash`, "\u200b\ufeff\u00ad\U000e0041"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if r, bad := Unsafe(out); bad {
			t.Fatalf("Escape(%q) = %q still holds %q", s, out, r)
		}
		for _, r := range out {
			if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
				t.Fatalf("Escape(%q) = %q still holds %U", s, out, r)
			}
		}
		if _, bad := Unsafe(s); !bad && out != s {
			t.Fatalf("Escape changed clean text %q to %q", s, out)
		}
	})
}
