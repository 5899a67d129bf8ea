//go:build unix

package fileio

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// What differs between Unix (Linux, macOS) and Windows is in this file and platform_windows.go,
// one small function per concern, so that the reader and the writer read the same on both.

// nonBlock opens a FIFO without waiting for a writer (Read) or a reader (createInPlace): with
// nobody at the other end, the open returns at once and the pipe is refused instead of hanging.
const nonBlock = syscall.O_NONBLOCK

// mayWriteInPlace tells, without opening it, whether this user may write into a device, FIFO or
// socket named path: opening a device can have effects of its own (a tape rewinds), and a FIFO
// with nobody at the other end is refused when written. access(2) asks with the real user, as
// the open will be made.
func mayWriteInPlace(path string) error {
	const wOK = 2 // W_OK
	return syscall.Access(path, wOK)
}

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

// replaceRefusal is "" on Unix: a rename replaces a read-only file, or one another program has
// open (which keeps reading the old file), as long as the folder may be written, which the probe
// of CheckOutputs tries.
func replaceRefusal(path string, info fs.FileInfo) string { return "" }

// createTemp creates the temporary file beside a target, mode 0600.
func createTemp(dir string) (*os.File, error) { return os.CreateTemp(dir, tempPattern) }

// removeOpen removes a temporary file another goroutine may still be writing or syncing: on Unix
// the name goes at once and the data with the last descriptor, at the latest when the process
// ends.
func removeOpen(o *Output) { os.Remove(o.temp) }

// keepOwner gives the temporary file the owner and group of the file it replaces, as far as this
// process may: root writing a user's file leaves it the user's (a report root wrote over
// ~/rep.json stays readable by its owner), another user keeps at least the group where it
// belongs to it. What is not permitted is left as created, the writer's, as cp does.
func keepOwner(f *os.File, info fs.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
}

// keepMode gives the temporary file the mode of the file it replaces: an existing file keeps
// the mode its owner gave it.
func keepMode(f *os.File, info fs.FileInfo) error { return f.Chmod(info.Mode().Perm()) }

// rename puts the temporary file in place of the target.
func rename(temp, target string) error { return os.Rename(temp, target) }

// replaceBlocked is never true on Unix (see replaceRefusal).
func replaceBlocked(err error) bool { return false }

// absFolder makes a relative folder absolute by joining it to the working folder, without
// filepath.Abs, which would clean "link/.." away before the kernel follows the link: the kernel
// goes up from where the link leads.
func absFolder(dir string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return wd + string(filepath.Separator) + dir, nil
}
