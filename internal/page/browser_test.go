package page

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/i18n"
)

// The pages in a real browser: headless Chromium opens each one from a file, as a person would,
// and the tests check what only a browser can tell: how many sheets it prints on, whether it
// scrolls sideways on a phone, whether it asks for anything over the network, and what axe-core
// finds about its accessibility.
//
// They need Chromium (Debian's chromium package; HITREADY_CHROMIUM names another binary) and
// axe-core (npm's package, installed by .ci/run into .ci/node; HITREADY_AXE names another
// axe.min.js). Without them the tests are skipped with a message, except in CI (CI=true), where
// .ci/run installs both and a missing one is a failure. pdftotext (poppler-utils), when present,
// reads the printed sheets for the name and the date.

var shots = flag.String("screenshots", "", "write the browser tests' screenshots and PDFs into this folder")

// browserDeadline bounds the whole browser test: one browser, a tab per page, on two shared cores.
const browserDeadline = 6 * time.Minute

// viewWidths are the screens every page is read on without scrolling sideways: the narrowest phone
// (320), a phone (390), a large phone held sideways (600), tablets (768, 800), a small laptop
// (1024) and a desktop (1280). Between the phone and the desktop is where a table of five columns
// is likeliest to push past the screen's edge. shotWidths are the ones photographed without
// -screenshots (with it, all of them are).
var viewWidths, shotWidths = []int64{320, 390, 480, 600, 768, 800, 1024, 1280}, []int64{390, 1280}

// maxStudentSheets is the contract's bound on a printed student's report.
const maxStudentSheets = 2

// browserPage is a page the browser tests open.
type browserPage struct {
	name    string
	html    []byte
	student bool   // held to maxStudentSheets when printed
	who     string // the name every printed sheet carries
	date    string // and the date, as the page's language writes it
}

func TestPagesInABrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	chromium := findTool(t, "HITREADY_CHROMIUM", "Chromium (apt-get install chromium)", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
	axe := findAxe(t)
	pages := browserPages(t)

	ctx, cancel := context.WithTimeout(context.Background(), browserDeadline)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.DisableGPU,
		chromedp.NoSandbox, // CI runs as root, where Chromium's sandbox will not start
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("font-render-hinting", "none"))
	ctx, cancel = chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	browser, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}

	dir := t.TempDir()
	if *shots != "" {
		dir = *shots
	}
	// A tab per page, two at a time (one per core): the group returns when all are done, before
	// the browser is closed.
	t.Run("pages", func(t *testing.T) {
		for _, p := range pages {
			t.Run(p.name, func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(dir, p.name+".html")
				if err := os.WriteFile(path, p.html, 0o644); err != nil {
					t.Fatal(err)
				}
				checkInBrowser(t, browser, p, path, dir, axe)
			})
		}
	})
	t.Run("a page that loads something is caught", func(t *testing.T) {
		path := filepath.Join(dir, "loads.html")
		html := `<!DOCTYPE html><html lang="en"><title>x</title><link rel="stylesheet" href="elsewhere.css"><p>x</p></html>`
		if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		tab, cancel := chromedp.NewContext(browser)
		defer cancel()
		requests := openWatched(t, tab, path)
		if len(requests()) == 0 {
			t.Fatal("a page with a style sheet elsewhere made no request the test saw: the network check sees nothing")
		}
	})
}

// checkInBrowser opens one page in a tab of its own and checks it.
func checkInBrowser(t *testing.T, browser context.Context, p browserPage, path, dir, axe string) {
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	requests := openWatched(t, tab, path)

	for _, width := range viewWidths {
		if err := chromedp.Do(tab, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		sizes, err := chromedp.Run(tab, chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
		if err != nil {
			t.Fatal(err)
		}
		if sizes[0] > sizes[1] {
			t.Errorf("at %d pixels wide the page scrolls sideways: %d pixels of content in %d", width, sizes[0], sizes[1])
		}
		if !slices.Contains(shotWidths, width) && *shots == "" {
			continue
		}
		// The whole page for a person to look at (-screenshots); the screen alone otherwise, which
		// is quicker to encode.
		shot := chromedp.CaptureScreenshot()
		if *shots != "" {
			shot = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(tab, shot)
		if err != nil {
			t.Fatal(err)
		}
		save(t, dir, fmt.Sprintf("%s-%d.png", p.name, width), png)
	}

	for _, paper := range []struct {
		name string
		size chromedp.PaperSize
	}{{"letter", chromedp.PaperLetter}, {"a4", chromedp.PaperA4}} {
		pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(paper.size), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatal(err)
		}
		sheets := countPDFPages(pdf)
		t.Logf("%s: %d %s sheets", p.name, sheets, paper.name)
		if sheets == 0 {
			t.Errorf("%s: the PDF has no page the test can count", paper.name)
		}
		if p.student && sheets > maxStudentSheets {
			t.Errorf("printed on %s, the report takes %d sheets; at most %d", paper.name, sheets, maxStudentSheets)
		}
		pdfPath := save(t, dir, fmt.Sprintf("%s-%s.pdf", p.name, paper.name), pdf)
		checkSheets(t, pdfPath, sheets, paper.name, p.who, p.date)
	}

	if axe != "" {
		runAxe(t, tab, axe)
	}
	if got := requests(); len(got) > 0 {
		t.Errorf("the page asked for %d %s it does not hold: %s", len(got), plural(len(got), "thing", "things"), strings.Join(got, ", "))
	}
}

// openWatched opens the file at path in tab and returns what the tab has asked for since,
// other than the page itself: any other URL is something loaded from elsewhere.
func openWatched(t *testing.T, tab context.Context, path string) (requests func() []string) {
	t.Helper()
	if err := chromedp.Do(tab); err != nil { // the tab first, so Listen sees the page's first request
		t.Fatal(err)
	}
	self := (&url.URL{Scheme: "file", Path: path}).String()
	var mu sync.Mutex
	var seen []string
	err := chromedp.Listen(tab, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			u := e.Request.URL
			if u == self || u == "about:blank" || strings.HasPrefix(u, "data:") && e.Type == network.ResourceTypeDocument {
				return
			}
			mu.Lock()
			seen = append(seen, u)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(self)); err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(seen)
	}
}

// axeFinding is what the tests read of one of axe-core's violations.
type axeFinding struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// runAxe runs axe-core in the tab, every rule in the light colour scheme and the contrast rule
// again in the dark one, and fails on any serious or critical finding; lesser ones are logged.
func runAxe(t *testing.T, tab context.Context, axe string) {
	t.Helper()
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Evaluate[any](string(src)+";0")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	for _, scheme := range []struct{ name, options string }{
		{"light", `{resultTypes: ["violations"]}`},
		{"dark", `{resultTypes: ["violations"], runOnly: {type: "rule", values: ["color-contrast"]}}`},
	} {
		axeScheme(t, tab, scheme.name, scheme.options)
	}
}

// axeScheme runs axe-core with options in the colour scheme given.
func axeScheme(t *testing.T, tab context.Context, scheme, options string) {
	t.Helper()
	features := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features}); err != nil {
		t.Fatal(err)
	}
	run := `axe.run(document, ` + options + `).then(r => JSON.stringify(r.violations))`
	out, err := chromedp.Run(tab, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var findings []axeFinding
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatal(err)
	}
	t.Logf("axe-core, %s scheme: %d %s", scheme, len(findings), plural(len(findings), "finding", "findings"))
	for _, f := range findings {
		var where []string
		for _, n := range f.Nodes {
			where = append(where, fmt.Sprint(n.Target)+": "+n.Summary)
		}
		msg := fmt.Sprintf("axe-core, %s scheme: %s (%s): %s\n  %s", scheme, f.ID, f.Impact, f.Help, strings.Join(where, "\n  "))
		if f.Impact == "serious" || f.Impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}

// pdfPage matches a page object of a PDF (and not the /Pages tree above them).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

func countPDFPages(pdf []byte) int { return len(pdfPage.FindAll(pdf, -1)) }

// checkSheets reads each printed sheet with pdftotext, where it is installed, for the name and
// the date the running header puts on every sheet.
func checkSheets(t *testing.T, pdfPath string, sheets int, paper string, want ...string) {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is not installed; .ci/run installs it")
		}
		t.Logf("pdftotext (poppler-utils) is not installed: the printed sheets are not read")
		return
	}
	for sheet := 1; sheet <= sheets; sheet++ {
		n := fmt.Sprint(sheet)
		out, err := exec.Command(pdftotext, "-f", n, "-l", n, pdfPath, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		for _, w := range want {
			if !bytes.Contains(out, []byte(w)) {
				t.Errorf("printed on %s, sheet %d of %d does not say %q", paper, sheet, sheets, w)
			}
		}
	}
}

// findTool finds a program named by env or on the PATH: skipped without it, failed in CI.
func findTool(t *testing.T, env, what string, names ...string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	missing(t, fmt.Sprintf("no %s found (or set %s)", what, env))
	return ""
}

// findAxe finds axe-core's script: HITREADY_AXE, or where .ci/run installs it.
func findAxe(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("HITREADY_AXE"); p != "" {
		return p
	}
	p := filepath.Join("..", "..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	missing(t, "no axe-core found (npm install --prefix .ci/node axe-core@4, or set HITREADY_AXE)")
	return ""
}

// missing skips the test for a tool that is not installed, except in CI, which installs it.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; .ci/run installs it", msg)
	}
	t.Skipf("%s: the browser tests are skipped", msg)
}

func save(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// browserPages are the pages the browser tests open: each example's report, the longest report
// there is (every gap, every work setting), one with a hostile name, the cohort of the examples and a comparison; and in Spanish,
// which runs about a fifth longer than English, the report of an example, the longest report,
// the cohort and the comparison.
func browserPages(t *testing.T) []browserPage {
	s := newScorer(t)
	english := testOptions
	spanish := testOptions
	spanish.Lang = i18n.Spanish
	const englishDate, spanishDate = "March 12, 2027", "12 de marzo de 2027"
	var pages []browserPage
	report := func(name string, r assessment.Report, opts Options, date string) {
		var b bytes.Buffer
		if err := Report(&b, r, opts); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, browserPage{name: name, html: b.Bytes(), student: true, who: r.Respondent, date: date})
	}
	var reports []assessment.Report
	for _, ex := range examples {
		r := s.example(t, ex)
		report(strings.TrimSuffix(ex, filepath.Ext(ex)), r, english, englishDate)
		reports = append(reports, r)
	}
	everyEN := s.answers(t, "every-part.yaml", []byte(everyPart))
	report("every-part", everyEN, english, englishDate)
	reports = append(reports, longNamed(everyEN))
	hostile := s.example(t, "ready.yaml")
	hostile.Respondent = hostileName
	var b bytes.Buffer
	if err := Report(&b, hostile, english); err != nil {
		t.Fatal(err)
	}
	pages = append(pages, browserPage{name: "hostile", html: b.Bytes(), student: true, who: "Readiness report", date: englishDate})
	pages = append(pages, browserPage{name: "cohort", html: cohortPage(t, s, reports, english), who: "Cohort report", date: englishDate},
		browserPage{name: "compare", html: comparePage(t, s, english), who: "Progress report", date: englishDate})

	es := newScorerIn(t, i18n.Spanish)
	report("es-not-ready", es.example(t, "not-ready.yaml"), spanish, spanishDate)
	report("es-every-part", es.answers(t, "every-part.yaml", []byte(everyPart)), spanish, spanishDate)
	var esReports []assessment.Report
	for _, ex := range examples {
		esReports = append(esReports, es.example(t, ex))
	}
	esReports = append(esReports, longNamed(es.answers(t, "every-part.yaml", []byte(everyPart))))
	pages = append(pages, browserPage{name: "es-cohort", html: cohortPage(t, es, esReports, spanish), who: "Informe del grupo", date: spanishDate},
		browserPage{name: "es-compare", html: comparePage(t, es, spanish), who: "Informe de progreso", date: spanishDate})
	return pages
}

// longNamed is r as a student with a long name, saved deep in folders: the cohort pages show one
// beside the examples, every gap open, so their widest row is tested.
func longNamed(r assessment.Report) assessment.Report {
	r.Respondent = "María Guadalupe Fernández-Villanueva de los Santos"
	r.Source = "cohort-2027/spring/section-b/maria-guadalupe-fernandez-villanueva-de-los-santos.yaml"
	return r
}

// cohortPage draws the cohort page of reports.
func cohortPage(t *testing.T, s scorer, reports []assessment.Report, opts Options) []byte {
	sum := assessment.NewSummary(s.profile)
	var b bytes.Buffer
	c := NewCohort(&b, opts)
	for _, r := range reports {
		row, err := c.Render(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Add(row); err != nil {
			t.Fatal(err)
		}
		sum.Add(r)
	}
	sum.AddUnscored("examples/broken.yaml", assessment.Invalid) // the list of files not scored, seen and checked too
	if err := c.Close(sum); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// comparePage draws the progress page from the not-ready example to the nearly-ready one.
func comparePage(t *testing.T, s scorer, opts Options) []byte {
	var b bytes.Buffer
	if err := Comparison(&b, assessment.Compare(s.example(t, "not-ready.yaml"), s.example(t, "nearly-ready.yaml")), opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
