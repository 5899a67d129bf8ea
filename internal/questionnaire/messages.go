package questionnaire

import (
	"fmt"
	"strings"

	"github.com/hitready/hitready/internal/textsafe"
)

// The sentences the keeping of answers says, in one place. Names from the file system are
// escaped (textsafe): they may hold anything but NUL.

func cannotKeep(err error) string {
	return "warning: cannot keep your answers as you go: " + textsafe.Escape(err.Error())
}

func keptInstead(failure, kept string) string {
	return fmt.Sprintf("warning: %s; your answers are kept in %s instead", textsafe.Escape(failure), textsafe.Escape(kept))
}

func latestNotKept(path string, err error) string {
	return fmt.Sprintf("warning: your latest answer could not be kept (%s): %s holds only the answers before it",
		textsafe.Escape(Reason(path, err)), textsafe.Escape(path))
}

func keptAgain(path string) string {
	return fmt.Sprintf("Your answers are kept in %s again.", textsafe.Escape(path))
}

func keptElsewhere(kept, source string, review bool) string {
	if review {
		return fmt.Sprintf("Changes you make here are kept in %s; %s stays as it is.", textsafe.Escape(kept), textsafe.Escape(source))
	}
	return fmt.Sprintf("Your answers are kept in %s as you go; %s stays as it is.", textsafe.Escape(kept), textsafe.Escape(source))
}

// CannotWrite words a failure to write name as "cannot write NAME: REASON".
func CannotWrite(name string, err error) string {
	return "cannot write " + name + ": " + Reason(name, err)
}

// Reason is why name could not be written, without the name when err already gives it
// ("writing NAME: …", "NAME: …", "cannot be written: …").
func Reason(name string, err error) string {
	msg := err.Error()
	for _, prefix := range []string{"writing " + name + ": ", name + ": "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			msg = rest
			break
		}
	}
	return strings.TrimPrefix(msg, "cannot be written: ")
}
