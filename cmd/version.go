package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/internal/render"
)

// buildInfo is what a build of hitready knows about itself, in the shape of `hitready version
// --format json`.
type buildInfo struct {
	Version   string `json:"version"`  // the module version, "(devel)" for a build from a work tree
	Revision  string `json:"commit"`   // the VCS revision, when the build recorded it
	Modified  bool   `json:"modified"` // the work tree had uncommitted changes
	GoVersion string `json:"go"`
}

// version is the release's version (1.2.3), stamped in by the release tool (internal/release)
// with -ldflags "-X github.com/hitready/hitready/cmd.version=1.2.3"; empty in any other build,
// which reports the module's version instead (v1.2.3 after go install …@v1.2.3).
var version string

// readBuildInfo reads the build information the Go toolchain embeds in the binary.
func readBuildInfo() buildInfo {
	info := buildInfo{Version: "(devel)", Revision: "unknown", GoVersion: runtime.Version()}
	bi, ok := debug.ReadBuildInfo()
	if version != "" {
		info.Version = version
	} else if ok && bi.Main.Version != "" {
		info.Version = bi.Main.Version
	}
	if !ok {
		return info
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

func (b buildInfo) String() string {
	rev := b.Revision
	if b.Modified {
		rev += " (modified)"
	}
	return fmt.Sprintf("hitready %s\ncommit %s\n%s\n", b.Version, rev, b.GoVersion)
}

// versionFormats: the text is for people, JSON for scripts that check what they run.
func versionFormats() render.Formats[func(io.Writer, buildInfo) error] {
	return render.Formats[func(io.Writer, buildInfo) error]{
		{Name: "text", Render: func(w io.Writer, b buildInfo) error {
			_, err := fmt.Fprint(w, b)
			return err
		}},
		{Name: "json", Render: func(w io.Writer, b buildInfo) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(b)
		}},
	}
}

// NewCmdVersion builds `hitready version`; `hitready --version` prints the same as its text.
func NewCmdVersion(ios *iostreams.IOStreams) *cobra.Command {
	l := i18n.For(ios.Lang())
	var format string
	c := &cobra.Command{
		Use:   "version",
		Short: l.T("help.version.short"),
		Example: `  hitready version
  hitready version --format json`,
		Args: noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			// Refused in the run's language, as every other command's --format is.
			if err := checkFormat(l, &format, versionFormats()); err != nil {
				return err
			}
			write, _ := versionFormats().Lookup(format) // checked: a name of the table
			return write(ios.Out, readBuildInfo())
		},
	}
	addFormatFlag(c, l, &format, versionFormats())
	return c
}
