package prompter

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	sv "github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/core"
	"github.com/mattn/go-runewidth"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// survey draws its prompts from templates that are variables of its package, and prints its own
// texts (the key hint, the options, the echoed answer) as single lines that the terminal breaks
// wherever the width runs out, inside words. hitready's templates are survey's with those texts
// passed through prose.Wrap at the terminal's width: the hint stands on a line of its own under
// the question, an option too long is wrapped under itself, the answer is wrapped on words with
// a hanging indent. (survey counts the lines it drew, wrapped or not, to redraw and to place the
// cursor, so an option of two lines is no trouble to it.)
//
// The width is written into the template text rather than held by a function: survey parses a
// template once per text (and binds its functions then), so a session at another width gets a
// template of its own instead of the first session's.

// Template functions, added to survey's function maps once per process: they are pure (the
// width is an argument), so adding them again would change nothing.
var addTemplateFuncs = sync.OnceFunc(func() {
	for _, funcs := range []map[string]any{core.TemplateFuncsWithColor, core.TemplateFuncsNoColor} {
		funcs["hitreadyAnswer"] = fitAnswer
		funcs["hitreadyHint"] = fitHint
		funcs["hitreadyFits"] = optionFits
		funcs["hitreadyOption"] = fitOption
		funcs["hitreadyInputBreak"] = inputBreak
		funcs["hitreadyKey"] = withKey
	}
})

// installTemplates makes survey draw at width columns, its hints in language lang. It is called
// from New, the one place survey's globals are set.
func installTemplates(width int, lang i18n.Lang) {
	addTemplateFuncs()
	sv.SelectQuestionTemplate, sv.MultiSelectQuestionTemplate, sv.InputQuestionTemplate = templatesFor(width, lang)
}

// keyMark stands for a key in a hint: a character of Unicode's private use area, which no
// message holds.
const keyMark = "\ue000"

// templatesFor is survey's select, multi-select and input templates drawing at width columns, with survey's hints in language
// lang. Each hint is written into the template's text as a string constant (a session in another
// language gets templates of its own, as one at another width does); the key a hint names
// (survey's HelpInput, "?") is keyMark in it until the template puts it in (withKey).
func templatesFor(width int, lang i18n.Lang) (sel, multi, input string) {
	l := i18n.For(lang)
	hint := func(id string) string { return strconv.Quote(l.T(id, i18n.Args{"Key": keyMark})) }
	help := l.T("session.keys.input-help", i18n.Args{"Key": keyMark})
	noMatch := hint("session.keys.no-match")
	return fmt.Sprintf(selectOption+listTemplate, width, hint("session.keys.select"), hint("session.keys.more-help"), noMatch),
		fmt.Sprintf(multiSelectOption+listTemplate, width, hint("session.keys.multi-select"), hint("session.keys.more-help"), noMatch),
		fmt.Sprintf(inputTemplate, width, strconv.Quote(help), runewidth.StringWidth(" ["+withKey(help, "?")+"] "))
}

// withKey is a hint with its key put in.
func withKey(hint, key string) string { return strings.ReplaceAll(hint, keyMark, key) }

// answerIndent is where the lines of a wrapped answer start: under the question's text, which
// starts after survey's "? ".
const answerIndent = "  "

// fitAnswer is the echo of an answer after its question, message: a space and the answer when
// it fits on the message's last line, else the answer's words moved on, each line at most width
// columns, the lines after the first indented. message is as drawn: already wrapped, its first
// line after survey's "? ".
func fitAnswer(message, answer string, width int) string {
	col := endColumn(message)
	if col >= width {
		return "\n" + answerIndent + prose.Wrap(answer, width-len(answerIndent), answerIndent)
	}
	// The message's last line stands in as one word the width of its columns, so that the
	// answer's first line gets only the room left on it; the stand-in is then taken off.
	stand := strings.Repeat("x", col)
	wrapped := prose.Wrap(stand+" "+answer, width, answerIndent)
	return strings.TrimPrefix(wrapped, stand)
}

// endColumn is the column a message as drawn ends at: the width of its last line, after survey's
// "? " when that is its first.
func endColumn(message string) int {
	i := strings.LastIndexByte(message, '\n')
	if i < 0 {
		return 2 + runewidth.StringWidth(message)
	}
	return runewidth.StringWidth(message[i+1:])
}

// fitHint is survey's key hint: text, then moreHelp (", ? for more help") when withHelp is true
// (survey passes the help text or false), closed with "]" and wrapped on words under the
// question.
func fitHint(text string, withHelp any, helpInput, moreHelp string, width int) string {
	if b, ok := withHelp.(bool); ok && b {
		text += withKey(moreHelp, helpInput)
	}
	return answerIndent + prose.Wrap(text+"]", width-len(answerIndent), answerIndent)
}

// optionFits tells whether an option, its description and the prefix survey draws before it
// (the cursor, a box) fit on one line.
func optionFits(value, description string, prefix, width int) bool {
	if description != "" {
		value += " - " + description
	}
	return prefix+runewidth.StringWidth(value) <= width
}

// fitOption is an option too long for its line, with its description, wrapped on words under
// itself. (The description loses its colour: it may start in the middle of a line.)
func fitOption(value, description string, prefix, width int) string {
	if description != "" {
		value += " - " + description
	}
	return prose.Wrap(value, width-prefix, strings.Repeat(" ", prefix))
}

// selectOption is the "option" template of survey's SelectQuestionTemplate (v2.3.7), an option
// too long for its line wrapped; listTemplate follows it, with the hint on its own line and the
// answer wrapped.
const selectOption = `
{{- define "option"}}
    {{- if eq .SelectedIndex .CurrentIndex }}{{color .Config.Icons.SelectFocus.Format }}{{ .Config.Icons.SelectFocus.Text }} {{else}}{{color "default"}}  {{end}}
    {{- if hitreadyFits .CurrentOpt.Value ($.GetDescription .CurrentOpt) 2 %[1]d }}
      {{- .CurrentOpt.Value}}{{ if ne ($.GetDescription .CurrentOpt) "" }} - {{color "cyan"}}{{ $.GetDescription .CurrentOpt }}{{end}}
    {{- else }}
      {{- hitreadyOption .CurrentOpt.Value ($.GetDescription .CurrentOpt) 2 %[1]d }}
    {{- end}}
    {{- color "reset"}}
{{end}}`

// multiSelectOption is the "option" template of survey's MultiSelectQuestionTemplate (v2.3.7),
// changed as selectOption. The hint names <right> and <left> always: hitready never sets
// RemoveSelectAll or RemoveSelectNone.
const multiSelectOption = `
{{- define "option"}}
    {{- if eq .SelectedIndex .CurrentIndex }}{{color .Config.Icons.SelectFocus.Format }}{{ .Config.Icons.SelectFocus.Text }}{{color "reset"}}{{else}} {{end}}
    {{- if index .Checked .CurrentOpt.Index }}{{color .Config.Icons.MarkedOption.Format }} {{ .Config.Icons.MarkedOption.Text }} {{else}}{{color .Config.Icons.UnmarkedOption.Format }} {{ .Config.Icons.UnmarkedOption.Text }} {{end}}
    {{- color "reset"}}
    {{- " "}}
    {{- if hitreadyFits .CurrentOpt.Value ($.GetDescription .CurrentOpt) 7 %[1]d }}
      {{- .CurrentOpt.Value}}{{ if ne ($.GetDescription .CurrentOpt) "" }} - {{color "cyan"}}{{ $.GetDescription .CurrentOpt }}{{color "reset"}}{{end}}
    {{- else }}
      {{- hitreadyOption .CurrentOpt.Value ($.GetDescription .CurrentOpt) 7 %[1]d }}
    {{- end}}
{{end}}`

// listTemplate is what survey's select and multi-select templates share after their "option"
// template: the help, the question, and then the answer wrapped, or the hint on its own line and
// the options, or, when what was typed filters every option out, a hint that says so (survey
// shows an empty list). %[1]d is the width, %[2]s the hint, %[3]s its "? for more help", %[4]s
// the no-match hint.
const listTemplate = `
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- color "default+hb"}}{{ .Message }}{{ .FilterMessage }}{{color "reset"}}
{{- if .ShowAnswer}}{{color "cyan"}}{{ hitreadyAnswer .Message .Answer %[1]d }}{{color "reset"}}{{"\n"}}
{{- else}}
  {{- "\n"}}{{- color "cyan"}}{{ hitreadyHint %[2]s (and .Help (not .ShowHelp)) .Config.HelpInput %[3]s %[1]d }}{{color "reset"}}
  {{- "\n"}}
  {{- range $ix, $option := .PageEntries}}
    {{- template "option" $.IterateOption $ix $option}}
  {{- else}}
    {{- color "yellow"}}{{ hitreadyHint %[4]s false "" "" %[1]d }}{{color "reset"}}{{"\n"}}
  {{- end}}
{{- end}}`

// inputRoom is the room a typed line needs: survey's line editor loses track of a line it has
// wrapped, and on Enter erases the line above the question instead of its own.
const inputRoom = 40

// inputBreak is what comes between a text question and the typing: a space when the rest of the
// message's last line leaves room to type, else a new line, indented.
func inputBreak(message string, width, helpWidth int) string {
	if endColumn(message)+helpWidth+inputRoom > width {
		return "\n" + answerIndent
	}
	return " "
}

// inputTemplate is survey's InputQuestionTemplate (v2.3.7) with the answer wrapped and the
// typing moved to a line of its own when the question leaves it no room, and without the list of
// suggestions and its hints: no question of hitready's offers suggestions. %[1]d is the width,
// %[2]s the help hint, %[3]d the columns " [? for help] " takes.
const inputTemplate = `
{{- if .ShowHelp }}{{- color .Config.Icons.Help.Format }}{{ .Config.Icons.Help.Text }} {{ .Help }}{{color "reset"}}{{"\n"}}{{end}}
{{- color .Config.Icons.Question.Format }}{{ .Config.Icons.Question.Text }} {{color "reset"}}
{{- if .ShowAnswer}}
  {{- color "default+hb"}}{{ .Message }}{{color "reset"}}
  {{- color "cyan"}}{{ hitreadyAnswer .Message .Answer %[1]d }}{{color "reset"}}{{"\n"}}
{{- else }}
  {{- color "default+hb"}}{{ .Message }}{{color "reset"}}{{ hitreadyInputBreak .Message %[1]d %[3]d }}
  {{- if and .Help (not .ShowHelp) }}{{color "cyan"}}[{{ hitreadyKey %[2]s .Config.HelpInput }}]{{color "reset"}} {{end}}
  {{- if .Default}}{{color "white"}}({{.Default}}) {{color "reset"}}{{end}}
{{- end}}`
