package assessment

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/prose"
)

// The placeholders of a per-gap step: its gap's next step in the action, its title in the label.
const (
	nextStepPlaceholder = "{next_step}"
	titlePlaceholder    = "{title}"
)

// words are a candidate's action and label: a per-gap step takes its gap's next step for
// {next_step} and its title for {title}.
func (c *candidate) words() (action, label string) {
	action, title := c.step.Action, ""
	if c.gap != nil {
		action = strings.ReplaceAll(action, nextStepPlaceholder, c.gap.NextStep)
		title = cmp.Or(c.gap.Title, c.gap.ID)
	}
	if c.step.Label == "" {
		return action, action
	}
	return action, strings.ReplaceAll(c.step.Label, titlePlaceholder, prose.LowerFirst(title))
}

// examAction words an exam step: its action and, after a semicolon, why the person may sit it
// there (ExamReasons); and its label, the same for everyone.
func examAction(r ExamReasons, cs *Credentials, c *candidate) (action, label string) {
	action, label = c.words()
	if c.booked && r.Booked != "" {
		action = fill(r.Booked, "{exam}", strings.ToUpper(c.step.Credential), "{because}", c.route)
		label, _, _ = strings.Cut(action, ";")
		return action, label
	}
	step, prepared, recommended := "", "", ""
	if c.after != nil {
		step = strconv.Itoa(c.after.position)
	}
	if c.prep != nil {
		prepared = cmp.Or(c.prep.Because, c.prep.Text)
	}
	if cred, ok := cs.Get(c.step.Credential); ok {
		recommended = cred.Recommended
	}
	reason := fill(c.reason, "{step}", step, "{prepared}", prepared, "{recommended}", recommended, "{because}", c.route)
	// A semicolon rather than a colon: report texts stay plain YAML scalars.
	return action + "; " + reason, label
}

// fill replaces each placeholder of a text with its value, in the order given.
func fill(text string, placeholderValue ...string) string {
	for i := 0; i+1 < len(placeholderValue); i += 2 {
		text = strings.ReplaceAll(text, placeholderValue[i], placeholderValue[i+1])
	}
	return text
}
