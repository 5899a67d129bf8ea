package assessment

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/hitready/hitready/internal/i18n"
	"github.com/hitready/hitready/internal/inputerr"
	"github.com/hitready/hitready/questions"
)

// scriptRefusals are the refusals the scripts show through compare (compare_rescore.txtar,
// report_consistency.txtar, validation.txtar, cmd's TestReportsCarryTheirLanguage) that the
// other tables do not, and the rest of the messages: a kind of each, so that the walk in the
// pseudo-language meets every one.
func scriptRefusals(t *testing.T) []reportCase {
	t.Helper()
	withAnswers, old := savedReport(t), savedOld(t, person("associate", "hit", []string{"anatomy"}, "scheduled", 4, 3))
	edit := func(base, from, to string) string {
		t.Helper()
		if !strings.Contains(base, from) {
			t.Fatalf("report has no %q", from)
		}
		return strings.Replace(base, from, to, 1)
	}
	ready := savedOld(t, person("master", "hit", allCourses, "passed", 5))
	const says = "; its answers, scored under profile hit-technician, give "
	return []reportCase{
		{"a plan step that closes one gap twice", edit(withAnswers, "\"certification.ahima\"\n      ],\n      \"credential\"", "\"certification.ahima\", \"certification.ahima\"\n      ],\n      \"credential\""),
			"plan[0].closes: the report says 2 items" + says + "1"},
		{"a plan step of an unknown id", edit(withAnswers, `"id": "exam-cca"`, `"id": "exam-zzz"`), "plan[0].id: the report says exam-zzz" + says + "exam-cca"},
		{"an area score", edit(withAnswers, `"score": 90,`, `"score": 60,`), "old.json:16: areas[0].score: the report says 60" + says + "90"},
		{"the score", edit(withAnswers, `"score": 62,`, `"score": 92,`), "old.json:6: score: the report says 92" + says + "62"},
		{"a requirement marked met", edit(withAnswers, `"met": false`, `"met": true`), "old.json:49: requirements[1].met: the report says true" + says + "false"},
		{"a requirement's credit", edit(withAnswers, `"credit": 0.5`, `"credit": 1`), "old.json:51: requirements[1].credit: the report says 1" + says + "0.5"},
		{"a gap taken out", edit(withAnswers, "\"id\": \"certification.ahima\",\n      \"area\": \"certification\",\n      \"title\"", "\"id\": \"education.advanced\",\n      \"area\": \"certification\",\n      \"title\""), "gaps[0].id: the report says education.advanced" + says + "certification.ahima"},
		{"the thresholds taken out", edit(withAnswers, "\"thresholds\": {\n    \"ready\": 85,\n    \"nearly_ready\": 60\n  },\n", ""),
			"old.json: thresholds.ready: is missing; the report's answers, scored under profile hit-technician, give 85"},
		{"a language hitready does not have", edit(withAnswers, `"lang": "en"`, `"lang": "fr"`), `lang: is "fr"; a report's language is en or es`},
		{"another language, without answers", edit(old, `"lang": "en"`, `"lang": "es"`),
			"lang: the report is in es and this run in en; a report saved without its answers is compared in its own language: --lang es"},
		{"another schema", `{"schema": "x/v2"}`, `schema: is "x/v2"; compare reads "hitready.report/v1" reports`},
		{"not JSON", `{"schema": tru}`, "old.json:1: is not a valid report: "},
		{"a verdict of true", edit(old, `"verdict": "not-ready"`, `"verdict": true`), "is not a valid report: verdict must be text; got a JSON boolean"},
		{"areas an object", edit(old, `"areas": [`, `"areas": {}, "x": [`), "is not a valid report: areas must be a list; got a JSON object"},
		{"thresholds a list", edit(old, `"thresholds": {`, `"thresholds": [], "x": {`), "is not a valid report: thresholds must be an object; got a JSON array"},
		{"met as text", edit(old, `"met": false`, `"met": "no"`), "is not a valid report: requirements[1].met must be true or false; got a JSON string"},
		{"a step number as text", edit(old, `"step": 1,`, `"step": "one",`), "is not a valid report: plan[0].step must be a number; got a JSON string"},
		{"a requirement in another area", edit(old, "\"area\": \"education\",\n      \"met\": false", "\"area\": \"skills\",\n      \"met\": false"),
			`requirements[1].area: is "skills"; in profile hit-technician, education.advanced is in area education`},
		{"a requirement said to block", edit(old, `"blocking": false`, `"blocking": true`),
			"requirements[1].blocking: is true; in profile hit-technician, education.advanced does not block readiness"},
		{"ready with a blocking gap", withJSON(t, ready, func(r map[string]any) {
			r["gaps"] = []any{map[string]any{"id": "certification.ahima", "severity": "blocking"}}
		}), "verdict: ready does not follow from the report: a score of 100 with thresholds 85/60 and the blocking gap certification.ahima makes it not-ready"},
	}
}

func TestDecodeReportRefusalsFromScripts(t *testing.T) {
	_, p := setup(t)
	for _, tt := range scriptRefusals(t) {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeReport("old.json", []byte(tt.data), p)
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v\nwant %q", err, tt.want)
			}
		})
	}
}

// In the pseudo-language, every refusal of a saved report is worded by the catalogue: no English
// word is left outside the markers but the file, the line and the field, which stay as they are,
// and each problem has a translated message.
func TestDecodeReportRefusalsInPseudo(t *testing.T) {
	bank, err := questions.LoadIn(i18n.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	cases := append(oldReportRefusals(t), rescoreRefusals(t)...)
	cases = append(append(cases, readyWithUnmetBlocking(t)), scriptRefusals(t)...)
	allow := reportFields(reflect.TypeFor[Report]())
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeReport("old.json", []byte(tt.data), p)
			if err == nil || !errors.Is(err, inputerr.ErrInvalid) {
				t.Fatalf("got %v", err)
			}
			if leaks := i18n.Leaks(err.Error(), allow...); len(leaks) > 0 {
				t.Errorf("untranslated: %q\n%s", leaks, err)
			}
			for line := range strings.Lines(err.Error()) {
				if !strings.Contains(line, i18n.PseudoOpen) {
					t.Errorf("a line without a translated message: %s", line)
				}
			}
		})
	}
}

// reportFields are the JSON names of a report's fields at any depth: data, which messages name
// as they are ("areas[1].score: ").
func reportFields(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	var names []string
	for i := 0; t.Kind() == reflect.Struct && i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
		names = append(names, reportFields(t.Field(i).Type)...)
	}
	return names
}

// In Spanish, a report with more problems than a screenful ends with the count of the others in
// Spanish too.
func TestDecodeReportCountsTheRestInSpanish(t *testing.T) {
	bank, err := questions.LoadIn(i18n.Spanish)
	if err != nil {
		t.Fatal(err)
	}
	p, err := DefaultProfile(bank)
	if err != nil {
		t.Fatal(err)
	}
	data := strings.NewReplacer(`"credit": `, `"credit": 5`, `"step": `, `"step": 9`).Replace(savedReport(t))
	_, err = DecodeReport("old.json", []byte(data), p)
	want := "old.json: … y 15 problemas más (corrija estos y vuelva a ejecutar para verlos)"
	if err == nil || !strings.Contains(err.Error(), "old.json:44: requirements[0].credit: 51 está fuera del rango 0-1\n") || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("got %v\nwant the last line %q", err, want)
	}
}
