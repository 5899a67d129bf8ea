package render

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/page"
	"github.com/hitready/hitready/internal/prose"
	"github.com/hitready/hitready/internal/textsafe"
)

// ReportFormats are the formats of one report (assess).
func ReportFormats() Formats[Renderer[assessment.Report]] {
	return Formats[Renderer[assessment.Report]]{
		{"table", reportTable},
		{"json", document(writeJSON[assessment.Report])},
		{"yaml", document(fastYAML[assessment.Report])},
		{"csv", document(reportCSV)},
		{"markdown", reportMarkdown},
		{"html", func(w io.Writer, r assessment.Report, o Options) error { return page.Report(w, r, o.Page) }},
	}
}

const (
	barCells = 20
	// gapTableMin is the narrowest the gap table is drawn at; below it each gap is a block of
	// labelled lines, which reads better than a table of one-word columns.
	gapTableMin = 70
)

// reportSection writes one part of the report for a person.
type reportSection func(b *strings.Builder, r assessment.Report, opts Options, p painter)

// reportTable writes the report for a person: who it is for, the verdict and the score, a bar per area,
// the gaps, the work settings and notes, and a closing block that repeats the verdict and the
// first step so they are on screen when the rest has scrolled away.
func reportTable(w io.Writer, r assessment.Report, opts Options) error {
	p := painter(opts.Color && !opts.Plain)
	draw := func(sections ...reportSection) (texts []string) {
		for _, section := range sections {
			var part strings.Builder
			section(&part, r, opts, p)
			if part.Len() > 0 {
				texts = append(texts, part.String())
			}
		}
		return texts
	}
	// What matters is at the end, on the last screen: the scores and the gaps first, then the
	// words the report uses spelled out, the path that closes the gaps (each step naming its
	// gaps), the credentials, and the closing block.
	texts := draw(verdictSection, areaSection, noteSection, gapSection, settingSection)
	end := draw(pathSection, closingSection)
	// The words of the whole report, said before the path that uses most of them.
	if words := wordsText(strings.Join(slices.Concat(texts, end), ""), opts); words != "" {
		texts = append(texts, words)
	}
	_, err := io.WriteString(w, strings.TrimRight(strings.Join(append(texts, end...), "\n"), "\n")+"\n")
	return err
}

func verdictSection(b *strings.Builder, r assessment.Report, opts Options, p painter) {
	l := opts.loc()
	if who := describeRespondent(r, l); who != "" {
		wrapped(b, "", p.paint(ansiDim, who), opts.width())
	}
	for _, line := range prose.Lines(page.Headline(l, r, reportHeadline), opts.width()) {
		b.WriteString(p.paint(ansiBold+verdictColor[r.Verdict], line) + "\n")
	}
	b.WriteString(l.T("report.closing.score") + ": " + scoreValue(r, l) + "\n")
}

// areaSection draws a bar per area, or with Plain a labelled line; the score is always written
// as a number, so nothing rests on the bar's colour.
func areaSection(b *strings.Builder, r assessment.Report, opts Options, p painter) {
	l := opts.loc()
	titleWidth := 0
	for _, a := range r.Areas {
		titleWidth = max(titleWidth, textWidth(a.Title))
	}
	if opts.Plain {
		b.WriteString(l.T("report.areas.plain") + "\n")
	}
	for _, a := range r.Areas {
		if opts.Plain {
			b.WriteString("  " + l.T("report.area.plain", i18n.Args{"Area": a.Title, "Score": page.Score(a.Score),
				"Level": l.T("report.level." + page.Level(a.Score, r.Thresholds)), "Share": areaShare(r, a)}) + "\n")
			continue
		}
		fmt.Fprintf(b, "  %s%s  %s  %5s  %s\n", a.Title, strings.Repeat(" ", titleWidth-textWidth(a.Title)),
			bar(a.Score, levelColor[page.Level(a.Score, r.Thresholds)], p), page.Score(a.Score),
			l.T("report.area.weight", i18n.Args{"Share": areaShare(r, a)}))
	}
}

// areaShare is an area's share of the overall score, in whole percent: its weight in words a
// person knows ("30% of your score", not "weight 30").
func areaShare(r assessment.Report, a assessment.AreaScore) string {
	total := 0.0
	for _, x := range r.Areas {
		total += x.Weight
	}
	if total <= 0 {
		return "0"
	}
	return strconv.FormatFloat(math.Round(100*a.Weight/total), 'f', -1, 64)
}

// The colours of an area's level, a verdict and a gap's severity (a minor gap has none).
var (
	levelColor    = map[string]string{"low": ansiRed, "middle": ansiYellow, "high": ansiGreen}
	verdictColor  = map[assessment.Verdict]string{assessment.Ready: ansiGreen, assessment.NearlyReady: ansiYellow, assessment.NotReady: ansiRed}
	severityColor = map[assessment.Severity]string{assessment.Blocking: ansiBold + ansiRed, assessment.Major: ansiYellow}
)

// shownGaps splits the gaps into those drawn in full and the minor ones named in a line: with
// bigger gaps to see to, minor ones are for later, unless every gap is asked for.
func shownGaps(r assessment.Report, all bool) (full, summed []assessment.Gap) {
	if all || !slices.ContainsFunc(r.Gaps, func(g assessment.Gap) bool { return g.Severity != assessment.Minor }) {
		return r.Gaps, nil
	}
	for _, g := range r.Gaps {
		if g.Severity == assessment.Minor {
			summed = append(summed, g)
		} else {
			full = append(full, g)
		}
	}
	return full, summed
}

func gapSection(b *strings.Builder, r assessment.Report, opts Options, p painter) {
	l := opts.loc()
	if len(r.Gaps) == 0 {
		b.WriteString(l.T("report.gaps.none") + "\n")
		return
	}
	wrapped(b, "", l.N("report.gaps.heading", len(r.Gaps)), opts.width())
	full, summed := shownGaps(r, opts.AllGaps)
	steps := stepOfGap(r.Plan)
	_ = gapTable(b, full, steps, opts, p) // a strings.Builder does not fail
	if closing := stepsClosing(summed, r.Plan); len(summed) > 0 && len(closing) > 0 {
		// Named by the steps that close them, shown in full or summed up under the path's
		// hint: a minor gap the first step closes is counted with it, not with the later ones.
		b.WriteString("\n")
		wrapped(b, "", l.N("report.gaps.minor-closed", len(summed), i18n.Args{"Steps": stepNumbers(closing, l)}), opts.width())
	} else if len(summed) > 0 {
		titles := make([]string, len(summed))
		for i, g := range summed {
			titles[i] = gapTitle(g)
		}
		b.WriteString("\n")
		wrapped(b, "", l.N("report.gaps.minor-later", len(summed), i18n.Args{"Titles": strings.Join(titles, ", ")}), opts.width())
		b.WriteString(allGapsHint(opts, "  ") + "\n")
	}
}

// stepsClosing are the steps of the plan that close at least one of gaps, in the plan's order;
// none when some gap has no step that closes it (the report then names the gaps instead).
func stepsClosing(gaps []assessment.Gap, plan []assessment.PlanStep) []assessment.PlanStep {
	steps := stepOfGap(plan)
	wanted := map[int]bool{}
	for _, g := range gaps {
		n, ok := steps[g.ID]
		if !ok {
			return nil
		}
		wanted[n] = true
	}
	var closing []assessment.PlanStep
	for _, s := range plan {
		if wanted[s.Step] {
			closing = append(closing, s)
		}
	}
	return closing
}

// gapTitle is the gap's short title, or its id for a profile that gives none.
func gapTitle(g assessment.Gap) string { return cmp.Or(g.Title, g.ID) }

// gapColumns: the short title says what the gap is, with its severity under it; the target says
// what counts as closing it, so the full requirement sentence is left to JSON and the stacked
// layout. Under 100 columns the first three are kept narrow, so that the next step, the longest
// text, is not squeezed into a column of single words.
func gapColumns(width int, l *i18n.Localizer) []column {
	req, now, target, next := l.T("report.gap.requirement"), l.T("report.gap.now"), l.T("report.gap.target"), l.T("report.gap.next")
	if width < 100 {
		return []column{
			{header: req, min: 12, max: 16},
			{header: now, min: 11, max: 12},
			{header: target, min: 12, max: 13},
			{header: next, min: 20},
		}
	}
	return []column{
		{header: req, min: 12, max: 20},
		{header: now, min: 11, max: 14},
		{header: target, min: 12, max: 18},
		{header: next, min: 20},
	}
}

// severityWords is a gap's severity as a person reads it; the value itself (blocking) is the
// same in every language in JSON, YAML and CSV.
func severityWords(s assessment.Severity, l *i18n.Localizer) string {
	return l.T("report.severity." + string(s))
}

// gapTable lays out the gaps in a table fitted to the width, or as blocks where it does not fit:
// each its title and severity, the requirement in full, then where the person is, the target and
// the next step, as labelled lines. steps maps a gap to the step of the path that closes it,
// named instead of repeating it.
func gapTable(w io.Writer, gaps []assessment.Gap, steps map[string]int, opts Options, p painter) error {
	loc := opts.loc()
	rows := make([][]string, len(gaps))
	for i, g := range gaps {
		rows[i] = []string{gapTitle(g) + "\n" + p.paint(severityColor[g.Severity], severityWords(g.Severity, loc)), g.Current, g.Target,
			gapNextStep(g, steps, loc)}
	}
	block := func(b *strings.Builder, i int, width int) {
		g := gaps[i]
		fmt.Fprintf(b, "%s (%s)\n", p.paint(ansiBold, gapTitle(g)), p.paint(severityColor[g.Severity], severityWords(g.Severity, loc)))
		if g.Requirement != "" {
			wrapped(b, "  ", g.Requirement, width)
		}
		l := labelled{indent: "  "}
		l.add(loc.T("report.gap.now"), g.Current)
		l.add(loc.T("report.gap.target"), g.Target)
		l.add(loc.T("report.gap.next"), gapNextStep(g, steps, loc))
		l.write(b, width)
	}
	t := table{cols: gapColumns(opts.width(), loc), rowLines: true, narrowest: gapTableMin, block: block}
	return t.write(w, rows, opts)
}

// pathSection writes the "Your path" section of the table report: the numbered steps, each with
// what it closes, then where the person stands with each credential.
func pathSection(b *strings.Builder, r assessment.Report, opts Options, p painter) {
	width := opts.width()
	l := opts.loc()
	titles := gapTitles(r.Gaps)
	if len(r.Plan) > 0 {
		fmt.Fprintf(b, "%s\n", p.paint(ansiBold, l.N("report.path.heading", len(r.Plan))))
		full, later := shownSteps(r, opts.AllGaps)
		numWidth := len(strconv.Itoa(len(r.Plan)))
		indent := strings.Repeat(" ", 2+numWidth+2)
		for _, s := range full {
			wrapped(b, fmt.Sprintf("  %*d. ", numWidth, s.Step), s.Action, width)
			for _, line := range prose.Lines("("+closesText(s, titles, l)+")", max(width-len(indent), 20)) {
				fmt.Fprintf(b, "%s%s\n", indent, p.paint(ansiDim, line))
			}
		}
		if len(later) > 0 {
			var names []string
			for _, s := range later {
				names = append(names, closedTitles(s, titles)...)
			}
			label := "  " + l.T("report.path.later") + " "
			wrapped(b, label, l.N("report.path.later-steps", len(later), i18n.Args{"Titles": strings.Join(names, ", "), "Steps": stepNumbers(later, l)}), width)
			b.WriteString(allGapsHint(opts, strings.Repeat(" ", textWidth(label))) + "\n")
		}
	}
	if len(r.Credentials) > 0 {
		b.WriteString(l.T("report.credentials.heading") + "\n")
		nameWidth := 0
		for _, c := range r.Credentials {
			nameWidth = max(nameWidth, len(shortName(c.ID)))
		}
		credentials, shared := sharedMissing(r.Credentials)
		for _, c := range credentials {
			wrapped(b, fmt.Sprintf("  %-*s  ", nameWidth, shortName(c.ID)), statusText(c, l), width)
		}
		for _, s := range shared {
			wrapped(b, "  ", l.T("report.credentials.all", i18n.Args{"Credentials": l.And(s.names), "Text": s.text}), width)
		}
		// The credentials of this report's profile, in its language: --profile and --lang with it.
		args := opts.Credentials
		if args == nil {
			args = []string{"credentials"}
		}
		wrapped(b, "", l.T("report.credentials.hint"), width)
		b.WriteString(textsafe.FitCommand(opts.command(), args, width, "  ") + "\n")
	}
}

// allGapsHint is the command that shows every gap and step in full, after indent: the same
// answers and flags with --all-gaps (Options.InFull), fitted to the width with shell
// continuations, so that it runs when pasted where the answers are kept.
func allGapsHint(opts Options, indent string) string {
	args := opts.InFull
	if args == nil && opts.AnswersKept != "" {
		args = []string{"assess", "--answers", opts.AnswersKept, "--all-gaps"}
	}
	if args == nil {
		return indent + opts.command() + " assess --all-gaps " + opts.loc().T("report.hint.same-answers")
	}
	return textsafe.FitCommand(opts.command(), args, opts.width(), indent)
}

func settingSection(b *strings.Builder, r assessment.Report, opts Options, _ painter) {
	if len(r.Settings) == 0 {
		return
	}
	l := opts.loc()
	b.WriteString(l.T("report.settings.heading") + "\n")
	for _, s := range r.Settings {
		wrapped(b, "  "+s.Title+": ", settingFigure(s, l), opts.width())
	}
	args := opts.Outlook
	if args == nil {
		args = []string{"outlook"}
	}
	wrapped(b, "", l.T("report.settings.hint"), opts.width())
	b.WriteString(textsafe.FitCommand(opts.command(), args, opts.width(), "  ") + "\n")
}

func noteSection(b *strings.Builder, r assessment.Report, opts Options, _ painter) {
	for i, n := range r.Notes {
		if i > 0 {
			b.WriteString("\n")
		}
		wrapped(b, opts.loc().T("report.note")+" ", n.Text, opts.width())
	}
}

// wordsText spells out, once, the abbreviations a text uses (AHIMA, CAHIIM, RHIT...).
func wordsText(text string, opts Options) string {
	used := wordsUsed(text)
	if len(used) == 0 {
		return ""
	}
	loc := opts.loc()
	var b strings.Builder
	b.WriteString(loc.T("report.words.heading") + "\n")
	l := labelled{indent: "  "}
	for _, abbr := range used {
		l.add(abbr, loc.T("word."+abbr))
	}
	l.write(&b, opts.width())
	return b.String()
}

// closingSection repeats what matters at the end, where the eye is when the report has scrolled:
// the verdict, the score, the first step and where the answers are kept.
func closingSection(b *strings.Builder, r assessment.Report, opts Options, p painter) {
	loc := opts.loc()
	if opts.Plain {
		b.WriteString(loc.T("report.closing.plain") + "\n")
	} else {
		b.WriteString(strings.Repeat("─", min(opts.width(), 40)) + "\n")
	}
	l := labelled{indent: map[bool]string{true: "  "}[opts.Plain]}
	verdict := loc.T("report.verdict." + string(r.Verdict)) // in words; the value (not-ready) never changes
	if blocking := blockingTitles(r); len(blocking) > 0 {
		verdict = loc.N("report.closing.blocked", len(blocking), i18n.Args{"Verdict": verdict, "Titles": strings.Join(blocking, ", ")})
	}
	l.add(loc.T("report.closing.verdict"), verdict)
	l.add(loc.T("report.closing.score"), scoreValue(r, loc))
	// Step 1 of the path by its short label (the path above gives it in full); a report without
	// a plan (a saved one from before plans) falls back on its most important gap's next step.
	// Ready, what is left is for later: a next step, not a first one.
	label := loc.T(map[bool]string{true: "report.closing.next-step", false: "report.closing.first-step"}[r.Verdict == assessment.Ready])
	if len(r.Plan) > 0 && r.Plan[0].Optional {
		label = loc.T("report.closing.option") // an option, never the next step
	}
	switch {
	case len(r.Plan) > 0:
		l.add(label, r.Plan[0].Label())
	case len(r.Gaps) > 0:
		l.add(label, gapTitle(r.Gaps[0])+": "+r.Gaps[0].NextStep)
	}
	if opts.AnswersKept != "" {
		l.add(loc.T("report.closing.answers"), textsafe.Escape(opts.AnswersKept))
	}
	l.write(b, opts.width())
}

func blockingTitles(r assessment.Report) []string {
	var titles []string
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			titles = append(titles, gapTitle(g))
		}
	}
	return titles
}

// verdictShort is the verdict in a word or two, for a table's narrow column and compare.
func verdictShort(v assessment.Verdict, l *i18n.Localizer) string {
	return l.T("report.verdict-short." + string(v))
}

// scoreValue is the score out of 100 and the one that counts as ready.
func scoreValue(r assessment.Report, l *i18n.Localizer) string {
	return l.T("report.score.value", i18n.Args{"Score": page.Score(r.Score), "Ready": page.Score(r.Thresholds.Ready)})
}

// settingFigure says what the sources give for a work setting.
func settingFigure(s assessment.SettingOutlook, l *i18n.Localizer) string {
	if s.Employment == "" {
		return l.T("report.settings.no-figure")
	}
	return l.T("report.settings.figure", i18n.Args{"Employment": s.Employment, "Industry": s.Industry, "Source": s.Source})
}

// reportHeadline are the messages of the report's headline, which says the verdict too ("Not yet
// ready: the associate's degree and the AHIMA exam stand in the way.").
var reportHeadline = page.HeadlineIDs{Blocker: "report.headline.blocker", Blocked: "report.headline.blocked",
	Untitled: "report.headline.blocked-untitled", Ready: "report.headline.ready", Nearly: "report.headline.nearly",
	Low: "report.headline.low"}

func describeRespondent(r assessment.Report, l *i18n.Localizer) string {
	// The source is a name from the file system, which may hold any byte: shown escaped. The
	// respondent is checked when read; it is escaped too, on one line, whatever wrote the report.
	r.Respondent = textsafe.Escape(strings.Join(strings.Fields(r.Respondent), " "))
	r.Source = textsafe.Escape(r.Source)
	switch {
	case r.Respondent != "" && r.Source != "":
		return r.Respondent + " (" + r.Source + ")"
	case r.Respondent != "":
		return r.Respondent
	case r.Source != "":
		return l.T("report.answers-from", i18n.Args{"Source": r.Source})
	}
	return ""
}

// bar draws a score of 0-100 as a row of cells in the colour of its level, rounding down so a
// bar is full only at 100.
func bar(score float64, color string, p painter) string {
	filled := int(math.Floor(score / 100 * barCells))
	filled = min(max(filled, 0), barCells)
	return p.paint(color, strings.Repeat("█", filled)) + p.paint(ansiDim, strings.Repeat("░", barCells-filled))
}
