// Ministries named through their ministers' titles: "le ministre tunisien
// de l'Intérieur", "Interior Minister", "the Tunisian foreign minister".
// News names a ministry by its minister far more often than by its own
// name; the country comes from the title, else from the minister, else
// from the article.

package extract

import (
	"strings"

	"digest/internal/gazetteer"
)

// ministriesFromTitles reads the ministries that ministers' titles name:
// "le ministre tunisien de l'Intérieur", "Interior Minister", "the
// Tunisian foreign minister", "le ministère égyptien de l'Intérieur".
func (s *state) ministriesFromTitles() {
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if !t.Word || !t.is(wMinistry) {
			continue
		}
		var portfolio, cc string
		start, end := i, i+1
		switch t.Fold {
		case "ministre", "ministere", "ministres":
			// ministre [demonym] (de l'|des|de la|du) PORTFOLIO [demonym] [du/de Country]
			k := i + 1
			if c, e := s.countryAt(k, true); c != "" {
				cc, k = c, e
			}
			for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Break && (s.toks[k].is(wConnectors) || s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
				k++
			}
			p, n := s.portfolioAt(k)
			if p == "" {
				continue
			}
			portfolio, end = p, k+n
			end = s.titleContinues(end)
			if c, e := s.qualifierAfter(end); c != "" && cc == "" {
				cc, end = c, e
			}
		case "minister", "ministry":
			// [Country's|demonym] [deputy] PORTFOLIO minister | minister of (the) PORTFOLIO
			k := i - 1
			if k >= 0 && s.toks[k].Word && !t.Break {
				if p, n := s.portfolioEndingAt(k); p != "" {
					portfolio, start = p, k-n+1
				}
			}
			if portfolio == "" && i+1 < len(s.toks) && s.toks[i+1].Fold == "of" {
				k = i + 2
				if k < len(s.toks) && s.toks[k].Fold == "the" {
					k++
				}
				if p, n := s.portfolioAt(k); p != "" {
					portfolio, end = p, k+n
				}
			}
			if portfolio == "" {
				continue
			}
			if start > 0 && (s.toks[start-1].Fold == "deputy" || s.toks[start-1].Fold == "vice") && !s.toks[start].Break {
				start--
			}
			if c, b := s.countryBefore(start); c != "" {
				cc, start = c, b
			}
			if c, e := s.qualifierAfter(end); c != "" && cc == "" {
				cc, end = c, e
			}
		case "garde":
			if i+2 < len(s.toks) && s.toks[i+1].Fold == "des" && s.toks[i+2].Fold == "sceaux" {
				portfolio, end, cc = "justice", i+3, "FR"
			} else {
				continue
			}
		default:
			continue
		}
		if cc == "" {
			cc = s.countryOfRoleAt(start)
		}
		if cc == "" {
			cc = s.dominantCountry()
		}
		if cc == "" {
			continue
		}
		if a := s.x.ministry(cc, portfolio); a != nil {
			s.addAgency(a, start, end)
		}
		i = end - 1
	}
}

// portfolioAt reads a portfolio at token k ("Intérieur", "Affaires
// étrangères"), longest first; n is its length in tokens.
func (s *state) portfolioAt(k int) (string, int) {
	if k >= len(s.toks) || !s.toks[k].is(wPortfolio) {
		return "", 0
	}
	var buf [64]byte
	for n := 5; n >= 1; n-- {
		if k+n > len(s.toks) {
			continue
		}
		key := buf[:0]
		ok := true
		for j, t := range s.toks[k : k+n] {
			if !t.Word || (t.Break && j > 0) {
				ok = false
				break
			}
			if j > 0 {
				key = append(key, ' ')
			}
			key = append(key, t.Fold...)
		}
		if !ok {
			continue
		}
		if p, found := portfolios[string(key)]; found {
			first := s.toks[k].Fold
			if p == "interior" && n == 1 && first == "securite" {
				continue // "sécurité" alone is no portfolio
			}
			if p == "foreign" && first == "cooperation" {
				continue
			}
			return p, n
		}
	}
	return "", 0
}

// portfolioEndingAt reads a portfolio whose last token is k ("Interior" in
// "Interior Minister", "Foreign Affairs" in "Foreign Affairs Minister").
func (s *state) portfolioEndingAt(k int) (string, int) {
	for n := 3; n >= 1; n-- {
		j := k - n + 1
		if j < 0 {
			continue
		}
		if p, m := s.portfolioAt(j); p != "" && m == n {
			return p, n
		}
	}
	return "", 0
}

// titleContinues extends a ministry's title over the portfolios joined to
// it: "des Affaires étrangères, du Commonwealth et du Développement".
func (s *state) titleContinues(end int) int {
	for end+2 < len(s.toks) {
		t := s.toks[end]
		if !(t.Fold == "," || t.Fold == "et" || t.Fold == "and") || s.toks[end+1].Break {
			break
		}
		k := end + 1
		for k < len(s.toks) && s.toks[k].Word && (s.toks[k].is(wConnectors) || s.toks[k].Fold == "la" || s.toks[k].Fold == "l") {
			k++
		}
		if k == end+1 || k >= len(s.toks) || !s.toks[k].Word || !s.toks[k].Cap || s.toks[k].Break {
			break
		}
		k++
		for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Break && s.toks[k].Fold != "et" && s.toks[k].Fold != "and" && !s.isBreaker(s.toks[k]) {
			k++
		}
		end = k
	}
	return end
}

// countryOfRoleAt is the country of the person whose role holds token k.
func (s *state) countryOfRoleAt(k int) string {
	for _, p := range s.people {
		for _, r := range p.roleSpans {
			if k >= r[0] && k < r[1] && p.country != "" {
				return p.country
			}
		}
	}
	return ""
}

// ministry finds or makes a country's ministry of a portfolio.
func (x *Extractor) ministry(cc, portfolio string) *gazetteer.Agency {
	var best *gazetteer.Agency
	for _, a := range x.agenciesByCountry[cc] {
		if a.Kind != "ministry" {
			continue
		}
		names := x.agencyFolds[a].blob
		for _, w := range portfolioNames[portfolio] {
			if strings.Contains(names, w) {
				if best == nil || len(a.NameFR) < len(best.NameFR) {
					best = a
				}
				break
			}
		}
	}
	if best != nil {
		return best
	}
	c := x.g.Country(cc)
	if c == nil {
		return nil
	}
	a := x.synthetic(portfolioFR[portfolio], portfolioEN[portfolio], "ministry", cc)
	a.ID = "ministere-" + map[string]string{"interior": "interieur", "foreign": "affaires-etrangeres", "justice": "justice", "defence": "defense"}[portfolio] + "-" + strings.ToLower(cc)
	return a
}
