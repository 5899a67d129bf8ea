package textsafe

import (
	"regexp"
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
		// Joiners inside a word or an emoji sequence are text: names people have hold them.
		{"مهسا\u200cرضایی", 0, false},                      // a Persian name, with a zero-width non-joiner
		{"Priya \U0001F469\u200d\U0001F4BB", 0, false},     // 👩‍💻
		{"\U0001F468\U0001F3FD\u200d\U0001F680", 0, false}, // 👨🏽‍🚀, a skin tone before the joiner
		{"\u2764\ufe0f\u200d\U0001F525", 0, false},         // ❤️‍🔥, a variation selector before it
		{"क्\u200dष", 0, false},                            // Devanagari: a half form
		// Anywhere else a joiner is only invisible; the bidi controls stay refused.
		{"\u200cمهسا", '\u200c', true},
		{"مهسا\u200c", '\u200c', true},
		{"مهسا \u200cرضایی", '\u200c', true},
		{"مهسا\u200c\u200cرضایی", '\u200c', true},
		{"مهسا\u200fرضایی", '\u200f', true},
		{"\xff\u200dب", utf8.RuneError, true},
	}
	for _, tt := range tests {
		r, bad := Unsafe(tt.in)
		if r != tt.want || bad != tt.bad {
			t.Errorf("Unsafe(%q) = %q, %v; want %q, %v", tt.in, r, bad, tt.want, tt.bad)
		}
	}
	for r, want := range map[rune]RuneClass{'\x1b': Control, '\u200b': Format, '\u202e': Control, '\u200d': Joiner, utf8.RuneError: NotUTF8} {
		if got := Classify(r); got != want {
			t.Errorf("Classify(%q) = %s, want %s", r, got, want)
		}
	}
}

// Whatever the bytes, the escaped form carries no control rune, no format character (category
// Cf) and no invalid UTF-8, and clean text comes back unchanged.
func FuzzEscape(f *testing.F) {
	for _, seed := range []string{"", "plain.yaml", "a\nb", "\x1b]0;title\a", "\u0085\u2028\u202e", "\u200e\u200f\u061c", "\xff\xfe", `back\slash`, "\u200b\ufeff\u00ad\U000e0041", "ب\u200cپ", "ب\x01\u200cپ", "👩\u200d💻"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if r, bad := Unsafe(out); bad {
			t.Fatalf("Escape(%q) = %q still holds %q", s, out, r)
		}
		for _, r := range out {
			if (unicode.Is(unicode.Cf, r) && r != '\u200c' && r != '\u200d') || unicode.IsControl(r) {
				t.Fatalf("Escape(%q) = %q still holds %U", s, out, r)
			}
		}
		if Clean(s) != Clean(Clean(s)) {
			t.Fatalf("Clean(%q) = %q is not clean", s, Clean(s))
		}
		if _, bad := Unsafe(Clean(s)); bad {
			t.Fatalf("Clean(%q) = %q holds what Unsafe refuses", s, Clean(s))
		}
		if _, bad := Unsafe(s); !bad && out != s {
			t.Fatalf("Escape changed clean text %q to %q", s, out)
		}
	})
}

// Escape and Clean keep a joiner that joins, and deal with one that does not.
func TestJoiners(t *testing.T) {
	for _, tt := range []struct{ in, escaped, clean string }{
		{"مهسا\u200cرضایی", "مهسا\u200cرضایی", "مهسا\u200cرضایی"},
		{"Jane\u200dDoe", `Jane\u200dDoe`, "JaneDoe"},
		{"ب\x01\u200cپ", `ب\x01\u200cپ`, "ب\u200cپ"}, // the control gone, the joiner joins
		{"ب \u200c", `ب \u200c`, "ب "},
	} {
		if got := Escape(tt.in); got != tt.escaped {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.escaped)
		}
		if got := Clean(tt.in); got != tt.clean {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.clean)
		}
	}
}

// Pattern matches exactly what Unsafe accepts: every rune alone, and joiners in and out of place.
func TestPatternAgreesWithUnsafe(t *testing.T) {
	re := regexp.MustCompile(Pattern())
	check := func(s string) {
		if _, bad := Unsafe(s); re.MatchString(s) == bad {
			t.Errorf("%q: Unsafe says bad=%v, the pattern matches=%v", s, bad, re.MatchString(s))
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // surrogates are not text
		}
		check(string(r))
		if r < 0x3100 || r%61 == 0 || IsControl(r) {
			check("ب" + string(r) + "\u200cپ") // r before a joiner
		}
	}
	for _, s := range []string{"", "مهسا\u200cرضایی", "👩\u200d💻", "👨🏽\u200d🚀", "❤️\u200d🔥", "क्\u200dष",
		"\u200cب", "ب\u200c", "ب \u200cپ", "ب\u200c\u200cپ", "Jane\u200dDoe", "ب\u200c\u00a0", "👩\u200d👩\u200d👧", "ab\u200d"} {
		check(s)
	}
}
