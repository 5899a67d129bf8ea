package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// CredentialFormats are the formats of `credentials`, which writes the credentials in force: each
// with what a pass meets, the exam as the sources give it, and every rule with its source and
// grade. YAML is the form a profile's "credentials: FILE" reads.
func CredentialFormats() Formats[Renderer[*assessment.Credentials]] {
	return Formats[Renderer[*assessment.Credentials]]{
		{"table", drawn(credentialsTable)},
		{"json", document(writeJSON[*assessment.Credentials])},
		{"yaml", credentialsYAML},
		{"csv", credentialsCSV},
		{"markdown", drawn(credentialsMarkdown)},
	}
}

// credentialsYAML is the credentials in the form a profile's "credentials: FILE" reads.
func credentialsYAML(w io.Writer, cs *assessment.Credentials, opts Options) error {
	return commentedYAML(w, opts.loc().T("credentials.yaml.comment"), cs)
}

// routeRows flattens a credential's routes into one row each: kind (credentials.kind.*), text,
// rules (in words, or as ids for CSV), source, grade.
func routeRows(cs *assessment.Credentials, c *assessment.Credential, l *i18n.Localizer, words bool) [][]string {
	var rows [][]string
	add := func(kind string, routes []assessment.Route) {
		for _, r := range routes {
			rules := rulesText(r.Rules, l)
			if words {
				rules = rulesWords(cs, r.Rules, l)
			}
			rows = append(rows, []string{l.T("credentials.kind." + kind), r.Text, rules, r.Source, string(r.Grade)})
		}
	}
	add("eligible", c.Eligible)
	add("early", c.Early)
	add("reported", c.Reported)
	add("prepared", c.Prepared)   // where a plan places the exam, never who may sit it
	add("unchecked", c.Unchecked) // for the body to decide
	return rows
}

// rulesText is a route's rules as ids and values, for scripts (CSV).
func rulesText(rules []assessment.Rule, l *i18n.Localizer) string {
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = l.T("credentials.csv.rule", i18n.Args{"Question": r.Question, "Values": strings.Join(r.In, l.T("credentials.csv.or"))})
	}
	return strings.Join(parts, l.T("credentials.rule.and"))
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
		texts[i] = quoted(texts[i])
	}
}

// aboutCredential is what the table and the Markdown say of a credential before its routes: what
// a pass meets (the message meets), what the sources say of its exam, and the body's
// recommendation and what it has not decided, each as they have one.
func aboutCredential(cs *assessment.Credentials, c *assessment.Credential, meets string, l *i18n.Localizer) []string {
	about := []string{l.T(meets, i18n.Args{"Meets": strings.Join(cs.MeetsWords(c), ", ")})}
	if c.Exam != nil {
		about = append(about, l.T("credentials.exam", i18n.Args{"Facts": c.Exam.Facts, "Source": c.Exam.Source, "Grade": string(c.Exam.Grade)}))
	}
	if c.Recommended != "" {
		about = append(about, l.T("credentials.recommended", i18n.Args{"Text": c.Recommended}))
	}
	if c.Undecided != "" {
		about = append(about, l.T("credentials.undecided", i18n.Args{"Text": c.Undecided}))
	}
	return about
}

// credentialsTable lists each credential and its routes as wrapped lines rather than a box, so it
// reads at any width from 60 columns and in a screen reader.
func credentialsTable(b *strings.Builder, cs *assessment.Credentials, opts Options) {
	loc := opts.loc()
	para := func(indent, text string) { wrapped(b, indent, text, opts.width()) }
	para("", loc.T("credentials.intro"))
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(b, "\n%s: %s\n", shortName(c.ID), c.Name)
		for _, text := range aboutCredential(cs, c, "credentials.meets", loc) {
			para("  ", text)
		}
		for _, row := range routeRows(cs, c, loc, true) {
			label := loc.T("credentials.route", i18n.Args{"Kind": prose.UpperFirst(row[0]), "Text": row[1]})
			if strings.HasPrefix(row[1], "As reported") {
				label = row[1] // its text says so already
			}
			para("  ", label)
			if row[2] != "" {
				para("      ", loc.T("credentials.when", i18n.Args{"Rules": row[2]}))
			}
			para("      ", loc.T("credentials.source", i18n.Args{"Source": row[3], "Grade": row[4]}))
		}
	}
	if words := wordsText(b.String(), opts); words != "" {
		b.WriteString("\n" + words)
	}
}

func credentialsCSV(w io.Writer, cs *assessment.Credentials, opts Options) error {
	var rows [][]string
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		for _, row := range routeRows(cs, c, opts.loc(), false) {
			rows = append(rows, append([]string{c.ID, c.Name, strings.Join(c.Meets, ";")}, row...))
		}
	}
	return writeCSV(w, []string{"id", "name", "meets", "route", "text", "rules", "source", "grade"}, rows)
}

func credentialsMarkdown(b *strings.Builder, cs *assessment.Credentials, opts Options) {
	loc := opts.loc()
	fmt.Fprintf(b, "## %s\n\n%s\n", loc.T("credentials.md.heading"), mdText(loc.T("credentials.md.intro")))
	for i := range cs.Credentials {
		c := &cs.Credentials[i]
		fmt.Fprintf(b, "\n### %s\n", mdText(c.Name))
		for _, text := range aboutCredential(cs, c, "credentials.md.meets", loc) {
			fmt.Fprintf(b, "\n%s\n", mdText(text))
		}
		b.WriteString("\n")
		mdHead(b, "lllll", loc.T("credentials.md.route"), loc.T("credentials.md.who"), loc.T("credentials.md.when"),
			loc.T("credentials.md.source"), loc.T("credentials.md.grade"))
		for _, row := range routeRows(cs, c, loc, true) {
			mdRow(b, row[0], mdCell(row[1]), mdCell(row[2]), mdCell(row[3]), row[4])
		}
	}
	mdWords(b, "###", loc)
}
