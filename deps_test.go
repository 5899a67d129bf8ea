package main

import (
	"cmp"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// hitready never touches the network. The strongest check the import graph allows: no package
// that opens connections is linked (no net/http, no TLS, no RPC, no mail), and the low-level
// "net" package and "net/url" come in only through dependencies that parse with them, never
// dial: pflag (cobra's flags) has IP and IP-mask flag types, and text/template escapes URLs.
// A new importer of either fails this test and has to be looked at.
func TestNoNetworkPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"net/http", "net/rpc", "net/smtp", "net/mail", "net/textproto", "crypto/tls", "crypto/x509", "plugin"}
	allowedImporters := map[string][]string{
		"net":       {"github.com/spf13/pflag", "net/url"},
		"net/url":   {"text/template"},
		"net/netip": {"net", "net/url"},
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if slices.Contains(forbidden, pkg) {
			t.Errorf("the binary links %s", pkg)
		}
		for _, imp := range imports {
			allowed, watched := allowedImporters[imp]
			if watched && !slices.Contains(allowed, pkg) {
				t.Errorf("%s imports %s, which this test does not know to be harmless", pkg, imp)
			}
			if strings.HasPrefix(pkg, "github.com/hitready/hitready") && (imp == "net" || strings.HasPrefix(imp, "net/")) {
				t.Errorf("hitready's own %s imports %s", pkg, imp)
			}
		}
	}
}

// The man-page generator (cobra/doc, and with it a Markdown parser and a roff writer) is for
// internal/mangen only: linked into the binary, it would be loaded and initialised on every run,
// `hitready --help` included. tablewriter, which draws every table, must be linked.
func TestBinaryLeavesOutTheManGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := strings.Fields(string(out))
	for _, pkg := range pkgs {
		for _, unwanted := range []string{"github.com/spf13/cobra/doc", "github.com/cpuguy83/go-md2man", "github.com/russross/blackfriday"} {
			if strings.HasPrefix(pkg, unwanted) {
				t.Errorf("the binary links %s", pkg)
			}
		}
	}
	if !slices.Contains(pkgs, "github.com/olekukonko/tablewriter") {
		t.Error("the binary does not link tablewriter, which draws its tables")
	}
}

// Imports run one way: cmd -> internal/* -> assessment -> questions. Leaf packages (prose, i18n,
// textsafe, yamlout, yamltree, iostreams, inputerr, strictyaml) import nothing of hitready but
// other leaves, so any layer may use them without a cycle; internal packages may use each other.
// A new import against the grain fails here.
func TestImportsRunOneWay(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	const module = "github.com/hitready/hitready"
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	leaves := []string{"internal/prose", "internal/textsafe", "internal/yamlout", "internal/iostreams", "internal/inputerr", "internal/i18n", "internal/yamltree", "internal/strictyaml"}
	tools := []string{"", "internal/mangen", "internal/cohort/gencohort"} // commands: they may use anything
	layer := func(pkg string) int {
		switch {
		case slices.Contains(tools, pkg):
			return 0
		case pkg == "cmd":
			return 1
		case slices.Contains(leaves, pkg):
			return 5
		case strings.HasPrefix(pkg, "internal/"):
			return 2
		case pkg == "assessment":
			return 3
		case pkg == "questions":
			return 4
		}
		t.Fatalf("package %q has no place in the layers; add it to this test", pkg)
		return -1
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(imp, module+"/")
			checked++
			from, to := layer(pkg), layer(dep)
			if to > from || (from == to && (from == 2 || from == 5)) {
				continue
			}
			t.Errorf("%s imports %s: against the grain (cmd -> internal/* -> assessment -> questions; leaves import only leaves)", cmp.Or(pkg, "main"), dep)
		}
	}
	if checked < 20 {
		t.Errorf("only %d imports checked; the go list output was not read right", checked)
	}
}
