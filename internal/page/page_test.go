package page

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/questions"
)

// fixedDate is the date every page of these tests says it was made.
var fixedDate = time.Date(2027, time.March, 12, 0, 0, 0, 0, time.UTC)

// testOptions are the options of every page of these tests.
var testOptions = Options{Date: fixedDate, Requirements: "Becoming a Health Information Technician, a career-guide article (undated; its figures are from 2012)"}

// examples are the answers files of examples/, scored with the embedded profile.
var examples = []string{"ready.yaml", "nearly-ready.yaml", "not-ready.yaml", "student.json"}

// scorer scores answers files and literal answers with the embedded profile.
type scorer struct {
	bank    *questions.Bank
	profile *assessment.Profile
}

func newScorer(t testing.TB) scorer {
	t.Helper()
	return newScorerIn(t, i18n.English)
}

// newScorerIn scores with the bank in language l.
func newScorerIn(t testing.TB, l i18n.Lang) scorer {
	t.Helper()
	bank, err := questions.LoadIn(l)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	return scorer{bank: bank, profile: p}
}

func (s scorer) file(t testing.TB, path string) assessment.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s.answers(t, path, data)
}

func (s scorer) answers(t testing.TB, source string, data []byte) assessment.Report {
	t.Helper()
	a, err := s.bank.DecodeAnswers(source, data)
	if err != nil {
		t.Fatal(err)
	}
	r := assessment.Score(s.profile, a)
	r.Source = source
	return r
}

func (s scorer) example(t testing.TB, name string) assessment.Report {
	r := s.file(t, filepath.Join("..", "..", "examples", name))
	r.Source = "examples/" + name
	return r
}

// everyGap is a person who meets no requirement at all: the longest report there is.
const everyGap = `respondent: Casey Everygap
answers:
  education.level: none
  coursework: []
  certification.ahima: none
  skills.clinical-knowledge: 1
  skills.reimbursement: 1
  skills.empathy: 1
  skills.ethics: 1
  skills.composure: 1
  skills.compassion: 1
  skills.privacy: 1
  skills.communication: 1
  skills.organization: 1
  skills.computer: 1
`

// hostileName is a respondent no answers file would pass (they refuse control characters), as a
// hand-edited saved report might hold it: markup, an attribute break-out, a script link and a
// right-to-left override that would turn the rest of a line around.
const hostileName = "<script>alert(1)</script>\"><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a> \u202eevil\u2066 </style>"

// everyPart is the person with every gap who also chose every work setting: the report with
// every part the page has (the settings, the note on uniform ratings).
const everyPart = everyGap + `  work.settings: [hospitals, nursing-homes, physicians-offices, home-health-agencies, mental-health-facilities, rehabilitation-centers]
`

// drawn is every kind of page, drawn from the same people, and the reports they were drawn from.
type drawn struct {
	pages      map[string]string
	reports    []assessment.Report
	comparison assessment.Comparison
	opts       Options
}

// allPages draws every kind of page, the name who on each (when not empty), for tests that read
// the HTML.
func allPages(t *testing.T, who string) map[string]string {
	t.Helper()
	return drawPages(t, newScorer(t), testOptions, who).pages
}

// drawPages draws a report for each example and for everyGap and everyPart, the cohort page of
// them all and the comparison of two examples, in opts's language and with s's bank.
func drawPages(t *testing.T, s scorer, opts Options, who string) drawn {
	t.Helper()
	d := drawn{pages: map[string]string{}, opts: opts}
	sum := assessment.NewSummary(s.profile)
	var cohort bytes.Buffer
	c := NewCohort(&cohort, opts)
	for _, ex := range append(examples, "every-gap", "every-part") {
		var r assessment.Report
		switch ex {
		case "every-gap":
			r = s.answers(t, "every-gap.yaml", []byte(everyGap))
		case "every-part":
			r = s.answers(t, "every-part.yaml", []byte(everyPart))
		default:
			r = s.example(t, ex)
		}
		if who != "" {
			r.Respondent, r.Source = who, who+".yaml"
		}
		var b bytes.Buffer
		if err := Report(&b, r, opts); err != nil {
			t.Fatal(err)
		}
		d.pages[ex] = b.String()
		d.reports = append(d.reports, r)
		row, err := c.Render(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Add(row); err != nil {
			t.Fatal(err)
		}
		sum.Add(r)
	}
	// A file that could not be scored: the page names it (with who's name, escaped as any).
	broken := "broken.yaml"
	if who != "" {
		broken = who + "-broken.yaml"
	}
	sum.AddUnscored(broken, assessment.Incomplete)
	if err := c.Close(sum); err != nil {
		t.Fatal(err)
	}
	d.pages["cohort"] = cohort.String()
	old, new := s.example(t, "not-ready.yaml"), s.example(t, "nearly-ready.yaml")
	if who != "" {
		old.Respondent, new.Respondent = who, "someone else"
	}
	d.comparison = assessment.Compare(old, new)
	var b bytes.Buffer
	if err := Comparison(&b, d.comparison, opts); err != nil {
		t.Fatal(err)
	}
	d.pages["compare"] = b.String()
	d.reports = append(d.reports, old, new)
	return d
}

func TestHostileTextIsEscaped(t *testing.T) {
	for name, html := range allPages(t, hostileName) {
		t.Run(name, func(t *testing.T) {
			for _, bad := range []string{"<script", "<img", "<a ", "\u202e", "\u2066", "</style>\""} {
				if strings.Contains(html, bad) {
					t.Errorf("the page holds %q as it came", bad)
				}
			}
			for _, tag := range tags.FindAllString(html, -1) {
				if strings.Contains(tag, "onerror") || strings.Contains(tag, "javascript:") || strings.Contains(tag, "alert") {
					t.Errorf("the hostile name made it into a tag: %s", tag)
				}
			}
			if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("the hostile name is not shown, escaped, in the page")
			}
			if !strings.Contains(html, `\u202eevil`) {
				t.Errorf("the right-to-left override is not shown as an escape")
			}
			if got := strings.Count(html, "</style>"); got != 2 {
				t.Errorf("the page closes %d style elements; it opens 2", got)
			}
		})
	}
}

// resource finds where a page could load something: an element's src or href, a CSS url() or
// @import, an object's data.
var resource = regexp.MustCompile(`(?i)\b(src|href|data|srcset|poster|action)\s*=|url\(|@import`)

func TestNothingIsLoadedFromElsewhere(t *testing.T) {
	for name, html := range allPages(t, "") {
		if m := resource.FindAllString(html, -1); len(m) > 0 {
			t.Errorf("%s: the page could load something: %q", name, m)
		}
		if !strings.HasPrefix(html, "<!DOCTYPE html>\n<html lang=\"en\">") {
			t.Errorf("%s: the page does not open with its doctype and language: %.40q", name, html)
		}
	}
}

// svgOpen matches an SVG's opening tag; each is hidden from screen readers (a bar beside its
// number) or an image with a title and a description.
var svgOpen = regexp.MustCompile(`<svg[^>]*>`)

func TestEveryChartHasATextEquivalent(t *testing.T) {
	for name, html := range allPages(t, "") {
		for _, tag := range svgOpen.FindAllString(html, -1) {
			if strings.Contains(tag, `aria-hidden="true"`) {
				continue
			}
			m := regexp.MustCompile(`role="img" aria-labelledby="([^ "]+) ([^ "]+)"`).FindStringSubmatch(tag)
			if m == nil {
				t.Errorf("%s: a chart neither hidden nor labelled: %s", name, tag)
				continue
			}
			for _, id := range m[1:] {
				if !strings.Contains(html, `id="`+id+`"`) {
					t.Errorf("%s: the chart is labelled by %q, which is not in the page", name, id)
				}
			}
		}
	}
	cohort := allPages(t, "")["cohort"]
	for _, want := range []string{"Students by score, in bands of ten", "30-39: 2 students", "80-89: 1 student"} {
		if !strings.Contains(cohort, want) {
			t.Errorf("the score distribution's text does not say %q", want)
		}
	}
}

// TestLayoutsHoldNoWords keeps every word of the page in the catalogue, where both languages
// stand side by side, so that every language goes through the same templates: what is left of a
// template without its actions (which name messages by id), tags and comments is blank or
// punctuation.
func TestLayoutsHoldNoWords(t *testing.T) {
	strip := regexp.MustCompile(`(?s)\{\{/\*.*?\*/\}\}|<style.*?</style>|\{\{.*?\}\}|<[^>]*>`)
	names, err := fs.Glob(files, "templates/*.tmpl")
	if err != nil || len(names) < 4 {
		t.Fatalf("templates: %v %v", names, err)
	}
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		left := strip.ReplaceAllString(string(data), "")
		if words := regexp.MustCompile(`\pL{2,}`).FindAllString(left, -1); len(words) > 0 {
			t.Errorf("%s holds words of its own: %q", name, words)
		}
	}
}

// messageID finds the catalogue's ids the page names, in its templates and its Go code.
var messageID = regexp.MustCompile(`"(page\.[\w.-]*\w)"`)

// TestEveryMessageIsThere: every id the templates and the code name is in the catalogue (a
// missing one would show its id to a person), and every page.* message of the catalogue is used
// (the list of words used takes every page.word.* it finds).
func TestEveryMessageIsThere(t *testing.T) {
	used, known := map[string]bool{}, map[string]bool{}
	for _, id := range i18n.IDs("page.") {
		known[id] = true
	}
	read := func(fsys fs.FS, pattern string) {
		names, err := fs.Glob(fsys, pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("%s: %v %v", pattern, names, err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range messageID.FindAllStringSubmatch(string(data), -1) {
				used[m[1]] = true
				if !known[m[1]] {
					t.Errorf("%s names message %q, which is not in the catalogue", name, m[1])
				}
			}
		}
	}
	read(files, "templates/*.tmpl")
	read(os.DirFS("."), "*.go")
	for id := range known {
		if !strings.HasPrefix(id, glossaryPrefix) && !used[id] {
			t.Errorf("message %q is in the catalogue but the page never uses it", id)
		}
	}
}

func TestLanguageFallsBackOnEnglish(t *testing.T) {
	s := newScorer(t)
	for _, lang := range []i18n.Lang{"", i18n.English, "EN", "xx", "../style.css"} {
		var b bytes.Buffer
		if err := Report(&b, s.example(t, "ready.yaml"), Options{Lang: lang}); err != nil {
			t.Fatalf("lang %q: %v", lang, err)
		}
		if !strings.Contains(b.String(), `<html lang="en">`) {
			t.Errorf("lang %q: the page is not declared English", lang)
		}
		if strings.Contains(b.String(), "<time") {
			t.Errorf("lang %q: a page without a date says one", lang)
		}
	}
}

// TestTheGlossaryExplainsWhatThePageSays lists an abbreviation only when the page uses it.
func TestTheGlossaryExplainsWhatThePageSays(t *testing.T) {
	pages := allPages(t, "")
	for name, want := range map[string][]string{
		"not-ready.yaml": {"AHIMA", "CAHIIM", "CCA", "CCS", "HIT", "RHIA", "RHIT"},
	} {
		for _, abbr := range want {
			if !strings.Contains(pages[name], "<dt><abbr>"+abbr+"</abbr></dt>") {
				t.Errorf("%s: %s is not explained", name, abbr)
			}
		}
	}
	if strings.Contains(pages["cohort"], "<dt><abbr>HIM</abbr>") && !strings.Contains(tags.ReplaceAllString(strings.SplitN(pages["cohort"], `id="h-words"`, 2)[0], " "), "HIM") {
		t.Error("the cohort page explains HIM, which it does not use")
	}
}

func TestCSSString(t *testing.T) {
	for in, want := range map[string]string{
		"Alex Chen":             `"Alex Chen"`,
		`a"b\c</style>`:         `"a\22 b\5c c\3c \2f style\3e "`,
		"line\nnext\x00":        `"line\a next\fffd "`,
		"Readiness report: Zoë": `"Readiness report\3a  Zo\eb "`,
	} {
		if got := string(cssString(in)); got != want {
			t.Errorf("cssString(%q) = %s, want %s", in, got, want)
		}
	}
}

// The cohort page names the files that could not be scored, as the table and Markdown do, so
// that a page for a program meeting does not leave a student out unseen (new-user tester).
func TestCohortPageNamesTheUnscored(t *testing.T) {
	for _, tt := range []struct {
		lang i18n.Lang
		want []string
	}{
		{i18n.English, []string{`<h2 id="h-unscored">Not scored</h2>`, "1 file could not be scored", "<li>broken.yaml: incomplete</li>"}},
		{i18n.Spanish, []string{`<h2 id="h-unscored">Sin puntuar</h2>`, "1 archivo no se pudo puntuar", "<li>broken.yaml: incompleto</li>"}},
	} {
		opts := testOptions
		opts.Lang = tt.lang
		page := drawPages(t, newScorer(t), opts, "").pages["cohort"]
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the cohort page lacks %q", tt.lang, w)
			}
		}
	}
}
