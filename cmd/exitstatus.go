package cmd

// ExitStatus is one exit code of the contract and what it means, in the words the man pages and
// the README use.
type ExitStatus struct {
	Code    int
	Meaning string
}

// ExitStatuses lists every exit code hitready uses, in order. The man pages' EXIT STATUS
// sections are generated from it, so they cannot drift from the codes exitCode returns.
var ExitStatuses = []ExitStatus{
	{exitOK, "done"},
	{exitFailure, "the program failed (an I/O error, or a bug)"},
	{exitInvalid, "bad usage or bad input: an unknown flag, an invalid answers or profile file, answers missing with no terminal to ask on; for score, any file that could not be scored"},
	{exitBelow, "a score is below --fail-under (any score, for score)"},
	{exitHangUp, "stopped because the terminal was closed (SIGHUP)"},
	{exitInterrupted, "interrupted (Ctrl-C)"},
	{exitQuit, "stopped by Ctrl-\\ (SIGQUIT)"},
	{exitTerminated, "stopped by SIGTERM"},
}
