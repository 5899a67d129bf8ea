//go:build windows

package fileio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"golang.org/x/sys/windows"
)

// What differs between Unix (Linux, macOS) and Windows is in this file and platform_unix.go.
// None of it can run here (CI builds and vets it for Windows); each choice says why it holds.

// nonBlock is 0: Windows has no FIFOs in folders. Its named pipes live apart, under \\.\pipe\,
// and opening one that no program serves fails at once (the file is not found, or the pipe is
// busy), so there is no open that could wait for ever.
const nonBlock = 0

// mayWriteInPlace is left to the open on Windows, whose devices (NUL, CON) every user may write.
func mayWriteInPlace(path string) error { return nil }

// stickyForbids is never true on Windows: NTFS has no sticky folders and no owner in the stat
// data; who may replace a file is the folder's access list, which the probe in CheckOutputs
// tries by creating a file there.
func stickyForbids(info, dir fs.FileInfo) bool { return false }

// replaceRefusal says why (the id of its message) Windows would refuse to replace an existing file, found before anything
// is asked or written: a read-only file (Go shows the read-only attribute as mode 0444), which a
// rename never replaces on Windows, and a file another program holds open without letting
// others delete it (Excel keeps a workbook so while it is open), which the rename could not
// replace either. The second is tried the way the rename will: by opening the file for DELETE,
// with every kind of sharing allowed; a sharing violation means another program forbids it.
func replaceRefusal(path string, info fs.FileInfo) string {
	if info.Mode().Perm()&0o200 == 0 {
		return "errors.output.read-only"
	}
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return ""
	}
	h, err := windows.CreateFile(name, windows.DELETE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err == nil {
		windows.CloseHandle(h)
		return ""
	}
	if replaceBlocked(err) {
		return heldOpenRefusal
	}
	return "" // the probe of the folder, or the rename, says what else is wrong
}

// tempCount makes the temporary names of one process differ; the process id and the time make
// them differ between processes, and CREATE_NEW settles any clash.
var tempCount atomic.Uint64

// createTemp creates the temporary file beside a target, allowing others to delete it while it
// is open (FILE_SHARE_DELETE, which os.CreateTemp does not ask for): removeOpen must be able to
// remove it while a Sync on a slow disk holds it, when a signal ends the process. The file
// inherits its folder's access list: Windows has no mode bits, and a folder in the person's
// profile is private to them.
func createTemp(dir string) (*os.File, error) {
	for range 10_000 {
		n := strconv.FormatUint(uint64(os.Getpid())<<32^uint64(time.Now().UnixNano())+tempCount.Add(1), 36)
		path := filepath.Join(dir, ".hitready-"+n+".tmp")
		name, err := windows.UTF16PtrFromString(path)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE,
			windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
			nil, windows.CREATE_NEW, windows.FILE_ATTRIBUTE_NORMAL, 0)
		if errors.Is(err, windows.ERROR_FILE_EXISTS) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(h), path), nil
	}
	return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, tempPattern), Err: fs.ErrExist}
}

// removeOpen removes a temporary file another goroutine may still be writing or syncing: it was
// opened with FILE_SHARE_DELETE, so the delete is allowed; the name goes at once (or, before
// Windows 10's POSIX semantics, when the last handle closes, at the latest as the process ends).
func removeOpen(o *Output) { os.Remove(o.temp) }

// keepOwner does nothing on Windows: a file's owner is in its security descriptor, which a new
// file takes from its folder (as its permissions, below), not from the file it replaces.
func keepOwner(f *os.File, info fs.FileInfo) {}

// keepMode does nothing on Windows: there are no mode bits to keep (only the read-only
// attribute, and a read-only file is refused before the run: replaceRefusal).
func keepMode(f *os.File, info fs.FileInfo) error { return nil }

// rename puts the temporary file in place of the target. An antivirus scanner or a search
// indexer opens a new file for a moment and blocks the rename meanwhile (the reason Go's own
// tools retry, cmd/go/internal/robustio): a blocked rename is tried again for up to a second
// before a program that keeps the file open is reported.
func rename(temp, target string) error {
	var err error
	for wait := 10 * time.Millisecond; wait < time.Second; wait *= 2 {
		if err = os.Rename(temp, target); !replaceBlocked(err) {
			return err
		}
		time.Sleep(wait)
	}
	return err
}

// replaceBlocked tells whether a rename or an open failed because another program holds the
// file: Windows says sharing violation, lock violation, or access denied (which a read-only
// file also gives, refused before the run).
func replaceBlocked(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}

// absFolder makes a relative folder absolute with filepath.Abs: Windows itself takes ".." in a
// path by its spelling, before any link, so cleaning it first is what Windows does; and it
// handles a folder relative to a drive's own current folder (C:notes).
func absFolder(dir string) (string, error) { return filepath.Abs(dir) }
