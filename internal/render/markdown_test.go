package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hitready/hitready/assessment"
)

// Names and every text from a file reach Markdown as text: each character Markdown or HTML would
// act on is escaped, nothing opens a block, and undoing the escapes gives the text back.
func TestMarkdownEscapesTextFromFiles(t *testing.T) {
	texts := []string{
		"**Pat** _Lee_", "`rm -rf`", "[click](https://evil.example)", "![x](https://evil.example/p.png)",
		"<script>alert(1)</script>", "<b>bold</b> &amp; &copy;", "# Heading", "> quote", "- item", "+ item",
		"* item", "1. first", "2) second", "~~struck~~", "---", "===", "a | b", `back\slash`, "Zoë O'Neil-Smith",
	}
	for _, text := range texts {
		for name, got := range map[string]string{"mdText": mdText(text), "mdCell": mdCell(text)} {
			if unescapeMarkdown(got) != text {
				t.Errorf("%s(%q) = %q, which reads %q", name, text, got, unescapeMarkdown(got))
			}
			if live := liveMarkdown(got); live != "" {
				t.Errorf("%s(%q) = %q leaves %q live", name, text, got, live)
			}
		}
	}
	// Through the outputs: a report's heading and a cohort's row and summary.
	name := "<img src=x onerror=alert(1)> **Pat** [me](https://x)"
	r := assessment.Report{Respondent: name, Source: "_a_.yaml", Verdict: assessment.Ready}
	var report, cohort bytes.Buffer
	if err := reportMarkdown(&report, r, Options{}); err != nil {
		t.Fatal(err)
	}
	s := newMarkdownStream(&cohort, Options{}.loc())
	rendered, err := s.Render(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(rendered); err != nil {
		t.Fatal(err)
	}
	sum := &assessment.Summary{}
	sum.AddUnscored("*bad*.yaml", assessment.Invalid)
	if err := s.Close(sum); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{report.String(), cohort.String()} {
		for _, live := range []string{"<img", "*Pat*", "[me]", "_a_", "*bad*"} {
			for rest, at := out, 0; ; rest = rest[at+1:] {
				if at = strings.Index(rest, live); at < 0 {
					break
				}
				if at == 0 || rest[at-1] != '\\' {
					t.Errorf("%q is live:\n%s", live, out)
					break
				}
			}
		}
	}
	if !strings.Contains(cohort.String(), `- \*bad\*.yaml: invalid`) {
		t.Errorf("the file not scored:\n%s", cohort.String())
	}
}

// unescapeMarkdown drops the backslash before ASCII punctuation and reads <br> as a newline, as
// a Markdown reader shows the text.
func unescapeMarkdown(s string) string {
	s = strings.ReplaceAll(s, "<br>", "\n")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// liveMarkdown is the first character of s that Markdown or HTML would act on: one of the inline
// characters without a backslash before it, or a block marker at its start.
func liveMarkdown(s string) string {
	s = strings.ReplaceAll(s, "<br>", "")
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case strings.IndexByte("`*_~[]<>&|", s[i]) >= 0:
			return s[i:]
		case i == 0 && strings.IndexByte("#>-+=", s[i]) >= 0:
			return s
		}
	}
	if d := len(s) - len(strings.TrimLeft(s, "0123456789")); d > 0 && d < len(s) && strings.IndexByte(".)", s[d]) >= 0 {
		return s
	}
	return ""
}
