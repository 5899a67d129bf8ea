package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// --lang takes the languages hitready has, on every command, and refuses any other as bad usage
// naming them; without it the language the streams came with (the environment's) stands.
func TestLangFlag(t *testing.T) {
	tests := []struct {
		args    []string
		env     i18n.Lang // what HITREADY_LANG or the locale asked for
		code    int
		want    i18n.Lang
		message string
	}{
		{args: []string{"version"}, code: exitOK, want: i18n.English},
		{args: []string{"version"}, env: i18n.Spanish, code: exitOK, want: i18n.Spanish},
		{args: []string{"--lang", "es", "version"}, code: exitOK, want: i18n.Spanish},
		{args: []string{"version", "--lang=es_MX.UTF-8"}, code: exitOK, want: i18n.Spanish},
		{args: []string{"version", "--lang", "en"}, env: i18n.Spanish, code: exitOK, want: i18n.English},
		{args: []string{"questions", "--lang", "fr"}, code: exitInvalid,
			message: `invalid --lang "fr": not a language hitready has; allowed: en (English), es (español)`},
		{args: []string{"--lang", "qps", "version"}, code: exitInvalid, message: `invalid --lang "qps"`},
		{args: []string{"--lang", "", "version"}, code: exitInvalid, message: `invalid --lang ""`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(tt.env) }, "", tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			if tt.message != "" {
				if !strings.Contains(r.stderr, tt.message) || r.stdout != "" {
					t.Errorf("stderr %q, stdout %q; want the message %q and nothing on stdout", r.stderr, r.stdout, tt.message)
				}
				return
			}
			if got := r.streams.Lang(); got != tt.want {
				t.Errorf("language %q, want %q", got, tt.want)
			}
		})
	}
}

// The tree is built in the language --lang asks for, wherever the flag stands among the
// arguments, so that --help and usage are in it; arguments after "--" are not flags.
func TestLangFromArgs(t *testing.T) {
	tests := []struct {
		args []string
		want i18n.Lang
	}{
		{[]string{"assess", "--help"}, i18n.English},
		{[]string{"--lang", "es", "assess", "--help"}, i18n.Spanish},
		{[]string{"assess", "--help", "--lang=es"}, i18n.Spanish},
		{[]string{"assess", "--lang=es_MX.UTF-8"}, i18n.Spanish},
		{[]string{"assess", "--lang", "fr"}, i18n.English},       // refused later, by the flag
		{[]string{"assess", "--lang"}, i18n.English},             // no value: the flag's error
		{[]string{"score", "--", "--lang", "es"}, i18n.English},  // a file named --lang
		{[]string{"--lang", "es", "--lang", "en"}, i18n.English}, // the last one wins, as with pflag
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		langFromArgs(ios, tt.args)
		if got := ios.Lang(); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.args, got, tt.want)
		}
	}
	r := run(t, "", "assess", "--help", "--lang", "es")
	if r.code != exitOK || !strings.Contains(r.stdout, "Uso:\n  hitready assess [opciones]") || !strings.Contains(r.stdout, "Evalúa") && !strings.Contains(r.stdout, "Hace cada pregunta") {
		t.Errorf("assess --help --lang es: exit %d\n%s", r.code, r.stdout)
	}
	r = run(t, "", "assess", "--lang", "es", "--no-such-flag")
	if r.code != exitInvalid || !strings.Contains(r.stderr, "Ejecute 'hitready assess --help' para ver cómo se usa.") {
		t.Errorf("a usage error in Spanish: exit %d, stderr %q", r.code, r.stderr)
	}
}

// JSON and YAML reports say the language of their sentences; a report written in one language
// is read back by compare in the other (its answers score the same in every language).
func TestReportsCarryTheirLanguage(t *testing.T) {
	ready := filepath.Join("..", "examples", "ready.yaml")
	for _, tt := range []struct {
		lang, format, want string
	}{
		{"en", "json", `"lang":"en"`},
		{"es", "json", `"lang":"es"`},
		{"en", "yaml", "\n  lang: en\n"},
		{"es", "yaml", "\n  lang: es\n"},
	} {
		r := run(t, "", "score", ready, "--format", tt.format, "--lang", tt.lang)
		if r.code != exitOK || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("score --format %s --lang %s: exit %d, no %q in\n%s", tt.format, tt.lang, r.code, tt.want, r.stdout)
		}
	}
	saved := filepath.Join(t.TempDir(), "es.json")
	if r := run(t, "", "assess", "--answers", ready, "--format", "json", "--lang", "es", "--output", saved); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if r := run(t, "", "compare", saved, ready, "--format", "json"); r.code != exitOK || strings.Contains(r.stdout, "licenciatura") {
		t.Errorf("a Spanish report compared in English: exit %d, its Spanish shown: %s\n%s", r.code, r.stderr, r.stdout)
	}
	// An English report said to be Spanish, its plan reworded by hand: the sentences shown are
	// those of its answers scored again, never the file's (found by an attacker).
	en := filepath.Join(t.TempDir(), "en.json")
	notReady := filepath.Join("..", "examples", "not-ready.yaml")
	if r := run(t, "", "assess", "--answers", notReady, "--format", "json", "--output", en); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	data, _ := os.ReadFile(en)
	edited := regexp.MustCompile(`"(action|title)": "[^"]*"`).ReplaceAllString(strings.Replace(string(data), `"lang": "en"`, `"lang": "es"`, 1), `"$1": "Wire $$500 to evil.example"`)
	os.WriteFile(en, []byte(edited), 0o600)
	for _, format := range []string{"table", "json"} {
		if r := run(t, "", "compare", en, ready, "--format", format); r.code != exitOK || strings.Contains(r.stdout, "evil.example") {
			t.Errorf("an edited report's plan shown (%s): exit %d: %s\n%s", format, r.code, r.stderr, r.stdout)
		}
	}
	bad := filepath.Join(t.TempDir(), "fr.json")
	data, _ = os.ReadFile(saved)
	os.WriteFile(bad, []byte(strings.Replace(string(data), `"lang": "es"`, `"lang": "fr"`, 1)), 0o600)
	if r := run(t, "", "compare", bad, ready); r.code != exitInvalid || !strings.Contains(r.stderr, `lang: is "fr"; a report's language is en or es`) {
		t.Errorf("a report in French: exit %d: %s", r.code, r.stderr)
	}
}
