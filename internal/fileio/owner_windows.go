//go:build windows

package fileio

import "io/fs"

// stickyForbids is never true on Windows: NTFS has no sticky folders and no owner in the stat
// data (who may replace a file is the folder's access list, which the probe in CheckOutputs
// tries by creating a file there). A file another program holds open is the other thing that
// stops a replace on Windows; the rename at the end fails then, and says so.
func stickyForbids(info, dir fs.FileInfo) bool { return false }
