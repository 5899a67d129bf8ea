package main

import (
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
// `hitready --help` included, for pages nobody asked for.
func TestBinaryLeavesOutTheManGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, unwanted := range []string{"github.com/spf13/cobra/doc", "github.com/cpuguy83/go-md2man", "github.com/russross/blackfriday"} {
			if strings.HasPrefix(pkg, unwanted) {
				t.Errorf("the binary links %s", pkg)
			}
		}
	}
}
