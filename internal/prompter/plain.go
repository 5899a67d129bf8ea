package prompter

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Plain prompts line by line: numbered choices, a typed answer, Enter. It never moves the cursor
// or draws colour, so screen readers and dumb terminals (TERM=dumb) read it as plain text.
type Plain struct {
	out   io.Writer
	lines chan lineOrErr
	ctx   context.Context
}

type lineOrErr struct {
	line string
	err  error
}

// NewPlain returns a Plain prompter reading answers from in and writing questions to out. When
// ctx is cancelled (the caller cancels it on SIGINT) a pending question returns ErrInterrupted.
func NewPlain(ctx context.Context, in io.Reader, out io.Writer) *Plain {
	p := &Plain{out: out, lines: make(chan lineOrErr), ctx: ctx}
	go func() {
		// The reader runs apart from the questions so that an interrupt does not wait for a line.
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			p.lines <- lineOrErr{line: sc.Text()}
		}
		err := sc.Err()
		if err == nil {
			err = io.EOF
		}
		p.lines <- lineOrErr{err: err}
		close(p.lines)
	}()
	return p
}

func (p *Plain) readLine() (string, error) {
	select {
	case <-p.ctx.Done():
		return "", ErrInterrupted
	case l, ok := <-p.lines:
		if !ok || l.err == io.EOF {
			return "", ErrInterrupted
		}
		return strings.TrimSpace(l.line), l.err
	}
}

// loop asks until parse accepts the line; "?" prints the help and asks again.
func (p *Plain) loop(message, help, hint string, parse func(string) (bool, string)) error {
	for {
		fmt.Fprintf(p.out, "%s %s: ", message, hint)
		line, err := p.readLine()
		if err != nil {
			fmt.Fprintln(p.out)
			return err
		}
		if line == "?" {
			fmt.Fprintln(p.out, help)
			continue
		}
		ok, problem := parse(line)
		if ok {
			return nil
		}
		fmt.Fprintln(p.out, problem)
	}
}

func (p *Plain) listOptions(options []string) {
	for i, o := range options {
		fmt.Fprintf(p.out, "  %d. %s\n", i+1, o)
	}
}

func (p *Plain) Select(message, help string, options []string, def int) (int, error) {
	fmt.Fprintln(p.out, message)
	p.listOptions(options)
	hint := fmt.Sprintf("(1-%d, ? for help)", len(options))
	if def >= 0 && def < len(options) {
		hint = fmt.Sprintf("(1-%d, Enter for %d, ? for help)", len(options), def+1)
	}
	var index int
	err := p.loop("Your choice", help, hint, func(line string) (bool, string) {
		if line == "" && def >= 0 && def < len(options) {
			index = def
			return true, ""
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(options) {
			return false, fmt.Sprintf("Please type a number from 1 to %d.", len(options))
		}
		index = n - 1
		return true, ""
	})
	return index, err
}

func (p *Plain) MultiSelect(message, help string, options []string, defaults []int) ([]int, error) {
	fmt.Fprintln(p.out, message)
	p.listOptions(options)
	var indices []int
	err := p.loop("Your choices", help, "(numbers separated by commas, Enter for none, ? for help)", func(line string) (bool, string) {
		indices = nil
		if line == "" {
			indices = append(indices, defaults...)
			return true, ""
		}
		for _, field := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' }) {
			n, err := strconv.Atoi(field)
			if err != nil || n < 1 || n > len(options) {
				return false, fmt.Sprintf("%q is not a choice; type numbers from 1 to %d, separated by commas.", field, len(options))
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

func (p *Plain) Rating(message, help string, min, max int, labels []string) (int, error) {
	fmt.Fprintln(p.out, message)
	for i, l := range labels {
		if l != "" {
			fmt.Fprintf(p.out, "  %d means: %s\n", min+i, l)
		}
	}
	var rating int
	err := p.loop("Your rating", help, fmt.Sprintf("(%d-%d, ? for help)", min, max), func(line string) (bool, string) {
		n, err := strconv.Atoi(line)
		if err != nil || n < min || n > max {
			return false, fmt.Sprintf("Please type a whole number from %d to %d.", min, max)
		}
		rating = n
		return true, ""
	})
	return rating, err
}
