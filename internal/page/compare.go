package page

import (
	"cmp"
	"io"
	"slices"
	"time"

	"github.com/hitready/hitready/assessment"
)

// compareView is what the progress page shows of a comparison: its own fields (the snapshots,
// the changes), with the names from files escaped and its lists as the page's rows.
type compareView struct {
	assessment.Comparison
	Date                 time.Time // the day the page says it was made; zero for none
	Who                  string
	OldSource, NewSource string
	OldName, NewName     string
	Areas                []areaChange
	Done                 []doneStep
	UnderWay             []underWayStep
	Closed               []changedGap
	Opened               []changedGap
	Remaining            []changedGap
}

type areaChange struct {
	Title            string
	Old, New, Change float64
	OldBar, NewBar   bar
}

type doneStep struct {
	Label  string
	Closes []string // when it closed more than the one gap its label names
}

type underWayStep struct {
	Label        string
	Closed, Open []string
}

type changedGap struct {
	Title, NextStep string
	Severity        assessment.Severity
	Was             assessment.Severity // the severity before, when it changed
}

// Comparison writes the progress page of `compare`: the score and verdict then and now, each
// area, the steps done and under way, and the gaps closed, opened and remaining.
func Comparison(w io.Writer, c assessment.Comparison, opts Options) error {
	set, err := templatesFor(opts.Lang)
	if err != nil {
		return err
	}
	v := compareView{Comparison: c, Date: opts.Date, Who: fileText(cmp.Or(c.New.Respondent, c.Old.Respondent)),
		OldSource: fileText(c.Old.Source), NewSource: fileText(c.New.Source),
		OldName: fileText(c.Old.Respondent), NewName: fileText(c.New.Respondent)}
	for _, a := range c.Areas {
		v.Areas = append(v.Areas, areaChange{Title: a.Title, Old: a.Old, New: a.New, Change: a.Change,
			OldBar: newBar(a.Old, 100), NewBar: newBar(a.New, 100)})
	}
	titles := map[string]string{}
	for _, g := range slices.Concat(c.Closed, c.Remaining, c.Opened) {
		titles[g.ID] = gapTitle(g)
	}
	title := func(id string) string { return cmp.Or(titles[id], id) }
	for _, s := range c.StepsCompleted {
		d := doneStep{Label: s.Label()}
		if len(s.Closes) > 1 {
			for _, id := range s.Closes {
				d.Closes = append(d.Closes, title(id))
			}
		}
		v.Done = append(v.Done, d)
	}
	for _, s := range c.StepsUnderWay {
		u := underWayStep{Label: s.Label()}
		for _, id := range s.Closes {
			if slices.Contains(s.Closed, id) {
				u.Closed = append(u.Closed, title(id))
			} else {
				u.Open = append(u.Open, title(id))
			}
		}
		v.UnderWay = append(v.UnderWay, u)
	}
	was := map[string]assessment.Severity{}
	for _, sc := range c.SeverityChanges {
		was[sc.ID] = sc.Old
	}
	gaps := func(gs []assessment.Gap) []changedGap {
		var out []changedGap
		for _, g := range gs {
			out = append(out, changedGap{Title: gapTitle(g), NextStep: g.NextStep, Severity: g.Severity, Was: was[g.ID]})
		}
		return out
	}
	v.Closed, v.Opened, v.Remaining = gaps(c.Closed), gaps(c.Opened), gaps(c.Remaining)
	pageTitle := titleOf(set.w.l, "page.title.compare", "page.title.compare-of", cmp.Or(v.Who, v.NewSource))
	return write(w, set, "compare", v, frame{Kind: "compare", Title: pageTitle, Date: opts.Date}, nil)
}
