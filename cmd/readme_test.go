package cmd

import (
	"os"
	"strings"
	"testing"
)

// The README's example report is what hitready prints (issue 16, point 7): each run of lines
// between its "…" stands, in order, in the report of examples/not-ready.yaml at 80 columns.
func TestREADMEExampleReport(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sample, ok := strings.Cut(string(data), "go run . assess --answers examples/not-ready.yaml\n```\n\n```\n")
	sample, _, _ = strings.Cut(sample, "```")
	if !ok || sample == "" {
		t.Fatal("the README's example report is not where this test looks for it")
	}
	out := runAtWidth(t, 80, "assess", "--answers", "../examples/not-ready.yaml").stdout
	out = strings.ReplaceAll(out, "../examples/", "examples/")
	at := 0
	for _, part := range strings.Split(sample, "…\n") {
		i := strings.Index(out[at:], part)
		if i < 0 {
			t.Fatalf("the README shows lines the report does not print (or not in this order):\n%s\nThe report:\n%s", part, out)
		}
		at += i + len(part)
	}
}
