package cmd

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"github.com/google/renameio/v2"
	"github.com/hitready/hitready/internal/iostreams"
)

// createAtomic is the one way hitready creates a file. The data goes to a temporary file in the
// same folder, which replaces the target by rename only when complete, so a reader sees the old
// file or the new one, never half of one, and a failure leaves the old one as it was. A new file
// is created 0600: answers and reports hold personal data. An existing file keeps its mode, as
// its owner chose it. The temporary file is made in the target's folder (renameio would otherwise
// probe the system's temporary folder on every write): the rename then cannot cross file systems,
// and personal data never lands in a shared folder.
func createAtomic(path string) (*renameio.PendingFile, error) {
	f, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithPermissions(0o600), renameio.WithExistingPermissions())
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	return f, nil
}

// writeFileAtomic writes data to path through createAtomic.
func writeFileAtomic(path string, data []byte) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	defer f.Cleanup()
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// output is where a report goes: standard output, or --output FILE, which is written through
// createAtomic and appears only on Commit.
type output struct {
	path    string
	w       *bufio.Writer
	pending *renameio.PendingFile
}

func openOutput(ios *iostreams.IOStreams, path string) (*output, error) {
	if path == "" {
		return &output{w: bufio.NewWriter(ios.Out)}, nil
	}
	f, err := createAtomic(path)
	if err != nil {
		return nil, err
	}
	return &output{path: path, w: bufio.NewWriter(f), pending: f}, nil
}

// Writer is what the report is written to.
func (o *output) Writer() io.Writer { return o.w }

// Commit flushes the report and, for a file, puts it in place.
func (o *output) Commit() error {
	if err := o.w.Flush(); err != nil {
		return o.fail(err)
	}
	if o.pending != nil {
		if err := o.pending.CloseAtomicallyReplace(); err != nil {
			return o.fail(err)
		}
	}
	return nil
}

// Discard drops a report not committed: the file named by --output is left as it was. It is safe
// to call after Commit.
func (o *output) Discard() {
	if o.pending != nil {
		_ = o.pending.Cleanup()
	}
}

func (o *output) fail(err error) error {
	if o.path == "" {
		return fmt.Errorf("writing the report: %w", err)
	}
	return fmt.Errorf("writing %s: %w", o.path, err)
}

// writeOutput draws a whole output first, then writes it to standard output or, atomically, to
// path: a failed draw never leaves half a report behind.
func writeOutput(ios *iostreams.IOStreams, path string, draw func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		return fmt.Errorf("rendering: %w", err)
	}
	out, err := openOutput(ios, path)
	if err != nil {
		return err
	}
	defer out.Discard()
	if _, err := out.Writer().Write(buf.Bytes()); err != nil {
		return out.fail(err)
	}
	return out.Commit()
}
