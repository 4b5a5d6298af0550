package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestEncode(t *testing.T) {
	for _, tc := range []struct {
		ns   []int32
		want string
	}{
		{nil, ""},
		{[]int32{0}, "1"},
		{[]int32{0, 1, 2}, "111"},
		{[]int32{30}, "V"},  // gap 31: the last one-character number
		{[]int32{31}, "b0"}, // gap 32: 1·32 + 0
		{[]int32{5, 1029}, "6ba0"},
		{[]int32{1 << 20}, "baaa1"},
	} {
		got := string(encode(nil, tc.ns))
		if tc.want != "" && got != tc.want || tc.want == "" && got != "" {
			t.Errorf("encode(%v) = %q, want %q", tc.ns, got, tc.want)
		}
		back, err := decode(got)
		if err != nil || !slices.Equal(back, tc.ns) {
			t.Errorf("decode(%q) = %v, %v; want %v", got, back, err, tc.ns)
		}
	}
	for _, bad := range []string{"b", "1!", "WW"} {
		if _, err := decode(bad); err == nil {
			t.Errorf("decode(%q): no error", bad)
		}
	}
}

// FuzzEncode: any ascending list survives the round trip.
func FuzzEncode(f *testing.F) {
	f.Add([]byte{0, 1, 200, 7})
	f.Fuzz(func(t *testing.T, gaps []byte) {
		var ns []int32
		n := int32(-1)
		for i, g := range gaps {
			n += int32(g)<<(uint(i%3)*7) + 1
			ns = append(ns, n)
		}
		back, err := decode(string(encode(nil, ns)))
		if err != nil || !slices.Equal(back, ns) {
			t.Fatalf("%v → %q → %v, %v", ns, encode(nil, ns), back, err)
		}
	})
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Coopération Sud-Sud", []string{"cooperation", "sud"}},
		{"Youssouf Koné, l’œuvre", []string{"youssouf", "kone", "l", "oeuvre"}},
		{"DGSN (Maroc) 2024", []string{"dgsn", "maroc", "2024"}},
		{"  ", nil},
	} {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// index is the index read back from its files, as the search page's
// script reads it.
type index struct {
	docs, chunk, echunk int
	entRecords          map[int]json.RawMessage
	keys                []string
	shards              []map[string][3]string
	ents                []map[string]json.RawMessage
	records             map[int]json.RawMessage
}

// call parses "digestSearch.name(args);\n" into args.
func call(t *testing.T, data []byte, name string, args ...any) {
	t.Helper()
	s := string(data)
	head := "digestSearch." + name + "("
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, ");\n") {
		t.Fatalf("not a call of %s: %.60q", name, s)
	}
	if err := json.Unmarshal([]byte("["+s[len(head):len(s)-3]+"]"), &args); err != nil {
		t.Fatalf("%s: %v in %.200s", name, err, s)
	}
}

func read(t *testing.T, files []File) *index {
	t.Helper()
	ix := &index{records: map[int]json.RawMessage{}, entRecords: map[int]json.RawMessage{}}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var meta struct {
		Docs   int      `json:"docs"`
		Chunk  int      `json:"chunk"`
		EChunk int      `json:"echunk"`
		Keys   []string `json:"keys"`
	}
	call(t, byPath["meta.js"], "meta", &meta)
	ix.docs, ix.chunk, ix.echunk, ix.keys = meta.Docs, meta.Chunk, meta.EChunk, meta.Keys
	for n := range ix.keys {
		var at int
		var words map[string][3]string
		var ents map[string]json.RawMessage
		call(t, byPath["w/"+strconv.Itoa(n)+".js"], "shard", &at, &words, &ents)
		if at != n {
			t.Fatalf("shard %d says it is %d", n, at)
		}
		ix.shards = append(ix.shards, words)
		ix.ents = append(ix.ents, ents)
	}
	for c := 0; c*ix.chunk < ix.docs; c++ {
		var at int
		var recs []json.RawMessage
		call(t, byPath["d/"+strconv.Itoa(c)+".js"], "docs", &at, &recs)
		for i, r := range recs {
			ix.records[c*ix.chunk+i] = r
		}
	}
	for c := 0; ; c++ {
		data, ok := byPath["e/"+strconv.Itoa(c)+".js"]
		if !ok {
			break
		}
		var at int
		var recs []json.RawMessage
		call(t, data, "ents", &at, &recs)
		for i, r := range recs {
			ix.entRecords[c*ix.echunk+i] = r
		}
	}
	if len(files) != 1+len(ix.keys)+(ix.docs+ix.chunk-1)/ix.chunk+(len(ix.entRecords)+ix.echunk-1)/ix.echunk {
		t.Errorf("%d files, want meta, %d shards and the chunks of %d docs", len(files), len(ix.keys), ix.docs)
	}
	return ix
}

// shardsOf is search.js's shardsOf.
func (ix *index) shardsOf(w string) []int {
	i := 0
	for j, k := range ix.keys {
		if k <= w {
			i = j
		}
	}
	out := []int{i}
	if len(w) >= 3 {
		for j := i + 1; j < len(ix.keys) && strings.HasPrefix(ix.keys[j], w); j++ {
			out = append(out, j)
		}
	}
	return out
}

// find is the articles (as title flag, or any) and entities word w finds.
func (ix *index) find(t *testing.T, w string, inline int) (title, any, ents []int32) {
	for _, n := range ix.shardsOf(w) {
		for key, p := range ix.shards[n] {
			if key != w && !(len(w) >= 3 && strings.HasPrefix(key, w)) {
				continue
			}
			for i, into := range []*[]int32{&title, &any, &ents} {
				ns, err := decode(p[i])
				if err != nil {
					t.Fatal(err)
				}
				*into = append(*into, ns...)
			}
			tl, _ := decode(p[0])
			any = append(any, tl...)
			named := decodeMust(p[2])
			for _, e := range named {
				if _, ok := ix.ents[n][strconv.Itoa(int(e))]; !ok && len(named) <= inline {
					t.Errorf("shard %d names entity %d without its record", n, e)
				}
			}
		}
	}
	for _, s := range []*[]int32{&title, &any, &ents} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return
}

func decodeMust(s string) []int32 { ns, _ := decode(s); return ns }

// TestBuildFindsEveryWord builds indexes of random sites with small
// shards and checks, against a scan of the input, that every word and
// every prefix of three letters or more finds exactly what it should.
func TestBuildFindsEveryWord(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"a", "de", "sud", "sudan", "soudan", "cooperation", "cooperer", "coop", "maroc", "marocain", "mali",
		"kone", "koné", "hammouchi", "dgsn", "interpol", "2024", "œuvre", "l", "zz", "zza", "zzz", "zzzz", "the", "les", "lesotho"}
	for _, size := range []int{64, 400, 4000, 1 << 20} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			dict := NewDict()
			var docs []Doc
			var text, titles []string
			for i := range 200 {
				var title, other []string
				for range 1 + r.IntN(5) {
					title = append(title, vocab[r.IntN(len(vocab))])
				}
				for range r.IntN(8) {
					other = append(other, vocab[r.IntN(len(vocab))])
				}
				titles = append(titles, strings.Join(title, " "))
				docs = append(docs, NewDoc(dict, strings.Join(title, " "), fmt.Sprintf("a/%d/", i), "1 mai 2024", "", strings.Join(other, " ")))
				text = append(text, strings.Join(title, " ")+" "+strings.Join(other, " "))
			}
			var ents []Entity
			for i, w := range vocab {
				name := strings.ToUpper(w[:1]) + w[1:] + " " + vocab[(i+3)%len(vocab)]
				if i%2 == 0 {
					name += " nationale" // a word naming more entities than a shard carries records of
				}
				ents = append(ents, NewEntity(dict, name, "", "e/"+w+"/", "theme", i))
			}
			inline := 3 + size%5 // 3 to 7: some words name more entities, some fewer
			files := Build(dict, docs, ents, Options{ShardBytes: size, ChunkDocs: 7, InlineEntities: inline, ChunkEntities: 5})
			ix := read(t, files)
			if size == 64 && len(ix.keys) < 10 || size == 1<<20 && len(ix.keys) != 1 {
				t.Errorf("%d shards of %d bytes", len(ix.keys), size)
			}
			for n, f := range files {
				if strings.HasPrefix(f.Path, "w/") && len(f.Data) > size+200 && len(ix.shards[n-1]) > 1 {
					t.Errorf("%s: %d bytes, %d words", f.Path, len(f.Data), len(ix.shards[n-1]))
				}
			}
			queries := append([]string{"nationale", "nat", "cooperati", "mar", "zzz", "zz", "sud", "su", "xyz", "soudanais"}, vocab...)
			for _, q := range queries {
				q = Words(q)[0]
				title, all, es := ix.find(t, q, inline)
				var wantTitle, wantAll, wantEnts []int32
				matches := func(s string) bool {
					for _, w := range indexWords(s) {
						if w == q || len(q) >= 3 && strings.HasPrefix(w, q) {
							return true
						}
					}
					return false
				}
				for i := range docs {
					if matches(titles[i]) {
						wantTitle = append(wantTitle, int32(i))
					}
					if matches(text[i]) {
						wantAll = append(wantAll, int32(i))
					}
				}
				for i, e := range ents {
					var names []string
					for _, w := range e.Words {
						names = append(names, dict.words[w])
					}
					if matches(strings.Join(names, " ")) {
						wantEnts = append(wantEnts, int32(i))
					}
				}
				if !slices.Equal(title, wantTitle) || !slices.Equal(all, wantAll) || !slices.Equal(es, wantEnts) {
					t.Errorf("%q: found %v / %v / %v, want %v / %v / %v", q, title, all, es, wantTitle, wantAll, wantEnts)
				}
			}
			for i, d := range docs {
				if string(ix.records[i]) != string(d.Record) {
					t.Errorf("record %d is %s, want %s", i, ix.records[i], d.Record)
				}
			}
			for i, e := range ents {
				if string(ix.entRecords[i]) != string(e.Record) {
					t.Errorf("entity %d is %s, want %s", i, ix.entRecords[i], e.Record)
				}
			}
		})
	}
}

func TestSeparator(t *testing.T) {
	for _, tc := range []struct{ prev, next, want string }{
		{"cooper", "cooperation", "coopera"},
		{"abc", "b", "b"},
		{"mali", "maroc", "mar"},
		{"sud", "sudan", "suda"},
	} {
		if got := separator(tc.prev, tc.next); got != tc.want {
			t.Errorf("separator(%q, %q) = %q, want %q", tc.prev, tc.next, got, tc.want)
		}
	}
}
