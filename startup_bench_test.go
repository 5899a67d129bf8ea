package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// BenchmarkStartup runs built programs as a person runs them, a new process each time, beside
// the yardsticks of testdata/startup: a bare cobra binary, and the same with the libraries
// hitready is built on linked in and go-i18n's bundle made. Each is built as the README builds
// hitready (go build: cgo where there is a C compiler) and as a release is (CGO_ENABLED=0).
// ns/op is the wall time of a run, cpu-ms/op its user and system time. On a shared machine the
// times move by a tenth from one minute to the next; -count 10 runs the series in turn:
//
//	go test -run '^$' -bench Startup -count 10 .
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	runs := []struct {
		name string
		pkg  string
		args []string
	}{
		{"bare-cobra/help", "./testdata/startup/bare", []string{"--help"}},
		{"libraries/help", "./testdata/startup/libraries", []string{"--help"}},
		{"hitready/help", ".", []string{"--help"}},
		{"hitready/assess", ".", []string{"assess", "--answers", "examples/ready.yaml"}},
	}
	for _, build := range []struct{ name, cgo string }{{"go-build", ""}, {"release", "0"}} {
		for _, r := range runs {
			program, _, _ := strings.Cut(r.name, "/")
			bin := filepath.Join(dir, build.name+"-"+program)
			if runtime.GOOS == "windows" {
				bin += ".exe" // Windows runs a program by its extension
			}
			b.Run(build.name+"/"+r.name, func(b *testing.B) {
				buildOnce(b, bin, r.pkg, build.cgo)
				var cpu time.Duration
				for b.Loop() {
					c := exec.Command(bin, r.args...)
					c.Env = append(os.Environ(), "HITREADY_LANG=en", "COLUMNS=80")
					if out, err := c.CombinedOutput(); err != nil {
						b.Fatalf("%s %v: %v\n%s", bin, r.args, err, out)
					}
					cpu += c.ProcessState.UserTime() + c.ProcessState.SystemTime()
				}
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// buildOnce builds pkg into bin unless an earlier sub-benchmark did.
func buildOnce(b *testing.B, bin, pkg, cgo string) {
	b.Helper()
	if _, err := os.Stat(bin); err == nil {
		return
	}
	c := exec.Command("go", "build", "-o", bin, pkg)
	c.Env = os.Environ()
	if cgo != "" {
		c.Env = append(c.Env, "CGO_ENABLED="+cgo)
	}
	if out, err := c.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
}
