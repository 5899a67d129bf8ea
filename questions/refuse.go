package questions

// Refuse builds the refusal of one piece of input with one problem: the file (or flag) it comes
// from and what is wrong. It is the one way such a refusal is made, so every one reads alike and
// matches ErrInvalid (exit 2).
func Refuse(origin Origin, msg string) *InvalidError {
	return &InvalidError{Problems: []Problem{{Origin: origin, Message: msg}}}
}
