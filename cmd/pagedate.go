package cmd

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hitready/hitready/assessment"
)

// runDate is the day the HTML page says it was made: today, or the day SOURCE_DATE_EPOCH names
// (seconds since 1970, UTC: the reproducible-builds convention), so that the same answers can
// make the same page twice. A value that is not a whole number is ignored.
func runDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil {
			return time.Unix(secs, 0).UTC()
		}
	}
	return time.Now()
}

// requirementsSource names the document a profile's requirements rest on, for the page's
// sources: "Becoming a Health Information Technician, career-guide article (...)"; "" for nil.
func requirementsSource(p *assessment.Profile) string {
	if p == nil {
		return ""
	}
	parts := []string{}
	for _, s := range []string{p.Source.Title, p.Source.Kind} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
