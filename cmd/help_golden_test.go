package cmd

import (
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// --help of the commands with the most flags, in each language: what a flag takes is named in
// the reader's language in Spanish (--answers ARCHIVO, --set ID=VALOR), and English keeps
// pflag's type names (--answers string), as it always had.
func TestHelpGolden(t *testing.T) {
	for _, lang := range i18n.Langs() {
		for _, command := range []string{"assess", "compare"} {
			t.Run(string(lang)+"/"+command, func(t *testing.T) {
				r := runWith(t, func(ios *iostreams.IOStreams) { ios.SetLang(lang) }, "", command, "--help")
				if r.code != exitOK || r.stderr != "" {
					t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
				}
				golden(t, "help-"+command+"-"+string(lang)+".txt", []byte(r.stdout))
				marks := map[i18n.Lang][2]string{i18n.English: {"--output string", "ARCHIVO"}, i18n.Spanish: {"--output ARCHIVO", "string"}}
				want, unwant := marks[lang][0], marks[lang][1]
				if !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, unwant) {
					t.Errorf("--help lacks %q or has %q:\n%s", want, unwant, r.stdout)
				}
			})
		}
	}
}
