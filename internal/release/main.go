// Command release builds hitready's release archives, one per platform, and their checksums:
//
//	go run ./internal/release -version v1.2.3 -out dist
//
// writes dist/hitready_1.2.3_<os>_<arch>.tar.gz for Linux and macOS and .zip for Windows, on
// amd64 and arm64, each holding the binary, README.md, LICENSE, shell completions (bash, zsh,
// fish, PowerShell) and man pages, and dist/SHA256SUMS for `sha256sum -c`. The binaries are built
// with CGO_ENABLED=0 and -trimpath, the version stamped in with -ldflags (cmd.version), so
// `hitready version` prints 1.2.3. Every entry of an archive has a fixed time (the commit's, or
// SOURCE_DATE_EPOCH), owner, mode and place in a sorted order, and gzip and zip write no time of
// their own: two runs on one commit with one Go toolchain give the same bytes.
//
// GoReleaser is what Go projects usually release with; it is not an approved release here (no
// module outside go.mod may be installed), so this is the small part of it hitready needs, with
// the standard library's archive/tar, archive/zip and compress/gzip.
package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms a release is built for: what CONTRACT.md promises.
var targets = []target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// target is one platform: GOOS and GOARCH.
type target struct{ OS, Arch string }

func (t target) String() string { return t.OS + "/" + t.Arch }

// binaryName is the program's file name on the platform.
func (t target) binaryName() string {
	if t.OS == "windows" {
		return "hitready.exe"
	}
	return "hitready"
}

// archiveName is the file a release of version (X.Y.Z, no v) for t is written to.
func archiveName(version string, t target) string {
	ext := ".tar.gz"
	if t.OS == "windows" {
		ext = ".zip" // what Windows opens without another program
	}
	return fmt.Sprintf("hitready_%s_%s_%s%s", version, t.OS, t.Arch, ext)
}

// semver is a release version as a tag spells it: v, then X.Y.Z, then perhaps a pre-release.
var semver = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

func main() {
	version := flag.String("version", "", "the release's version, as its tag: vX.Y.Z")
	out := flag.String("out", "dist", "folder to write the archives and SHA256SUMS in")
	only := flag.String("only", "", "build these platforms only, comma-separated GOOS/GOARCH (for tests)")
	flag.Parse()
	if err := run(*version, *out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(tag, out, only string) error {
	if !semver.MatchString(tag) {
		return fmt.Errorf("-version %q: want a tag such as v1.2.3", tag)
	}
	version := strings.TrimPrefix(tag, "v")
	chosen, err := choose(only)
	if err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	when, err := sourceTime(root)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "hitready-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	shared, err := sharedFiles(root, work, version, when)
	if err != nil {
		return err
	}
	var sums []string
	for _, t := range chosen {
		bin, err := build(root, work, version, t)
		if err != nil {
			return err
		}
		files := append([]file{{Name: t.binaryName(), Data: bin, Mode: 0o755}}, shared...)
		name := archiveName(version, t)
		data, err := writeArchive(t, strings.TrimSuffix(strings.TrimSuffix(name, ".zip"), ".tar.gz"), files, when)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
		sums = append(sums, fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name))
		fmt.Printf("%s  %d bytes\n", name, len(data))
	}
	slices.Sort(sums)
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(strings.Join(sums, "")), 0o644)
}

// choose is the targets -only names, or all of them.
func choose(only string) ([]target, error) {
	if only == "" {
		return targets, nil
	}
	var chosen []target
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(targets, func(t target) bool { return t.String() == name })
		if i < 0 {
			return nil, fmt.Errorf("-only %s: not a release platform (%v)", name, targets)
		}
		chosen = append(chosen, targets[i])
	}
	return chosen, nil
}

// moduleRoot is the folder of hitready's go.mod: the release is of that tree.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", fmt.Errorf("finding the module: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// sourceTime is the time every file of the archives carries: SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), else the time of the commit checked out.
func sourceTime(root string) (time.Time, error) {
	epoch := os.Getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		cmd := exec.Command("git", "log", "-1", "--format=%ct")
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			return time.Time{}, errors.New("no SOURCE_DATE_EPOCH and no git commit to take the archives' time from")
		}
		epoch = strings.TrimSpace(string(out))
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: %w", epoch, err)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// build compiles hitready for t into work, once, and returns the binary.
func build(root, work, version string, t target) ([]byte, error) {
	bin := filepath.Join(work, t.OS+"-"+t.Arch, t.binaryName())
	if data, err := os.ReadFile(bin); err == nil {
		return data, nil // this machine's, built already for the completions
	}
	// -buildvcs=auto over any GOFLAGS=-buildvcs=false: `hitready version` names the commit
	// (and whether the tree had changes) when the tree is a git checkout. -s -w leave out the
	// symbol table and DWARF, 30% of the size (14.7 MB to 10.5 MB for linux/amd64); a panic's
	// stack still names functions.
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=auto",
		"-ldflags", "-s -w -X github.com/hitready/hitready/cmd.version="+version,
		"-o", bin, ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building for %s: %w\n%s", t, err, out)
	}
	return os.ReadFile(bin)
}

// sharedFiles are the files every archive holds besides the binary: the README, the licence,
// the shell completions and the man pages. The completions and pages come from the program
// itself (a build for this machine, and internal/mangen), in English whatever the machine's
// language, dated sourceTime.
func sharedFiles(root, work, version string, when time.Time) ([]file, error) {
	files := []file{}
	for _, name := range []string{"README.md", "LICENSE"} {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			return nil, err
		}
		files = append(files, file{Name: name, Data: data, Mode: 0o644})
	}
	host := target{runtime.GOOS, runtime.GOARCH}
	if _, err := build(root, work, version, host); err != nil {
		return nil, err
	}
	bin := filepath.Join(work, host.OS+"-"+host.Arch, host.binaryName())
	env := append(os.Environ(), "HITREADY_LANG=en", "SOURCE_DATE_EPOCH="+strconv.FormatInt(when.Unix(), 10))
	for _, c := range completions {
		cmd := exec.Command(bin, "completion", c.shell)
		cmd.Env = env
		data, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("completion %s: %w", c.shell, err)
		}
		files = append(files, file{Name: "completions/" + c.file, Data: data, Mode: 0o644})
	}
	man := filepath.Join(work, "man")
	cmd := exec.Command("go", "run", "./internal/mangen", "-dir", man)
	cmd.Dir, cmd.Env = root, env
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("man pages: %w\n%s", err, out)
	}
	pages, err := os.ReadDir(man)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(man, p.Name()))
		if err != nil {
			return nil, err
		}
		files = append(files, file{Name: "man/man1/" + p.Name(), Data: bytes.Clone(data), Mode: 0o644})
	}
	return files, nil
}

// completions are the shells cobra writes completion scripts for, and each script's file name
// as those shells look for it (zsh's is _hitready).
var completions = []struct{ shell, file string }{
	{"bash", "hitready.bash"},
	{"zsh", "_hitready"},
	{"fish", "hitready.fish"},
	{"powershell", "hitready.ps1"},
}
