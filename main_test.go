package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/hitready/hitready/cmd"
)

// TestMain lets the test binary act as the hitready binary inside scripts, so the scripts run the
// real program end to end: arguments, streams, exit codes and files.
func TestMain(m *testing.M) {
	if strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe") != "hitready" {
		// The test run itself, not hitready in a script (whose environment the script sets):
		// the tests that start hitready with the run's environment must not read Spanish because
		// the tester's locale is (LANG=es_MX.UTF-8). A test that wants Spanish says so in the
		// environment it passes, after this.
		os.Setenv("HITREADY_LANG", "en")
	}
	testscript.Main(m, map[string]func(){
		"hitready": func() { os.Exit(cmd.Execute()) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// The examples are part of what the README promises; scripts use the real ones.
			env.Setenv("EXAMPLES", env.Getenv("WORK")+"/examples")
			return os.CopyFS(env.Getenv("WORK")+"/examples", os.DirFS("examples"))
		},
		RequireExplicitExec: true,
		Condition: func(cond string) (bool, error) {
			// Permission bits do not stop root, which CI runs as: cases that need an unreadable
			// file run only for other users.
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}
