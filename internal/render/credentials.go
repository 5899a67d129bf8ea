package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// Credentials writes the credentials in force: each with what a pass meets, the exam as the
// sources give it, and every rule with its source and grade.
func Credentials(w io.Writer, format string, cs *assessment.Credentials, opts Options) error {
	return writeFormat(CredentialFormats(), w, format, cs, opts)
}

// CredentialFormats are the formats of `credentials`. YAML is the form a profile's
// "credentials: FILE" reads.
func CredentialFormats() Formats[Renderer[*assessment.Credentials]] {
	return Formats[Renderer[*assessment.Credentials]]{
		{"table", credentialsTable},
		{"json", document(writeJSON[*assessment.Credentials])},
		{"yaml", document(credentialsYAML)},
		{"csv", document(credentialsCSV)},
		{"markdown", credentialsMarkdown},
	}
}

// credentialsYAML is the credentials in the form a profile's "credentials: FILE" reads.
func credentialsYAML(w io.Writer, cs *assessment.Credentials) error {
	if _, err := io.WriteString(w, "# hitready credentials. A profile may name its own file: credentials: FILE\n"); err != nil {
		return err
	}
	return writeYAML(w, cs)
}

// routeRows flattens a credential's routes into one row each: kind, text, rules (in words, or as
// ids for CSV), source, grade.
func routeRows(cs *assessment.Credentials, c *assessment.Credential, l *i18n.Localizer, words bool) [][]string {
	var rows [][]string
	add := func(kind string, routes []assessment.Route) {
		for _, r := range routes {
			rules := rulesText(r.Rules)
			if words {
				rules = rulesWords(cs, r.Rules, l)
			}
			rows = append(rows, []string{kind, r.Text, rules, r.Source, string(r.Grade)})
		}
	}
	add("eligible", c.Eligible)
	add("early", c.Early)
	add("as reported", c.Reported)
	add("prepared as recommended", c.Prepared) // where a plan places the exam, never who may sit it
	add("not checked here", c.Unchecked)       // for the body to decide
	return rows
}

// rulesText is a route's rules as ids and values, for scripts (CSV).
func rulesText(rules []assessment.Rule) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = r.Question + " is " + strings.Join(r.In, " or ")
	}
	return strings.Join(parts, "; and ")
}

// rulesWords is a route's rules as a person reads them: questions and choices, never ids. Rules
// on one multiple-choice question, all of which must hold, are said together ("includes
// “Anatomy”, “Physiology” and “Medical terminology”").
func rulesWords(cs *assessment.Credentials, rules []assessment.Rule, l *i18n.Localizer) string {
	var parts []string
	for i := 0; i < len(rules); i++ {
		question, choices, several := cs.RuleWords(rules[i])
		quote(choices)
		if !several {
			parts = append(parts, l.T("credentials.rule.one-of", i18n.Args{"Question": question, "Choices": l.Or(choices)}))
			continue
		}
		all := []string{l.Or(choices)}
		for ; i+1 < len(rules) && rules[i+1].Question == rules[i].Question; i++ {
			_, more, _ := cs.RuleWords(rules[i+1])
			quote(more)
			all = append(all, l.Or(more))
		}
		parts = append(parts, l.T("credentials.rule.any-of", i18n.Args{"Question": question, "Choices": l.And(all)}))
	}
	return strings.Join(parts, l.T("credentials.rule.and"))
}

func quote(texts []string) {
	for i := range texts {
		texts[i] = "\u201c" + texts[i] + "\u201d"
	}
}

func examText(c *assessment.Credential) string {
	if c.Exam == nil {
		return ""
	}
	return fmt.Sprintf("%s Source: %s, grade %s.", c.Exam.Facts, c.Exam.Source, c.Exam.Grade)
}

// credentialsTable lists each credential and its routes as wrapped lines rather than a box, so it
// reads at any width from 60 columns and in a screen reader.
func credentialsTable(w io.Writer, cs *assessment.Credentials, opts Options) error {
	var b strings.Builder
	para := func(indent, text string) {
		for _, l := range prose.Lines(text, max(opts.width()-len(indent), 20)) {
			b.WriteString(indent + l + "\n")
		}
	}
	para("", "Who may sit each AHIMA exam. Grade P: the body's own page, a rule that decides. Grade S: as reported by another site, shown but never deciding on its own.")
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(&b, "\n%s: %s\n", shortName(c.ID), c.Name)
		para("  ", "A pass meets: "+strings.Join(cs.MeetsWords(c), ", "))
		if e := examText(c); e != "" {
			para("  ", "Exam: "+e)
		}
		if c.Recommended != "" {
			para("  ", "Recommended: "+c.Recommended)
		}
		if c.Undecided != "" {
			para("  ", "Not decided here: "+c.Undecided)
		}
		for _, row := range routeRows(cs, c, opts.loc(), true) {
			label := strings.ToUpper(row[0][:1]) + row[0][1:] + ": " + row[1]
			if strings.HasPrefix(row[1], "As reported") {
				label = row[1] // its text says so already
			}
			para("  ", label)
			if row[2] != "" {
				para("      ", "when "+row[2])
			}
			para("      ", "source: "+row[3]+", grade "+row[4])
		}
	}
	if words := wordsText(b.String(), opts); words != "" {
		b.WriteString("\n" + words)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func credentialsCSV(w io.Writer, cs *assessment.Credentials) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "name", "meets", "route", "text", "rules", "source", "grade"}); err != nil {
		return err
	}
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		for _, row := range routeRows(cs, c, nil, false) {
			if err := cw.Write(append([]string{c.ID, c.Name, strings.Join(c.Meets, ";")}, row...)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func credentialsMarkdown(w io.Writer, cs *assessment.Credentials, opts Options) error {
	var b strings.Builder
	b.WriteString("## Credentials\n\nGrade P: the body's own page, a rule that decides; grade S: as reported by another site, shown but never deciding on its own.\n")
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(&b, "\n### %s\n\nMeets: %s.\n", mdText(c.Name), mdText(strings.Join(cs.MeetsWords(c), ", ")))
		if e := examText(c); e != "" {
			fmt.Fprintf(&b, "\nExam: %s\n", mdText(e))
		}
		if c.Recommended != "" {
			fmt.Fprintf(&b, "\nRecommended: %s\n", mdText(c.Recommended))
		}
		if c.Undecided != "" {
			fmt.Fprintf(&b, "\nNot decided here: %s\n", mdText(c.Undecided))
		}
		b.WriteString("\n| Route | Who | When | Source | Grade |\n| --- | --- | --- | --- | --- |\n")
		for _, row := range routeRows(cs, c, opts.loc(), true) {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", row[0], mdCell(row[1]), mdCell(row[2]), mdCell(row[3]), row[4])
		}
	}
	if used := wordsUsed(b.String()); len(used) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", opts.loc().T("report.words.md"))
		for _, abbr := range used {
			fmt.Fprintf(&b, "- **%s**: %s\n", abbr, mdText(opts.loc().T("word."+abbr)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
