// digest: search over the index written at build time (window.digestIndex),
// accent- and case-insensitive, all words required, ranked by how well a
// name or title matches, matches highlighted. No framework, no network.
(function () {
  var form = document.querySelector("form.search");
  var list = document.querySelector(".search-results");
  var status = document.querySelector(".search-status");
  if (!form || !list || !window.digestIndex) return;
  var root = form.getAttribute("data-root") || "";
  var kinds = JSON.parse(form.getAttribute("data-kinds") || "{}");
  var input = form.querySelector("input");
  var shown = 100;

  // fold keeps one character per character, so that a match in the folded
  // text is at the same place in the text: it can be highlighted there
  function foldChar(c) {
    c = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    if (/[’'\-]/.test(c)) return " ";
    return c.length === 1 ? c : c.charAt(0) || " ";
  }
  function fold(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) out += foldChar(s.charAt(i));
    return out;
  }

  // score: a name that is the query beats one that starts with it, which
  // beats one holding the query as a phrase, then as whole words; entities
  // before articles at equal quality; then the index's order
  function score(it, q, words) {
    var name = " " + fold(it[1]).replace(/\s+/g, " ").trim() + " ";
    var s = 0;
    if (name === " " + q + " ") s = 100;
    else if (name.indexOf(" " + q) === 0) s = 60;
    else if (name.indexOf(" " + q + " ") >= 0) s = 45;
    else if (name.indexOf(q) >= 0) s = 30;
    else if (words.every(function (w) { return name.indexOf(" " + w + " ") >= 0; })) s = 20;
    else if (words.every(function (w) { return name.indexOf(w) >= 0; })) s = 10;
    return s + (it[0] === "e" ? 5 : 0);
  }

  // highlight appends text to el with the query's words marked
  function highlight(el, text, words) {
    var folded = fold(text), marks = [];
    // the whole query first: "Sud-Sud" marked as one, not as two "Sud"
    (words.length > 1 ? [words.join(" ")].concat(words) : words).forEach(function (w) {
      for (var i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + w.length)) marks.push([i, i + w.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var at = 0;
    marks.forEach(function (m) {
      if (m[0] < at) return;
      el.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark);
      at = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(at)));
  }

  function run(raw) {
    var q = fold(raw).replace(/\s+/g, " ").trim();
    var words = q.split(" ").filter(Boolean);
    list.innerHTML = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = [];
    window.digestIndex.forEach(function (it, n) {
      var key = " " + it[5] + " ";
      if (words.every(function (w) { return key.indexOf(w) >= 0; })) hits.push({ it: it, n: n, s: score(it, q, words) });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.n - b.n; });
    hits.slice(0, shown).forEach(function (h) {
      var it = h.it;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + it[2];
      highlight(a, it[1], words);
      li.appendChild(a);
      var small = document.createElement("span");
      small.className = "meta";
      small.textContent = " " + (it[0] === "e" ? (kinds[it[3]] || it[3]) : it[3] + " · " + it[4]);
      li.appendChild(small);
      list.appendChild(li);
    });
    var n = hits.length;
    status.textContent = n === 0 ? status.getAttribute("data-none")
      : n === 1 ? status.getAttribute("data-one")
      : (n > shown ? status.getAttribute("data-first") : status.getAttribute("data-count"))
          .replace("{n}", String(n)).replace("{shown}", String(shown));
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run(input.value);
    if (history.replaceState && location.protocol !== "file:") {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    }
  });
  input.addEventListener("input", function () { run(input.value); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
