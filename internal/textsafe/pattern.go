package textsafe

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Pattern is a regular expression that matches exactly the text Unsafe accepts, for a JSON
// Schema that must refuse what the readers refuse. It is written in the syntax ECMA-262 (with
// the "u" flag JSON Schema 2020-12 asks for) and Go's regexp share: classes of ranges, ASCII
// as \xHH, every other rune as itself.
//
//	^(?:[^C]|J(?:[ZWNJ ZWJ]J)+)*$
//
// C is every control (IsControl), joiners included; J a character that may stand beside a
// joiner (joinable): a joiner is accepted only between two of them.
var Pattern = sync.OnceValue(func() string {
	// IsControl's runes: C0, DEL and C1, the separators, and category Cf.
	controls := []unicode.Range32{{Lo: 0, Hi: 0x1f, Stride: 1}, {Lo: 0x7f, Hi: 0x9f, Stride: 1}, {Lo: 0x2028, Hi: 0x2029, Stride: 1}}
	controls = append(controls, expand(unicode.Cf)...)
	c := classOf(merge(controls))
	j := classOf(merge(append(append([]unicode.Range32{{Lo: 0, Hi: 0x7f, Stride: 1}}, controls...), expand(unicode.White_Space)...)))
	return fmt.Sprintf("^(?:[^%s]|[^%s](?:[\u200c\u200d][^%s])+)*$", c, j, j)
})

// expand lists a table's runes as ranges of stride 1.
func expand(t *unicode.RangeTable) []unicode.Range32 {
	var out []unicode.Range32
	add := func(lo, hi, stride uint32) {
		if stride == 1 {
			out = append(out, unicode.Range32{Lo: lo, Hi: hi, Stride: 1})
			return
		}
		for c := lo; c <= hi; c += stride {
			out = append(out, unicode.Range32{Lo: c, Hi: c, Stride: 1})
		}
	}
	for _, r := range t.R16 {
		add(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range t.R32 {
		add(r.Lo, r.Hi, r.Stride)
	}
	return out
}

// merge sorts ranges and joins those that touch or overlap.
func merge(ranges []unicode.Range32) []unicode.Range32 {
	slices.SortFunc(ranges, func(a, b unicode.Range32) int { return cmp.Compare(a.Lo, b.Lo) })
	var out []unicode.Range32
	for _, r := range ranges {
		if n := len(out); n > 0 && r.Lo <= out[n-1].Hi+1 {
			out[n-1].Hi = max(out[n-1].Hi, r.Hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// classOf writes ranges as the inside of a character class.
func classOf(ranges []unicode.Range32) string {
	var b strings.Builder
	for _, r := range ranges {
		b.WriteString(classRune(rune(r.Lo)))
		if r.Hi > r.Lo {
			b.WriteString("-" + classRune(rune(r.Hi)))
		}
	}
	return b.String()
}

func classRune(r rune) string {
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return string(r)
}
