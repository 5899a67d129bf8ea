package page

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// funcs are the helpers the templates use: numbers as the page prints them, and the arithmetic
// of lists. None of them holds a word of the page: those are the words' funcs.
var funcs = template.FuncMap{
	"score":      Score,
	"signed":     Signed,
	"median":     Median,
	"num":        func(x float64) string { return trimFloat(x) },
	"lowerFirst": prose.LowerFirst,
	"cssString":  cssString,
	"list":       func(xs ...any) []any { return xs },
	"pair":       func(a, b any) pairOf { return pairOf{a, b} },
	"args":       args,
}

// words are the page's words in one language: the catalogue's messages, and the enumerated values
// of a report (verdicts, severities, statuses) as a person reads them. The templates call them:
// t and n place a message by id, with its data as args; n picks the plural form for a count.
type words struct {
	l       *i18n.Localizer
	english []string // the passages kept in English, longest first (englishPassages); none in English
}

func (w words) funcs() template.FuncMap {
	return template.FuncMap{
		"t":        w.l.T,
		"n":        w.l.N,
		"andList":  w.l.And,
		"date":     w.date,
		"made":     w.made,
		"verdict":  func(v assessment.Verdict) string { return w.l.T(verdictIDs[v]) },
		"severity": func(s assessment.Severity) string { return w.l.T(severityIDs[s]) },
		"status":   func(s assessment.Status) string { return w.l.T(statusIDs[s]) },
		"change":   func(c string) string { return w.l.T(changeIDs[c]) },
		"english":  w.marked,
	}
}

// args gives a message its named data in a template: args "File" .Source "Count" 2.
func args(kv ...any) (i18n.Args, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("args takes names and values in pairs, got %d items", len(kv))
	}
	a := i18n.Args{}
	for i := 0; i < len(kv); i += 2 {
		name, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("args: item %d is a name, got %T", i, kv[i])
		}
		a[name] = kv[i+1]
	}
	return a, nil
}

// monthIDs name the months for page.date, January first.
var monthIDs = [12]string{"page.month.1", "page.month.2", "page.month.3", "page.month.4", "page.month.5",
	"page.month.6", "page.month.7", "page.month.8", "page.month.9", "page.month.10", "page.month.11", "page.month.12"}

// date is a day as the page's language writes it: "March 12, 2027", "12 de marzo de 2027".
func (w words) date(t time.Time) string {
	return w.l.T("page.date", i18n.Args{"Month": w.l.T(monthIDs[t.Month()-1]), "Day": t.Day(), "Year": t.Year()})
}

// madeSlot stands for the date in page.made while the message is escaped: a private-use
// character, which no message holds.
const madeSlot = "\ue000"

// made is the line that says when the page was made, the date in a <time> element for machines
// to read; the zero time says no date.
func (w words) made(d time.Time) template.HTML {
	if d.IsZero() {
		return template.HTML(template.HTMLEscapeString(w.l.T("page.made-undated"))) // #nosec: escaped
	}
	msg := template.HTMLEscapeString(w.l.T("page.made", i18n.Args{"Date": madeSlot}))
	tag := `<time datetime="` + d.Format("2006-01-02") + `">` + template.HTMLEscapeString(w.date(d)) + `</time>`
	return template.HTML(strings.Replace(msg, madeSlot, tag, 1)) // #nosec: the message and the date escaped
}

// The messages of a report's enumerated values (assessment.Comparison's VerdictChange among them).
var (
	verdictIDs = map[assessment.Verdict]string{assessment.Ready: "page.verdict.ready",
		assessment.NearlyReady: "page.verdict.nearly-ready", assessment.NotReady: "page.verdict.not-ready"}
	severityIDs = map[assessment.Severity]string{assessment.Blocking: "page.severity.blocking",
		assessment.Major: "page.severity.major", assessment.Minor: "page.severity.minor"}
	statusIDs = map[assessment.Status]string{assessment.Held: "page.status.held", assessment.Eligible: "page.status.eligible",
		assessment.EligibleEarly: "page.status.eligible-early", assessment.NotYet: "page.status.not-yet"}
	changeIDs = map[string]string{"better": "page.change.better", "worse": "page.change.worse", "same": "page.change.same"}
)

// Score prints a score as every format does, with one decimal, the precision scores are rounded to.
func Score(x float64) string { return fmt.Sprintf("%.1f", x) }

// Signed prints a change of score as every format does: its sign, then one decimal.
func Signed(x float64) string { return fmt.Sprintf("%+.1f", x) }

// trimFloat prints a weight or a count without a useless ".0".
func trimFloat(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
}

// Median prints a median, which may fall between two scores, with as many decimals as it has.
func Median(x float64) string {
	if x*10 == float64(int(x*10)) {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.2f", x)
}

// pairOf hands two values to a template: a path's before and after, a list and its kind.
type pairOf struct{ Old, New any }

// cssString quotes text as a CSS string, every character but letters, digits and spaces of ASCII
// written as an escape, so that nothing in it can end the string, the rule or the style element.
// html/template would treat a CSS string it fills in as a URL and refuse text with a colon in it.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r == 0:
			b.WriteString(`\fffd `)
		default:
			fmt.Fprintf(&b, `\%x `, r)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String()) // #nosec: every character that is not alphanumeric is escaped
}
