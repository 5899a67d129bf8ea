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
	"testing/fstest"
	"time"
)

// file is one file of an archive: its path inside the archive's folder, its bytes, its mode.
type file struct {
	Name string // slash-separated, relative: "man/man1/hitready.1"
	Data []byte
	Mode fs.FileMode
}

// writeArchive packs files under the folder top (an archive that unpacks into one folder of its
// own) as a .zip for Windows, a .tar.gz for the others, with archive/zip's and archive/tar's
// AddFS over the files in memory. The bytes depend only on the files and when: AddFS walks in
// sorted order, each folder before what it holds; every entry is dated when, owned by no one
// (uid and gid 0, no names: an in-memory file has no owner), with the mode given (folders 0755).
func writeArchive(t target, top string, files []file, when time.Time) ([]byte, error) {
	fsys := fstest.MapFS{}
	for _, f := range files {
		name := top + "/" + f.Name
		fsys[name] = &fstest.MapFile{Data: f.Data, Mode: f.Mode, ModTime: when}
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			fsys[dir] = &fstest.MapFile{Mode: fs.ModeDir | 0o755, ModTime: when}
		}
	}
	var buf bytes.Buffer
	if t.OS == "windows" {
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestCompression)
		})
		if err := zw.AddFS(fsys); err != nil {
			return nil, err
		}
		err := zw.Close()
		return buf.Bytes(), err
	}
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression) // no name, time 0: nothing of the run
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	if err := tw.AddFS(fsys); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	err = gz.Close()
	return buf.Bytes(), err
}
