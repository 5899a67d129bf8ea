package cmd

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/questions"
)

// completeSet completes --set: first a question id (followed by "="), then its allowed values.
// For a multi-choice question it completes the value after the last comma, among the values
// not chosen already: `coursework=anatomy,` offers physiology and the rest, never anatomy again.
func completeSet(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	bank, err := questions.Load()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	id, value, hasValue := strings.Cut(toComplete, "=")
	if !hasValue {
		var ids []string
		for _, q := range bank.Questions {
			if strings.HasPrefix(q.ID, id) {
				ids = append(ids, q.ID+"=")
			}
		}
		return ids, cobra.ShellCompDirectiveNoSpace | cobra.ShellCompDirectiveNoFileComp
	}
	q, ok := bank.Question(id)
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	prefix, typed := id+"=", value
	var chosen []string
	if q.Kind == questions.AnyOf {
		if i := strings.LastIndex(value, ","); i >= 0 {
			prefix, typed = prefix+value[:i+1], value[i+1:]
			chosen = strings.Split(value[:i], ",")
		}
	}
	values := q.ValueNames()
	if q.Kind == questions.Rating {
		values = q.Scale.Values()
	}
	var out []string
	for _, v := range values {
		if strings.HasPrefix(v, typed) && !slices.Contains(chosen, v) {
			out = append(out, prefix+v)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}
