//go:build unix

package prompter

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// survey reads the keyboard with the terminal in raw mode, where Ctrl-Z is a key, not the
// signal that stops a program; and a program stopped by SIGTSTP (`kill -TSTP`, or Ctrl-Z between
// two questions, when the terminal is in its normal mode) comes back with `fg` to a terminal the
// shell has put back in its normal mode while survey waits for keys in raw mode, its question
// gone from the screen: arrows then echo ^[[B. suspendable mends both, as a full-screen program
// does: Ctrl-Z gives the terminal back as it was found (normal mode, the cursor shown) and stops
// the process group with SIGTSTP, whose own action (stop) Go leaves in place; SIGCONT, on fg,
// has the question being asked asked again, drawn afresh in raw mode. Windows has neither signal
// (suspend_other.go).

// suspender is the terminal's input as survey reads it: a Read that SIGCONT can end.
type suspender struct {
	in     terminal.FileReader
	out    io.Writer
	fd     int
	found  *term.State // the terminal as the questionnaire found it
	wake   [2]int      // a pipe: a byte in it ends a Read with errRedraw
	cont   chan os.Signal
	quit   chan struct{}
	done   chan struct{}
	asking atomic.Bool // a Read is waiting for keys
}

// errRedraw ends a question whose screen is gone (the program was stopped and continued): the
// survey prompter asks it again.
var errRedraw = errors.New("redraw")

// stopWait is how long Ctrl-Z waits to be stopped before it takes it that it cannot be: a process
// group without job control (its shell gone, or none) is not stopped by SIGTSTP.
const stopWait = time.Second

// suspendable wraps in so that Ctrl-Z stops the questionnaire and fg brings its question back;
// release undoes it. Where in is not a terminal, in is returned as it is.
func suspendable(in terminal.FileReader, out io.Writer) (terminal.FileReader, func()) {
	fd := int(in.Fd())
	found, err := term.GetState(fd)
	if err != nil {
		return in, func() {}
	}
	s := &suspender{in: in, out: out, fd: fd, found: found, cont: make(chan os.Signal, 1),
		quit: make(chan struct{}), done: make(chan struct{})}
	if err := unix.Pipe(s.wake[:]); err != nil {
		return in, func() {}
	}
	unix.SetNonblock(s.wake[0], true)
	unix.SetNonblock(s.wake[1], true)
	signal.Notify(s.cont, syscall.SIGCONT)
	go s.watch()
	return s, s.release
}

func (s *suspender) Fd() uintptr { return s.in.Fd() }

// Read waits for keys, or for SIGCONT, which ends it with errRedraw. Ctrl-Z (0x1a) is taken out
// of what was read and stops the process group (stop).
func (s *suspender) Read(p []byte) (int, error) {
	s.drain()
	s.asking.Store(true)
	defer s.asking.Store(false)
	var raw *term.State // the mode survey had when Ctrl-Z stopped it; nil when not stopping
	var since time.Time
	for {
		timeout := -1
		if raw != nil {
			timeout = int(max(stopWait-time.Since(since), 0) / time.Millisecond)
		}
		fds := []unix.PollFd{{Fd: int32(s.fd), Events: unix.POLLIN}, {Fd: int32(s.wake[0]), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, timeout)
		switch {
		case err != nil && !errors.Is(err, unix.EINTR):
			return 0, err
		case fds[1].Revents != 0:
			s.drain()
			return 0, errRedraw
		case raw != nil && time.Since(since) >= stopWait:
			// Not stopped: no job control. Raw mode again, and the question goes on.
			term.Restore(s.fd, raw)
			raw = nil
			continue
		case n <= 0 || fds[0].Revents == 0:
			continue
		}
		k, err := s.in.Read(p)
		kept := p[:0]
		for _, c := range p[:k] {
			if c != 0x1a {
				kept = append(kept, c)
			} else if raw == nil {
				raw, since = s.stop(), time.Now()
			}
		}
		if len(kept) > 0 || err != nil {
			return len(kept), err
		}
	}
}

// stop gives the terminal back as it was found and sends SIGTSTP to the process group, as the
// terminal's own Ctrl-Z would; it returns the mode it found the terminal in.
func (s *suspender) stop() *term.State {
	mode, _ := term.GetState(s.fd)
	term.Restore(s.fd, s.found)
	// The cursor survey hides; and a line of its own for the shell, the rest of the question
	// cleared below it (survey leaves the cursor on the option chosen).
	io.WriteString(s.out, "\x1b[?25h\r\n\x1b[J")
	unix.Kill(0, syscall.SIGTSTP)
	return mode
}

// drain empties the wake-up pipe.
func (s *suspender) drain() {
	var buf [16]byte
	for {
		if n, err := unix.Read(s.wake[0], buf[:]); n <= 0 || err != nil {
			return
		}
	}
}

// watch turns SIGCONT, for as long as the prompter is in use, into a redraw of the question being
// asked.
func (s *suspender) watch() {
	defer close(s.done)
	for {
		select {
		case <-s.quit:
			return
		case <-s.cont:
			if s.asking.Load() {
				unix.Write(s.wake[1], []byte{1})
			}
		}
	}
}

// release stops watching for SIGCONT.
func (s *suspender) release() {
	signal.Stop(s.cont)
	close(s.quit)
	<-s.done
	unix.Close(s.wake[0])
	unix.Close(s.wake[1])
}
