package textsafe

import "unicode/utf8"

// BadByte is where the first byte that is not UTF-8 is in a file: its line and column (counted
// in characters, from 1) and the byte.
type BadByte struct {
	Line, Column int
	Byte         byte
}

// FirstBadByte finds the first byte of data that is not UTF-8; ok is false when all of it is.
// A file saved by Windows Notepad as "ANSI" (Latin-1) holds "José" with the single byte 0xE9,
// which every parser refuses in its own words and without a line: the bytes are checked first.
func FirstBadByte(data []byte) (bad BadByte, ok bool) {
	if utf8.Valid(data) {
		return BadByte{}, false
	}
	line, column := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return BadByte{Line: line, Column: column, Byte: data[i]}, true
		}
		if r == '\n' {
			line, column = line+1, 1
		} else {
			column++
		}
		i += size
	}
	return BadByte{}, false
}
