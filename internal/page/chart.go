package page

import (
	"fmt"
	"math"
	"slices"

	"github.com/hitready/hitready/assessment"
)

// The charts are drawn from the report as inline SVG whose geometry is worked out here; the
// templates place it. Every chart stands beside the numbers it draws (a table's cells, or an
// SVG title and description), so none is read from its shape or colour alone.

// bar is a horizontal bar of a value out of a whole, in percent of its track (0-100).
type bar struct {
	Pct string // the width, as the SVG's percentage
	Any bool   // drawn at all: a zero draws nothing, a small value at least a sliver
}

func newBar(value, whole float64) bar {
	if whole <= 0 || value <= 0 {
		return bar{Pct: "0"}
	}
	pct := math.Max(math.Min(100*value/whole, 100), 1)
	return bar{Pct: pct1(pct), Any: true}
}

// pct1 writes a percentage with at most one decimal, so goldens do not shift with rounding noise.
func pct1(x float64) string {
	return trimFloat(math.Round(x*10) / 10)
}

// gauge is the overall score on a 0-100 track, with the two thresholds marked on it.
type gauge struct {
	Score             bar
	NearlyAt, ReadyAt string // the thresholds' positions, in percent
}

func newGauge(score float64, t assessment.Thresholds) gauge {
	return gauge{Score: newBar(score, 100), NearlyAt: pct1(clamp(t.NearlyReady)), ReadyAt: pct1(clamp(t.Ready))}
}

func clamp(x float64) float64 { return math.Max(0, math.Min(100, x)) }

// histogram is the cohort's scores in ten bins, as columns of an SVG: across in percent of its
// width, so it fits any screen, and up in pixels, so its labels keep their size.
type histogram struct {
	Bins   []histBin
	Height int // of the whole SVG, in pixels
	Base   int // the y of the columns' foot
}

type histBin struct {
	Label   string // "0-9" ... "90-100", for the text equivalent
	From    int    // the band's lowest score, under its column (a full label would not fit a phone)
	Count   int
	X, W    string // the column's place and width, in percent
	Mid     string // its centre, in percent, for the labels over and under it
	Y, H    int    // its top and height, in pixels
	Nonzero bool
}

// The histogram's plot: columns up to histPlot pixels tall, a line over them for the counts and
// one under them for the bins' labels.
const (
	histTop  = 18
	histPlot = 110
	histFoot = 22
)

func newHistogram(counts []int) histogram {
	h := histogram{Base: histTop + histPlot, Height: histTop + histPlot + histFoot}
	most := slices.Max(counts) // Histogram(10): ten bins
	n := len(counts)
	slot := 100.0 / float64(n)
	for i, c := range counts {
		label := fmt.Sprintf("%d-%d", i*100/n, (i+1)*100/n-1)
		if i == n-1 {
			label = fmt.Sprintf("%d-100", i*100/n)
		}
		height := 0
		if most > 0 && c > 0 {
			height = max(int(math.Round(histPlot*float64(c)/float64(most))), 2)
		}
		h.Bins = append(h.Bins, histBin{
			Label: label, From: i * 100 / n, Count: c, Nonzero: c > 0,
			X: pct1(float64(i)*slot + slot*0.12), W: pct1(slot * 0.76), Mid: pct1(float64(i)*slot + slot/2),
			Y: h.Base - height, H: height,
		})
	}
	return h
}
