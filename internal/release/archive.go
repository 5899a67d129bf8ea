package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// file is one file of an archive: its path inside the archive's folder, its bytes, its mode.
type file struct {
	Name string // slash-separated, relative: "man/man1/hitready.1"
	Data []byte
	Mode fs.FileMode
}

// writeArchive packs files under the folder top (an archive that unpacks into one folder of its
// own) as a .zip for Windows, a .tar.gz for the others. The bytes depend only on the files and
// when: entries come in sorted order, each folder before what it holds, every entry dated when,
// owned by no one (uid and gid 0, no names), with the mode given (folders 0755).
func writeArchive(t target, top string, files []file, when time.Time) ([]byte, error) {
	entries := withFolders(top, files)
	if t.OS == "windows" {
		return writeZip(entries, when)
	}
	return writeTarGz(entries, when)
}

// withFolders is files under top, with an entry for each folder, sorted by path: a folder's
// name ends in "/", and sorts before its contents.
func withFolders(top string, files []file) []file {
	seen := map[string]bool{}
	var out []file
	for _, f := range files {
		name := top + "/" + f.Name
		for dir := path.Dir(name); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			out = append(out, file{Name: dir + "/", Mode: fs.ModeDir | 0o755})
		}
		out = append(out, file{Name: name, Data: f.Data, Mode: f.Mode})
	}
	slices.SortFunc(out, func(a, b file) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func writeTarGz(entries []file, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression) // no name, time 0: nothing of the run
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{Name: e.Name, Mode: int64(e.Mode.Perm()), ModTime: when, Format: tar.FormatPAX, Typeflag: tar.TypeReg, Size: int64(len(e.Data))}
		if e.Mode.IsDir() {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		// PAX would add access and change times when set; they are left zero, so it does not.
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeZip(entries []file, when time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: when}
		h.SetMode(e.Mode)
		if e.Mode.IsDir() {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(e.Data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
