// digest: search over the index written at build time in pieces (package
// internal/search): meta.js names the word shards; a query reads only the
// shards of its words, then the chunks of articles' records it shows.
// Pieces are scripts, so the search works from disk (file://) as well as
// served. Accent- and case-insensitive, every word required (a word of
// three letters or more also matches the words it begins), ranked by how
// well a name or title matches, matches highlighted. No framework.
(function () {
  var form = document.querySelector("form.search[data-index]");
  var list = document.querySelector(".search-results");
  var status = document.querySelector(".search-status");
  var more = document.querySelector(".search-more");
  if (!form || !list || !status) return;
  var root = form.getAttribute("data-root") || "";
  var base = form.getAttribute("data-index");
  var kinds = JSON.parse(form.getAttribute("data-kinds") || "{}");
  var input = form.querySelector("input");
  var page = 10; // results shown at a time: each may need a chunk of records (about 8 KB)

  // what the index's scripts hand over
  var meta = null, shards = {}, chunks = {}, entChunks = {}, loading = {};
  var api = window.digestSearch = {
    meta: function (m) { meta = m; },
    shard: function (n, words, ents) { shards[n] = { words: words, ents: ents }; },
    docs: function (c, recs) { chunks[c] = recs; },
    ents: function (c, recs) { entChunks[c] = recs; },
    words: words
  };

  // load runs the index's script at path once; the promise settles when it
  // has run (its call has stored its data) or failed
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + path;
        s.onload = resolve;
        s.onerror = function () { delete loading[path]; reject(new Error(path)); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  }

  // words folds a text as the index does (package extract's Fold): lower
  // case, accents and other marks dropped, a few letters spelled out, cut
  // at every character that is not a letter or a digit
  var spelled = { "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "İ": "i" };
  var wordChar = /[\p{L}\p{Nd}\p{Mn}]/u, marks = /\p{Mn}/gu;
  function words(s) {
    var out = [], cur = "";
    for (var ch of s.normalize("NFC")) {
      if (wordChar.test(ch)) {
        cur += spelled[ch] || ch.toLowerCase().normalize("NFD").replace(marks, "").normalize("NFC");
      } else if (cur) {
        out.push(cur);
        cur = "";
      }
    }
    if (cur) out.push(cur);
    return out;
  }

  // decode reads a list of numbers written by search.encode
  var digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ";
  function decode(s, into) {
    var n = -1, v = 0;
    for (var i = 0; i < s.length; i++) {
      var d = digits.indexOf(s.charAt(i));
      v = v * 32 + (d & 31);
      if (d < 32) { n += v; into.add(n); v = 0; }
    }
    return into;
  }

  // prefix: a word of three letters or more also finds the words it begins
  function prefix(w) { return w.length >= 3; }

  // shardsOf are the shards that hold w, or the words w begins
  function shardsOf(w) {
    var keys = meta.keys, lo = 0, hi = keys.length - 1;
    while (lo < hi) { // the last key <= w
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= w) lo = mid; else hi = mid - 1;
    }
    var out = [lo];
    if (prefix(w)) for (var j = lo + 1; j < keys.length && keys[j].lastIndexOf(w, 0) === 0; j++) out.push(j);
    return out;
  }

  function distinct(ws) { return ws.filter(function (w, i) { return ws.indexOf(w) === i; }); }

  // find: for each word, the articles (with the word in their title, or
  // anywhere) and entities it finds; then those every word finds
  // required are the query's words the index holds: not its stop words
  function required(query) {
    return distinct(query).filter(function (w) { return meta.stop.indexOf(w) < 0; });
  }

  function find(query) {
    var ws = required(query), docs = null, ents = null, titles = new Map(), records = {};
    ws.forEach(function (w) {
      var inTitle = new Set(), all = new Set(), es = new Set();
      shardsOf(w).forEach(function (n) {
        var sh = shards[n];
        for (var key in sh.words) {
          if (key === w || (prefix(w) && key.lastIndexOf(w, 0) === 0)) {
            var p = sh.words[key];
            decode(p[0], inTitle); decode(p[0], all); decode(p[1], all); decode(p[2], es);
          }
        }
        for (var id in sh.ents) records[id] = sh.ents[id];
      });
      inTitle.forEach(function (d) { titles.set(d, (titles.get(d) || 0) + 1); });
      docs = docs ? new Set([...docs].filter(function (d) { return all.has(d); })) : all;
      ents = ents ? new Set([...ents].filter(function (e) { return es.has(e); })) : es;
    });
    var hits = [];
    if (!ws.length) return hits; // stop words only
    ents.forEach(function (e) {
      // a shard names the entities of a word naming many of them without
      // their records: those are ranked as whole-word matches, read when
      // shown. On a multilingual site a record's fifth item is the entity's
      // names in the other languages: it ranks by the best of its names.
      var r = records[e];
      var s = r ? Math.max(score(r[0], query), r[4] ? score(r[4], query) : 0) : 20;
      hits.push({ e: r || null, ent: true, id: e, s: s + 5 });
    });
    docs.forEach(function (d) {
      var t = titles.get(d) || 0;
      hits.push({ d: d, id: d, s: t === ws.length ? 22 : t > 0 ? 8 : 0 });
    });
    // at equal score: entities first, in the index's order; articles
    // newest first (the highest numbers)
    hits.sort(function (a, b) {
      return b.s - a.s || (a.ent ? 0 : 1) - (b.ent ? 0 : 1) || (a.ent ? a.id - b.id : b.id - a.id);
    });
    return hits;
  }

  // score: a name that is the query beats one that starts with it, which
  // beats one holding the query's words in order, then all of them whole,
  // then words they begin. ws are the query's words, repeats kept: "sud-sud"
  // is "sud sud".
  function score(name, ws) {
    var n = " " + words(name).join(" ") + " ", q = ws.join(" ");
    if (n === " " + q + " ") return 100;
    if (n.indexOf(" " + q + " ") === 0) return 60;
    if (n.indexOf(" " + q + " ") >= 0) return 45;
    if (n.indexOf(" " + q) >= 0) return 30;
    if (ws.every(function (w) { return n.indexOf(" " + w + " ") >= 0; })) return 20;
    return 10;
  }

  // highlight appends text to el with the words that begin with the
  // query's words marked. Folding one character at a time keeps places.
  function foldChar(c) {
    c = c.normalize("NFD").replace(marks, "").toLowerCase();
    return c.length === 1 && wordChar.test(c) ? c : " ";
  }
  function highlight(el, text, ws) {
    var folded = "";
    for (var i = 0; i < text.length; i++) folded += foldChar(text.charAt(i));
    var spans = [];
    // the whole query first: "Sud-Sud" marked as one, not as two "Sud"
    (ws.length > 1 ? [ws.join(" ")].concat(ws) : ws).forEach(function (w) {
      for (var i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
        if (i > 0 && folded.charAt(i - 1) !== " ") continue; // inside a word
        var end = i + w.length;
        if (!prefix(w) && end < folded.length && folded.charAt(end) !== " ") continue;
        spans.push([i, end]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var at = 0;
    spans.forEach(function (m) {
      if (m[0] < at) return;
      el.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark);
      at = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(at)));
  }

  var hits = [], ws = [], shown = 0, run = 0;

  function say(n) {
    status.textContent = n === 0 ? status.getAttribute("data-none")
      : n === 1 ? status.getAttribute("data-single")
      : (n > shown ? status.getAttribute("data-first") : status.getAttribute("data-count"))
          .replace("{n}", String(n)).replace("{shown}", String(shown));
  }

  // show adds the next page of results, once their records are loaded
  function show(mine) {
    var next = hits.slice(shown, shown + page);
    var need = {};
    next.forEach(function (h) {
      if (!h.ent) need["d/" + Math.floor(h.d / meta.chunk) + ".js"] = true;
      else if (!h.e) need["e/" + Math.floor(h.id / meta.echunk) + ".js"] = true;
    });
    return Promise.all(Object.keys(need).map(load)).then(function () {
      if (mine !== run) return;
      next.forEach(function (h) {
        if (h.ent && !h.e) h.e = entChunks[Math.floor(h.id / meta.echunk)][h.id % meta.echunk];
        var li = document.createElement("li");
        var a = document.createElement("a");
        var small = document.createElement("span");
        small.className = "meta";
        if (h.ent) {
          a.href = root + h.e[1];
          highlight(a, h.e[0], ws);
          small.textContent = " " + (kinds[h.e[2]] || h.e[2]);
        } else {
          var r = chunks[Math.floor(h.d / meta.chunk)][h.d % meta.chunk];
          a.href = root + r[1];
          highlight(a, r[0], ws);
          small.textContent = " " + r[2] + " · " + r[3];
        }
        li.appendChild(a);
        li.appendChild(small);
        list.appendChild(li);
      });
      shown += next.length;
      say(hits.length);
      if (more) more.hidden = shown >= hits.length;
    });
  }

  function search(raw) {
    var mine = ++run;
    ws = words(raw);
    if (!ws.length) {
      list.innerHTML = ""; status.textContent = ""; hits = []; shown = 0;
      if (more) more.hidden = true;
      return Promise.resolve();
    }
    return load("meta.js").then(function () {
      var need = {};
      required(ws).forEach(function (w) { shardsOf(w).forEach(function (n) { need[n] = true; }); });
      return Promise.all(Object.keys(need).map(function (n) { return load("w/" + n + ".js"); }));
    }).then(function () {
      if (mine !== run) return;
      hits = find(ws);
      shown = 0;
      list.innerHTML = "";
      return show(mine);
    }).catch(function () {
      if (mine === run) status.textContent = status.getAttribute("data-failed");
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search(input.value);
    if (history.replaceState && location.protocol !== "file:") {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
  input.addEventListener("input", function () { search(input.value); });
  if (more) more.addEventListener("click", function () { show(run); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; search(q); }
})();
