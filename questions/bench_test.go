package questions

import "testing"

var sinkAnswers *Answers

func BenchmarkDecodeAnswers(b *testing.B) {
	bank := loadBank(b)
	for _, bc := range []struct{ name, path, data string }{
		{"yaml", "me.yaml", completeYAML},
		{"json", "me.json", completeJSON},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.data)
			var err error
			for b.Loop() {
				if sinkAnswers, err = bank.DecodeAnswers(bc.path, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
