/* Material's inline scripts (templates/partials/javascripts/*.html of mkdocs-material 9.8),
   as a file, so that the site's Content-Security-Policy needs no 'unsafe-inline' for
   scripts. Each of our partials includes this file with data-part naming the script it
   replaces; the values Material wrote into its inline code come as data-* attributes.
   The file is loaded synchronously where Material's script stood, so it runs at the same
   moment (before first paint for the palette, before the bundle for __md_scope). */
(function (script) {
  "use strict";
  var data = script.dataset;

  function base() {
    window.__md_scope = new URL(data.scope, location);
    window.__md_hash = function (e) {
      return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
    };
    window.__md_get = function (key, storage, scope) {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      return JSON.parse(storage.getItem(scope.pathname + "." + key));
    };
    window.__md_set = function (key, value, storage, scope) {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* full or denied */ }
    };
  }

  function palette() {
    var saved = __md_get("__palette");
    if (!saved || !saved.color) return;
    if (saved.color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector(light ? "[data-md-color-media='(prefers-color-scheme: light)']"
                                               : "[data-md-color-media='(prefers-color-scheme: dark)']");
      ["media", "scheme", "primary", "accent"].forEach(function (k) {
        saved.color[k] = input.getAttribute("data-md-color-" + k);
      });
    }
    Object.keys(saved.color).forEach(function (k) {
      document.body.setAttribute("data-md-color-" + k, saved.color[k]);
    });
  }

  function content() {
    if ("tabsLink" in data) {
      var tabs = __md_get("__tabs");
      if (Array.isArray(tabs)) {
        document.querySelectorAll(".tabbed-set").forEach(function (set) {
          var labels = set.querySelector(".tabbed-labels").getElementsByTagName("label");
          outer: for (var t = 0; t < tabs.length; t++) {
            for (var l = 0; l < labels.length; l++) {
              if (labels[l].innerText.trim() === tabs[t]) {
                document.getElementById(labels[l].htmlFor).checked = true;
                break outer;
              }
            }
          }
        });
      }
    }
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
  }

  function announce() {
    var el = document.querySelector("[data-md-component=announce]");
    if (el && __md_hash(el.querySelector(".md-typeset").innerHTML) === __md_get("__announce")) el.hidden = true;
  }

  function outdated() {
    var el = document.querySelector("[data-md-component=outdated]");
    var seen = __md_get("__outdated", sessionStorage, new URL(data.base, location));
    if (seen === true && el) el.hidden = false;
  }

  function consent() {
    var form = document.forms.consent;
    var given = __md_get("__consent");
    if (given) {
      Array.from(form.elements).forEach(function (input) {
        if (input.name) input.checked = given[input.name] || false;
      });
    } else if (location.protocol !== "file:") {
      setTimeout(function () { document.querySelector("[data-md-component=consent]").hidden = false; }, 250);
    }
    ["submit", "reset"].forEach(function (action) {
      form.addEventListener(action, function (e) {
        e.preventDefault();
        if (e.type === "reset") {
          Array.from(form.elements).forEach(function (n) { if (n.name) n.checked = false; });
        }
        __md_set("__consent", Object.fromEntries(Array.from(new FormData(form).keys()).map(function (k) {
          return [k, true];
        })));
        location.hash = "";
        location.reload();
      });
    });
  }

  var parts = { base: base, palette: palette, content: content, announce: announce,
                outdated: outdated, consent: consent };
  parts[data.part]();
})(document.currentScript);
