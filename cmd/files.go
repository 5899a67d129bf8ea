package cmd

import (
	"fmt"

	"github.com/google/renameio/v2"
)

// writeFileAtomic is the one way hitready writes a file. The data goes to a temporary file in the
// same folder that replaces the target by rename, so a reader sees the old file or the new one,
// never half of one. A new file is created 0600: answers and reports hold personal data. An
// existing file keeps its mode, as its owner chose it.
func writeFileAtomic(path string, data []byte) error {
	if err := renameio.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
