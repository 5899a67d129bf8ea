// Command libraries is the bare cobra binary (../bare) with the libraries hitready is built on
// linked in, each package's initialisation run, and go-i18n's bundle made as hitready makes it:
// what hitready costs at start-up before any of its own work (BenchmarkStartup).
package main

import (
	"os"

	_ "github.com/AlecAivazis/survey/v2"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	_ "github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/text/cases"
	"golang.org/x/text/language"
	_ "html/template"
)

func main() {
	_ = goi18n.NewBundle(language.English)
	root := &cobra.Command{Use: "bare", Short: "A bare cobra binary with seven commands"}
	for _, n := range []string{"assess", "score", "questions", "requirements", "outlook", "credentials", "compare"} {
		root.AddCommand(&cobra.Command{Use: n, Short: "The " + n + " command", RunE: func(*cobra.Command, []string) error { return nil }})
	}
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
