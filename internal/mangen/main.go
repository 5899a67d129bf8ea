// Command mangen writes hitready's man pages, one per command, from the command tree itself, so
// the pages cannot drift from the flags:
//
//	go run ./internal/mangen -dir man
//	man ./man/hitready-assess.1
//
// It lives here, not in cmd, so that cobra/doc and its Markdown and roff converters are linked
// into this generator only and the hitready binary starts without them.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/hitready/hitready/cmd"
	"github.com/hitready/hitready/internal/iostreams"
)

func main() {
	dir := flag.String("dir", "man", "folder to write the pages in")
	flag.Parse()
	if err := generate(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "mangen:", err)
		os.Exit(1)
	}
}

// generate writes a page for every command of the tree into dir.
func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ios, _, _, _ := iostreams.Test()
	root := cmd.NewCmdRoot(ios)
	root.DisableAutoGenTag = true
	return walk(root, func(c *cobra.Command) error {
		page, err := manPage(c)
		if err != nil {
			return err
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		return os.WriteFile(filepath.Join(dir, name), page, 0o644)
	})
}

func walk(c *cobra.Command, f func(*cobra.Command) error) error {
	if !c.IsAvailableCommand() && c.HasParent() {
		return nil
	}
	if err := f(c); err != nil {
		return err
	}
	for _, sub := range c.Commands() {
		if err := walk(sub, f); err != nil {
			return err
		}
	}
	return nil
}

// manPage is cobra's page for one command, titled by the command (HITREADY-ASSESS, not
// HITREADY), with an EXIT STATUS section before SEE ALSO: scripts are a large part of who reads
// these pages, and the exit codes are the part of the contract they rely on most.
func manPage(c *cobra.Command) ([]byte, error) {
	var b bytes.Buffer
	header := &doc.GenManHeader{Section: "1", Source: "hitready", Manual: "hitready manual"}
	if err := doc.GenMan(c, header, &b); err != nil {
		return nil, fmt.Errorf("%s: %w", c.CommandPath(), err)
	}
	return insertBefore(b.Bytes(), ".SH SEE ALSO", exitStatusSection()), nil
}

func exitStatusSection() []byte {
	var b bytes.Buffer
	b.WriteString(".SH EXIT STATUS\n")
	for _, s := range cmd.ExitStatuses {
		fmt.Fprintf(&b, ".TP\n.B %d\n%s\n", s.Code, roffEscape(s.Meaning))
	}
	b.WriteString("\n")
	return b.Bytes()
}

// insertBefore puts section before the line that starts with marker, or at the end.
func insertBefore(page []byte, marker string, section []byte) []byte {
	i := bytes.Index(page, []byte("\n"+marker))
	if i < 0 {
		return append(page, section...)
	}
	return slices.Concat(page[:i+1], section, page[i+1:])
}

// roffEscape keeps text from being read as roff: a backslash starts an escape, and a line that
// starts with a dot or an apostrophe is a request.
func roffEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
