package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/inputerr"
)

// write makes the files of a test folder; a name ending in "/" is a folder.
func write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		full := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// cohort writes n small files whose content is their number.
func cohort(t testing.TB, n int) (string, []string) {
	dir := t.TempDir()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, "s"+strings.Repeat("0", 5-len(itoa(i)))+itoa(i)+".yaml")
		if err := os.WriteFile(p, []byte(itoa(i)), 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// readWork is a work function: the file's content, slowed at random so results finish out of
// order.
func readWork(ctx context.Context, path string) (string, error) {
	data, err := os.ReadFile(path)
	if len(data) > 0 && data[len(data)-1]%3 == 0 {
		time.Sleep(time.Millisecond)
	}
	return string(data), err
}

func collect[T any](t *testing.T, items func(func(Item) bool), workers int, work func(context.Context, string) (T, error)) []Result[T] {
	t.Helper()
	var out []Result[T]
	if err := Run(context.Background(), items, workers, work, func(r Result[T]) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestOrderIsInputOrderWhateverTheWorkers(t *testing.T) {
	dir, paths := cohort(t, 500)
	extra := filepath.Join(t.TempDir(), "zz-first.yaml")
	write(t, filepath.Dir(extra), map[string]string{"zz-first.yaml": "first"})
	for _, workers := range []int{1, 2, 8, 64} {
		results := collect(t, Discover([]string{extra, dir}, Limits{}), workers, readWork)
		if len(results) != len(paths)+1 || results[0].Path != extra || results[0].Value != "first" {
			t.Fatalf("workers %d: %d results, first %+v", workers, len(results), results[0])
		}
		for i, path := range paths {
			r := results[i+1]
			if r.Path != path || r.Err != nil || r.Value != itoa(i) {
				t.Fatalf("workers %d: result %d is %s %q (%v), want %s", workers, i+1, r.Path, r.Value, r.Err, path)
			}
		}
	}
}

func TestFolderSelection(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"b.yaml": "b", "a.JSON": "a", "c.yml": "c", "sub/d.yaml": "d", "notes.txt": "ignored"})
	if err := os.Symlink(filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "f.yaml")); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, filepath.Join(dir, "g.yaml"))
	done := make(chan []Result[string])
	go func() { done <- collect(t, Discover([]string{dir, filepath.Join(dir, "nope")}, Limits{}), 4, readWork) }()
	var results []Result[string]
	select {
	case results = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("a folder with a named pipe in it hung")
	}
	want := []struct{ name, value, err string }{
		{"a.JSON", "a", ""},
		{"b.yaml", "b", ""},
		{"c.yml", "c", ""},
		{"f.yaml", "", "cannot be read: no such file or directory"},
		{"g.yaml", "", "is not a regular file"},
		{"sub/d.yaml", "d", ""},
		{"nope", "", "cannot be read: no such file or directory"},
	}
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d: %v", len(results), len(want), results)
	}
	for i, w := range want {
		r := results[i]
		if r.Path != filepath.Join(dir, w.name) || r.Value != w.value {
			t.Errorf("result %d is %s %q, want %s %q", i, r.Path, r.Value, w.name, w.value)
		}
		if w.err == "" && r.Err != nil || w.err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w.err) || !errors.Is(r.Err, inputerr.ErrInvalid)) {
			t.Errorf("%s: err %v, want %q", w.name, r.Err, w.err)
		}
	}
}

// An emit error, a panic in emit, and a cancelled context each stop the run at once, and no
// goroutine of the run is left behind, blocked or working.
func TestStoppingLeavesNoGoroutine(t *testing.T) {
	dir, _ := cohort(t, 400)
	stop := errors.New("disk full")
	tests := []struct {
		name string
		run  func(ctx context.Context, cancel context.CancelFunc) (seen int, err error)
		want error
	}{
		{"emit error", func(ctx context.Context, _ context.CancelFunc) (int, error) {
			seen := 0
			return seen, Run(ctx, Discover([]string{dir}, Limits{}), 4, readWork, func(Result[string]) error {
				if seen++; seen == 10 {
					return stop
				}
				return nil
			})
		}, stop},
		{"cancelled", func(ctx context.Context, cancel context.CancelFunc) (int, error) {
			seen := 0
			return seen, Run(ctx, Discover([]string{dir}, Limits{}), 4, readWork, func(Result[string]) error {
				if seen++; seen == 10 {
					cancel()
				}
				return nil
			})
		}, context.Canceled},
		{"panic in emit", func(ctx context.Context, _ context.CancelFunc) (seen int, err error) {
			defer func() {
				if v := recover(); v != nil {
					err = stop
				}
			}()
			return 0, Run(ctx, Discover([]string{dir}, Limits{}), 4, readWork, func(Result[string]) error {
				if seen++; seen == 10 {
					panic("render bug")
				}
				return nil
			})
		}, stop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := tt.run(ctx, cancel)
			if !errors.Is(err, tt.want) {
				t.Errorf("err %v, want %v", err, tt.want)
			}
			deadline := time.Now().Add(5 * time.Second)
			for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if n := runtime.NumGoroutine(); n > before {
				buf := make([]byte, 1<<16)
				t.Errorf("%d goroutines left running after the run returned:\n%s", n-before, buf[:runtime.Stack(buf, true)])
			}
		})
	}
}

// A panic on a worker becomes that file's error; the run goes on and the program can report it.
func TestPanicOnAWorkerIsCaught(t *testing.T) {
	dir, _ := cohort(t, 20)
	results := collect(t, Discover([]string{dir}, Limits{}), 4, func(ctx context.Context, path string) (string, error) {
		if strings.HasSuffix(path, "s00007.yaml") {
			panic("render bug")
		}
		return readWork(ctx, path)
	})
	var pe *PanicError
	if len(results) != 20 || !errors.As(results[7].Err, &pe) || pe.Value != "render bug" || len(pe.Stack) == 0 {
		t.Fatalf("%d results, #7: %v", len(results), results[7].Err)
	}
	if results[8].Err != nil || results[8].Value != "8" {
		t.Errorf("the run did not go on after the panic: %v", results[8].Err)
	}
}

func TestLimits(t *testing.T) {
	dir, _ := cohort(t, 30) // 30 files of 1 or 2 bytes: 50 bytes
	tests := []struct {
		name    string
		limits  Limits
		listed  int // files before the bound
		message string
	}{
		{"files", Limits{MaxFiles: 10}, 10, "more than 10 files (raise --max-files)"},
		{"bytes", Limits{MaxBytes: 20}, 15, "MiB in all (raise --max-total-mib)"},
		{"none reached", Limits{MaxFiles: 30, MaxBytes: 50}, 30, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []Item
			for it := range Discover([]string{dir}, tt.limits) {
				items = append(items, it)
			}
			ok := slices.IndexFunc(items, func(it Item) bool { return it.Err != nil })
			if tt.message == "" {
				if ok != -1 || len(items) != tt.listed {
					t.Fatalf("%d items, first error at %d", len(items), ok)
				}
				return
			}
			last := items[len(items)-1]
			var le *limitError
			if ok != len(items)-1 || len(items) != tt.listed+1 || !errors.As(last.Err, &le) ||
				!strings.Contains(le.Error(), tt.message) || !errors.Is(last.Err, inputerr.ErrInvalid) {
				t.Fatalf("%d items (want %d then the bound), last: %v", len(items), tt.listed, last.Err)
			}
		})
	}
}

// A folder named through a symbolic link is walked like the folder itself, its files named
// under the link; an empty path is refused by name, not as a missing file called nothing.
func TestDiscoverThroughALinkAndAnEmptyPath(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"real/a.yaml": "a", "real/sub/b.yml": "b"})
	link := filepath.Join(dir, "LINK")
	if err := os.Symlink("real", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var got []string
	for it := range Discover([]string{link, ""}, Limits{}) {
		msg := ""
		if it.Err != nil {
			msg = " " + it.Err.Error()
			if !errors.Is(it.Err, inputerr.ErrInvalid) {
				t.Errorf("%s: not a refusal: %v", it.Path, it.Err)
			}
		}
		got = append(got, it.Path+msg)
	}
	want := []string{
		filepath.Join(link, "a.yaml"),
		filepath.Join(link, "sub", "b.yml"),
		` "": an empty name names no file or folder`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Discover gave\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
