package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestManPages(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page, title string
		mentions    []string
	}{
		{"hitready.1", `.TH "HITREADY"`, []string{".SH EXIT STATUS"}},
		{"hitready-assess.1", `.TH "HITREADY-ASSESS"`, []string{"fail-under", ".SH EXIT STATUS", ".B 130", ".SH EXAMPLE"}},
		{"hitready-score.1", `.TH "HITREADY-SCORE"`, []string{"max-files", ".SH EXIT STATUS", ".B 3"}},
		{"hitready-requirements.1", `.TH "HITREADY-REQUIREMENTS"`, []string{".SH EXIT STATUS"}},
	}
	for _, tt := range tests {
		data, err := os.ReadFile(filepath.Join(dir, tt.page))
		if err != nil {
			t.Errorf("%s: %v", tt.page, err)
			continue
		}
		page := string(data)
		if !strings.Contains(page, tt.title) {
			t.Errorf("%s is not titled %s:\n%.200s", tt.page, tt.title, page)
		}
		for _, m := range tt.mentions {
			if !strings.Contains(page, m) {
				t.Errorf("%s lacks %q", tt.page, m)
			}
		}
		// The exit status section must come before SEE ALSO, where man readers look for it.
		if es, see := strings.Index(page, ".SH EXIT STATUS"), strings.Index(page, ".SH SEE ALSO"); see >= 0 && es > see {
			t.Errorf("%s: EXIT STATUS after SEE ALSO", tt.page)
		}
	}
}
