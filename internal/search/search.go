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
//     named), and the entities with it in their name, with their records
//     (up to InlineEntities of them). A query's word reads the shard that holds it, or the
//     shards that hold the words it begins;
//   - d/N.js, chunks of ChunkDocs articles' records (title, URL, date,
//     summary), read only for the results shown;
//   - e/N.js, chunks of ChunkEntities entities' records, read for the
//     entities shown that a shard names without their record (a word of
//     more than InlineEntities entities).
//
// Articles are numbered oldest first, so that a new article changes only
// the last chunk; results of equal rank are shown newest first.
package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"digest/internal/extract"
)

// Defaults of Options.
const (
	ShardBytes = 16 << 10
	ChunkDocs  = 16
	// InlineEntities is the most entities a word's shard carries the
	// records of. A word naming more ("nationale": 1,900 bodies at 50,000
	// articles) lists their numbers only; their records are read, in
	// chunks of ChunkEntities, for the results shown.
	InlineEntities = 64
	ChunkEntities  = 32
)

// Dict numbers the words of an index, so that postings are gathered in
// arrays rather than a map of lists. Safe for concurrent use; digest serve
// keeps one from build to build, so that an article's words are numbered
// once.
type Dict struct {
	mu     sync.Mutex
	ids    map[string]int32
	words  []string
	sorted []int32 // ids in the order of their words, when len(sorted) == len(words)
}

// NewDict makes an empty dictionary.
func NewDict() *Dict { return &Dict{ids: map[string]int32{}} }

// number gives each of ws its id, appending them to into.
func (d *Dict) number(into []int32, ws []string) []int32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, w := range ws {
		id, ok := d.ids[w]
		if !ok {
			id = int32(len(d.words))
			d.ids[w] = id
			d.words = append(d.words, w)
		}
		into = append(into, id)
	}
	return into
}

// order is every id, in the order of their words; sorted again only when
// words were added since.
func (d *Dict) order() []int32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.sorted) != len(d.words) {
		d.sorted = make([]int32, len(d.words))
		for i := range d.sorted {
			d.sorted[i] = int32(i)
		}
		slices.SortFunc(d.sorted, func(a, b int32) int { return strings.Compare(d.words[a], d.words[b]) })
	}
	return d.sorted
}

// Doc is an article as the index holds it.
type Doc struct {
	Record []byte  // JSON: [title, URL, date, summary]
	Title  []int32 // its title's words (ids of the Dict), distinct
	Other  []int32 // the words found elsewhere only
}

// NewDoc makes an article's index entry from what it is found by: its
// title, and other text (summary, the names of its entities).
func NewDoc(d *Dict, title, url, date, summary, other string) Doc {
	rec, _ := json.Marshal([]string{title, url, date, summary}) // strings only
	t := indexWords(title)
	var o []string
	for _, w := range indexWords(other) {
		if !slices.Contains(t, w) {
			o = append(o, w)
		}
	}
	ids := d.number(make([]int32, 0, len(t)+len(o)), append(t, o...))
	return Doc{Record: rec, Title: ids[:len(t):len(t)], Other: ids[len(t):]}
}

// Entity is an entity as the index holds it.
type Entity struct {
	Record []byte  // JSON: [name, URL, kind, number of articles]
	Words  []int32 // its name's and acronym's words, distinct
}

// NewEntity makes an entity's index entry; it is found by its name and
// acronym.
func NewEntity(d *Dict, name, acronym, url, kind string, articles int) Entity {
	rec, _ := json.Marshal([]any{name, url, kind, articles})
	return Entity{Record: rec, Words: d.number(nil, indexWords(name+" "+acronym))}
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
	ShardBytes     int // target size of a word shard
	ChunkDocs      int // articles per chunk of records
	InlineEntities int // most entities' records in a word's shard
	ChunkEntities  int // entities per chunk of records
}

// File is one file of the index, its path relative to the index's folder.
type File struct {
	Path string
	Data []byte
}

// postings are, for each word id, three lists (articles with the word in
// their title, other articles, entities), each in one array cut by
// offsets: built by counting, with no list growing.
type postings struct {
	at  [3][]int32 // list k of word w is ids[k][at[k][w]:at[k][w+1]]
	ids [3][]int32
}

func (p *postings) list(k int, w int32) []int32 { return p.ids[k][p.at[k][w]:p.at[k][w+1]] }

func gather(words int, docs []Doc, ents []Entity) *postings {
	p := &postings{}
	each := func(k int, fn func(list int, w int32)) {
		switch k {
		case 0:
			for i, d := range docs {
				for _, w := range d.Title {
					fn(i, w)
				}
			}
		case 1:
			for i, d := range docs {
				for _, w := range d.Other {
					fn(i, w)
				}
			}
		default:
			for i, e := range ents {
				for _, w := range e.Words {
					fn(i, w)
				}
			}
		}
	}
	for k := range 3 {
		at := make([]int32, words+1)
		each(k, func(_ int, w int32) { at[w+1]++ })
		for w := 1; w <= words; w++ {
			at[w] += at[w-1]
		}
		ids := make([]int32, at[words])
		next := slices.Clone(at[:words])
		each(k, func(i int, w int32) { ids[next[w]] = int32(i); next[w]++ })
		p.at[k], p.ids[k] = at, ids
	}
	return p
}

// Build makes the index's files from docs (oldest first) and entities (in
// the order results of equal rank are shown), whose words d numbered.
func Build(d *Dict, docs []Doc, ents []Entity, o Options) []File {
	if o.ShardBytes <= 0 {
		o.ShardBytes = ShardBytes
	}
	if o.ChunkDocs <= 0 {
		o.ChunkDocs = ChunkDocs
	}
	if o.InlineEntities <= 0 {
		o.InlineEntities = InlineEntities
	}
	if o.ChunkEntities <= 0 {
		o.ChunkEntities = ChunkEntities
	}
	order := d.order()
	words := d.words[:len(order)] // the words of these docs: d is not added to while they are read
	p := gather(len(words), docs, ents)

	// each word's postings, encoded one after the other in enc
	entries := make([]entry, 0, len(order))
	enc := make([]byte, 0, 2*(len(p.ids[0])+len(p.ids[1])+len(p.ids[2]))) // most gaps take a character or two
	for _, w := range order {
		e := entry{w: w, size: len(words[w]) + 12}
		if p.at[0][w] == p.at[0][w+1] && p.at[1][w] == p.at[1][w+1] && p.at[2][w] == p.at[2][w+1] {
			continue // a word of an article no longer there
		}
		for k := range 3 {
			enc = encode(enc, p.list(k, w))
			e.ends[k] = len(enc)
		}
		if ids := p.list(2, w); len(ids) <= o.InlineEntities {
			for _, id := range ids {
				e.size += len(ents[id].Record) + 8 // about: a record may serve several words of a shard
			}
		}
		e.size += e.ends[2] - lastEnd(entries)
		entries = append(entries, e)
	}

	// pack the sorted words into shards of about ShardBytes; a shard is
	// known by a key no greater than its first word and greater than the
	// last word of the shard before (as short as that allows)
	var files []File
	var keys []string
	var named []int32
	for start := 0; start < len(entries); {
		end, size := start, 0
		for end < len(entries) && (end == start || size+entries[end].size <= o.ShardBytes) {
			size += entries[end].size
			end++
		}
		key := ""
		if start > 0 {
			key = separator(words[entries[start-1].w], words[entries[start].w])
		}
		b := make([]byte, 0, size+64)
		b = append(b, "digestSearch.shard("...)
		b = strconv.AppendInt(b, int64(len(keys)), 10)
		b = append(b, ",{"...)
		named = named[:0]
		from := lastEnd(entries[:start])
		for i, e := range entries[start:end] {
			if i > 0 {
				b = append(b, ',')
			}
			// a word is letters, digits and marks: nothing to escape
			b = append(b, '"')
			b = append(b, words[e.w]...)
			b = append(b, `":["`...)
			b = append(b, enc[from:e.ends[0]]...)
			b = append(b, `","`...)
			b = append(b, enc[e.ends[0]:e.ends[1]]...)
			b = append(b, `","`...)
			b = append(b, enc[e.ends[1]:e.ends[2]]...)
			b = append(b, `"]`...)
			from = e.ends[2]
			if ids := p.list(2, e.w); len(ids) <= o.InlineEntities {
				named = append(named, ids...)
			}
		}
		b = append(b, "},{"...)
		slices.Sort(named)
		for i, id := range slices.Compact(named) {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = strconv.AppendInt(b, int64(id), 10)
			b = append(b, `":`...)
			b = append(b, ents[id].Record...)
		}
		b = append(b, "});\n"...)
		files = append(files, File{Path: "w/" + strconv.Itoa(len(keys)) + ".js", Data: b})
		keys = append(keys, key)
		start = end
	}
	for c := 0; c*o.ChunkDocs < len(docs); c++ {
		chunk := docs[c*o.ChunkDocs : min(len(docs), (c+1)*o.ChunkDocs)]
		n := 32
		for _, d := range chunk {
			n += len(d.Record) + 1
		}
		b := make([]byte, 0, n)
		b = append(b, "digestSearch.docs("...)
		b = strconv.AppendInt(b, int64(c), 10)
		b = append(b, ",["...)
		for i, d := range chunk {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, d.Record...)
		}
		b = append(b, "]);\n"...)
		files = append(files, File{Path: "d/" + strconv.Itoa(c) + ".js", Data: b})
	}
	for c := 0; c*o.ChunkEntities < len(ents); c++ {
		chunk := ents[c*o.ChunkEntities : min(len(ents), (c+1)*o.ChunkEntities)]
		b := []byte("digestSearch.ents(")
		b = strconv.AppendInt(b, int64(c), 10)
		b = append(b, ",["...)
		for i, e := range chunk {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, e.Record...)
		}
		b = append(b, "]);\n"...)
		files = append(files, File{Path: "e/" + strconv.Itoa(c) + ".js", Data: b})
	}
	k, _ := json.Marshal(keys)
	stop, _ := json.Marshal(stopWords)
	meta := fmt.Sprintf("digestSearch.meta({\"docs\":%d,\"chunk\":%d,\"echunk\":%d,\"keys\":%s,\"stop\":%s});\n",
		len(docs), o.ChunkDocs, o.ChunkEntities, k, stop)
	return append([]File{{Path: "meta.js", Data: []byte(meta)}}, files...)
}

// entry is a word of the index, and where its lists end in the encoded
// lists of all words.
type entry struct {
	w    int32
	ends [3]int
	size int // about, in a shard
}

// lastEnd is where the last of entries ends in the encoded lists.
func lastEnd(entries []entry) int {
	if len(entries) == 0 {
		return 0
	}
	return entries[len(entries)-1].ends[2]
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

// encode appends ascending numbers as the gaps between them (the first as
// itself plus one), five bits a character, most significant first: one
// character for a gap under 32, two under 1,024.
func encode(b []byte, ns []int32) []byte {
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
	return b
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
