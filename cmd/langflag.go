package cmd

import (
	"errors"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
)

// langValue is --lang: a language hitready has, checked where it is parsed, so that
// `--lang fr` is bad usage (exit 2) naming the languages there are. Set writes the language
// into the streams, where every command and the help read it; without the flag the streams
// keep what HITREADY_LANG or the locale asked for.
type langValue struct {
	ios *iostreams.IOStreams
	set string
}

func (v *langValue) Set(s string) error {
	l, err := i18n.Parse(s)
	if err != nil {
		// In the language the run speaks without the flag: HITREADY_LANG's, the locale's.
		return errors.New(i18n.For(v.ios.Lang()).T("errors.flag.lang"))
	}
	v.ios.SetLang(l)
	v.set = string(l)
	return nil
}

// String is the language given, empty until the flag is: --help shows no default, as the
// default comes from the environment.
func (v *langValue) String() string { return v.set }

// Type names the value in --help: "--lang en|es".
func (v *langValue) Type() string { return "en|es" }

// langFromArgs sets the language --lang asks for before the command tree is built, so that the
// tree's texts (descriptions, flag usages, help) are in it: cobra parses flags only once the
// tree exists. A value hitready does not have is left for the flag's own parsing to refuse.
// Arguments after "--" are not flags.
func langFromArgs(ios *iostreams.IOStreams, args []string) {
	for i := 0; i < len(args) && args[i] != "--"; i++ {
		value, ok := strings.CutPrefix(args[i], "--lang=")
		if args[i] == "--lang" && i+1 < len(args) {
			value, ok = args[i+1], true
			i++
		}
		if l, err := i18n.Parse(value); ok && err == nil {
			ios.SetLang(l)
		}
	}
}
