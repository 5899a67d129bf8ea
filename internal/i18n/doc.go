// Package i18n chooses the language a person reads hitready in (--lang, HITREADY_LANG, the
// locale variables) and holds what is needed to speak it. It imports nothing of hitready, so
// that every layer may use it.
package i18n
