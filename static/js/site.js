// digest: opened from disk (file://), a link to a folder shows a listing, not
// its index.html; point such links, and forms, at the file. Served over
// HTTP, nothing changes.
(function () {
  if (location.protocol !== "file:") return;
  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") continue;
      var parts = href.split("#");
      if (parts[0] === "" || parts[0].slice(-1) === "/") {
        parts[0] = (parts[0] || "./") + "index.html";
        links[i].setAttribute("href", parts.join("#"));
      }
    }
    // and search boxes (the header's, the 404's) at the search page's file
    var forms = document.querySelectorAll("form[action$='/']");
    for (var j = 0; j < forms.length; j++) {
      forms[j].setAttribute("action", forms[j].getAttribute("action") + "index.html");
    }
  });
})();
