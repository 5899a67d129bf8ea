package main

import (
	"os"

	"github.com/hitready/hitready/cmd"
)

func main() {
	os.Exit(cmd.Execute())
}
