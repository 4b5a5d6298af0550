// Package textdist measures how far two strings are.
package textdist

import "strings"

// Levenshtein is the edit distance of a and b, in bytes: enough for keys
// and short names.
func Levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Nearest is the candidate nearest to s, ignoring case, at most maxD edits
// away (ties go to the first in byte order), or "".
func Nearest(s string, candidates []string, maxD int) string {
	best, bestD := "", maxD+1
	for _, c := range candidates {
		if d := Levenshtein(strings.ToLower(s), strings.ToLower(c)); d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}
