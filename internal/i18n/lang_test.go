package i18n

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
	}{
		{"en", English},
		{"es", Spanish},
		{"ES", Spanish},
		{"es-US", Spanish},
		{"es_US.UTF-8", Spanish},
		{"es_MX", Spanish},
		{"es_ES@euro", Spanish},
		{"es-419", Spanish},
		{"es-Latn-US", Spanish},
		{"spa", Spanish},
		{"en_US.UTF-8", English},
		{"en-GB", English},
		{"eng", English},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRefusesLanguagesHitreadyDoesNotHave(t *testing.T) {
	// Galician and Basque are among them although CLDR's matcher would send their readers to
	// Spanish; qps, the tests' pseudo-language, is one a person cannot choose.
	for _, in := range []string{"", "fr", "pt-BR", "gl", "eu", "ca", "C", "POSIX", "C.UTF-8", "qps", "und", "es-", "espanol", "12"} {
		if got, err := Parse(in); !errors.Is(err, ErrUnknown) {
			t.Errorf("Parse(%q) = %q, %v; want ErrUnknown", in, got, err)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, English},
		{"LANG Spanish", map[string]string{"LANG": "es_US.UTF-8"}, Spanish},
		{"LANG Mexican Spanish", map[string]string{"LANG": "es_MX"}, Spanish},
		{"LANG bare es", map[string]string{"LANG": "es"}, Spanish},
		{"LANG C", map[string]string{"LANG": "C"}, English},
		{"LANG POSIX", map[string]string{"LANG": "POSIX"}, English},
		{"LANG French", map[string]string{"LANG": "fr_FR.UTF-8"}, English},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, Spanish},
		{"LC_ALL over LC_MESSAGES", map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_MX"}, English},
		{"LC_ALL=C over LANG", map[string]string{"LC_ALL": "C", "LANG": "es_US.UTF-8"}, English},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "es_US.UTF-8"}, Spanish},
		{"HITREADY_LANG over LC_ALL", map[string]string{"HITREADY_LANG": "es", "LC_ALL": "en_US.UTF-8"}, Spanish},
		{"HITREADY_LANG en over Spanish locale", map[string]string{"HITREADY_LANG": "en", "LANG": "es_MX"}, English},
		{"HITREADY_LANG unknown is English", map[string]string{"HITREADY_LANG": "fr", "LANG": "es_MX"}, English},
		{"HITREADY_LANG cannot choose the pseudo-language", map[string]string{"HITREADY_LANG": "qps"}, English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("FromEnv(%v) = %q, want %q", tt.env, got, tt.want)
			}
		})
	}
}
