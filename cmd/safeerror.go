package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hitready/hitready/internal/textsafe"
)

// safeMessage is an error's text as it may be shown on a terminal. Names from the file system
// can hold any byte but NUL: an escape sequence in one would recolour or clear the screen, a
// newline would forge a line of the message. The names hitready knows (the arguments, and the
// paths of the file errors in the chain, temporary names included) are shown escaped wherever they
// appear; any control character left is escaped too, except the newlines between the lines of a
// message that has several.
func safeMessage(err error, args []string) string {
	msg := err.Error()
	var names []string
	add := func(name string) {
		if _, bad := textsafe.Unsafe(name); bad {
			names = append(names, name, filepath.Base(name))
		}
	}
	for _, a := range args {
		add(a)
		if _, value, ok := strings.Cut(a, "="); ok && strings.HasPrefix(a, "-") {
			add(value) // --output=NAME
		}
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		var pe *fs.PathError
		var le *os.LinkError
		switch {
		case errors.As(e, &pe):
			add(pe.Path)
		case errors.As(e, &le):
			add(le.Old)
			add(le.New)
		}
	}
	// Longest first, so that a path is escaped whole before its base name is looked for.
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	for _, name := range names {
		msg = strings.ReplaceAll(msg, name, textsafe.Escape(name))
	}
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		lines[i] = textsafe.Escape(line)
	}
	return strings.Join(lines, "\n")
}
