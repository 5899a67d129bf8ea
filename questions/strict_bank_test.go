package questions

// The tests decode the bank strictly (unknown fields refused); a run does not, for its start-up
// (see strictBank).
func init() { strictBank = true }
