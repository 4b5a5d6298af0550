// Package search writes a site's search index in pieces, so that a query
// downloads only the part of the index it needs, as Pagefind does, and
// the search still works from disk (file://) and under any path.
//
// The index is three kinds of script, each a call that hands its data to
// the search page's script (scripts, not JSON read by fetch, because
// browsers refuse fetch on file://):
//
//   - meta.js: the number of articles, the size of a chunk of them, the
//     first word of each word shard, and the stop words, which the index
//     leaves out;
//   - w/N.js, word shards: the index's words, in sorted order, cut into
//     pieces of about ShardBytes. For each word: the articles with the word
//     in their title, the other articles with it (summary, entities
//     named), and the entities with it in their name, and those entities'
//     records. A query's word reads the shard that holds it, or the
//     shards that hold the words it begins;
//   - d/N.js, chunks of ChunkDocs articles' records (title, URL, date,
//     summary), read only for the results shown.
//
// Articles are numbered oldest first, so that a new article changes only
// the last chunk; results of equal rank are shown newest first.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"digest/internal/extract"
)

// Defaults of Options.
const (
	ShardBytes = 16 << 10
	ChunkDocs  = 16
)

// Doc is an article as the index holds it.
type Doc struct {
	Record []byte   // JSON: [title, URL, date, summary]
	Title  []string // distinct folded words of the title
	Other  []string // distinct folded words found elsewhere only
}

// NewDoc makes an article's index entry from what it is found by: its
// title, and other text (summary, the names of its entities).
func NewDoc(title, url, date, summary, other string) Doc {
	rec, _ := json.Marshal([]string{title, url, date, summary}) // strings only
	d := Doc{Record: rec, Title: indexWords(title)}
	for _, w := range indexWords(other) {
		if !slices.Contains(d.Title, w) {
			d.Other = append(d.Other, w)
		}
	}
	return d
}

// Entity is an entity as the index holds it.
type Entity struct {
	Record []byte   // JSON: [name, URL, kind, number of articles]
	Words  []string // distinct folded words of its name and acronym
}

// NewEntity makes an entity's index entry; it is found by its name and
// acronym.
func NewEntity(name, acronym, url, kind string, articles int) Entity {
	rec, _ := json.Marshal([]any{name, url, kind, articles})
	return Entity{Record: rec, Words: indexWords(name + " " + acronym)}
}

// indexWords are the words of s the index holds: not its stop words.
func indexWords(s string) []string {
	return slices.DeleteFunc(Words(s), func(w string) bool { return isStopWord[w] })
}

// Words are the distinct folded words of s, in order: in NFC, lower case,
// without accents, cut at every character that is not a letter or a digit
// (the search page's script folds a query the same way).
func Words(s string) []string {
	var out []string
	for _, w := range strings.Fields(extract.Fold(norm.NFC.String(s))) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// Options size the pieces; zero values take the defaults.
type Options struct {
	ShardBytes int // target size of a word shard
	ChunkDocs  int // articles per chunk of records
}

// File is one file of the index, its path relative to the index's folder.
type File struct {
	Path string
	Data []byte
}

// posting is what the index knows of a word.
type posting struct {
	word               string
	title, other, ents []int32
	encoded            [3]string
	size               int
}

// Build makes the index's files from docs (oldest first) and entities (in
// the order results of equal rank are shown).
func Build(docs []Doc, ents []Entity, o Options) []File {
	if o.ShardBytes <= 0 {
		o.ShardBytes = ShardBytes
	}
	if o.ChunkDocs <= 0 {
		o.ChunkDocs = ChunkDocs
	}
	byWord := map[string]*posting{}
	get := func(w string) *posting {
		p := byWord[w]
		if p == nil {
			p = &posting{word: w}
			byWord[w] = p
		}
		return p
	}
	for i, d := range docs {
		for _, w := range d.Title {
			p := get(w)
			p.title = append(p.title, int32(i))
		}
		for _, w := range d.Other {
			p := get(w)
			p.other = append(p.other, int32(i))
		}
	}
	for i, e := range ents {
		for _, w := range e.Words {
			p := get(w)
			p.ents = append(p.ents, int32(i))
		}
	}
	words := make([]*posting, 0, len(byWord))
	for _, p := range byWord {
		p.encoded = [3]string{encode(p.title), encode(p.other), encode(p.ents)}
		p.size = len(p.word) + len(p.encoded[0]) + len(p.encoded[1]) + len(p.encoded[2]) + 12
		for _, e := range p.ents {
			p.size += len(ents[e].Record) + 8 // about: a record may serve several words of a shard
		}
		words = append(words, p)
	}
	slices.SortFunc(words, func(a, b *posting) int { return strings.Compare(a.word, b.word) })

	// pack the sorted words into shards of about ShardBytes; a shard is
	// known by a key no greater than its first word and greater than the
	// last word of the shard before (as short as that allows)
	var files []File
	var keys []string
	for start := 0; start < len(words); {
		end, size := start, 0
		for end < len(words) && (end == start || size+words[end].size <= o.ShardBytes) {
			size += words[end].size
			end++
		}
		key := ""
		if start > 0 {
			key = separator(words[start-1].word, words[start].word)
		}
		files = append(files, File{Path: "w/" + strconv.Itoa(len(keys)) + ".js", Data: shard(len(keys), words[start:end], ents)})
		keys = append(keys, key)
		start = end
	}
	for c := 0; c*o.ChunkDocs < len(docs); c++ {
		var b bytes.Buffer
		fmt.Fprintf(&b, "digestSearch.docs(%d,[", c)
		for i, d := range docs[c*o.ChunkDocs : min(len(docs), (c+1)*o.ChunkDocs)] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(d.Record)
		}
		b.WriteString("]);\n")
		files = append(files, File{Path: "d/" + strconv.Itoa(c) + ".js", Data: b.Bytes()})
	}
	k, _ := json.Marshal(keys)
	stop, _ := json.Marshal(stopWords)
	meta := fmt.Sprintf("digestSearch.meta({\"docs\":%d,\"chunk\":%d,\"keys\":%s,\"stop\":%s});\n", len(docs), o.ChunkDocs, k, stop)
	return append([]File{{Path: "meta.js", Data: []byte(meta)}}, files...)
}

// shard is the script of word shard n: its words' postings, then the
// records of the entities they name.
func shard(n int, words []*posting, ents []Entity) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "digestSearch.shard(%d,{", n)
	var named []int32
	for i, p := range words {
		if i > 0 {
			b.WriteByte(',')
		}
		w, _ := json.Marshal(p.word)
		b.Write(w)
		fmt.Fprintf(&b, ":[%q,%q,%q]", p.encoded[0], p.encoded[1], p.encoded[2])
		named = append(named, p.ents...)
	}
	b.WriteString("},{")
	slices.Sort(named)
	for i, e := range slices.Compact(named) {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\"%d\":", e)
		b.Write(ents[e].Record)
	}
	b.WriteString("});\n")
	return b.Bytes()
}

// separator is the shortest prefix of next greater than prev (prev < next).
func separator(prev, next string) string {
	for i := range next {
		if i > 0 && next[:i] > prev {
			return next[:i]
		}
	}
	return next
}

// The digits of encoded lists: the first 32 end a number, the last 32
// carry five more bits of it. Characters that need no escape in a string.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ"

// encode writes ascending numbers as the gaps between them (the first as
// itself plus one), five bits a character, most significant first: one
// character for a gap under 32, two under 1,024.
func encode(ns []int32) string {
	var b []byte
	prev := int32(-1)
	for _, n := range ns {
		gap := uint32(n - prev)
		prev = n
		var tmp [7]byte
		i := len(tmp) - 1
		tmp[i] = digits[gap&31]
		for gap >>= 5; gap > 0; gap >>= 5 {
			i--
			tmp[i] = digits[32+gap&31]
		}
		b = append(b, tmp[i:]...)
	}
	return string(b)
}

// decode is encode's inverse (the search page's script does the same).
func decode(s string) ([]int32, error) {
	var out []int32
	n, v, open := int32(-1), uint32(0), false
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(digits, s[i])
		if d < 0 {
			return nil, fmt.Errorf("bad digit %q", s[i])
		}
		v, open = v<<5|uint32(d&31), d >= 32
		if !open {
			n += int32(v)
			out = append(out, n)
			v = 0
		}
	}
	if open {
		return nil, fmt.Errorf("unfinished number")
	}
	return out, nil
}
