package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/textsafe"
)

func TestSafeMessageEscapesNames(t *testing.T) {
	name := "x\x1b[2J\nforged.yaml"
	tests := []struct {
		name string
		err  error
		args []string
		want string
	}{
		{"path error from an argument", fmt.Errorf("compare: %w", &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}), []string{"compare", name, "b.yaml"},
			`compare: open x\x1b[2J\nforged.yaml: file does not exist`},
		{"temporary name next to the target", fmt.Errorf("writing out/%s: %w", name, &fs.PathError{Op: "open", Path: "out/." + name + "123", Err: fs.ErrNotExist}), []string{"assess", "--output=out/" + name},
			`writing out/x\x1b[2J\nforged.yaml: open out/.x\x1b[2J\nforged.yaml123: file does not exist`},
		{"a name hitready does not know", errors.New("bad \x07 bell\nsecond line"), nil, "bad \\a bell\nsecond line"},
		{"a clean multi-line message", errors.New("2 questions are unanswered:\n  a\n  b"), []string{"assess"}, "2 questions are unanswered:\n  a\n  b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := safeMessage(tt.err, tt.args)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			for _, line := range strings.Split(got, "\n") {
				if r, bad := textsafe.Unsafe(line); bad {
					t.Errorf("line %q holds %q", line, r)
				}
			}
		})
	}
}
