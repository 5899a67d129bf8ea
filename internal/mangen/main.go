// Command mangen writes hitready's man pages, one per command, from the command tree itself:
//
//	go run ./internal/mangen -dir man
//	man ./man/hitready-assess.1
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/hitready/hitready/cmd"
	"github.com/hitready/hitready/internal/iostreams"
)

func main() {
	dir := flag.String("dir", "man", "folder to write the pages in")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := cmd.GenerateManPages(iostreams.System(), *dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
