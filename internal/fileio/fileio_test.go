package fileio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
)

func writeFile(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
}

// within fails the test if f takes more than a few seconds: a read that hangs.
func within[T any](t *testing.T, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("hung")
		var zero T
		return zero
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ok.yaml"), "answers: {}\n", 0o600)
	writeFile(t, filepath.Join(dir, "big.yaml"), strings.Repeat("x", 101), 0o600)
	writeFile(t, filepath.Join(dir, "limit.yaml"), strings.Repeat("x", 100), 0o600)
	mkfifo(t, filepath.Join(dir, "fifo.yaml"))
	os.Symlink("ok.yaml", filepath.Join(dir, "link.yaml"))
	tests := []struct {
		name  string
		path  string
		stdin string
		want  string
		err   string // "" for none; refusals (exit 2) all
	}{
		{"regular", "ok.yaml", "", "answers: {}\n", ""},
		{"through a link", "link.yaml", "", "answers: {}\n", ""},
		{"exactly the limit", "limit.yaml", "", strings.Repeat("x", 100), ""},
		{"over the limit", "big.yaml", "", "", "big.yaml: is larger than 0 KiB"},
		{"stdin", "-", "from stdin", "from stdin", ""},
		{"stdin over the limit", "-", strings.Repeat("y", 101), "", "-: is larger than"},
		{"missing", "nope.yaml", "", "", "nope.yaml: cannot be read: no such file or directory"},
		{"folder", ".", "", "", ".: is a folder, not a file"},
		{"FIFO with no writer", "fifo.yaml", "", "", "fifo.yaml: is a pipe that nothing was written to"},
		{"device", "/dev/zero", "", "", "/dev/zero: is a character device, not a regular file or a pipe"},
	}
	t.Chdir(dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type result struct {
				data []byte
				err  error
			}
			r := within(t, func() result {
				data, err := Read(context.Background(), tt.path, strings.NewReader(tt.stdin), 100, nil)
				return result{data, err}
			})
			switch {
			case tt.err == "" && (r.err != nil || string(r.data) != tt.want):
				t.Errorf("got %q, %v; want %q", r.data, r.err, tt.want)
			case tt.err != "" && (r.err == nil || !strings.HasPrefix(r.err.Error(), tt.err) || !errors.Is(r.err, inputerr.ErrInvalid)):
				t.Errorf("err %v; want a refusal starting %q", r.err, tt.err)
			}
		})
	}
}

// A file listed as regular and swapped for a FIFO before it is read (score's folder walk) is
// caught by what was opened, not by its name: refused, at once.
func TestReadAFileSwappedForAFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.yaml")
	writeFile(t, path, "answers: {}\n", 0o600)
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		t.Fatal(err)
	}
	os.Remove(path)
	mkfifo(t, path)
	err := within(t, func() error { _, err := Read(context.Background(), path, nil, 100, nil); return err })
	if !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), "is a pipe") {
		t.Errorf("err %v", err)
	}
}

// A pipe with a writer reads; a pipe whose writer never writes is cut short by the context.
func TestReadAPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p")
	mkfifo(t, path)
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
		w.WriteString("late but there")
		w.Close()
	}()
	// The writer may open after the reader: retry while the pipe reads as empty.
	var data []byte
	var err error
	for range 100 {
		data, err = Read(context.Background(), path, nil, 100, nil)
		if err == nil {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if string(data) != "late but there" {
		t.Errorf("got %q, %v", data, err)
	}

	// A writer that holds the pipe open and says nothing: Ctrl-C must still end the read.
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			time.Sleep(3 * time.Second)
			w.Close()
		}
	}()
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err = Read(ctx, path, nil, 100, nil)
	if !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("err %v after %v; want cancelled at once", err, time.Since(start))
	}
}

func TestWriteReplacesWholeAndKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "r.txt")
	os.Mkdir(filepath.Dir(real), 0o700)
	writeFile(t, real, "old\n", 0o640)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), link, Streams{}, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info.Mode(), err)
	}
	info, _ := os.Stat(real)
	if data, _ := os.ReadFile(real); string(data) != "new\n" || info.Mode().Perm() != 0o640 {
		t.Errorf("target holds %q mode %v; want the new data, the old mode", data, info.Mode().Perm())
	}
	// A new file is 0600; a dangling link names the file to create.
	os.Symlink(filepath.Join(dir, "real", "new.txt"), filepath.Join(dir, "dangling.txt"))
	if err := WriteFile(context.Background(), filepath.Join(dir, "dangling.txt"), Streams{}, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(filepath.Join(dir, "real", "new.txt")); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("new file: %v %v", info, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(real)); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

// A relative link through a linked folder goes where the kernel takes it: "sublink/.." is the
// parent of the folder sublink leads to, not the folder sublink is in.
func TestWriteFollowsLinksAsTheKernelDoes(t *testing.T) {
	t.Chdir(t.TempDir())
	os.MkdirAll("real/sub", 0o700)
	os.Symlink("real/sub", "sublink")
	os.Symlink("sublink/../t2.json", "out.json")
	os.Symlink("sublink/../../in.yaml", "back.json")
	writeFile(t, "t2.json", "precious\n", 0o600)
	writeFile(t, "in.yaml", "x", 0o600)
	if err := WriteFile(context.Background(), "out.json", Streams{}, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile("t2.json"); string(data) != "precious\n" {
		t.Errorf("./t2.json holds %q; the link leads to real/t2.json", data)
	}
	if data, _ := os.ReadFile("real/t2.json"); string(data) != "new\n" {
		t.Errorf("real/t2.json holds %q, want the new data", data)
	}
	in := Inputs(Path{Flag: "--answers", Name: "in.yaml"})
	if err := CheckOutputs([]Path{{"--output", "back.json"}}, in, Streams{}); err == nil || !strings.Contains(err.Error(), "is also an input") {
		t.Errorf("back.json leads to in.yaml: err %v", err)
	}
	if err := CheckOutputs([]Path{{"--output", "out.json"}}, in, Streams{}); err != nil {
		t.Errorf("out.json leads to real/t2.json: %v", err)
	}
}

// Discarded, failed or cancelled: the old file as it was, no temporary file.
func TestNothingIsLeftBehind(t *testing.T) {
	for _, how := range []string{"discard", "cancelled before commit", "cancelled at create"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "r.csv")
			writeFile(t, path, "last week\n", 0o600)
			ctx, cancel := context.WithCancel(context.Background())
			if how == "cancelled at create" {
				cancel()
			}
			o, err := Create(ctx, path, Streams{})
			if how == "cancelled at create" {
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("err %v", err)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				o.Write([]byte("half of a new rep"))
				if how == "discard" {
					o.Discard()
				} else {
					cancel()
					if err := o.Commit(ctx); !errors.Is(err, context.Canceled) {
						t.Errorf("commit after cancel: %v", err)
					}
				}
				o.Discard() // harmless twice
			}
			cancel()
			if data, _ := os.ReadFile(path); string(data) != "last week\n" {
				t.Errorf("the old file was changed: %q", data)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

func TestWriteToStandardOutputAndDevices(t *testing.T) {
	var stdout bytes.Buffer
	if err := WriteFile(context.Background(), "-", Streams{Out: &stdout}, []byte("report\n")); err != nil || stdout.String() != "report\n" {
		t.Errorf("-: %q %v", stdout.String(), err)
	}
	if err := WriteFile(context.Background(), "/dev/null", Streams{}, []byte("x")); err != nil {
		t.Error(err)
	}
	// A write that fails where nothing was refused (a full disk) is worded in the run's
	// language, the system's reason kept for errors.Is.
	for _, tt := range []struct {
		lang      i18n.Lang
		name, out string
		want      string
	}{
		{i18n.English, "/dev/full", "", "writing /dev/full: no space left on device"},
		{i18n.Spanish, "/dev/full", "", "/dev/full: no se pudo escribir (no space left on device)"},
		{i18n.English, "-", "/dev/full", "writing to standard output: no space left on device"},
		{i18n.Spanish, "-", "/dev/full", "no se pudo escribir en la salida estándar (no space left on device)"},
	} {
		streams := Streams{Lang: tt.lang}
		if tt.out != "" {
			full, err := os.OpenFile(tt.out, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer full.Close()
			streams.Out = full
		}
		err := WriteFile(context.Background(), tt.name, streams, []byte("x"))
		if err == nil || err.Error() != tt.want || !errors.Is(err, syscall.ENOSPC) || errors.Is(err, inputerr.ErrInvalid) {
			t.Errorf("%s %s: %v; want %q, a failure (exit 1) that is ENOSPC", tt.lang, tt.name, err, tt.want)
		}
	}
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		if info, err := os.Stat(dev); err != nil || info.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%s was replaced", dev)
		}
	}
}

// Many claims at once in one folder each get their own file.
func TestClaimIsExclusive(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "hitready-answers.yaml"), "an earlier session\n", 0o600)
	var mu sync.Mutex
	got := map[string]bool{}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			p, err := Claim(dir, "hitready-answers", ".yaml", func(p string) bool { return strings.HasSuffix(p, "-3.yaml") })
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if got[p] {
				t.Errorf("%s claimed twice", p)
			}
			got[p] = true
		})
	}
	wg.Wait()
	if len(got) != 20 || got[filepath.Join(dir, "hitready-answers.yaml")] || got[filepath.Join(dir, "hitready-answers-3.yaml")] {
		t.Errorf("claimed %d files: %v", len(got), got)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "hitready-answers.yaml")); string(data) != "an earlier session\n" {
		t.Error("the earlier session's file was touched")
	}
}

func TestCheckOutputs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "in.yaml", "x", 0o600)
	writeFile(t, "out.csv", "x", 0o600)
	os.Link("in.yaml", "hard.csv")
	os.Symlink("in.yaml", "soft.csv")
	os.Mkdir("folder", 0o700)
	in := Path{Flag: "--answers", Name: "in.yaml"}
	tests := []struct {
		outputs []Path
		err     string
	}{
		{[]Path{{"--output", "out.csv"}}, ""},
		{[]Path{{"--output", "new.csv"}, {"--save-answers", "new.yaml"}}, ""},
		{[]Path{{"--output", "/dev/null"}, {"--save-answers", "/dev/null"}}, ""},
		{[]Path{{"--output", ""}, {"--save-answers", ""}}, ""},
		{[]Path{{"--output", "in.yaml"}}, "in.yaml: is also an input (--answers in.yaml)"},
		{[]Path{{"--output", "hard.csv"}}, "hard.csv: is also an input"},
		{[]Path{{"--output", "soft.csv"}}, "soft.csv: is also an input"},
		{[]Path{{"--output", "out.csv"}, {"--save-answers", "./out.csv"}}, "./out.csv: --output out.csv and --save-answers ./out.csv are the same file"},
		{[]Path{{"--output", "n.csv"}, {"--save-answers", "folder/../n.csv"}}, "the same file"},
		{[]Path{{"--output", "-"}, {"--save-answers", "-"}}, "the same file"},
		{[]Path{{"--output", "folder"}}, "folder: is a folder"},
		{[]Path{{"--output", "nodir/x"}}, "nodir/x: cannot be written: the folder nodir does not exist"},
		{[]Path{{"--output", "in.yaml/x"}}, "in.yaml/x: cannot be written: in.yaml is not a folder"},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			err := CheckOutputs(tt.outputs, Inputs(in), Streams{})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("%v: %v", tt.outputs, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, inputerr.ErrInvalid)):
				t.Errorf("%v: err %v, want %q", tt.outputs, err, tt.err)
			}
		})
	}
}

// Outputs reached by other routes: standard input, links through linked folders, link/.., and
// open descriptors.
func TestCheckOutputsByRoute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "in.yaml", "x", 0o600)
	os.MkdirAll("other/real", 0o700)
	os.MkdirAll("elsewhere/deep", 0o700)
	os.Symlink("other/real", "dl")
	os.Symlink("../in.yaml", "other/real/lnk")     // other/in.yaml, which does not exist
	os.Symlink("../../in.yaml", "other/real/back") // ./in.yaml
	os.Symlink("elsewhere/deep", "d2")
	os.Symlink("nodir/x.txt", "dang")
	stdin, err := os.Open("in.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	in := Path{Flag: "--answers", Name: "in.yaml"}
	fromStdin := Path{Flag: "--answers", Name: "-"}
	tests := []struct {
		input   Path
		outputs []Path
		err     string
	}{
		{in, []Path{{"--output", "dl/lnk"}}, ""},
		{in, []Path{{"--output", "dl/back"}}, "dl/back: is also an input (--answers in.yaml)"},
		{in, []Path{{"--output", "dl/new"}, {"--save-answers", "other/real/new"}}, "are the same file"},
		{in, []Path{{"--output", "s.yaml"}, {"--save-answers", "d2/../s.yaml"}}, ""},
		{in, []Path{{"--output", "dang"}}, "dang: cannot be written: the folder nodir does not exist"},
		{fromStdin, []Path{{"--output", "in.yaml"}}, "in.yaml: is also an input (--answers -, standard input)"},
		{fromStdin, []Path{{"--output", "dl/back"}}, "is also an input"},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			err := CheckOutputs(tt.outputs, Inputs(tt.input), Streams{In: stdin})
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("%v: %v", tt.outputs, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !errors.Is(err, inputerr.ErrInvalid)):
				t.Errorf("%v: err %v, want %q", tt.outputs, err, tt.err)
			}
		})
	}
}

// The up-front mount point check reads /proc/self/mountinfo, whose names escape spaces and the
// like as \NNN: "/" is always listed, a plain file never.
func TestIsMountPoint(t *testing.T) {
	if _, err := os.Stat("/proc/self/mountinfo"); err != nil {
		t.Skip("no /proc/self/mountinfo here")
	}
	if !isMountPoint("/") {
		t.Error(`"/" is not found as a mount point`)
	}
	f := filepath.Join(t.TempDir(), "plain.txt")
	os.WriteFile(f, nil, 0o600)
	if isMountPoint(f) {
		t.Errorf("%s is taken for a mount point", f)
	}
	for in, want := range map[string]string{`/a\040b`: "/a b", `/x\134y`: `/x\y`, `/plain`: "/plain", `/end\04`: `/end\04`} {
		if got := unescapeMountinfo(in); got != want {
			t.Errorf("unescapeMountinfo(%q) = %q, want %q", in, got, want)
		}
	}
}

// When the process must end at once (a signal's grace has run out while a Sync on a slow disk
// holds the file), RemoveTemporaryFiles takes away every temporary file, even one still open,
// and no Commit afterwards renames one into place: the old file stays, nothing is left. The
// real signal on a real slow disk is TestSignalDuringASlowSync in kill_test.go.
func TestRemoveTemporaryFiles(t *testing.T) {
	defer func() { // the package's other tests write on
		temps.mu.Lock()
		temps.closed = false
		temps.mu.Unlock()
	}()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	writeFile(t, path, "last week\n", 0o600)
	o, err := Create(context.Background(), path, Streams{})
	if err != nil {
		t.Fatal(err)
	}
	defer o.Discard()
	o.Write([]byte("the whole of a new report"))
	RemoveTemporaryFiles()
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after RemoveTemporaryFiles, the folder holds %v; want the old file only", entries)
	}
	if err := o.Commit(context.Background()); err == nil {
		t.Error("Commit after RemoveTemporaryFiles succeeded; want it refused")
	}
	if data, _ := os.ReadFile(path); string(data) != "last week\n" {
		t.Errorf("the old file was changed: %q", data)
	}
	if _, err := Create(context.Background(), filepath.Join(dir, "new.csv"), Streams{}); err == nil {
		t.Error("Create after RemoveTemporaryFiles succeeded; want it refused")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// The output is compared with the inputs again just before the rename: a name that became an
// input's after CheckOutputs (a link made during a long session) is refused then, the input left
// as it was and no temporary file behind.
func TestCommitChecksTheInputsAgain(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "in.yaml", "answers\n", 0o600)
	in := Inputs(Path{Flag: "--answers", Name: "in.yaml"})
	for _, tt := range []struct {
		name        string
		before      func() // after the check, before Create
		afterCreate func() // after Create, before Commit
	}{
		{"soft.json", func() { os.Symlink("in.yaml", "soft.json") }, nil},
		{"hard.json", nil, func() { os.Link("in.yaml", "hard.json") }},
	} {
		if err := CheckOutputs([]Path{{"--output", tt.name}}, in, Streams{}); err != nil {
			t.Fatal(err)
		}
		// A second check, against the files a profile names, adds to the first.
		if err := CheckOutputs([]Path{{"--output", tt.name}}, Inputs(Path{Flag: "--profile", Name: "p.yaml"}), Streams{}); err != nil {
			t.Fatal(err)
		}
		if tt.before != nil {
			tt.before()
		}
		o, err := Create(context.Background(), tt.name, Streams{})
		if err != nil {
			t.Fatal(err)
		}
		if tt.afterCreate != nil {
			tt.afterCreate()
		}
		o.Write([]byte("report\n"))
		err = o.Commit(context.Background())
		o.Discard()
		if err == nil || !strings.Contains(err.Error(), "is also an input (--answers in.yaml)") || !errors.Is(err, inputerr.ErrInvalid) {
			t.Errorf("%s: err %v, want refused as an input", tt.name, err)
		}
		if data, _ := os.ReadFile("in.yaml"); string(data) != "answers\n" {
			t.Errorf("%s: in.yaml holds %q", tt.name, data)
		}
		if tmp, _ := filepath.Glob(".hitready-*"); len(tmp) > 0 {
			t.Errorf("%s: left behind %v", tt.name, tmp)
		}
	}
}

// A signal while Commit checks the inputs again (it walks every file of a cohort: a while) stops
// the run as one before it would: the old file stays, nothing is left behind, and the error is
// the cancellation.
func TestASignalWhileCommitChecksLeavesTheOldFile(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, "in.yaml", "answers\n", 0o600)
	writeFile(t, "out.csv", "last week's\n", 0o600)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	walked := 0
	inputs := func(yield func(Path) bool) {
		if walked++; walked > 1 { // the first walk is CheckOutputs'; the second, Commit's
			stop() // the signal comes while the inputs are walked again
		}
		yield(Path{Flag: "--answers", Name: "in.yaml"})
	}
	if err := CheckOutputs([]Path{{"--output", "out.csv"}}, inputs, Streams{}); err != nil {
		t.Fatal(err)
	}
	o, err := Create(ctx, "out.csv", Streams{})
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("this week's\n"))
	err = o.Commit(ctx)
	o.Discard()
	if walked != 2 || !errors.Is(err, context.Canceled) {
		t.Errorf("inputs walked %d times, Commit: %v; want 2 walks and the cancellation", walked, err)
	}
	if data, _ := os.ReadFile("out.csv"); string(data) != "last week's\n" {
		t.Errorf("out.csv holds %q, want the old report", data)
	}
	if tmp, _ := filepath.Glob(".hitready-*"); len(tmp) > 0 {
		t.Errorf("left behind %v", tmp)
	}
}
