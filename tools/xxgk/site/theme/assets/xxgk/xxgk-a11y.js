/* 适老化 toolbar (partials/xxgk-tools.html): text size in three steps and a high-contrast
   mode, remembered in localStorage for the whole site.

   Loaded synchronously in <head>: the saved choice is set on <html> before the body is
   painted, so a page never flashes at the standard size first. The buttons are wired once
   the document is parsed. No inline script, no style attribute: the stylesheet does the
   rest from html[data-xxgk-size] and html[data-xxgk-contrast]. */
(function () {
  "use strict";
  var KEY = "xxgk-a11y";
  var SIZES = ["1", "2", "3"];
  var root = document.documentElement;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (e) {
      return {};  // storage denied (private mode) or a broken value: the defaults
    }
  }

  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* full or denied */ }
  }

  function apply(state) {
    var size = SIZES.indexOf(String(state.size)) >= 0 ? String(state.size) : "1";
    if (size === "1") root.removeAttribute("data-xxgk-size");
    else root.setAttribute("data-xxgk-size", size);
    if (state.contrast === "high") root.setAttribute("data-xxgk-contrast", "high");
    else root.removeAttribute("data-xxgk-contrast");
    return size;
  }

  function sync(state) {
    var size = apply(state);
    document.querySelectorAll("[data-xxgk-size]").forEach(function (b) {
      if (b !== root) b.setAttribute("aria-pressed", String(b.getAttribute("data-xxgk-size") === size));
    });
    document.querySelectorAll("[data-xxgk-contrast]").forEach(function (b) {
      if (b !== root) b.setAttribute("aria-pressed", String(state.contrast === "high"));
    });
  }

  // A table wider than the screen scrolls sideways in Material's wrapper: a keyboard must
  // reach it (WCAG 2.1.1), so a scrolling wrapper becomes a named, focusable region.
  function markScrollable() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "表格（可左右滚动）");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  // The phone menu is a checkbox opened by <label>s, which a keyboard cannot reach: the menu
  // button and the titles that close a level become buttons (Enter, Space; Escape closes).
  function menuKeys() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    document.querySelectorAll("label.md-nav__title[for]").forEach(function (label) {
      if (!label.hasAttribute("tabindex")) label.setAttribute("tabindex", "0");
      label.setAttribute("role", "button");
    });
    document.addEventListener("keydown", function (e) {
      var label = e.target.closest && e.target.closest('label[role="button"][for]');
      if (label && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        e.stopPropagation();  // Material's own Enter handler on window would click it again
        label.click();
      } else if (e.key === "Escape" && drawer && drawer.checked) {
        drawer.click();
        if (button) button.focus();
      }
    });
    if (!drawer || !button) return;
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
      var first = drawer.checked && document.querySelector(".md-sidebar--primary .md-nav__title[for]");
      if (first) window.setTimeout(function () { first.focus(); }, 0);
    });
  }

  function wire() {
    menuKeys();
    var state = load();
    document.querySelectorAll("button[data-xxgk-size]").forEach(function (b) {
      b.addEventListener("click", function () {
        state.size = b.getAttribute("data-xxgk-size");
        save(state);
        sync(state);
        markScrollable();
      });
    });
    document.querySelectorAll("button[data-xxgk-contrast]").forEach(function (b) {
      b.addEventListener("click", function () {
        state.contrast = state.contrast === "high" ? "" : "high";
        save(state);
        sync(state);
      });
    });
    sync(state);
    // Material wraps the tables when its bundle (already run by now) sees the document
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(markScrollable);
    else markScrollable();
    window.addEventListener("resize", markScrollable);
  }

  apply(load());
  root.setAttribute("data-xxgk-a11y", "");
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
  // another tab changed the choice: follow it
  window.addEventListener("storage", function (e) { if (e.key === KEY) sync(load()); });
})();
