package questionnaire

import (
	"fmt"

	"github.com/hitready/hitready/internal/textsafe"
)

// The sentences the keeping of answers says, in one place. Names from the file system are
// escaped (textsafe): they may hold anything but NUL.

func cannotKeep(err error) string {
	return "warning: cannot keep your answers as you go: " + textsafe.Escape(err.Error())
}

func cannotWriteKeptInstead(failure, kept string) string {
	return fmt.Sprintf("warning: %s; your answers are kept in %s instead", textsafe.Escape(failure), textsafe.Escape(kept))
}

func changesKeptIn(kept, source string) string {
	return fmt.Sprintf("Changes you make here are kept in %s; %s stays as it is.", textsafe.Escape(kept), textsafe.Escape(source))
}
