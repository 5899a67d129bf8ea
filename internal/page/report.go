package page

import (
	"cmp"
	"io"
	"slices"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// reportView is what the student's page shows of a report, worked out once so that the
// templates only place it.
type reportView struct {
	dated
	Who, Source, Profile string
	Verdict              assessment.Verdict
	Score                float64
	Thresholds           assessment.Thresholds
	Gauge                gauge
	Blockers             []string // the blocking gaps' titles, for the headline
	Titled               bool     // every blocking gap has a title (else the headline counts them)
	FirstStep            string
	Areas                []areaRow
	Steps                []stepRow
	Credentials          []credentialRow
	Gaps                 []gapRow
	Settings             []assessment.SettingOutlook
	Notes                []assessment.Note
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
	Title, Requirement, Current, Target, NextStep string
	Severity                                      assessment.Severity
	Step                                          int // the step of the path that closes it; 0 when none does
}

// Report writes a student's page: what matters first (the verdict, the path, the credentials),
// then the gaps, the words used, the sources and the date.
func Report(w io.Writer, r assessment.Report, opts Options) error {
	set, err := templatesFor(opts.Lang)
	if err != nil {
		return err
	}
	v := newReportView(r)
	v.dated = newDated(opts.Date)
	f := frame{Kind: "report", Who: cmp.Or(v.Who, v.Source), Date: opts.Date, Sources: reportSources(r, opts)}
	return write(w, set, "report", v, f)
}

func newReportView(r assessment.Report) reportView {
	v := reportView{
		Who: fileText(r.Respondent), Source: fileText(r.Source), Profile: fileText(r.Profile),
		Verdict: r.Verdict, Score: r.Score, Thresholds: r.Thresholds, Titled: true,
		Gauge: newGauge(r.Score, r.Thresholds), Settings: r.Settings, Notes: r.Notes,
	}
	titles := map[string]string{}
	for _, g := range r.Gaps {
		titles[g.ID] = cmp.Or(g.Title, g.ID)
		if g.Severity == assessment.Blocking {
			v.Blockers = append(v.Blockers, g.Title)
			v.Titled = v.Titled && g.Title != ""
		}
	}
	for _, a := range r.Areas {
		v.Areas = append(v.Areas, areaRow{Title: a.Title, Score: a.Score, Weight: a.Weight,
			Level: level(a.Score, r.Thresholds), Bar: newBar(a.Score, 100)})
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
		v.Gaps = append(v.Gaps, gapRow{Title: titles[g.ID], Requirement: g.Requirement, Current: g.Current,
			Target: g.Target, NextStep: g.NextStep, Severity: g.Severity, Step: step[g.ID]})
	}
	return v
}

// level names how far a score is: low under the nearly-ready threshold, middle under the ready
// one, high from there. The bars' colours follow it; the number is always beside them.
func level(score float64, t assessment.Thresholds) string {
	switch {
	case score < t.NearlyReady:
		return "low"
	case score < t.Ready:
		return "middle"
	}
	return "high"
}

// reportSources lists what the page's rules and figures rest on: the profile's document, each
// credential's rule, and the employment figures of the chosen work settings, each once.
func reportSources(r assessment.Report, opts Options) []sourceLine {
	var out []sourceLine
	add := func(what, arg, text string) {
		if text == "" {
			return
		}
		out = append(out, sourceLine{What: what, Arg: arg, Text: text})
	}
	add("source-requirements", "", opts.Requirements)
	// The credentials' rules on one line: four lines of "AHIMA, ... page" would crowd the second
	// sheet of a printed report.
	var rules []string
	for _, c := range r.Credentials {
		if c.Source != "" {
			rules = append(rules, strings.ToUpper(c.ID)+": "+c.Source)
		}
	}
	add("source-credentials", "", strings.Join(rules, "; "))
	for _, s := range r.Settings {
		add("source-setting", s.Title, s.Source)
	}
	return slices.Clip(out)
}
