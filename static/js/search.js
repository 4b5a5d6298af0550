// digest: search over the index written at build time (window.digestIndex),
// accent- and case-insensitive, all words required. No framework, no network.
(function () {
  var form = document.querySelector("form.search");
  var list = document.querySelector(".search-results");
  var status = document.querySelector(".search-status");
  if (!form || !list || !window.digestIndex) return;
  var root = form.getAttribute("data-root") || "";
  var input = form.querySelector("input");

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[’'\-]/g, " ");
  }

  function run(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    list.innerHTML = "";
    if (!words.length) { status.textContent = ""; return; }
    var hits = window.digestIndex.filter(function (it) {
      var key = " " + it[5] + " ";
      return words.every(function (w) { return key.indexOf(w) >= 0; });
    });
    // entities first, then articles, as the index lists them
    hits.sort(function (a, b) { return (a[0] === "e" ? 0 : 1) - (b[0] === "e" ? 0 : 1); });
    hits.slice(0, 100).forEach(function (it) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + it[2];
      a.textContent = it[1];
      li.appendChild(a);
      var small = document.createElement("span");
      small.className = "meta";
      small.textContent = " " + (it[0] === "e" ? it[3] : it[3] + " · " + it[4]);
      li.appendChild(small);
      list.appendChild(li);
    });
    status.textContent = hits.length ? status.getAttribute("data-count").replace("0", String(hits.length)) : status.getAttribute("data-none");
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
