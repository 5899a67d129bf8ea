package assessment

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/hitready/hitready/questions"
)

//go:embed outlook.yaml
var outlookYAML []byte

// embeddedOutlookName is how the built-in outlook is named in messages.
const embeddedOutlookName = "outlook"

var outlookKind = fileKind{name: "outlook"}

// settingsQuestion is the optional question whose answer tailors the outlook in a report.
const settingsQuestion = "work.settings"

// Figure is one dated, sourced number about the job.
type Figure struct {
	ID     string `yaml:"id" json:"id"`
	Topic  string `yaml:"topic" json:"topic"`
	Figure string `yaml:"figure" json:"figure"`
	Period string `yaml:"period" json:"period"`
	Detail string `yaml:"detail" json:"detail"`
	Source string `yaml:"source" json:"source"`
	Date   string `yaml:"date" json:"date"`
}

// Setting is a place technicians work, with its BLS employment where a source gives one.
type Setting struct {
	ID         string `yaml:"id" json:"id"`
	Title      string `yaml:"title" json:"title"`
	Employment string `yaml:"employment" json:"employment"`
	Industry   string `yaml:"industry" json:"industry"`
}

// Industry is an employing industry named by the BLS figures but not in the article's settings.
type Industry struct {
	Industry   string `yaml:"industry" json:"industry"`
	Employment string `yaml:"employment" json:"employment"`
}

// Occupation names the job as the official classifications do.
type Occupation struct {
	Title    string `yaml:"title" json:"title"`
	Official string `yaml:"official" json:"official"`
	Code     string `yaml:"code" json:"code"`
	Source   string `yaml:"source" json:"source"`
}

// Outlook is the job outlook and the work settings, from embedded data.
type Outlook struct {
	Occupation       Occupation `yaml:"occupation" json:"occupation"`
	Figures          []Figure   `yaml:"figures" json:"figures"`
	Notes            []string   `yaml:"notes" json:"notes"` // what keeps figures from being compared wrongly
	SettingsSource   string     `yaml:"settings_source" json:"settings_source"`
	EmploymentSource string     `yaml:"employment_source" json:"employment_source"`
	Settings         []Setting  `yaml:"settings" json:"settings"`
	OtherIndustries  []Industry `yaml:"other_industries" json:"other_industries"`
}

// LoadOutlook parses the embedded outlook in the bank's language and checks that its settings are exactly the values of
// the settings question, so that every answer has something to show.
func LoadOutlook(bank *questions.Bank) (*Outlook, error) {
	return checkOutlook(decodeLater[Outlook](embeddedOutlookName, outlookYAML, outlookKind, bank.Lang()), bank)
}

func checkOutlook(decoding func() (decoded[Outlook], error), bank *questions.Bank) (*Outlook, error) {
	d, err := decoding()
	if err != nil {
		return nil, err
	}
	o := d.v
	for _, f := range o.Figures {
		if f.Figure == "" || f.Source == "" || f.Date == "" {
			return nil, fmt.Errorf("outlook: figure %q needs a figure, a source and a date", f.ID)
		}
	}
	q, ok := bank.Question(settingsQuestion)
	if !ok {
		return nil, fmt.Errorf("outlook: the question bank has no %s", settingsQuestion)
	}
	if len(q.Values) != len(o.Settings) {
		return nil, fmt.Errorf("outlook: %d settings for the %d values of %s", len(o.Settings), len(q.Values), settingsQuestion)
	}
	for i, s := range o.Settings {
		if s.ID != q.Values[i].Value {
			return nil, fmt.Errorf("outlook: setting %d is %q, but %s's value %d is %q", i+1, s.ID, settingsQuestion, i+1, q.Values[i].Value)
		}
	}
	return o, nil
}

// Setting returns the setting with this id.
func (o *Outlook) Setting(id string) (Setting, bool) {
	if i := slices.IndexFunc(o.Settings, func(s Setting) bool { return s.ID == id }); i >= 0 {
		return o.Settings[i], true
	}
	return Setting{}, false
}
