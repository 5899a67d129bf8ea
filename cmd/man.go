package cmd

import (
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/spf13/cobra/doc"
)

// GenerateManPages writes a man page for every command into dir, from the same command tree the
// program runs, so the pages cannot drift from the flags.
func GenerateManPages(ios *iostreams.IOStreams, dir string) error {
	root := NewCmdRoot(ios)
	root.DisableAutoGenTag = true
	return doc.GenManTree(root, &doc.GenManHeader{Title: "HITREADY", Section: "1", Source: "hitready", Manual: "hitready manual"}, dir)
}
