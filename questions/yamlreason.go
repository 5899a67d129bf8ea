package questions

import "github.com/hitready/hitready/internal/i18n"

// YAMLReason is the YAML parser's words msg in l's language when they are among those a
// hand-edited file meets most (yamlReasons), else as the parser wrote them: for the readers of
// other YAML files (a custom profile) to word a parse error as the answers decoder does.
func YAMLReason(l *i18n.Localizer, msg string) string {
	if id, known := yamlReasons[msg]; known {
		return l.T(id)
	}
	return msg
}
