// Package corpusgen writes synthetic digests for benchmarks: N articles in
// French and English, 1 to 8 KB, built from a few hundred sentence shapes,
// naming countries (by name, demonym and capital), agencies (by acronym and
// full name), officials from a pool that grows with N (introduced by their
// title, then "M. X"), and themes by their trigger phrases. It is
// deterministic for a seed. The same articles can be written as a Hugo site
// with the entities given in front matter, for side-by-side builds.
package corpusgen

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"time"

	"digest/internal/gazetteer"
	"digest/internal/slug"
)

// Options say what to write.
type Options struct {
	N    int   // articles
	Seed int64 // same seed, same corpus
	// Hugo also writes a Hugo site of the same articles, with the entities
	// as taxonomies in front matter.
	Hugo string
}

type official struct {
	first, last string
	country     *gazetteer.Country
	roleFR      string
	roleEN      string
}

type agency struct {
	a    *gazetteer.Agency
	acr  string
	name string
}

type gen struct {
	r         *rand.Rand
	countries []*gazetteer.Country
	agencies  []agency
	officials []official
	themes    []*gazetteer.Theme
}

var firstNames = strings.Fields(`Youssouf Amadou Moussa Ibrahim Abdoulaye Ousmane Mamadou Cheikh Aliou Boubacar Karim Nadia Fatima Aïcha Mariam Leïla Samira Hassan Omar Khalid Rachid Mehdi Yassine Said Hamid Jean Pierre Marie Claire Sophie Laura Marco Giulia Antonio Carmen Javier Lucía Pedro Ana João Miguel Hans Anna Lars Ingrid Ahmed Mohamed Salma Zineb Kofi Ama Chinedu Ngozi Tunde Amina Grace Peter David Sarah Emma`)
var lastNames = strings.Fields(`Koné Traoré Diallo Camara Coulibaly Keïta Touré Diop Ndiaye Sow Ba Fall Sy Cissé Bamba Ouattara Kaboré Ouédraogo Sawadogo Zongo Mahamadou Issoufou Bello Okafor Adeyemi Mensah Asante Owusu Kamau Otieno Mwangi Alaoui Bennani Tazi Idrissi Berrada Chraibi Benali Haddad Mansouri Saidi Amrani Belkacem Boudiaf Trabelsi Jaziri Gharbi Martin Bernard Dubois Moreau Laurent Lefebvre Rossi Ferrari Esposito García Fernández López Martínez Silva Santos Müller Schmidt Jansen Peeters Novak Kowalski`)

var rolesFR = []string{"directeur général de la police nationale", "ministre de l'Intérieur", "ministre des Affaires étrangères",
	"chef d'état-major des armées", "directeur général des douanes", "commandant de la gendarmerie nationale",
	"procureur général", "directeur du renseignement", "ministre de la Justice", "ministre de la Défense"}
var rolesEN = []string{"Director General of the National Police", "Interior Minister", "Foreign Minister",
	"Chief of Defence Staff", "Director General of Customs", "Commander of the Gendarmerie",
	"Attorney General", "Director of Intelligence", "Justice Minister", "Defence Minister"}

// Sentence shapes: openers, cores and closers combine into hundreds of
// shapes. {C} a country, {Dfs} {Dmp} {Dfp} its demonym (feminine singular,
// masculine and feminine plural), {K} a capital, {A} an agency by name, {X}
// an agency by acronym, {T} a theme phrase, {P} the second official's short
// form. Countries, agencies and themes come from the article's own cast, as
// a news item returns to the same few.
var shapesFR = struct{ open, core, close []string }{
	open: []string{"Selon une source proche du dossier,", "Mardi,", "Lors d'une réunion à {K},", "Dans un communiqué,",
		"En marge du sommet,", "Depuis plusieurs mois,", "D'après les autorités {Dfp},", "À l'issue des entretiens,",
		"Au cours de la visite,", "Par ailleurs,", "Dans ce cadre,", "Pour la première fois,"},
	core: []string{"les services {Dmp} ont renforcé leur coopération avec {A} ({X}) dans la lutte contre {T}",
		"{X} a annoncé un plan commun avec les autorités {Dfp} contre {T}", "les deux pays ont signé un accord sur {T}",
		"les délégués ont évoqué {T} et la situation des pays voisins ({C})", "{P} a insisté sur le rôle de {X} face à {T}",
		"une délégation {Dfs} a rencontré les responsables de {A} à {K}", "les experts ont présenté un rapport sur {T}",
		"la partie {Dfs} a proposé de mutualiser les moyens contre {T}", "les ministres ont salué le travail de {X}",
		"des opérations conjointes ont été menées à {K} contre {T}"},
	close: []string{".", ", a-t-on appris.", ", selon le communiqué.", " pour les prochains mois.",
		", ont indiqué des responsables {Dmp}.", " à l'horizon 2026.", ", a précisé {P}.", " dans toute la région."},
}

var shapesEN = struct{ open, core, close []string }{
	open: []string{"According to officials,", "On Tuesday,", "At a meeting in {K},", "In a statement,",
		"On the sidelines of the summit,", "For months,", "{Dmp} authorities said that", "After the talks,",
		"During the visit,", "Meanwhile,", "In this context,", "For the first time,"},
	core: []string{"{Dmp} services stepped up cooperation with the {A} ({X}) against {T}",
		"{X} announced a joint plan with {C} against {T}", "the two countries signed an agreement on {T}",
		"delegates discussed {T} and the situation in {C}", "{P} stressed the role of {X} against {T}",
		"a {Dfs} delegation met officials of the {A} in {K}", "experts presented a report on {T}",
		"{C} offered to pool resources against {T}", "ministers praised the work of {X}",
		"joint operations were carried out in {K} against {T}"},
	close: []string{".", ", officials said.", ", the statement said.", " in the coming months.",
		", {Dmp} officials added.", " by 2026.", ", {P} said.", " across the region."},
}

// Generate writes N articles to dir/content (and a Hugo site if asked).
func Generate(dir string, opts Options) error {
	g0, err := gazetteer.Builtin()
	if err != nil {
		return err
	}
	g := &gen{r: rand.New(rand.NewSource(opts.Seed))}
	for _, c := range g0.Countries {
		if len(c.DemonymsFR) > 0 && len(c.DemonymsEN) > 0 && c.Capital != "" && !strings.ContainsAny(c.FR, "'’") && len(c.Ambiguous) == 0 {
			g.countries = append(g.countries, c)
		}
	}
	for _, a := range g0.Agencies {
		if len(a.Acronyms) > 0 && len(a.AmbiguousAcronyms) == 0 && !a.Generic && a.NameFR != "" && a.NameEN != "" {
			g.agencies = append(g.agencies, agency{a: a, acr: a.Acronyms[0]})
		}
	}
	g.themes = g0.Themes
	pool := max(20, opts.N/5)
	for i := 0; i < pool; i++ {
		k := g.r.Intn(len(rolesFR))
		first := firstNames[g.r.Intn(len(firstNames))]
		// a middle name from the pool keeps names distinct as the pool grows
		if i >= len(firstNames)*len(lastNames)/4 {
			first += " " + firstNames[g.r.Intn(len(firstNames))]
		}
		g.officials = append(g.officials, official{first: first, last: lastNames[g.r.Intn(len(lastNames))],
			country: g.countries[g.r.Intn(len(g.countries))], roleFR: rolesFR[k], roleEN: rolesEN[k]})
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Digest synthétique\"\nbaseURL = \"https://example.org/\"\nlanguage = \"fr\"\npaginate = 20\n"), 0o644); err != nil {
		return err
	}
	// dates spread over the six years before 2026, whatever N: all in the past
	end := time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC)
	step := 6 * 365 * 24 * time.Hour / time.Duration(max(opts.N, 1))
	for i := 0; i < opts.N; i++ {
		art := g.article(i, end.Add(-time.Duration(i)*step).Truncate(time.Minute))
		name := fmt.Sprintf("%s-%s-%d.md", art.date.Format("2006-01-02"), slug.Make(art.title), i)
		if err := os.WriteFile(filepath.Join(dir, "content", name), []byte(art.digest()), 0o644); err != nil {
			return err
		}
		if opts.Hugo != "" {
			if err := os.MkdirAll(filepath.Join(opts.Hugo, "content", "articles"), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(opts.Hugo, "content", "articles", name), []byte(art.hugo()), 0o644); err != nil {
				return err
			}
		}
	}
	if opts.Hugo != "" {
		return writeHugoSite(opts.Hugo)
	}
	return nil
}

type article struct {
	title, lang, body string
	date              time.Time
	countries         []string
	agencies          []string
	officials         []string
	themes            []string
}

func (g *gen) pick(n int) int { return g.r.Intn(n) }

func (g *gen) article(i int, date time.Time) *article {
	en := g.r.Intn(4) == 0
	a := &article{date: date, lang: "fr"}
	if en {
		a.lang = "en"
	}
	c1, c2 := g.countries[g.pick(len(g.countries))], g.countries[g.pick(len(g.countries))]
	o1, o2 := g.officials[g.pick(len(g.officials))], g.officials[g.pick(len(g.officials))]
	// the cast: the two countries of the title, the officials' countries
	// and up to three more; one or two agencies; one to three themes
	cast := []*gazetteer.Country{c1, c2, o1.country, o2.country}
	for k := g.r.Intn(4); k > 0; k-- {
		cast = append(cast, g.countries[g.pick(len(g.countries))])
	}
	ags := []agency{g.agencies[g.pick(len(g.agencies))]}
	if g.r.Intn(2) == 0 {
		ags = append(ags, g.agencies[g.pick(len(g.agencies))])
	}
	themes := []*gazetteer.Theme{g.themes[g.pick(len(g.themes))]}
	for k := g.r.Intn(3); k > 0; k-- {
		themes = append(themes, g.themes[g.pick(len(g.themes))])
	}
	th := themes[0]
	used := map[string]bool{}
	note := func(list *[]string, v string) {
		if !used[v] {
			used[v] = true
			*list = append(*list, v)
		}
	}
	for _, c := range []*gazetteer.Country{c1, c2, o1.country, o2.country} {
		note(&a.countries, c.Code)
	}
	a.officials = []string{o1.first + " " + o1.last, o2.first + " " + o2.last}
	note(&a.themes, th.ID)
	var b strings.Builder
	shapes := shapesFR
	if en {
		shapes = shapesEN
	}
	if en {
		a.title = fmt.Sprintf("%s and %s step up cooperation on %s", c1.EN, c2.EN, strings.ToLower(th.EN))
		fmt.Fprintf(&b, "%s %s %s %s met %s %s %s %s in %s.\n\n", demonymEN(o1.country), o1.roleEN, o1.first, o1.last,
			demonymEN(o2.country), o2.roleEN, o2.first, o2.last, capitalEN(c1))
	} else {
		a.title = fmt.Sprintf("%s et %s renforcent leur coopération : %s", c1.FR, c2.FR, strings.ToLower(th.FR))
		fmt.Fprintf(&b, "Le %s %s, %s %s, a rencontré à %s le %s %s, %s %s.\n\n", o1.roleFR, demonymFR(o1.country, 0),
			o1.first, o1.last, c1.Capital, o2.roleFR, demonymFR(o2.country, 0), o2.first, o2.last)
	}
	size := 1000 + g.r.Intn(7000) // 1 to 8 KB
	short := "M. " + o2.last
	if en {
		short = "Mr " + o2.last
	}
	// the first official again, by surname only, as news writes it
	if en {
		fmt.Fprintf(&b, "Mr %s praised \"exemplary cooperation\". ", o1.last)
	} else {
		fmt.Fprintf(&b, "M. %s a salué « une coopération exemplaire ». ", o1.last)
	}
	for b.Len() < size {
		shape := shapes.open[g.pick(len(shapes.open))] + " " + shapes.core[g.pick(len(shapes.core))] + shapes.close[g.pick(len(shapes.close))]
		c := cast[g.pick(len(cast))]
		ag := ags[g.pick(len(ags))]
		t := themes[g.pick(len(themes))]
		trig := t.TriggersFR
		name, cname, capital := ag.a.NameFR, c.FR, c.Capital
		fs, mp, fp := demonymFR(c, 1), demonymFR(c, 2), demonymFR(c, 3)
		if en {
			trig, name, cname, capital = t.TriggersEN, ag.a.NameEN, c.EN, capitalEN(c)
			fs, mp, fp = demonymEN(c), demonymEN(c), demonymEN(c)
		}
		phrase := trig[g.pick(len(trig))]
		for k := 0; strings.HasSuffix(phrase, "*") && k < 8; k++ {
			phrase = trig[g.pick(len(trig))] // a whole phrase reads better than a prefix
		}
		phrase = strings.TrimSuffix(phrase, "*")
		s := strings.NewReplacer("{C}", cname, "{Dfs}", fs, "{Dmp}", mp, "{Dfp}", fp, "{K}", capital, "{A}", name,
			"{X}", ag.acr, "{T}", phrase, "{P}", short).Replace(shape)
		// the Hugo site is given every entity the text names
		for _, tag := range []string{"{C}", "{Dfs}", "{Dmp}", "{Dfp}", "{K}"} {
			if strings.Contains(shape, tag) {
				note(&a.countries, c.Code)
			}
		}
		if strings.Contains(shape, "{A}") || strings.Contains(shape, "{X}") {
			note(&a.agencies, ag.a.ID)
		}
		if strings.Contains(shape, "{T}") {
			note(&a.themes, t.ID)
		}
		b.WriteString(upperFirst(s))
		if g.r.Intn(4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	a.body = b.String()
	return a
}

func demonymEN(c *gazetteer.Country) string { return c.DemonymsEN[0] }

// demonymFR is a French demonym in one of its four forms: masculine
// singular, feminine singular, masculine plural, feminine plural.
func demonymFR(c *gazetteer.Country, form int) string {
	for _, f := range c.DemonymsFRForms {
		if len(f) == 4 {
			return f[form]
		}
	}
	m := c.DemonymsFR[0]
	var fs, mp string
	switch {
	case strings.HasSuffix(m, "è"):
		return m
	case strings.HasSuffix(m, "e"):
		fs, mp = m, m+"s"
	case strings.HasSuffix(m, "en"):
		fs, mp = m+"ne", m+"s"
	case strings.HasSuffix(m, "s"), strings.HasSuffix(m, "x"):
		fs, mp = m+"e", m
	default:
		fs, mp = m+"e", m+"s"
	}
	return []string{m, fs, mp, fs + "s"}[form]
}

func capitalEN(c *gazetteer.Country) string {
	if c.CapitalEN != "" {
		return c.CapitalEN
	}
	return c.Capital
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (a *article) digest() string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = %s\nlang = %q\nsource = \"Synthèse\"\n+++\n\n%s\n", a.title, a.date.Format(time.RFC3339), a.lang, a.body)
}

func quoteList(l []string) string {
	var q []string
	for _, s := range l {
		q = append(q, fmt.Sprintf("%q", s))
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// hugo is the article for Hugo, the entities given in front matter as
// taxonomies (what digest finds by itself).
func (a *article) hugo() string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = %s\ncountries = %s\nagencies = %s\nofficials = %s\nthemes = %s\n+++\n\n%s\n",
		a.title, a.date.Format(time.RFC3339), quoteList(a.countries), quoteList(a.agencies), quoteList(a.officials), quoteList(a.themes), a.body)
}

// writeHugoSite writes a Hugo site of the same shape as a digest: an
// article page each, a page per term listing its articles (paginated), an
// RSS feed per term, the home page.
func writeHugoSite(dir string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "https://example.org/"
title = "Digest synthétique"
languageCode = "fr"
[taxonomies]
country = "countries"
agency = "agencies"
official = "officials"
theme = "themes"
paginate = 20
`,
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}{{ range .GetTerms "countries" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ range .GetTerms "officials" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</article>{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}{{ end }}`,
		"layouts/_default/terms.html":  `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`,
		"layouts/index.html":           `{{ define "main" }}{{ range (.Paginate .Site.RegularPages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2></article>{{ end }}{{ end }}`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
