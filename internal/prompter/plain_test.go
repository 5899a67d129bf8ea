package prompter

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hitready/hitready/internal/i18n"
)

func TestPlain(t *testing.T) {
	options := []string{"Anatomy", "Physiology", "Statistics"}
	tests := []struct {
		name    string
		input   string
		ask     func(p *plain) (any, error)
		want    any
		wantOut []string
		wantErr error
	}{
		{"select", "2\n", func(p *plain) (any, error) { return p.Select("Pick one", "help", options, -1) }, 1,
			[]string{"Pick one\n  1. Anatomy\n  2. Physiology\n  3. Statistics\n", "Your choice (1-3, ? for help): "}, nil},
		{"select retries a wrong number", "7\nx\n3\n", func(p *plain) (any, error) { return p.Select("Pick", "help", options, -1) }, 2,
			[]string{"Please type a number from 1 to 3.\n"}, nil},
		{"select default on Enter", "\n", func(p *plain) (any, error) { return p.Select("Pick", "help", options, 1) }, 1,
			[]string{"(1-3, Enter for 2, ? for help)"}, nil},
		{"Enter skips an optional question", "\n", func(p *plain) (any, error) {
			return p.Select("[3/20] Enrolled? (optional)", "help", append(slices.Clone(options), SkipOption(i18n.English)), -1)
		}, 3, []string{"  4. Skip (leave it unanswered)\n", "Your choice (1-4, Enter to skip, ? for help): "}, nil},
		{"a start wins over Skip for Enter", "\n", func(p *plain) (any, error) {
			return p.Select("Change: Enrolled? (optional)", "help", append(slices.Clone(options), SkipOption(i18n.English)), 0)
		}, 0, []string{"(1-4, Enter for 1, ? for help)"}, nil},
		{"select help", "?\n1\n", func(p *plain) (any, error) { return p.Select("Pick", "Why: because.", options, -1) }, 0,
			[]string{"Why: because.\n"}, nil},
		{"multi-select", "3, 1\n", func(p *plain) (any, error) { return p.MultiSelect("Pick any", "help", options, nil) }, []int{0, 2}, nil, nil},
		{"multi-select none", "\n", func(p *plain) (any, error) { return p.MultiSelect("Pick any", "help", options, nil) }, []int(nil), nil, nil},
		{"multi-select repeats count once", "2 2,2\n", func(p *plain) (any, error) { return p.MultiSelect("Pick any", "help", options, nil) }, []int{1}, nil, nil},
		{"multi-select retries", "1,9\n1\n", func(p *plain) (any, error) { return p.MultiSelect("Pick any", "help", options, nil) }, []int{0},
			[]string{"“9” is not a choice"}, nil},
		{"rating", "0\n4.5\n4\n", func(p *plain) (any, error) {
			return p.Rating("Rate", "help", 1, 5, 3, []string{"low end", "", "", "", "high end"})
		}, 4,
			[]string{"  1 means: low end\n  5 means: high end\n", "Please type a whole number from 1 to 5."}, nil},
		{"rating: Enter alone is no answer", "\n3\n", func(p *plain) (any, error) { return p.Rating("Rate", "help", 1, 5, 3, nil) }, 3,
			[]string{"Please type a whole number from 1 to 5."}, nil},
		{"input", "Jordan Rivera\n", func(p *plain) (any, error) { return p.Input("Your name", "help", "") }, "Jordan Rivera",
			[]string{"Your name (Enter to skip, ? for help): "}, nil},
		{"input keeps the default on Enter", "\n", func(p *plain) (any, error) { return p.Input("Your name", "help", "Sam") }, "Sam",
			[]string{"(Enter keeps “Sam”, ? for help)"}, nil},
		// An arrow key on a line prompter is said in words, never echoed: a screen reader would
		// read "\x1b[B" aloud (issue 17, item 17).
		{"multi-select: an arrow key", "\x1b[B\n2\n", func(p *plain) (any, error) { return p.MultiSelect("Pick any", "help", options, nil) }, []int{1},
			[]string{"Arrow keys do not work here: type the number of your choice"}, nil},
		{"select: an arrow key", "\x1b[A\n3\n", func(p *plain) (any, error) { return p.Select("Pick", "help", options, 0) }, 2,
			[]string{"Arrow keys do not work here"}, nil},
		{"a last line without newline counts", "2", func(p *plain) (any, error) { return p.Select("Pick", "help", options, -1) }, 1, nil, nil},
		{"end of input is an interruption", "", func(p *plain) (any, error) { return p.Select("Pick", "help", options, -1) }, 0, nil, ErrInterrupted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			p := newPlain(context.Background(), strings.NewReader(tt.input), &out, 80, i18n.English)
			got, err := tt.ask(p)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr == nil && !equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if strings.Contains(out.String(), "\x1b") || strings.Contains(out.String(), `\x1b`) {
				t.Errorf("plain output holds an escape sequence: %q", out.String())
			}
		})
	}
}

func equal(a, b any) bool {
	if x, ok := a.([]int); ok {
		y, _ := b.([]int)
		return slices.Equal(x, y)
	}
	return a == b
}

// Ctrl-C in plain mode arrives as a signal; the caller cancels the context and the pending
// question must return at once, even though no line will ever come.
func TestPlainInterruptedWhileWaiting(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	defer w.Close()
	p := newPlain(ctx, r, io.Discard, 80, i18n.English)
	done := make(chan error, 1)
	go func() {
		_, err := p.Rating("Rate", "help", 1, 5, 3, nil)
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) {
			t.Errorf("err = %v, want ErrInterrupted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the prompt did not return after the interrupt")
	}
}

// After the last question nothing may be left reading standard input: the prompter reads only
// when a question asks.
func TestPlainReadsOnlyWhenAsked(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	in := &countingReader{r: r}
	p := newPlain(context.Background(), in, io.Discard, 80, i18n.English)
	go func() { _, _ = io.WriteString(w, "1\n") }()
	if _, err := p.Select("Pick", "help", []string{"a", "b"}, -1); err != nil {
		t.Fatal(err)
	}
	if n := in.reading.Load(); n != 0 {
		t.Errorf("%d reads under way after the question was answered", n)
	}
}

// countingReader counts the reads under way.
type countingReader struct {
	r       io.Reader
	reading atomic.Int32
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.reading.Add(1)
	defer c.reading.Add(-1)
	return c.r.Read(p)
}

func TestNewPicksPlainForStreamsThatAreNotFiles(t *testing.T) {
	p, stop := New(context.Background(), Options{In: strings.NewReader(""), Out: io.Discard})
	defer stop()
	if _, ok := p.(*plain); !ok {
		t.Errorf("New gave %T for buffers; survey needs file descriptors", p)
	}
	p, stop2 := New(context.Background(), Options{In: os.Stdin, Out: os.Stderr, Plain: true})
	defer stop2()
	if _, ok := p.(*plain); !ok {
		t.Errorf("New gave %T with Plain set", p)
	}
}

// At a narrow terminal every line of the plain prompter wraps on words: a screen reader reads
// whole words, and nothing is cut mid-word by the terminal.
func TestPlainWrapsToTheWidth(t *testing.T) {
	var out bytes.Buffer
	p := newPlain(context.Background(), strings.NewReader("?\n9\n1\n"), &out, 40, i18n.English)
	long := "A related health field (for example nursing, health administration or public health)"
	if _, err := p.Select("[1/17] What is the highest level of education you have completed?",
		"Count only what you have finished; a degree you are still studying for counts as some college.",
		[]string{long, "Another field"}, -1); err != nil {
		t.Fatal(err)
	}
	// On a terminal the person's Enter ends the prompt's line; the buffer has no echo of it.
	screen := strings.ReplaceAll(out.String(), "help): ", "help): ?\n")
	for _, line := range strings.Split(screen, "\n") {
		if len(line) > 40 {
			t.Errorf("line of %d columns: %q", len(line), line)
		}
	}
	if !strings.Contains(out.String(), "  1. A related health field (for example\n     nursing") {
		t.Errorf("an option's continuation is not indented under its text:\n%s", out.String())
	}
}
