//go:build unix

package fileio

import (
	"io/fs"
	"os"
	"syscall"
)

// stickyForbids tells whether this process may not replace the file info describes in the
// folder dir describes: the folder is sticky (/tmp, a shared drop folder) and neither the file
// nor the folder is ours, so the rename at the end would fail with EPERM. Root may, so it is
// never forbidden to root. The owner comes from the stat data every Unix has (Linux and macOS
// alike).
func stickyForbids(info, dir fs.FileInfo) bool {
	euid := os.Geteuid()
	if euid == 0 || dir.Mode()&fs.ModeSticky == 0 {
		return false
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	dst, dok := dir.Sys().(*syscall.Stat_t)
	return ok && dok && int(st.Uid) != euid && int(dst.Uid) != euid
}
