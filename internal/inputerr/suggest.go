package inputerr

import (
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
)

// Suggest returns the option nearest to s, or "" when none is near enough to be a likely typo.
// An option that ends in "."+s wins outright: "empathy" means "skills.empathy".
func Suggest(s string, options []string) string {
	for _, o := range options {
		if strings.HasSuffix(o, "."+s) {
			return o
		}
	}
	best, bestDist := "", len(s)/3+2
	for _, o := range options {
		if d := editDistance(strings.ToLower(s), o); d < bestDist {
			best, bestDist = o, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, counted in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// DidYouMean formats a suggestion for a message in l's language, or nothing: " (did you mean
// "x"?)", " (¿quiso decir "x"?)".
func DidYouMean(l *i18n.Localizer, s string, options []string) string {
	if m := Suggest(s, options); m != "" && m != s {
		return l.T("errors.did-you-mean", i18n.Args{"Name": strconv.Quote(m)})
	}
	return ""
}
