//go:build !unix

package prompter

import (
	"errors"
	"io"

	"github.com/AlecAivazis/survey/v2/terminal"
)

// errRedraw is never returned where there is no SIGTSTP and SIGCONT (Windows): a question is
// never asked again.
var errRedraw = errors.New("redraw")

// suspendable is in as it is: Windows has no job control to stop and continue a program.
func suspendable(in terminal.FileReader, _ io.Writer) (terminal.FileReader, func()) {
	return in, func() {}
}
