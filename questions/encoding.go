package questions

import (
	"fmt"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/internal/textsafe"
)

// notUTF8 is the refusal of a file that is not UTF-8, or nil: the parsers would refuse it in
// their own English words and with no line; this names the line and column of the first bad
// byte and says how to save the file as UTF-8.
func notUTF8(l *i18n.Localizer, data []byte) *inputerr.Problem {
	bad, found := textsafe.FirstBadByte(data)
	if !found {
		return nil
	}
	return &inputerr.Problem{Origin: inputerr.Origin{Line: bad.Line}, Message: NotUTF8Message(l, bad)}
}

// NotUTF8Message says that a file is not UTF-8, where, and how to save it as UTF-8: the same
// words for an answers file, a profile or a saved report.
func NotUTF8Message(l *i18n.Localizer, bad textsafe.BadByte) string {
	return l.T("errors.answers.not-utf8", i18n.Args{"Line": bad.Line, "Column": bad.Column, "Byte": fmt.Sprintf("0x%02X", bad.Byte)})
}
