package questions

import (
	"fmt"
	"unicode/utf8"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

// notUTF8 is the refusal of a file that is not UTF-8, or nil. A file saved by Windows Notepad
// as "ANSI" (Latin-1) holds "José" with the single byte 0xE9, which the parsers refuse in their
// own English words and with no line; so the bytes are checked first, and the message names the
// line and column of the first bad byte and says how to save the file as UTF-8.
func notUTF8(l *i18n.Localizer, data []byte) *inputerr.Problem {
	if utf8.Valid(data) {
		return nil
	}
	line, column := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return &inputerr.Problem{Origin: inputerr.Origin{Line: line}, Message: l.T("errors.answers.not-utf8",
				i18n.Args{"Line": line, "Column": column, "Byte": fmt.Sprintf("0x%02X", data[i])})}
		}
		if r == '\n' {
			line, column = line+1, 1
		} else {
			column++
		}
		i += size
	}
	return nil
}
