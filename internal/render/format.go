package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/hitready/hitready/assessment"
)

// Formats are the output formats of reports, in the order help texts list them.
var Formats = []string{"table", "json", "yaml", "csv", "markdown"}

// CheckFormat refuses a format that is not one of allowed, naming the allowed ones.
func CheckFormat(format string, allowed []string) error {
	for _, f := range allowed {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("invalid --format %q; allowed: %s", format, strings.Join(allowed, ", "))
}

// Report writes one report in the given format.
func Report(w io.Writer, format string, r assessment.Report, opts TableOptions) error {
	switch format {
	case "json":
		return JSON(w, r)
	case "yaml":
		return YAML(w, r)
	case "csv":
		c := NewCSV(w, areaIDs(r))
		if err := c.Write(r); err != nil {
			return err
		}
		return c.Flush()
	case "markdown":
		return Markdown(w, r)
	case "table":
		return Table(w, r, opts)
	}
	return CheckFormat(format, Formats)
}

func areaIDs(r assessment.Report) []string {
	ids := make([]string, len(r.Areas))
	for i, a := range r.Areas {
		ids[i] = a.ID
	}
	return ids
}

// blockingIDs lists the ids of a report's blocking gaps.
func blockingIDs(r assessment.Report) []string {
	var ids []string
	for _, g := range r.Gaps {
		if g.Severity == assessment.Blocking {
			ids = append(ids, g.ID)
		}
	}
	return ids
}
