package i18n

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestTextIn(t *testing.T) {
	both := Text{En: "Ready", Es: "Listo"}
	english := Text{En: "Ready"}
	tests := []struct {
		t    Text
		l    Lang
		want string
	}{
		{both, English, "Ready"},
		{both, Spanish, "Listo"},
		{both, Pseudo, "⟦Ŕėȧđẏ⟧"},
		{english, English, "Ready"},
		{english, Spanish, "Ready"}, // not translated yet: English
		{english, Pseudo, "Ready"},  // bare, so that the pseudo-language's walk finds it
	}
	for _, tt := range tests {
		if got := tt.t.In(tt.l); got != tt.want {
			t.Errorf("%+v.In(%s) = %q, want %q", tt.t, tt.l, got, tt.want)
		}
	}
}

func TestTextYAML(t *testing.T) {
	tests := []struct {
		in      string
		want    Text
		wantErr string
	}{
		{in: "Ready", want: Text{En: "Ready"}},
		{in: "{en: Ready, es: Listo}", want: Text{En: "Ready", Es: "Listo"}},
		{in: "es: Listo\nen: Ready\n", want: Text{En: "Ready", Es: "Listo"}},
		{in: "{en: Ready}", wantErr: "needs both en and es"},
		{in: "{en: Ready, es: ''}", wantErr: "needs both en and es"},
		{in: "{en: ~, es: ~}", wantErr: "needs both en and es"}, // null, not the word "~"
		{in: "{en: Ready, es: }", wantErr: "needs both en and es"},
		{in: "{en: Ready, es: Listo, fr: Prêt}", wantErr: `line 1: "fr" is not a language of hitready's texts; allowed: en, es`},
		{in: "{en: [a], es: b}", wantErr: "en: want a text"},
		{in: "[a, b]", wantErr: "want a text, or its en and es"},
	}
	for _, tt := range tests {
		var got Text
		err := yaml.Unmarshal([]byte(tt.in), &got)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.wantErr)
			}
		case err != nil || got != tt.want:
			t.Errorf("%q: got %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

const doc = `questions:
  - id: a
    text: {en: "Which credential?", es: "¿Qué credencial?"}
    help: English only for now
    values:
      - {value: rhit, label: {en: RHIT (Registered), es: RHIT (Registrado)}}
    scale:
      low:
        en: Not yet
        es: Todavía no
`

func TestLocalize(t *testing.T) {
	tests := []struct {
		l    Lang
		want []string
	}{
		{English, []string{"text: Which credential?", "help: English only for now", "label: RHIT (Registered)", "low: Not yet"}},
		{Spanish, []string{"text: ¿Qué credencial?", "help: English only for now", "label: RHIT (Registrado)", "low: Todavía no"}},
		{Pseudo, []string{"text: ⟦Ŵħǐçħ çŕėđėñţǐȧĺ?⟧", "help: English only for now", "label: ⟦ŔĦǏŢ (Ŕėģǐşţėŕėđ)⟧", "low: ⟦Ñȯţ ẏėţ⟧"}},
	}
	for _, tt := range tests {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatal(err)
		}
		if err := Localize(&n, tt.l); err != nil {
			t.Fatalf("%s: %v", tt.l, err)
		}
		var v struct {
			Questions []struct {
				ID, Text, Help string
				Values         []struct{ Value, Label string }
				Scale          struct{ Low string }
			}
		}
		if err := n.Decode(&v); err != nil {
			t.Fatalf("%s: the localized document does not decode into plain strings: %v", tt.l, err)
		}
		q := v.Questions[0]
		got := []string{"text: " + q.Text, "help: " + q.Help, "label: " + q.Values[0].Label, "low: " + q.Scale.Low}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tt.l, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
		if low := n.Content[0].Content[1].Content[0].Content[9].Content[1]; low.Line != 9 {
			t.Errorf("%s: the localized text moved to line %d, want 9 (where its mapping began)", tt.l, low.Line)
		}
	}
	var n yaml.Node
	_ = yaml.Unmarshal([]byte("a: {en: x, es: y, de: z}\n"), &n)
	if err := Localize(&n, Spanish); err == nil || !strings.Contains(err.Error(), `"de" is not a language`) {
		t.Errorf("a third language: error %v", err)
	}
}
