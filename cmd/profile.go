package cmd

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/hitready/hitready/assessment"
	"github.com/hitready/hitready/internal/fileio"
	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/iostreams"
	"github.com/hitready/hitready/questions"
)

// loadProfile loads the question bank and the requirement profile in path, or the embedded one
// for "". The profile carries the bank it was checked against (Profile.Bank). It is read like
// every input, through readInput: never hanging on a FIFO, with the one size limit; so are the
// credentials and steps files it names. For a command that writes outputs, the files the profile
// names are inputs too, and are checked against outputs (checkOutputs) as soon as their names
// are known, before they are read and before anything is written.
func loadProfile(ctx context.Context, ios *iostreams.IOStreams, path string, outputs []fileio.Path) (*assessment.Profile, error) {
	if path == "" {
		return assessment.LoadDefault(ios.Lang())
	}
	bank, err := questions.LoadIn(ios.Lang())
	if err != nil {
		return nil, err
	}
	data, err := readInput(ctx, ios, path)
	if err != nil {
		return nil, err
	}
	p, err := assessment.ParseProfile(path, data, bank)
	if err != nil {
		return nil, err
	}
	if len(outputs) > 0 {
		var named []fileio.Path
		if p.CredentialsFile != "" {
			named = append(named, fileio.Path{Flag: path + ", credentials:", Name: profileFile(path, p.CredentialsFile)})
		}
		if p.StepsFile != "" {
			named = append(named, fileio.Path{Flag: path + ", steps:", Name: profileFile(path, p.StepsFile)})
		}
		if err := checkOutputs(ios, outputs, named...); err != nil {
			return nil, err
		}
	}
	return p, useProfileFiles(ctx, ios, p, path)
}

// profileFile is the path of a file a profile names: as written when absolute, else relative to
// the folder the profile file is in. A profile reached through a symbolic link names its files
// from the folder the link leads to, where the profile really is: a profile and the credentials
// and steps files it names are kept together, and a link to the profile (current.yaml ->
// shared/2026/profile.yaml) must not need a link to each of them too; a shell script finds its
// own files the same way (readlink -f "$0"). A name that cannot be followed (standard input,
// "-") is taken as given.
//
// The path is never "-", which every reader takes for standard input: credentials: "-" in a
// profile of the current folder is the file named "-" there, ./-.
func profileFile(profilePath, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	dir := filepath.Dir(profilePath)
	if real, err := filepath.EvalSymlinks(profilePath); err == nil {
		dir = filepath.Dir(real)
	}
	path := filepath.Join(dir, name)
	if path == fileio.StdStream {
		return "." + string(filepath.Separator) + path
	}
	return path
}

// useProfileFiles reads the credentials and steps files a profile names (`credentials: FILE`,
// `steps: FILE`, relative to the profile's folder unless absolute), checked as strictly as the profile.
func useProfileFiles(ctx context.Context, ios *iostreams.IOStreams, p *assessment.Profile, profilePath string) error {
	var cs *assessment.Credentials
	if p.CredentialsFile != "" {
		path, data, err := readNamedFile(ctx, ios, profilePath, p.CredentialsFile, "errors.profile.credentials-named-by")
		if err != nil {
			return err
		}
		if cs, err = assessment.ParseCredentials(path, data, p); err != nil {
			return err
		}
	}
	var steps *assessment.Steps
	if p.StepsFile != "" {
		path, data, err := readNamedFile(ctx, ios, profilePath, p.StepsFile, "errors.profile.steps-named-by")
		if err != nil {
			return err
		}
		if steps, err = assessment.ParseSteps(path, data, p, cmp.Or(cs, p.Credentials())); err != nil {
			return err
		}
	}
	return p.UseCredentialsAndSteps(cs, steps)
}

// readNamedFile reads a file the profile at profilePath names, and returns its path (profileFile).
// A failure says that the profile named it (namedBy, the message that says so), or "/dev/zero:
// is a character device" leaves the person wondering why hitready read that file at all.
func readNamedFile(ctx context.Context, ios *iostreams.IOStreams, profilePath, name, namedBy string) (string, []byte, error) {
	path := profileFile(profilePath, name)
	data, err := readInput(ctx, ios, path)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", i18n.For(ios.Lang()).T(namedBy, i18n.Args{"Profile": profilePath}), err)
	}
	return path, data, nil
}

// addProfileFlag adds --profile to a command.
func addProfileFlag(c *cobra.Command, l *i18n.Localizer, path *string) {
	c.Flags().StringVar(path, "profile", "", l.T("help.flag.profile"))
	_ = c.MarkFlagFilename("profile", "yaml", "yml")
}
