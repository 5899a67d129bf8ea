//go:build unix

package fileio

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A file replaced by root keeps its owner and group as well as its mode: a user's report
// written over by root stays the user's, not root's and locked away from them.
func TestReplaceKeepsTheOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root may give a file to another user")
	}
	rep := filepath.Join(t.TempDir(), "rep.json")
	writeFile(t, rep, "old\n", 0o600)
	if err := os.Chown(rep, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), rep, Streams{}, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(rep)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if data, _ := os.ReadFile(rep); string(data) != "new\n" || st.Uid != 1234 || st.Gid != 5678 || info.Mode().Perm() != 0o600 {
		t.Errorf("rep.json holds %q, owner %d:%d, mode %v; want the new data, 1234:5678, 0600", data, st.Uid, st.Gid, info.Mode().Perm())
	}
}
