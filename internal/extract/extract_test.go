package extract

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"digest/internal/plaintext"
	"digest/internal/slug"
)

var (
	sharedX    *Extractor
	sharedOnce sync.Once
)

func extractor(t testing.TB) *Extractor {
	sharedOnce.Do(func() { sharedX = newTestExtractor(t) })
	return sharedX
}

func run(t testing.TB, lang, body string) *Result {
	return extractor(t).Extract(Input{File: "t.md", Lang: lang, Body: []byte(body)})
}

func codes(es []*Entity) []string {
	out := ids(es)
	sort.Strings(out)
	return out
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Sûreté":            "surete",
		"ÉTATS-UNIS":        "etats unis",
		"l’Algérie":         "l algerie",
		"Yeşilgöz-Zegerius": "yesilgoz zegerius",
		"Łódź":              "lodz",
		"Straße":            "strasse",
		"e\u0301te\u0301":   "ete", // decomposed input
		"Œuvre":             "oeuvre",
	} {
		if got := Fold(normalize(in)); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := Tokenize("M.Koné et l’Algérie, Guinée-Bissau\u00a0!\n\nFin")
	var got []string
	for _, tk := range toks {
		s := tk.Fold
		if tk.Join == '\'' {
			s = "'" + s
		}
		if tk.Join == '-' {
			s = "-" + s
		}
		if tk.Break {
			s = "|" + s
		}
		got = append(got, s)
	}
	want := []string{"|m", ".", "kone", "et", "l", "'algerie", ",", "guinee", "-bissau", "!", "|fin"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if !toks[0].Cap || toks[2].Join != 0 || !toks[2].Cap {
		t.Errorf("flags of M.Koné: %+v %+v", toks[0], toks[2])
	}
}

func TestFrenchInflections(t *testing.T) {
	for in, want := range map[string][]string{
		"malien":       {"malien", "malienne", "maliens", "maliennes"},
		"marocain":     {"marocain", "marocaine", "marocains", "marocaines"},
		"français":     {"français", "française", "françaises"},
		"sénégalais":   {"sénégalais", "sénégalaise", "sénégalaises"},
		"belge":        {"belge", "belges"},
		"national":     {"national", "nationale", "nationaux", "nationales"},
		"burkinabè":    {"burkinabè"},
		"sud-africain": {"sud-africain", "sud-africaine", "sud-africains", "sud-africaines"},
		"grec":         {"grec", "grecque", "grecs", "grecques"},
		"breton":       {"breton", "bretonne", "bretons", "bretonnes"},
	} {
		if got := FrenchInflections(in); !reflect.DeepEqual(got, want) {
			t.Errorf("FrenchInflections(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPersonKeyForms: the key itself, for each of its rules, and for a name
// longer than the buffers PersonKey starts with.
func TestPersonKeyForms(t *testing.T) {
	for _, c := range []struct{ name, key string }{
		{"Abdellatif Hammouchi", "abdelatifhamouchi"},
		{"Abd el-Kader Ben Ali", "abdelkaderbenali"},
		{"Mohammed bin Salman Al Saud", "mohamedbensalmansaud"},
		{"M. Al", "al"}, // an honorific goes; Al last is the name
		{"Dr Ibn Sina", "bensina"},
		{"Sûreté  Œuvre", "sureteoeuvre"}, // folded, spaces and ligatures
		{"", ""},
		{strings.Repeat("Zabulon Xenophane ", 6), strings.Repeat("zabulonxenophane", 6)},
	} {
		if got := PersonKey(c.name); got != c.key {
			t.Errorf("PersonKey(%q) = %q, want %q", c.name, got, c.key)
		}
	}
}

func TestPersonKey(t *testing.T) {
	same := [][2]string{
		{"Abdellatif Hammouchi", "Abdelatif Hammouchi"},
		{"Ahmed Naser Al-Raisi", "Ahmed Naser Al Raisi"},
		{"Abd el Latif X", "Abdellatif X"},
		{"Mohammed Bin Salman", "Mohammed Ben Salman"},
		{"Mahmut Demirtaş", "Mahmoud Demirtaş"},
		{"Mohamed Ben Ali Koumane", "Mohammed Bin Ali Koman"},
	}
	for _, p := range same {
		if !sameperson(PersonKey(p[0]), PersonKey(p[1])) {
			t.Errorf("%q and %q should be one person (keys %q, %q)", p[0], p[1], PersonKey(p[0]), PersonKey(p[1]))
		}
	}
	different := [][2]string{
		{"Nicolas Lerner", "Nicolas Sarkozy"},
		{"Ali Badaoui", "Ali Bongo"},
		{"Jo Li", "Jo Lu"},
	}
	for _, p := range different {
		if sameperson(PersonKey(p[0]), PersonKey(p[1])) {
			t.Errorf("%q and %q should be two people", p[0], p[1])
		}
	}
}

func TestInitialsMatch(t *testing.T) {
	for _, c := range []struct {
		words, acr string
		want       bool
	}{
		{"Direction générale de la Sûreté nationale", "dgsn", true},
		{"Centre régional de sécurité maritime de l'Afrique de l'Ouest", "cresmao", true},
		{"Institut de défense du Sénégal", "ids", true},
		{"Conseil national de sécurité", "cns", true},
		{"Conseil national de sécurité", "dgsn", false},
		{"Union africaine", "onu", false},
	} {
		var toks []Token
		for _, tk := range Tokenize(c.words) {
			if tk.Word {
				toks = append(toks, tk)
			}
		}
		if got := initialsMatch(toks, c.acr); got != c.want {
			t.Errorf("initialsMatch(%q, %q) = %v", c.words, c.acr, got)
		}
	}
}

// TestRules: each case is a rule of the extractor, tried on sentences
// written for the test (not taken from the sample digest).
func TestRules(t *testing.T) {
	for _, c := range []struct {
		name, lang, body string
		countries        []string // exact set, when given
		agencies         []string // ids that must be found
		noAgencies       []string // ids that must not be found
		officials        []string // ids that must be found
		noOfficials      []string // names (folded) that must not be read as officials
		themes           []string
	}{
		{name: "demonyms in all forms", lang: "fr",
			body:      "Les autorités maliennes et les policiers marocains ont rencontré une délégation sénégalaise.",
			countries: []string{"MA", "ML", "SN"}},
		{name: "longest match: Guinée-Bissau is not Guinée, Afrique du Sud is a country, Sud-Sud is not", lang: "fr",
			body:      "La Guinée-Bissau et l'Afrique du Sud ont signé un accord de coopération Sud-Sud.",
			countries: []string{"GW", "ZA"}, themes: []string{"south-south"}},
		{name: "acronym case: US yes, us no", lang: "en",
			body:      "Officials told us the talks would go on. The US delegation arrived later.",
			countries: []string{"US"}},
		{name: "the Niger river is no country", lang: "en",
			body:      "Fishermen on the Niger river reported attacks near Timbuktu.",
			countries: []string{"ML"}},
		{name: "Chad as a first name", lang: "en",
			body:      "Chad Morris, a local farmer, said the harvest was poor in Kenya.",
			countries: []string{"KE"}},
		{name: "a city places its country", lang: "fr",
			body:      "La réunion s'est tenue à Nouakchott puis à Dakar.",
			countries: []string{"MR", "SN"}},
		{name: "a national agency brings its country", lang: "en",
			body:     "The FBI opened an inquiry with help from the Guardia Civil in Spain.",
			agencies: []string{"fbi-us", "guardia-civil-es"}, countries: []string{"ES", "US"}},
		{name: "generic agency resolved by the country after it", lang: "fr",
			body:     "La police nationale du Mali a arrêté deux suspects.",
			agencies: []string{"police-nationale-ml"}, countries: []string{"ML"}},
		{name: "coordination names two agencies", lang: "fr",
			body:     "Le directeur général de la Sûreté nationale et de la Surveillance du territoire marocaines, Abdellatif Hammouchi, a reçu son homologue.",
			agencies: []string{"dgsn-ma", "dgst-ma"}, officials: []string{"abdellatif-hammouchi"}},
		{name: "acronym defined in the article becomes an agency", lang: "fr",
			body:     "Le Centre de coordination des opérations frontalières (CCOF) a été créé en 2024. Le CCOF rassemble douze pays.",
			agencies: []string{"ccof"}},
		{name: "a person read from a title and apposition, then by surname", lang: "fr",
			body:      "Le ministre nigérien de l'Intérieur, Zakaria Boubacar Issoufou, a rencontré à Niamey des chefs coutumiers. M. Issoufou a promis des renforts.",
			officials: []string{"zakaria-boubacar-issoufou"}, agencies: []string{"ministere-interieur-ne"}},
		{name: "English title before the name", lang: "en",
			body:      "Kenyan Interior Minister Peter Ngugi Mwangi visited Nairobi's port on Monday.",
			officials: []string{"peter-ngugi-mwangi"}},
		{name: "places named after people are not people", lang: "fr",
			body:        "Le match aura lieu au stade Prince Moulay Abdellah de Rabat, près de l'avenue Hassan II.",
			noOfficials: []string{"moulay abdellah", "prince moulay abdellah"}},
		{name: "former office holders are not officials", lang: "fr",
			body:        "L'ancien président Jean-Baptiste Tarkov a été entendu par la justice.",
			noOfficials: []string{"jean baptiste tarkov"}},
		{name: "journalists and suspects are not officials", lang: "en",
			body:        "Maria Olsen, a journalist, interviewed Karl Brenner, a suspect held in Vienna.",
			noOfficials: []string{"maria olsen", "karl brenner"}},
		{name: "demonym inside a name names no country", lang: "en",
			body:      "Dr Hamad Al Kuwaiti, head of cybersecurity of the UAE government, spoke in Dubai.",
			countries: []string{"AE"}},
		{name: "themes by inflected triggers", lang: "fr",
			body:   "Les groupes terroristes et les trafiquants de drogue exploitent la cybercriminalité.",
			themes: []string{"cybercrime", "drug-trafficking", "terrorism"}},
		{name: "English themes", lang: "en",
			body:   "Counter-terrorism units seized cocaine and dismantled a migrant smuggling network.",
			themes: []string{"drug-trafficking", "human-trafficking", "terrorism"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.lang, c.body)
			if c.countries != nil {
				if got := codes(r.Countries); !reflect.DeepEqual(got, c.countries) {
					t.Errorf("countries %v, want %v", got, c.countries)
				}
			}
			has := func(es []*Entity, id string) bool {
				for _, e := range es {
					if e.ID == id {
						return true
					}
				}
				return false
			}
			for _, id := range c.agencies {
				if !has(r.Agencies, id) {
					t.Errorf("agency %s not found; agencies %v", id, ids(r.Agencies))
				}
			}
			for _, id := range c.noAgencies {
				if has(r.Agencies, id) {
					t.Errorf("agency %s found", id)
				}
			}
			for _, id := range c.officials {
				if !has(r.Officials, id) {
					t.Errorf("official %s not found; officials %v", id, ids(r.Officials))
				}
			}
			for _, name := range c.noOfficials {
				for _, o := range r.Officials {
					if Fold(o.Name) == name {
						t.Errorf("%q read as an official", o.Name)
					}
				}
			}
			if c.themes != nil {
				if got := codes(r.Themes); !reflect.DeepEqual(got, c.themes) {
					t.Errorf("themes %v, want %v", got, c.themes)
				}
			}
		})
	}
}

func TestShortMentionLinksToFullName(t *testing.T) {
	r := run(t, "fr", "Le directeur général de la police nigérienne, Abdou Karim Salifou, était présent. Interrogé, M. Salifou a salué la coopération. Salifou a ensuite quitté la salle.")
	if len(r.Officials) != 1 {
		t.Fatalf("officials %v, want one", ids(r.Officials))
	}
	o := r.Officials[0]
	if o.Country != "NE" || len(o.Mentions) != 3 || !reflect.DeepEqual(o.Surfaces(), []string{"Abdou Karim Salifou", "M. Salifou", "Salifou"}) {
		t.Errorf("official %+v surfaces %q", o, o.Surfaces())
	}
}

func TestBareSurnameNeedsOnePerson(t *testing.T) {
	r := run(t, "fr", "Le ministre, Paul Diallo, et le général Amadou Diallo, chef d'état-major, étaient présents. Diallo a parlé.")
	for _, o := range r.Officials {
		for _, s := range o.Surfaces() {
			if s == "Diallo" {
				t.Errorf("bare surname shared by two people linked to %s", o.Name)
			}
		}
	}
}

// TestCompactResultHoldsNoText: once compacted, a result shares no bytes
// with the text it was read from, officials and places found by rules (their
// names and roles as written) included, so a site can drop the text.
func TestCompactResultHoldsNoText(t *testing.T) {
	body := []byte("Le directeur général de la police nigérienne, Abdou Karim Salifou, a rencontré à Niamey le ministre de l'Intérieur malien, Moussa Traoré Kéita. M. Salifou a salué la coopération avec la Direction générale de la sûreté nationale.")
	doc := plaintext.New("Coopération", "", plaintext.ParseBody(body))
	r := extractor(t).Extract(Input{Lang: "fr", Title: "Coopération", Body: body, Doc: doc})
	r.Compact()
	if len(r.Officials) < 2 {
		t.Fatalf("officials %v, want both", ids(r.Officials))
	}
	for _, list := range [][]*Entity{r.Countries, r.Regions, r.Places, r.Agencies, r.Officials, r.Themes} {
		for _, e := range list {
			strs := append([]string{e.ID, e.Name, e.Acronym, e.Country}, e.Roles...)
			for _, v := range append(strs, e.Agencies...) {
				if inside(v, doc.Text) {
					t.Errorf("%v %s: %q is a slice of the text", e.Kind, e.ID, v)
				}
			}
		}
	}
}

func TestOffsetsPointAtTheSource(t *testing.T) {
	body := "Un *rapport* sur le **Mali**\net le Maroc."
	r := extractor(t).Extract(Input{Lang: "fr", Title: "Sénégal", Body: []byte(body)})
	seen := 0
	for _, c := range r.Countries {
		for _, m := range c.Mentions {
			src := body
			if m.Loc.Field == FieldTitle {
				src = "Sénégal"
			}
			if got := src[m.Loc.Start:m.Loc.End]; got != m.Surface {
				t.Errorf("%s: source[%d:%d] = %q, surface %q", c.ID, m.Loc.Start, m.Loc.End, got, m.Surface)
			}
			seen++
		}
	}
	if seen != 3 {
		t.Errorf("%d country mentions, want 3", seen)
	}
}

func TestOverrides(t *testing.T) {
	r := extractor(t).Extract(Input{Lang: "fr", Body: []byte("Le Mali et le Maroc ont parlé de terrorisme."),
		Countries: []string{"Sénégal", "NE"}, Themes: []string{"training"}, Exclude: []string{"MA", "Terrorisme"},
		Officials: []string{"Youssouf Koné"}})
	if got := codes(r.Countries); !reflect.DeepEqual(got, []string{"ML", "NE", "SN"}) {
		t.Errorf("countries %v", got)
	}
	if got := codes(r.Themes); !reflect.DeepEqual(got, []string{"training"}) {
		t.Errorf("themes %v", got)
	}
	if len(r.Officials) != 1 || r.Officials[0].Name != "Youssouf Koné" {
		t.Errorf("officials %v", ids(r.Officials))
	}
	r = extractor(t).Extract(Input{Lang: "fr", Body: []byte("Rien."), Countries: []string{"Atlantide"}})
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "Atlantide") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

func TestDeterministic(t *testing.T) {
	x := extractor(t)
	for _, a := range loadCorpus(t)[:8] {
		first := x.Extract(FromArticle(a)).JSON(a.File)
		for i := 0; i < 3; i++ {
			if again := x.Extract(FromArticle(a)).JSON(a.File); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: two extractions differ", a.File)
			}
		}
	}
}

// FuzzExtract: no text, valid UTF-8 or not, makes the extractor panic, and
// every mention's location lies inside its field.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Le directeur général de la police nationale du Mali, Youssouf Koné, a rencontré M.Abdellatif Hammouchi.",
		"**M.** Koné (DGSN) « Sud-Sud » l’Algérie\u00a0!",
		"| a | b |\n|---|---|\n| Mali | [Rabat](https://x) |",
		"\xff\xfe Maroc \xc3",
		"e\u0301te\u0301 (ABC) ( ) ((",
		"",
	} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, body string) {
		r := x.Extract(Input{Lang: "fr", Title: body, Body: []byte(body)})
		for _, list := range [][]*Entity{r.Countries, r.Regions, r.Places, r.Agencies, r.Officials, r.Themes} {
			for _, e := range list {
				for _, m := range e.Mentions {
					if m.Loc.Start < 0 || m.Loc.End < m.Loc.Start || m.Loc.End > len(body)+len(normalize(body)) {
						t.Fatalf("mention %q at %+v outside a text of %d bytes", m.Surface, m.Loc, len(body))
					}
				}
				if utf8.ValidString(body) && e.ID == "" {
					t.Fatalf("entity without id: %+v", e)
				}
			}
		}
	})
}

// BenchmarkExtract measures extraction on the sample digest, one core.
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	articles := loadCorpus(b)
	var inputs []Input
	size := 0
	for _, a := range articles {
		in := FromArticle(a)
		inputs = append(inputs, in)
		size += len(in.Title) + len(in.Summary) + len(in.Body)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			x.Extract(in)
		}
	}
}

// FuzzTokenize: tokens cover the text in order, never overlap, and every
// word's key is folded (no upper case).
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"M.Koné l’Algérie", "Guinée-Bissau\u00a0!\n\nFin", "\xff\xfe", "e\u0301", "A-", "-a", "l'", "ÉTATS–UNIS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order in %q", tk, s)
			}
			prev = tk.End
			if tk.Word && strings.ToLower(tk.Fold) != tk.Fold {
				t.Fatalf("key %q of %q is not folded", tk.Fold, s[tk.Start:tk.End])
			}
		}
	})
}

// TestIDOfIsSlug: person ids from the fold table equal the slugs the rest
// of the site makes.
func TestIDOfIsSlug(t *testing.T) {
	for _, name := range []string{"Youssouf Koné", "Dilan Yeşilgöz-Zegerius", "Abdelaziz Ben Saoud Ben Naïf Al Saoud", "J.T. Anderson", "Łukasz Wąsik", "Œdipe Straße", "Mohammed VI", "São Tomé"} {
		if got, want := idOf(name), slug.Make(name); got != want {
			t.Errorf("idOf(%q) = %q, slug %q", name, got, want)
		}
	}
}
