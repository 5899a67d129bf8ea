package page

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// reportView is what the student's page shows of a report, worked out once so that the
// templates only place it: the report's own fields (its verdict, score, thresholds, settings and
// notes), with the names from files escaped and its lists as the page's rows.
type reportView struct {
	assessment.Report
	Date                 time.Time // the day the page says it was made; zero for none
	Who, Source, Profile string
	Gauge                gauge
	Headline             string // what stands in the way, or how far the score is
	FirstStep            string
	Areas                []areaRow
	Steps                []stepRow
	Credentials          []credentialRow
	Gaps                 []gapRow
}

type areaRow struct {
	Title  string
	Score  float64
	Weight float64
	Level  string // low, middle or high: the bar's colour, with the number beside it
	Bar    bar
}

type stepRow struct {
	Step           int
	Action         string
	Closes         []string // titles of the gaps it closes
	Credential     string   // the exam it sits, in capitals
	Duration       string
	DurationSource string
}

type credentialRow struct {
	Abbr    string
	Name    string
	Status  assessment.Status
	Missing []string
}

type gapRow struct {
	Title, Current, Target, NextStep string
	Severity                         assessment.Severity
	Step                             int // the step of the path that closes it; 0 when none does
}

// Report writes a student's page: what matters first (the verdict, the path, the credentials),
// then the gaps, the words used, the sources and the date.
func Report(w io.Writer, r assessment.Report, opts Options) error {
	set, err := templatesFor(opts.Lang)
	if err != nil {
		return err
	}
	v := newReportView(r)
	v.Date = opts.Date
	v.Headline = Headline(set.w.l, r, pageHeadline)
	f := frame{Kind: "report", Title: titleOf(set.w.l, "page.title.report", "page.title.report-of", cmp.Or(v.Who, v.Source)),
		Date: opts.Date}
	return write(w, set, "report", v, f, reportSources(set.w.l, r, opts))
}

// titleOf is a page's title, with the person it is about when there is one.
func titleOf(l *i18n.Localizer, alone, of, who string) string {
	if who == "" {
		return l.T(alone)
	}
	return l.T(of, i18n.Args{"Who": who})
}

// HeadlineIDs are the messages a headline is made of: one blocking gap in a list (Blocker), the
// gaps that block (Blocked, or Untitled when one has no title), and the score beside the
// thresholds when nothing blocks (Ready, Nearly, Low).
type HeadlineIDs struct{ Blocker, Blocked, Untitled, Ready, Nearly, Low string }

// pageHeadline are the page's, under a verdict of its own.
var pageHeadline = HeadlineIDs{Blocker: "page.headline.blocker", Blocked: "page.headline.blockers",
	Untitled: "page.headline.blocked", Ready: "page.headline.ready", Nearly: "page.headline.nearly-ready",
	Low: "page.headline.not-ready"}

// Headline is the verdict in one sentence a person understands at a glance, in the messages of
// ids: the blocking gaps that stand in the way, by title (or counted, when a profile of one's own
// gives them none), else how the score compares with the thresholds.
func Headline(l *i18n.Localizer, r assessment.Report, ids HeadlineIDs) string {
	var blockers []string
	titled := true
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			blockers = append(blockers, l.T(ids.Blocker, i18n.Args{"Title": prose.LowerFirst(g.Title)}))
			titled = titled && g.Title != ""
		}
	}
	scores := i18n.Args{"Score": Score(r.Score), "Ready": Score(r.Thresholds.Ready), "Nearly": Score(r.Thresholds.NearlyReady)}
	switch {
	case len(blockers) > 0 && titled:
		// The first title came lower-cased from the list ("the AHIMA exam ... stands in the way").
		return prose.UpperFirst(l.N(ids.Blocked, len(blockers), i18n.Args{"Blockers": l.And(blockers)}))
	case len(blockers) > 0:
		return l.N(ids.Untitled, len(blockers))
	case r.Verdict == assessment.Ready:
		return l.T(ids.Ready, scores)
	case r.Verdict == assessment.NearlyReady:
		return l.T(ids.Nearly, scores)
	}
	return l.T(ids.Low, scores)
}

func newReportView(r assessment.Report) reportView {
	v := reportView{Report: r, Who: fileText(r.Respondent), Source: fileText(r.Source), Profile: fileText(r.Profile),
		Gauge: newGauge(r.Score, r.Thresholds)}
	titles := map[string]string{}
	for _, g := range r.Gaps {
		titles[g.ID] = cmp.Or(g.Title, g.ID)
	}
	for _, a := range r.Areas {
		v.Areas = append(v.Areas, areaRow{Title: a.Title, Score: a.Score, Weight: a.Weight,
			Level: Level(a.Score, r.Thresholds), Bar: newBar(a.Score, 100)})
	}
	step := map[string]int{}
	for _, s := range r.Plan {
		row := stepRow{Step: s.Step, Action: s.Action, Credential: strings.ToUpper(s.Credential),
			Duration: s.Duration, DurationSource: s.DurationSource}
		for _, id := range s.Closes {
			row.Closes = append(row.Closes, cmp.Or(titles[id], id))
			step[id] = s.Step
		}
		v.Steps = append(v.Steps, row)
	}
	if len(r.Plan) > 0 {
		v.FirstStep = r.Plan[0].Label()
	}
	for _, c := range r.Credentials {
		v.Credentials = append(v.Credentials, credentialRow{Abbr: strings.ToUpper(c.ID), Name: c.Name, Status: c.Status,
			Missing: c.Missing})
	}
	for _, g := range r.Gaps {
		v.Gaps = append(v.Gaps, gapRow{Title: titles[g.ID], Current: g.Current,
			Target: g.Target, NextStep: g.NextStep, Severity: g.Severity, Step: step[g.ID]})
	}
	return v
}

// Level names how far a score is: low under the nearly-ready threshold, middle under the ready
// one, high from there. The bars' colours follow it, on the page and at the terminal; the number
// is always beside them.
func Level(score float64, t assessment.Thresholds) string {
	switch {
	case score < t.NearlyReady:
		return "low"
	case score < t.Ready:
		return "middle"
	}
	return "high"
}

// reportSources lists what the page's rules and figures rest on: the profile's document, each
// credential's rule, and the employment figures of the chosen work settings, each source once.
func reportSources(l *i18n.Localizer, r assessment.Report, opts Options) []sourceLine {
	var out []sourceLine
	add := func(what, settings, text string) {
		if text == "" {
			return
		}
		out = append(out, sourceLine{What: what, Settings: settings, Text: text})
	}
	add("page.source.requirements", "", opts.Requirements)
	// The credentials' rules on one line: four lines of "AHIMA, ... page" would crowd the second
	// sheet of a printed report.
	var rules []string
	for _, c := range r.Credentials {
		if c.Source != "" {
			rules = append(rules, strings.ToUpper(c.ID)+": "+c.Source)
		}
	}
	add("page.source.credentials", "", strings.Join(rules, "; "))
	// Settings whose figures share a source share its line: four lines of the same BLS table
	// would crowd the second sheet.
	var settings [][]string // titles, by source in the order they come
	var sources []string
	for _, s := range r.Settings {
		if s.Source == "" {
			continue
		}
		i := slices.Index(sources, s.Source)
		if i < 0 {
			sources, settings = append(sources, s.Source), append(settings, nil)
			i = len(sources) - 1
		}
		settings[i] = append(settings[i], s.Title)
	}
	for i, src := range sources {
		add("page.source.setting", l.And(settings[i]), src)
	}
	return slices.Clip(out)
}
