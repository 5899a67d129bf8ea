// Package render turns reports into the output formats people and scripts read. It writes to an
// io.Writer and decides nothing about scores: everything it shows is in the value it is given.
// Each kind of output (report, cohort, comparison, credentials, questions, requirements,
// outlook) has a file of its own with its table of formats; tables are drawn by table.go.
package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/page"
)

// Renderer writes a value of one kind of output in one format. Options shape what is drawn for
// a person at a terminal (table); a document (JSON, YAML, CSV, Markdown) is written the same
// wherever it goes, and its writer takes none (document).
type Renderer[T any] func(w io.Writer, v T, o Options) error

// document is the Renderer of a format that nothing of where it is shown changes.
func document[T any](write func(io.Writer, T) error) Renderer[T] {
	return func(w io.Writer, v T, _ Options) error { return write(w, v) }
}

// drawn is the Renderer of a format drawn whole into a builder (a person's view, a Markdown
// document), then written at once.
func drawn[T any](draw func(b *strings.Builder, v T, o Options)) Renderer[T] {
	return func(w io.Writer, v T, o Options) error {
		var b strings.Builder
		draw(&b, v, o)
		_, err := io.WriteString(w, b.String())
		return err
	}
}

// Format is one output format: the name --format takes, and what writes it.
type Format[R any] struct {
	Name   string
	Render R
}

// Formats is the one table of formats of a kind of output, in the order help texts list them.
// The help of --format, its shell completion, its check and the writing all come from it, so a
// format cannot be offered that writes nothing.
type Formats[R any] []Format[R]

// Names are the format names, in order.
func (fs Formats[R]) Names() []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

// Canonical is the name of the format that name stands for, in any case ("CSV" is csv), or a
// usage message naming the allowed ones.
func (fs Formats[R]) Canonical(name string) (string, error) {
	f, err := fs.find(name)
	return f.Name, err
}

// Lookup is the renderer of the format name (in any case).
func (fs Formats[R]) Lookup(name string) (R, error) {
	f, err := fs.find(name)
	return f.Render, err
}

func (fs Formats[R]) find(name string) (Format[R], error) {
	if i := slices.IndexFunc(fs, func(f Format[R]) bool { return strings.EqualFold(f.Name, name) }); i >= 0 {
		return fs[i], nil
	}
	return Format[R]{}, fmt.Errorf("invalid --format %q; allowed: %s", name, strings.Join(fs.Names(), ", "))
}

// Write writes v in the format name of the table fs: render.Write(render.ReportFormats(), w,
// "json", report, opts).
func Write[T any](fs Formats[Renderer[T]], w io.Writer, name string, v T, opts Options) error {
	render, err := fs.Lookup(name)
	if err != nil {
		return err
	}
	return render(w, v, opts)
}

// Options shape what is drawn for a person for where it is shown: one type for every kind of
// output.
type Options struct {
	Color bool // ANSI colour, for a terminal whose user has not set NO_COLOR
	Width int  // columns to fit every line into: the terminal's, or COLUMNS; 0 for iostreams.DefaultWidth
	// Plain leaves out box drawing and block characters (--plain, TERM=dumb): every table is
	// written as labelled lines, which a screen reader reads in order.
	Plain bool
	// AllGaps draws every gap in full; otherwise minor gaps are named in one line when there
	// are bigger ones to show.
	AllGaps bool
	// AnswersKept is where the answers of this report are kept, for the closing block; "" when
	// they are kept nowhere (standard input, --set alone).
	AnswersKept string
	// Command is how the person started hitready ("go run ." under go run), for hints they may
	// paste into the same shell; "" means hitready.
	Command string
	// Lang is the language a person reads the output in (--lang); the zero value is English.
	Lang i18n.Lang
	// InFull are the arguments, after Command, of the command that shows this report with every
	// gap in full: the same answers and the flags that change what a report says (--set,
	// --profile, --plain). nil: one is made from AnswersKept.
	InFull []string
	// Credentials are the arguments, after Command, of the command that shows the credentials
	// this report used: its --profile and --lang. nil: "credentials".
	Credentials []string
	// Outlook is the same for `hitready outlook`: its --lang. nil: "outlook".
	Outlook []string
	// Page is what the HTML page needs beyond the report (--format html): the date it says it
	// was made, its language and the document the requirements rest on.
	Page page.Options
}

func (o Options) width() int { return iostreams.Width(o.Width) }

// loc speaks the output's language: every string a person reads goes through it.
func (o Options) loc() *i18n.Localizer { return i18n.For(cmp.Or(o.Lang, i18n.English)) }

// command is how the person started hitready, for hints they may paste.
func (o Options) command() string { return cmp.Or(o.Command, "hitready") }
