package cmd

import (
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
		return err
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
