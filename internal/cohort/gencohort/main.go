// Command gencohort writes a synthetic cohort of answers files, to try `hitready score` at scale:
//
//	go run ./internal/cohort/gencohort -n 10000 -dir /tmp/cohort
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hitready/hitready/internal/cohort"
	"github.com/hitready/hitready/questions"
)

func main() {
	n := flag.Int("n", 10000, "number of answers files")
	dir := flag.String("dir", "cohort", "folder to write them in")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	bank, err := questions.Load()
	if err == nil {
		_, err = cohort.Generate(bank, *dir, *n, *seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d answers files under %s\n", *n, *dir)
}
