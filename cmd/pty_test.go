//go:build linux

package cmd

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/hitready/hitready/internal/iostreams"
)

// These tests drive the real survey prompts through a pseudo-terminal, key by key, the way survey
// tests itself. They are slow and could hang on a regression, so each expectation has a timeout
// and the whole session a deadline; the flow itself is tested through the fake prompter.

const (
	keyDown  = "\x1b[B"
	keyUp    = "\x1b[A"
	keyEnter = "\r"
	keySpace = " "
	keyCtrlC = "\x03"
)

type ptySession struct {
	t       *testing.T
	console *expect.Console
	screen  vt10x.Terminal
	report  *bytes.Buffer
	done    chan int
}

// startPTY runs hitready with standard input and standard error on a pseudo-terminal and standard
// output in a buffer, as `hitready assess > report` would have it.
func startPTY(t *testing.T, args ...string) *ptySession {
	t.Helper()
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	screen := vt10x.New(vt10x.WithWriter(tty))
	console, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(screen),
		expect.WithCloser(ptm, tty), expect.WithDefaultTimeout(30*time.Second)) // generous: CI runs it under -race, beside other packages
	if err != nil {
		t.Fatal(err)
	}
	ios, _, report, _ := iostreams.Test()
	ios.In, ios.ErrOut = console.Tty(), console.Tty()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	s := &ptySession{t: t, console: console, screen: screen, report: report, done: make(chan int, 1)}
	go func() { s.done <- runStreams(ios, args) }()
	t.Cleanup(func() { console.Close() })
	return s
}

func (s *ptySession) expect(text string) {
	s.t.Helper()
	if _, err := s.console.ExpectString(text); err != nil {
		s.t.Fatalf("waiting for %q: %v\nscreen:\n%s", text, err, s.screen.String())
	}
}

// send types keys once the prompt has put the terminal in raw mode. Before that the terminal's
// line discipline would take Ctrl-C as a signal (to a process group that is not ours) and echo
// the arrows: survey draws its prompt first and switches modes just after.
func (s *ptySession) send(keys ...string) {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		tios, err := unix.IoctlGetTermios(int(s.console.Tty().Fd()), unix.TCGETS)
		if err != nil {
			s.t.Fatal(err)
		}
		if tios.Lflag&(unix.ICANON|unix.ISIG) == 0 {
			break
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the prompt never put the terminal in raw mode; screen:\n%s", s.screen.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	for _, k := range keys {
		if _, err := s.console.Send(k); err != nil {
			s.t.Fatal(err)
		}
	}
}

// typeText types into a text prompt. survey's text input first asks the terminal where the
// cursor is (ESC [6n) and reads the answer, which ends in "R", from standard input with a reader
// of its own: keys typed in that moment can be taken into the answer and lost, an "R" among them
// soonest (under load, "Jordan Rivera" lost its keys 3 times in 8). A person never types that
// fast; the test waits for the question to be asked and a moment more, and the names it types
// have no "R".
func (s *ptySession) typeText(text string) {
	s.t.Helper()
	s.expect("\x1b[6n")
	s.send() // and for raw mode
	time.Sleep(100 * time.Millisecond)
	s.send(text)
}

// wait returns hitready's exit code, or fails the test if it has not ended within the deadline.
func (s *ptySession) wait() int {
	s.t.Helper()
	select {
	case code := <-s.done:
		return code
	case <-time.After(60 * time.Second):
		s.t.Fatalf("hitready did not finish; screen:\n%s", s.screen.String())
		return -1
	}
}

func down(n int) []string {
	keys := make([]string, 0, n+1)
	for range n {
		keys = append(keys, keyDown)
	}
	return append(keys, keyEnter)
}

// answerAll answers every question on the screen, as a person with an HIT associate's and the
// RHIT who rates every skill 4, gives their name and arrives at the review.
func (s *ptySession) answerAll(name string) {
	s.t.Helper()
	s.expect("At most 22 questions to answer")
	s.expect("[1/22] What is the highest level of education")
	s.send(down(3)...) // associate
	s.expect("[2/22] In which field")
	s.send(keyEnter) // hit, the first option: the health information program question drops out
	s.expect("[3/21] Are you enrolled in a health information program")
	s.send(keyEnter) // no
	s.expect("[4/20] Is your health information program accredited")
	s.send(keyEnter) // yes
	s.expect("[5/20] Which of these topics")
	s.send(keySpace, keyDown, keySpace, keyEnter) // anatomy, physiology
	s.expect("[6/20] Where are you with an AHIMA")
	s.send(down(3)...) // passed
	s.expect("[7/20] Which AHIMA credential")
	s.send(keyEnter) // rhit
	s.expect("[8/20] How much medical coding work")
	s.send(keyEnter) // none yet
	for i := 9; i <= 18; i++ {
		s.expect("[" + strconv.Itoa(i) + "/20]")
		s.send(down(1)...) // the list starts on 3: one down is 4
	}
	s.expect("[19/20] Where would you like to work? (optional)")
	s.send(keySpace, keyEnter) // hospitals
	s.expect("[20/20] Your name for the report (optional)")
	s.typeText(name)
	s.send(keyEnter)
	s.expect("19. Where would you like to work? (optional) — Hospitals")
}

func TestPTYFullSession(t *testing.T) {
	t.Chdir(t.TempDir())
	s := startPTY(t, "assess", "--format", "json")
	s.answerAll("Jordan Lee")
	s.expect("Score these answers, or change one?")
	s.send(keyEnter) // score these answers
	s.expect("Your answers are in hitready-answers.yaml")
	if code := s.wait(); code != exitOK {
		t.Fatalf("exit %d; screen:\n%s", code, s.screen.String())
	}
	report := s.report.String()
	for _, want := range []string{`"score": 87,`, `"verdict": "ready"`, `"id": "coursework.statistics"`, `"respondent": "Jordan Lee"`} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %s:\n%s", want, report)
		}
	}
	if strings.Contains(report, "questions to answer") || strings.Contains(report, "\x1b[") {
		t.Errorf("prompts leaked into the report:\n%s", report)
	}
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || !strings.Contains(string(data), "coursework: [anatomy, physiology]") || !strings.Contains(string(data), "skills.computer: 4") {
		t.Errorf("kept answers (%v):\n%s", err, data)
	}
}

// The review, end to end: a lower level of education chosen in the review drops the field
// question, the kept file follows, and the report scores the changed answers.
func TestPTYReviewChangesAnAnswer(t *testing.T) {
	t.Chdir(t.TempDir())
	s := startPTY(t, "assess", "--format", "json")
	s.answerAll("")
	s.expect("20. Name for the report — (none)")
	s.expect("Score these answers, or change one?")
	s.send(down(1)...) // change an answer
	s.expect("Which answer do you want to change?")
	s.send(keyEnter) // the first: the level
	s.expect("Change: What is the highest level of education")
	s.send(keyUp, keyUp, keyEnter) // from associate (where it starts) to high-school
	s.expect("dropped.)")          // the field question's answer; the line wraps at 80 columns
	s.expect("Your answers:")
	s.expect("High-school")
	s.send(keyEnter) // score these answers
	s.expect("Your answers are in hitready-answers.yaml")
	if code := s.wait(); code != exitOK {
		t.Fatalf("exit %d; screen:\n%s", code, s.screen.String())
	}
	if report := s.report.String(); !strings.Contains(report, `"verdict": "not-ready"`) {
		t.Errorf("the report does not score the changed answer:\n%s", report)
	}
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || !strings.Contains(string(data), "education.level: high-school") || strings.Contains(string(data), "education.field") {
		t.Errorf("the kept answers did not follow the change (%v):\n%s", err, data)
	}
}

func TestPTYCtrlCKeepsTheAnswers(t *testing.T) {
	t.Chdir(t.TempDir())
	s := startPTY(t, "assess")
	s.expect("[1/22] What is the highest level of education")
	s.send(down(1)...) // high-school
	s.expect("(21 questions in all now: “In which field")
	s.expect("(20 questions in all now: “Which health information program")
	s.expect("[2/20] Are you enrolled in a health information program")
	s.send(keyEnter) // no: the program's level and the accredited question drop out
	s.expect("[3/18] Which of these topics")
	s.send(keySpace, keyEnter) // anatomy
	s.expect("[4/18] Where are you with an AHIMA")
	s.send(keyCtrlC)
	s.expect("Continue with:")
	s.expect("  hitready assess --answers hitready-answers.yaml")
	if code := s.wait(); code != exitInterrupted {
		t.Fatalf("exit %d, want 130", code)
	}
	if !s.screen.CursorVisible() {
		t.Error("the cursor was left hidden")
	}
	if s.report.Len() != 0 {
		t.Errorf("a report was printed after Ctrl-C:\n%s", s.report)
	}
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := "answers:\n  education.level: high-school\n  education.program: \"no\"\n  coursework: [anatomy]\n"; !strings.Contains(string(data), want) {
		t.Errorf("kept answers:\n%s\nwant them to contain:\n%s", data, want)
	}
	info, _ := os.Stat("hitready-answers.yaml")
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode().Perm())
	}
}

// An optional question skipped on the arrow-key list stays unanswered; the echo and the kept
// file say so.
func TestPTYSkipAnOptionalQuestion(t *testing.T) {
	t.Chdir(t.TempDir())
	s := startPTY(t, "assess")
	s.expect("[1/22] What is the highest level of education")
	s.send(down(3)...) // associate
	s.expect("[2/22] In which field")
	s.send(keyEnter) // hit
	s.expect("[3/21] Are you enrolled in a health information program")
	s.expect("Skip (leave it unanswered)")
	s.send(keyUp, keyEnter) // up from the first option is the last: Skip
	s.expect("(20 questions in all now: “At which level is the program")
	s.expect("[4/20] Is your health information program accredited")
	s.send(keyEnter) // yes
	s.expect("[5/20] Which of these topics")
	s.send(keyCtrlC)
	s.expect("Continue with:")
	if code := s.wait(); code != exitInterrupted {
		t.Fatalf("exit %d, want 130", code)
	}
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || strings.Contains(string(data), "education.program:") || !strings.Contains(string(data), `education.accredited: "yes"`) {
		t.Errorf("kept answers (%v):\n%s", err, data)
	}
}

// A session in Spanish on the arrow-key prompter: the opening line, the counts, survey's key
// hints, Skip, a count that shrinks, and Ctrl-C with the hint to go on, which keeps --lang es.
func TestPTYSpanishSession(t *testing.T) {
	t.Chdir(t.TempDir())
	s := startPTY(t, "assess", "--lang", "es")
	s.expect("Como máximo, 22 preguntas por responder")
	s.expect("[1/22] ¿Cuál es el nivel de estudios más alto que ha terminado?")
	s.expect("[Use las flechas para moverse; escriba para filtrar, ? para más ayuda]")
	s.send(down(3)...) // associate
	s.expect("[2/22] ¿En qué campo es su título más alto?")
	s.send(keyEnter) // hit
	s.expect("(Ahora hay 21 preguntas en total: “¿Qué programa")
	s.expect("[3/21] ¿Estudia ahora en un programa de información de salud? (opcional)")
	s.expect("Omitir (dejarla sin responder)")
	s.send(keyUp, keyEnter) // up from the first option is the last: Skip
	s.expect("(Ahora hay 20 preguntas en total: “¿De qué nivel es el programa")
	s.expect("[4/20] ¿Su programa de información de salud está acreditado por CAHIIM?")
	s.send(keyEnter) // yes
	s.expect("[5/20] ¿En cuáles de estos temas ha terminado un curso?")
	s.expect("[Use las flechas para moverse, espacio para marcar, <derecha> para todas,")
	s.expect("<izquierda> para ninguna; escriba para filtrar, ? para más ayuda]")
	s.send(keyCtrlC)
	s.expect("Cuestionario detenido.")
	s.expect("Para continuar, use:")
	s.expect("  hitready assess --answers hitready-answers.yaml --lang es")
	if code := s.wait(); code != exitInterrupted {
		t.Fatalf("exit %d, want 130", code)
	}
	data, err := os.ReadFile("hitready-answers.yaml")
	if err != nil || !strings.Contains(string(data), `education.accredited: "yes"`) {
		t.Errorf("kept answers (%v):\n%s", err, data)
	}
}
