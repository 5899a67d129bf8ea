// Command bare is a bare cobra binary, the yardstick of hitready's start-up (BenchmarkStartup):
// a root with seven commands and nothing else.
package main

import (
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "bare", Short: "A bare cobra binary with seven commands"}
	for _, n := range []string{"assess", "score", "questions", "requirements", "outlook", "credentials", "compare"} {
		root.AddCommand(&cobra.Command{Use: n, Short: "The " + n + " command", RunE: func(*cobra.Command, []string) error { return nil }})
	}
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
