package cmd

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/hitready/hitready/internal/iostreams"
	"github.com/spf13/cobra"
)

// BuildInfo is what a build of hitready knows about itself.
type BuildInfo struct {
	Version   string // the module version, "(devel)" for a build from a work tree
	Revision  string // the VCS revision, when the build recorded it
	Modified  bool   // the work tree had uncommitted changes
	GoVersion string
}

// ReadBuildInfo reads the build information the Go toolchain embeds in the binary.
func ReadBuildInfo() BuildInfo {
	info := BuildInfo{Version: "(devel)", Revision: "unknown", GoVersion: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	if bi.Main.Version != "" {
		info.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Revision = s.Value
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	return info
}

func (b BuildInfo) String() string {
	rev := b.Revision
	if b.Modified {
		rev += " (modified)"
	}
	return fmt.Sprintf("hitready %s\ncommit %s\n%s\n", b.Version, rev, b.GoVersion)
}

// NewCmdVersion builds `hitready version`; `hitready --version` prints the same.
func NewCmdVersion(ios *iostreams.IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Version, commit and Go version",
		Args:  noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			_, err := fmt.Fprint(ios.Out, ReadBuildInfo())
			return err
		},
	}
}
