package prompter

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/prose"
)

// plain prompts line by line: numbered choices, a typed answer, Enter. It never moves the cursor
// or draws colour, so screen readers and dumb terminals (TERM=dumb) read it as plain text.
type plain struct {
	in    *bufio.Reader
	out   io.Writer
	width int // columns to wrap to, on words
	l     *i18n.Localizer
	skip  string // SkipOption in l
	ctx   context.Context
	ended bool // the input ended (or failed): nothing more is read
}

type lineOrErr struct {
	line string
	err  error
}

// newPlain returns a plain prompter reading answers from in and writing questions to out.
func newPlain(ctx context.Context, in io.Reader, out io.Writer, width int, lang i18n.Lang) *plain {
	return &plain{in: bufio.NewReader(in), out: out, width: width, ctx: ctx, l: i18n.For(lang), skip: SkipOption(lang)}
}

// readLine reads one line on a goroutine of its own, so that an interrupt does not wait for the
// line; it reads only when a question asks, so once the questionnaire is over nothing is waiting
// on the input. (A read under way when the person presses Ctrl-C stays blocked until the process
// exits, which follows at once: a terminal's descriptor cannot be woken portably. No read starts
// after it.)
func (p *plain) readLine() (string, error) {
	if p.ended || p.ctx.Err() != nil {
		return "", ErrInterrupted // the input ended earlier, or the person stopped
	}
	got := make(chan lineOrErr, 1)
	go func() {
		line, err := p.in.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil // a last line without its newline is still an answer
		}
		got <- lineOrErr{line: strings.TrimRight(line, "\r\n"), err: err}
	}()
	select {
	case <-p.ctx.Done():
		return "", ErrInterrupted
	case l := <-got:
		p.ended = l.err != nil
		if l.err == io.EOF {
			return "", ErrInterrupted
		}
		return strings.TrimSpace(l.line), l.err
	}
}

// loop asks until parse accepts the line; "?" prints the help and asks again.
func (p *plain) loop(message, help, hint string, parse func(string) (bool, string)) error {
	for {
		fmt.Fprintf(p.out, "%s: ", prose.Wrap(message+" "+hint, p.width, ""))
		line, err := p.readLine()
		if err != nil {
			fmt.Fprintln(p.out)
			return err
		}
		if line == "?" || line == "¿" { // a Spanish keyboard's question mark may be the opening one
			fmt.Fprintln(p.out, prose.Wrap(help, p.width, ""))
			continue
		}
		if strings.ContainsRune(line, '\x1b') {
			// An arrow key (ESC [ B) on a line prompter: said in words, never echoed, since a
			// screen reader would read the escape aloud.
			fmt.Fprintln(p.out, prose.Wrap(p.l.T("session.plain.no-arrow-keys"), p.width, ""))
			continue
		}
		ok, problem := parse(line)
		if ok {
			return nil
		}
		fmt.Fprintln(p.out, prose.Wrap(problem, p.width, ""))
	}
}

// say writes a question's text, wrapped.
func (p *plain) say(text string) {
	fmt.Fprintln(p.out, prose.Wrap(text, p.width, ""))
}

func (p *plain) Select(message, help string, options []string, def int) (int, error) {
	p.say(message)
	fmt.Fprint(p.out, prose.Numbered(options, p.width))
	hint := p.l.T("session.plain.hint.select", i18n.Args{"Count": len(options)})
	enter := -1 // what Enter alone chooses
	switch {
	case def >= 0 && def < len(options):
		enter = def
		hint = p.l.T("session.plain.hint.select-default", i18n.Args{"Count": len(options), "Default": def + 1})
	case len(options) > 0 && options[len(options)-1] == p.skip:
		enter = len(options) - 1
		hint = p.l.T("session.plain.hint.select-skip", i18n.Args{"Count": len(options)})
	}
	var index int
	err := p.loop(p.l.T("session.plain.your-choice"), help, hint, func(line string) (bool, string) {
		if line == "" && enter >= 0 {
			index = enter
			return true, ""
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(options) {
			return false, p.l.T("session.plain.type-a-number", i18n.Args{"Count": len(options)})
		}
		index = n - 1
		return true, ""
	})
	return index, err
}

func (p *plain) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	p.say(message)
	fmt.Fprint(p.out, prose.Numbered(options, p.width))
	var indices []int
	err := p.loop(p.l.T("session.plain.your-choices"), help, p.l.T("session.plain.hint.multi-select"), func(line string) (bool, string) {
		indices = nil
		if line == "" {
			indices = append(indices, defaults...)
			return true, ""
		}
		for _, field := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' }) {
			n, err := strconv.Atoi(field)
			if err != nil || n < 1 || n > len(options) {
				return false, p.l.T("session.plain.not-a-choice", i18n.Args{"Typed": quoted(field), "Count": len(options)})
			}
			if !slices.Contains(indices, n-1) {
				indices = append(indices, n-1)
			}
		}
		return true, ""
	})
	slices.Sort(indices)
	return indices, err
}

// Rating requires a typed number: Enter alone is asked again, never taken for def, since a
// line prompter has no list whose starting place the person would see.
func (p *plain) Rating(message, help string, min, max, def int, labels []string) (int, error) {
	p.say(message)
	for i, l := range labels {
		if l != "" {
			prefix := "  " + p.l.T("session.plain.means", i18n.Args{"N": min + i}) + " "
			fmt.Fprintln(p.out, prefix+prose.Wrap(l, p.width-len(prefix), strings.Repeat(" ", len(prefix))))
		}
	}
	var rating int
	err := p.loop(p.l.T("session.plain.your-rating"), help, p.l.T("session.plain.hint.rating", i18n.Args{"Min": min, "Max": max}), func(line string) (bool, string) {
		n, err := strconv.Atoi(line)
		if err != nil || n < min || n > max {
			return false, p.l.T("session.plain.type-a-whole-number", i18n.Args{"Min": min, "Max": max})
		}
		rating = n
		return true, ""
	})
	return rating, err
}

func (p *plain) Input(message, help, def string) (string, error) {
	hint := p.l.T("session.plain.hint.input")
	if def != "" {
		hint = p.l.T("session.plain.hint.input-keep", i18n.Args{"Default": quoted(def)})
	}
	var text string
	err := p.loop(message, help, hint, func(line string) (bool, string) {
		text = line
		if line == "" {
			text = def
		}
		return true, ""
	})
	return text, err
}
