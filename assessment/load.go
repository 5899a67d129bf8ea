package assessment

import (
	_ "embed"

	"go.yaml.in/yaml/v3"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/yamltree"
	"github.com/hitready/hitready/questions"
)

// Every command decodes the files built into hitready when it starts: the question bank, the
// profile, and beside the profile the outlook, the credentials and the steps. None of them needs
// another to be decoded, only to be checked, so each is decoded in a goroutine of its own and a
// start waits for about the longest of them, not for all five in turn (BenchmarkLoadDefault).

// embeddedTrees are the embedded files parsed when hitready was built (internal/yamltree), by the
// name messages give each file; readEmbedded parses a file from its tree.
var embeddedTrees = map[string]string{embeddedProfileName: profileTree, embeddedCredentialsName: credentialsTree,
	embeddedStepsName: stepsTree, embeddedOutlookName: outlookTree}

// embeddedFile is an embedded file by its name and text, for the walks of all their texts
// (EnglishPassages, textsOfEmbedded).
type embeddedFile struct {
	name string
	text []byte
}

var (
	embeddedProfile     = embeddedFile{embeddedProfileName, profileYAML}
	embeddedCredentials = embeddedFile{embeddedCredentialsName, credentialsYAML}
	embeddedSteps       = embeddedFile{embeddedStepsName, stepsYAML}
	embeddedOutlook     = embeddedFile{embeddedOutlookName, outlookYAML}
)

// parse is the file's tree, read from the one written when hitready was built.
func (f embeddedFile) parse() (*yaml.Node, error) {
	return yamltree.Parse(f.text, embeddedTrees[f.name])
}

var (
	//go:embed profile.yaml.tree
	profileTree string
	//go:embed credentials.yaml.tree
	credentialsTree string
	//go:embed steps.yaml.tree
	stepsTree string
	//go:embed outlook.yaml.tree
	outlookTree string
)

// LoadDefault returns the embedded profile over the embedded question bank, in language l.
func LoadDefault(l i18n.Lang) (*Profile, error) {
	bank := later(func() (*questions.Bank, error) { return questions.LoadIn(l) })
	return parseProfile(embeddedProfileName, profileYAML, l, bank, readEmbedded[Profile], false)
}

// DefaultProfile returns the embedded profile, checked against bank. The tests hold it to
// readStrict and to the plan's promises; a run, which reads it on every start, only decodes it.
func DefaultProfile(bank *questions.Bank) (*Profile, error) {
	return parseProfile(embeddedProfileName, profileYAML, bank.Lang(), given(bank), readEmbedded[Profile], false)
}

// ParseProfile reads a profile strictly (readStrict), checked against the bank and the plan's
// promises (promises.go); a refusal matches inputerr.ErrInvalid, naming file, line and requirement.
func ParseProfile(path string, data []byte, bank *questions.Bank) (*Profile, error) {
	return parseProfile(path, data, bank.Lang(), given(bank), readStrict[Profile], true)
}

// given is a bank already loaded, for parseProfile, which waits for one.
func given(bank *questions.Bank) func() (*questions.Bank, error) {
	return func() (*questions.Bank, error) { return bank, nil }
}

// parseProfile reads a profile in language l with read (readStrict, readEmbedded), checks it
// against the bank, and checks the plan's promises when promises is set.
func parseProfile(path string, data []byte, l i18n.Lang, bank func() (*questions.Bank, error),
	read func(string, []byte, fileKind, i18n.Lang) (*Profile, *yamlFile, error), promises bool) (*Profile, error) {
	p, f, err := read(path, data, profileKind, l)
	if err != nil {
		return nil, err
	}
	// What a profile is read with, decoding meanwhile: the embedded outlook, credentials and steps.
	outlook := decodeLater[Outlook](embeddedOutlookName, outlookYAML, outlookKind, l)
	credentials := decodeLater[Credentials](embeddedCredentialsName, credentialsYAML, credentialsKind, l)
	steps := decodeLater[Steps](embeddedStepsName, stepsYAML, stepsKind, l)
	if p.bank, err = bank(); err != nil {
		return nil, err
	}
	if p.check(f); len(f.Problems) > 0 {
		return nil, f.Err()
	}
	p.origin = newFileOrigin(f, "thresholds", "requirements", len(p.Requirements))
	p.derive()
	if p.outlook, err = checkOutlook(outlook, p.bank); err != nil {
		return nil, err
	}
	if p.credentials, err = defaultCredentials(p, credentials); err != nil {
		return nil, err
	}
	if p.steps, err = defaultSteps(p, p.credentials, steps); err != nil {
		return nil, err
	}
	// With its own credentials and steps, UseCredentialsAndSteps checks the promises.
	if promises && p.CredentialsFile == "" && p.StepsFile == "" {
		if err := p.checkPromises(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// later runs f in a goroutine of its own; the function it returns waits for f's result.
func later[T any](f func() (T, error)) func() (T, error) {
	done := make(chan struct{})
	var v T
	var err error
	go func() {
		defer close(done)
		v, err = f()
	}()
	return func() (T, error) {
		<-done
		return v, err
	}
}

// decoded is an embedded file read into a T, its file kept for the checks of what it says.
type decoded[T any] struct {
	v *T
	f *yamlFile
}

// decodeLater starts reading an embedded file (readEmbedded) in language l.
func decodeLater[T any](name string, data []byte, kind fileKind, l i18n.Lang) func() (decoded[T], error) {
	return later(func() (decoded[T], error) {
		v, f, err := readEmbedded[T](name, data, kind, l)
		return decoded[T]{v, f}, err
	})
}
