package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestArchiveName(t *testing.T) {
	for _, tt := range []struct {
		t    target
		want string
	}{
		{target{"linux", "amd64"}, "hitready_1.2.3_linux_amd64.tar.gz"},
		{target{"darwin", "arm64"}, "hitready_1.2.3_darwin_arm64.tar.gz"},
		{target{"windows", "arm64"}, "hitready_1.2.3_windows_arm64.zip"},
	} {
		if got := archiveName("1.2.3", tt.t); got != tt.want {
			t.Errorf("archiveName(%s) = %s, want %s", tt.t, got, tt.want)
		}
	}
	if len(targets) != 6 {
		t.Errorf("%d targets; CONTRACT.md promises six (three systems, amd64 and arm64)", len(targets))
	}
	for _, bad := range []string{"1.2.3", "v1.2", "v01.2.3", "v1.2.3 ", "latest"} {
		if semver.MatchString(bad) {
			t.Errorf("-version %q accepted", bad)
		}
	}
	for _, good := range []string{"v0.1.0", "v1.2.3", "v2.0.0-rc.1"} {
		if !semver.MatchString(good) {
			t.Errorf("-version %q refused", good)
		}
	}
}

// entry is what an archive says of one of its files.
type entry struct {
	Name string
	Mode fs.FileMode
	Time time.Time
	Data string
}

// readArchive lists a .tar.gz or .zip as entries, in the order they are stored.
func readArchive(t *testing.T, windows bool, data []byte) []entry {
	t.Helper()
	var out []entry
	if windows {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, entry{f.Name, f.Mode(), f.Modified.UTC(), string(b)})
		}
		return out
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("the gzip header carries a time (%v) or a name (%q)", gz.ModTime, gz.Name)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s is owned by %d/%d (%q/%q); want no owner", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		b, _ := io.ReadAll(tr)
		out = append(out, entry{h.Name, h.FileInfo().Mode(), h.ModTime.UTC(), string(b)})
	}
	return out
}

var sample = []file{
	{Name: "man/man1/hitready.1", Data: []byte(".TH HITREADY 1\n"), Mode: 0o644},
	{Name: "hitready", Data: []byte("\x7fELF binary"), Mode: 0o755},
	{Name: "README.md", Data: []byte("# hitready\n"), Mode: 0o644},
	{Name: "completions/_hitready", Data: []byte("#compdef hitready\n"), Mode: 0o644},
	{Name: "LICENSE", Data: []byte("MIT License\n"), Mode: 0o644},
}

// The archive writer's bytes depend on the files and the time only: the same files given in
// another order, at another moment, pack to the same bytes; another time does not.
func TestArchivesAreReproducible(t *testing.T) {
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tg := range []target{{"linux", "amd64"}, {"windows", "amd64"}} {
		first, err := writeArchive(tg, "top", sample, when)
		if err != nil {
			t.Fatal(err)
		}
		shuffled := slices.Clone(sample)
		slices.Reverse(shuffled)
		time.Sleep(time.Millisecond) // a writer that read the clock would show it
		second, err := writeArchive(tg, "top", shuffled, when)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two archives of the same files differ", tg)
		}
		later, _ := writeArchive(tg, "top", sample, when.Add(time.Hour))
		if bytes.Equal(first, later) {
			t.Errorf("%s: the time given is not in the archive", tg)
		}
	}
}

// What an archive holds: one folder named like the archive, each subfolder before its
// contents, in sorted order, every entry dated as given, the binary executable, the rest not.
func TestArchiveContents(t *testing.T) {
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	want := []string{
		"top/ d rwxr-xr-x",
		"top/LICENSE rw-r--r--",
		"top/README.md rw-r--r--",
		"top/completions/ d rwxr-xr-x",
		"top/completions/_hitready rw-r--r--",
		"top/hitready rwxr-xr-x",
		"top/man/ d rwxr-xr-x",
		"top/man/man1/ d rwxr-xr-x",
		"top/man/man1/hitready.1 rw-r--r--",
	}
	for _, tg := range []target{{"darwin", "arm64"}, {"windows", "arm64"}} {
		data, err := writeArchive(tg, "top", sample, when)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range readArchive(t, tg.OS == "windows", data) {
			kind := ""
			if e.Mode.IsDir() {
				kind = "d "
			}
			got = append(got, fmt.Sprintf("%s %s%s", e.Name, kind, strings.TrimLeft(e.Mode.Perm().String(), "-")))
			if !e.Time.Equal(when) {
				t.Errorf("%s: %s is dated %v, want %v", tg, e.Name, e.Time, when)
			}
			if e.Name == "top/LICENSE" && e.Data != "MIT License\n" {
				t.Errorf("%s: LICENSE holds %q", tg, e.Data)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s holds\n%s\nwant\n%s", tg, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A real release for this machine, twice: the archive holds the binary, README, licence, the
// four completions and a man page per command; the two runs give the same bytes; the binary
// says the version it was released as; SHA256SUMS names the archive with its checksum.
func TestReleaseForThisMachine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds hitready twice")
	}
	host := target{runtime.GOOS, runtime.GOARCH}
	if !slices.Contains(targets, host) {
		t.Skipf("%s is not a release platform", host)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01: the same for both runs, whatever git says
	var archives [2][]byte
	var sums [2]string
	for i := range archives {
		out := t.TempDir()
		if err := run("v1.2.3", out, host.String()); err != nil {
			t.Fatal(err)
		}
		var err error
		if archives[i], err = os.ReadFile(filepath.Join(out, archiveName("1.2.3", host))); err != nil {
			t.Fatal(err)
		}
		s, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
		if err != nil {
			t.Fatal(err)
		}
		sums[i] = string(s)
	}
	if !bytes.Equal(archives[0], archives[1]) || sums[0] != sums[1] {
		t.Error("two releases of one tree differ")
	}
	if !strings.HasSuffix(sums[0], "  "+archiveName("1.2.3", host)+"\n") || strings.Count(sums[0], "\n") != 1 {
		t.Errorf("SHA256SUMS is %q", sums[0])
	}
	top := "hitready_1.2.3_" + host.OS + "_" + host.Arch + "/"
	var names []string
	var binary []byte
	for _, e := range readArchive(t, host.OS == "windows", archives[0]) {
		names = append(names, strings.TrimPrefix(e.Name, top))
		if e.Name == top+host.binaryName() {
			binary = []byte(e.Data)
		}
	}
	for _, want := range []string{host.binaryName(), "README.md", "LICENSE", "completions/hitready.bash", "completions/_hitready",
		"completions/hitready.fish", "completions/hitready.ps1", "man/man1/hitready.1", "man/man1/hitready-assess.1", "man/man1/hitready-score.1"} {
		if !slices.Contains(names, want) {
			t.Errorf("the archive lacks %s; it holds %v", want, names)
		}
	}
	bin := filepath.Join(t.TempDir(), host.binaryName())
	if err := os.WriteFile(bin, binary, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "hitready 1.2.3\n") {
		t.Errorf("the released binary says %q (%v); want hitready 1.2.3", out, err)
	}
}
