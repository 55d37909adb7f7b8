/* The 404 page at any depth. Every URL of 404.html is relative to the site's top folder,
   right wherever site/ is served as long as the missing address is at the top (/xxgk/x,
   /x). A server shows the same page for /xxgk/catalog/withdrawn/ too, where those URLs
   point one folder too deep. 404.html loads this file from the two folders the site can be
   at — the published path of xxgk.yml's 网站.网址 and the server's root — and the copy that
   arrives knows the site's top folder from its own address: it re-points the page's
   stylesheets at once, and its links and scripts once the page is parsed. At the top
   folder it does nothing. */
(function (script) {
  "use strict";
  if (!script || window.__xxgk404) return;  // the other candidate already ran
  var top = new URL("../../", script.src);  // this file is <top>assets/xxgk/xxgk-404.js
  // a site's missing address lies below its top folder: a candidate elsewhere is not ours
  if (location.pathname.indexOf(top.pathname) !== 0) return;
  window.__xxgk404 = true;
  if (top.href === new URL(".", location.href).href) return;

  function local(value) {
    return value !== null && value.slice(0, 2) === "./";
  }
  function fixed(value) {
    return new URL(value, top).href;
  }

  // Stylesheets first, before the body is painted.
  document.querySelectorAll("link[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (local(href)) {
      if (link.rel === "stylesheet") link.setAttribute("blocking", "render");
      link.setAttribute("href", fixed(href));
    }
  });

  function relink() {
    document.querySelectorAll("a[href], form[action]").forEach(function (el) {
      var name = el.tagName === "FORM" ? "action" : "href";
      var value = el.getAttribute(name);
      if (local(value)) el.setAttribute(name, fixed(value));
    });
    var config = document.getElementById("__config");
    if (config) {
      var data = JSON.parse(config.textContent);
      data.base = top.href;
      config.textContent = JSON.stringify(data);
    }
    // The scripts failed at the wrong address: load them again, in their order.
    document.querySelectorAll("script[src]").forEach(function (old) {
      var src = old.getAttribute("src");
      if (!local(src)) return;
      var again = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (a) { again.setAttribute(a.name, a.value); });
      if (again.getAttribute("data-scope") === ".") again.setAttribute("data-scope", top.href);
      again.src = fixed(src);
      again.async = false;
      document.body.appendChild(again);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", relink);
  else relink();
})(document.currentScript);
