// Package i18n chooses the language a person reads hitready in and holds what is needed to speak
// it: the message catalogue of the program's own strings, bilingual texts for the embedded data,
// and the pseudo-language of tests. It imports nothing of hitready, so every layer may use it.
//
// # Choosing the language
//
// --lang (every command; Parse) wins; else HITREADY_LANG, LC_ALL, LC_MESSAGES, LANG, the first one
// set (FromEnv). Tags are parsed and matched with golang.org/x/text/language. A command reads the
// result from its streams, opts.IO.Lang(); the bank says its own, bank.Lang().
//
// # How to translate a part of the program
//
// A string of the program: give it an id in the part's file of messages/ (one file per part:
// help.yaml, questions.yaml; add yours), English and Spanish side by side, and ask for it by id.
// The id names its file: the file is the one named by the id's longest run of leading segments
// that has one ("errors.report.bad-json" is in errors.report.yaml, "errors.flag.unknown" in
// errors.yaml), so a run reads only the files whose messages it shows, and the tests refuse a
// message put elsewhere. Data goes in by name, never glued on, so that a translation can reorder it:
//
//	# messages/render.yaml
//	render.gaps:
//	  note: under the verdict; Count is the number of gaps    # optional, for translators
//	  en: {one: "{{.Count}} gap", other: "{{.Count}} gaps"}
//	  es: {one: "{{.Count}} brecha", other: "{{.Count}} brechas"}
//	render.saved:
//	  en: "Answers kept in {{.File}}."
//	  es: "Respuestas guardadas en {{.File}}."
//
//	l := i18n.For(opts.IO.Lang())
//	l.T("render.saved", i18n.Args{"File": name})
//	l.N("render.gaps", len(gaps))    // {{.Count}} is n; more data: l.N(id, n, i18n.Args{...})
//	l.Or(values)                     // "a, b o c"; l.And too
//
// Loading refuses a message without both languages, an empty one, a plural without one and other,
// a template that does not parse, a translation that reads other data than the English, and an id
// defined twice; TestEveryIDUsedExists finds every literal id the module asks for. Quote texts in
// YAML flow style ({en: "…?", es: "¿…?"}): a bare ? or : ends them. Sentences, not fragments:
// "Score: {{.Score}} of 100" is one message, not "Score" + ": " + n + " of 100".
//
// Data a person reads (bank.yaml, profile.yaml, credentials.yaml, steps.yaml, outlook.yaml): write
// each text as {en: …, es: …} where it stands (a plain string stays English only), and read the
// document through Localize before decoding it, as questions.LoadIn does: the Go types keep plain
// strings, the texts come out in the language asked for, on their lines. A quoted source stays a
// plain string in the language it was written in; where a person needs a translation beside it
// (bank.yaml's why), it is written {en: the words as written, es: the rendering} and read apart
// before Localize (questions' splitQuotes): the quote in every language, the rendering beside it. Text, with In(lang), is the same pair for a
// value held in Go.
//
// Messages about bad input (messages/errors.yaml) are worded where the problem is found, by the
// localizer of the run's language, and carried as plain text in an inputerr.Problem: one code
// path for every language, English being the catalogue's English. A decoder of answers takes it
// from the bank (bank.Words(): the bank is loaded in the run's language); cmd from the streams
// (i18n.For(ios.Lang()), or words(c) where cobra gives only the command); fileio from
// Streams.Lang (outputs) or Read's localizer; batch from Limits.Lang; the reader of a custom
// profile and of the credentials and steps files it names (messages/errors.profile.yaml) from the bank
// the profile is checked against, which cmd loads in the run's language: a typed scalar, which
// yaml.v3 calls without it, carries the ids of its words for the reader. An InvalidError carries
// its Lang for the line that counts the problems not shown. The file, its line and the question
// id lead each line and never change; values, ids and flags are data ({{.Value}}), quoted by
// the code, never translated. A message begins in lower case: it follows "file:line: id: ".
// cmd/errors_lang_test.go runs the bad-input cases in Spanish and in the pseudo-language;
// assessment/refusals_lang_test.go and cmd/profile_lang_test.go the bad profiles, credentials and
// steps files.
//
// Test it in the pseudo-language, English with every letter accented between markers
// (⟦Ȧşşėşş⟧): run the command with ios.SetLang(i18n.Pseudo) and give its output to Leaks, which
// returns the plain English words left, ids, numbers, file names, acronyms and quoted sources
// aside. cmd/pseudo_test.go walks every command and format translated so far: add yours to
// pseudoWalk (and its ids and values to pseudoAllow) as you translate. In Spanish, run it at 60
// and 80 columns too: Spanish runs about a fifth longer.
//
// # The catalogue: github.com/nicksnyder/go-i18n/v2
//
// Chosen over golang.org/x/text/message because hitready keeps every sentence in embedded YAML, not
// in Go code: go-i18n loads messages from data (Bundle.AddMessages) by id, with CLDR plural forms
// per language and named template data. x/text/message keys messages by their English printf
// format and builds its catalogue in Go code, by hand or generated by gotext from the sources, so
// the English would live in Go and the Spanish in generated files; its verbs are positional. (Hugo
// uses go-i18n the same way: one Bundle, a Localizer per language, LocalizeConfig with
// PluralCount.) Spanish's CLDR form "many" (a million) reads as "other" unless a message gives it.
//
// # Spanish style
//
// US Spanish that a person with a high-school education reads easily, addressing the reader as
// "usted" throughout, as the Department of Labor's Mi Próximo Paso and US health providers'
// Spanish notices do: it is what a public service uses with adults in every Spanish-speaking
// community, where "tú" reads as casual in some. Prefer wording that needs no gender ("¿Estudia
// ahora…?" rather than "¿Está inscrito…?"). A command's description is in the third person
// ("Evalúa su preparación"), as cobra's help reads. Numbers keep the decimal point (91.5).
// Credential and body names stay as AHIMA and CAHIIM write them, glossed where they first
// appear: "RHIT (técnico registrado en información de salud)". Words used so far:
//
//	gap brecha · score puntuación · report informe · verdict resultado · requirement requisito
//	answers file archivo de respuestas · question bank banco de preguntas · step paso
//	medical record expediente médico · the occupation especialista en registros médicos
//	Health Information Technician técnico de información de salud · advisor consejero
//	cohort grupo · outlook perspectivas de empleo · work settings lugares de trabajo
//	source fuente · high school escuela secundaria (high school) · associate's degree título de
//	asociado · bachelor's licenciatura · master's maestría · flags opciones · HIPAA as is
//	questionnaire cuestionario · skip omitir · (a) choice opción · rating calificación · review
//	revisión · keep (answers) guardar · Enter, Ctrl-C, ? as the keys are labelled
package i18n
