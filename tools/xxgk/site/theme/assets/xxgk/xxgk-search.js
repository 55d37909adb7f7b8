/* 政府信息公开检索 — the query side of xxgk.search (see tools/xxgk/search/index.py).
 * The tokenizer is built from the settings in the manifest (tools/xxgk/search/tokenize.py
 * writes them) and refuses an index of another algorithm; a browser test compares both
 * sides on the same strings. No library, no third-party request, no inline script. */
(function () {
  "use strict";
  var ALGORITHM = 2, PAGE = 10, LOOKAHEAD = 5, SNIPPET = 160, MAX_WORDS = 64;
  var FILTERS = ["c", "d", "y", "f"];

  /* ---- tokenizer: code point by code point, as in Python ---- */
  function makeTokenizer(settings) {
    if (!settings || settings.algorithm !== ALGORITHM) {
      throw new Error("检索程序与检索数据的版本不一致，请刷新页面后再试");
    }
    var hex = function (cp) { return "\\u{" + cp.toString(16) + "}"; };
    var cls = settings.cjk.map(function (r) { return hex(r[0]) + (r[1] > r[0] ? "-" + hex(r[1]) : ""); }).join("");
    var max = settings.max_alnum, cache = new Map();
    function one(c) {
      var n = cache.get(c);
      if (n === undefined) { n = c.normalize("NFKC").toLowerCase(); cache.set(c, n); }
      return n;
    }
    function normalize(text) { var out = ""; for (var c of text) out += one(c); return out; }
    // Normalised text and, for each of its UTF-16 units, the offset in the original text.
    function mapped(text) {
      var out = "", at = [], i = 0;
      for (var c of text) {
        var n = one(c);
        for (var k = 0; k < n.length; k++) at.push(i);
        out += n; i += c.length;
      }
      at.push(i);
      return { text: out, at: at };
    }
    function runs(text) { return normalize(text).match(new RegExp("[" + cls + "]+|[0-9a-z]+", "gu")) || []; }
    function tokens(text, query) {
      var out = [], re = new RegExp("([" + cls + "]+)|([0-9a-z]+)", "gu"), m, t = normalize(text);
      while ((m = re.exec(t)) !== null) {
        if (m[2]) { out.push(Array.from(m[2]).slice(0, max).join("")); continue; }
        var cjk = Array.from(m[1]);
        if (cjk.length === 1) { out.push(cjk[0]); continue; }
        if (!query) out.push.apply(out, cjk);
        for (var j = 0; j < cjk.length - 1; j++) out.push(cjk[j] + cjk[j + 1]);
      }
      return out;
    }
    function queryTokens(text) {
      var seen = {}, out = [];
      tokens(text, true).forEach(function (t) { if (!seen[t]) { seen[t] = 1; out.push(t); } });
      return out;
    }
    return { tokens: tokens, queryTokens: queryTokens, shardOf: shardOf, normalize: normalize,
             mapped: mapped, exactKey: function (text) { return runs(text).join(""); } };
  }

  function shardOf(token, shards) {
    var h = 0x811c9dc5;
    for (var ch of token) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h % shards;
  }

  var script = document.currentScript;
  var base = script.getAttribute("data-index"), home = script.getAttribute("data-home");
  var inline = document.getElementById("xxgk-manifest");
  var manifest = inline ? Promise.resolve(JSON.parse(inline.textContent)) : null;
  var tk = null, files = {};

  function getJSON(url) { return get(url, "json"); }
  function get(url, kind) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + " " + r.status);
        return kind === "json" ? r.json() : r.text();
      });
    }
    return files[url];
  }
  function loadManifest() {
    if (!manifest) manifest = getJSON(base + "manifest.json?t=" + Date.now());
    return manifest.then(function (m) {
      if (!tk) { tk = makeTokenizer(m.tokenizer); window.xxgkTokenizer = tk; }
      return m;
    });
  }

  /* ---- posting lists (see tools/xxgk/search/merge.py) ---- */
  function ids(deltas) {
    var out = new Int32Array(deltas.length), id = 0;
    for (var i = 0; i < deltas.length; i++) { id += deltas[i]; out[i] = id; }
    return out;
  }
  function lookup(m, token) {
    var s = shardOf(token, m.shards), v = "?v=" + m["版本"];
    return getJSON(base + "t/" + s + ".json" + v).then(function (shard) {
      var e = shard[token];
      if (typeof e === "number") return getJSON(base + "t/" + s + "." + e + ".json" + v);
      return e || {};
    }).then(function (e) {
      return { p: e.p ? ids(e.p) : null, x: e.x ? ids(e.x) : null, w: e.w === undefined ? 1 : e.w,
               h: e.h ? ids(e.h) : null, hx: e.hx ? ids(e.hx) : null };
    });
  }
  // Calls fn(id, index) for every document in a list given as ids or as their complement.
  function each(n, list, comp, fn) {
    if (list) { for (var i = 0; i < list.length; i++) fn(list[i], i); return; }
    if (!comp) return;
    var absent = new Uint8Array(n);
    for (var k = 0; k < comp.length; k++) absent[comp[k]] = 1;
    for (var id = 0; id < n; id++) if (!absent[id]) fn(id, -1);
  }
  function count(n, list, comp) { return list ? list.length : comp ? n - comp.length : 0; }

  /* ---- ranking: exact number, title, then BM25 over fields; phrases checked on the text ---- */
  function rank(m, q, words, lists, exact, filters) {
    var n = m.n, bm = m.bm25, score = new Float64Array(n), hits = new Uint16Array(n);
    var optional = words.map(function (w) { return single(w) && words.some(function (o) { return !single(o); }); });
    var required = optional.filter(function (o) { return !o; }).length;
    var inTitle = new Uint16Array(n), block = new Uint16Array(n), pass = new Uint8Array(n);
    var isExact = new Uint8Array(n), numbers = new Uint16Array(n), needNumbers = 0;
    lists.forEach(function (L, k) {
      var df = count(n, L.p, L.x), idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      var unit = idf * (bm.k1 + 1) / bm.levels, isNumber = /^[0-9a-z]+$/.test(words[k]);
      if (isNumber) needNumbers++;
      each(n, L.p, L.x, function (id, i) {
        var w = i < 0 || typeof L.w === "number" ? L.w : L.w[i];
        score[id] += unit * (w & 15);
        if (!optional[k]) hits[id]++;
        if (w >> 4 > block[id]) block[id] = w >> 4;
        if (isNumber) numbers[id]++;
      });
      if (!optional[k]) each(n, L.h, L.hx, function (id) { inTitle[id]++; });
    });
    if (exact) each(n, exact.p, exact.x, function (id) { isExact[id] = 1; });
    filters.forEach(function (L) { each(n, L.p, L.x, function (id) { pass[id]++; }); });
    var all = [], some = [];
    for (var id = 0; id < n; id++) {
      if (pass[id] !== filters.length) continue;
      if (!words.length || hits[id] === required || isExact[id]) all.push(id);
      else if (hits[id] > 0 && numbers[id] === needNumbers && hits[id] > needNumbers) some.push(id);
    }
    var partial = required > 1 && !all.length && some.length > 0, out = partial ? some : all;
    var e = m.entries, byDate = function (dir) {
      return function (a, b) { return ((a >= e) - (b >= e)) || dir * (a - b); };
    };
    if (q.s === "new") out.sort(byDate(1));
    else if (q.s === "old") out.sort(byDate(-1));
    else if (words.length) {
      var titled = function (id) { return inTitle[id] === required ? 1 : 0; };
      out.sort(function (a, b) {
        return (isExact[b] - isExact[a]) || (titled(b) - titled(a)) || (score[b] - score[a]) || (a - b);
      });
    }
    return { ids: out, partial: partial, block: block, tier: function (id) { return isExact[id] * 2 + (required && inTitle[id] === required ? 1 : 0); } };
  }

  /* ---- a block of each result shown: its row and the text where the query is ---- */
  function block(m, id, b) {
    return getJSON(base + "x/" + Math.floor(id / 1000) + "/" + id + "." + b + ".json?v=" + m["版本"]);
  }
  function has(text, groups) {
    var t = tk.normalize(text);
    return groups.every(function (g) { return t.indexOf(g) >= 0; });
  }
  // The block where the query's words first occur (every document has a block 0: its body,
  // or for an entry without one its description), with the row; phrase: every group of
  // the query occurs whole, in the text or the row. If not, the blocks around are tried.
  function inspect(m, ranked, groups, id) {
    var b = ranked.block[id];
    return block(m, id, b).then(function (got) {
      var r = got[0], found = { row: r, text: got[1], phrase: false };
      found.phrase = has(got[1], groups) || has(r.slice(1, 10).concat(r.slice(12)).join("\n"), groups);
      var near = found.phrase ? [] : [b + 1, b - 1].filter(function (k) { return k >= 0 && k < r[10]; });
      return Promise.all(near.map(function (k) { return block(m, id, k); })).then(function (more) {
        more.forEach(function (g) {
          if (!found.phrase && has(g[1], groups)) { found.phrase = true; found.text = g[1]; }
        });
        return found;
      });
    });
  }
  // Within the results inspected, a phrase ranks above scattered tokens (same tier only).
  function reorder(ranked, seen, upto) {
    var head = ranked.ids.slice(0, upto), pos = {};
    head.forEach(function (id, i) { pos[id] = i; });
    head.sort(function (a, b) {
      return (ranked.tier(b) - ranked.tier(a)) || ((seen[b].phrase ? 1 : 0) - (seen[a].phrase ? 1 : 0)) || (pos[a] - pos[b]);
    });
    return head.concat(ranked.ids.slice(upto));
  }

  /* ---- snippets: the passage with most of the query, every match marked ---- */
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  // A single Chinese character (号 of 96号) is not required to match: bodies are indexed
  // without single characters. It still counts where the metadata has it.
  function single(t) { return Array.from(t).length === 1 && !/^[0-9a-z]$/.test(t); }
  function spans(norm, groups) {
    var out = [], missing = [];
    groups.forEach(function (g, gi) {
      var at = norm.indexOf(g), n = 0;
      while (at >= 0 && g) { out.push([at, at + g.length, gi]); n++; at = norm.indexOf(g, at + g.length); }
      if (!n) missing.push(gi);
    });
    missing.forEach(function (gi) {  // a group not found whole: mark its tokens where they are
      var ts = tk.tokens(groups[gi], true);
      ts.filter(function (t) { return ts.length === 1 || !single(t); }).forEach(function (w) {
        var at = norm.indexOf(w);
        while (at >= 0) { out.push([at, at + w.length, -1]); at = norm.indexOf(w, at + w.length); }
      });
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) { last[1] = Math.max(last[1], s[1]); if (s[2] >= 0) last[2] = s[2]; }
      else merged.push(s.slice());
    });
    return merged;
  }
  function marked(text, groups, words, width) {
    var mp = tk.mapped(text), found = spans(mp.text, groups), start = 0, end = mp.text.length;
    if (width && end > width) {
      var best = -1;
      found.forEach(function (s) {
        var from = Math.max(0, s[0] - 24), seen = {}, value = 0;
        found.forEach(function (o) {
          if (o[0] >= from && o[1] <= from + width) { value += o[2] >= 0 && !seen[o[2]] ? 100 : 1; seen[o[2]] = 1; }
        });
        if (value > best) { best = value; start = from; }
      });
      end = Math.min(end, start + width);
      if (end - start < width) start = Math.max(0, end - width);
    }
    var out = "", last = start;
    found.forEach(function (s) {
      if (s[1] <= start || s[0] >= end) return;
      var a = Math.max(s[0], start), b = Math.min(s[1], end);
      out += esc(text.slice(mp.at[last], mp.at[a])) + "<mark>" + esc(text.slice(mp.at[a], mp.at[b])) + "</mark>";
      last = b;
    });
    out += esc(text.slice(mp.at[last], mp.at[end]));
    return (start > 0 ? "…" : "") + out.replace(/\s+/g, " ") + (end < mp.text.length ? "…" : "");
  }

  function item(found, id, m, groups, words) {
    var r = found.row, mark = function (s) { return marked(s, groups, words, 0); };
    var meta = [];
    if (r[11]) meta.push("<span>" + esc(r[11]) + "</span>");
    else {
      meta.push("<span>" + esc(r[2]) + "</span>");
      if (r[3]) meta.push("<span>" + mark(r[3]) + "</span>");
      meta.push("<span>索引号 " + mark(r[4]) + "</span>", "<span>" + esc(r[5]) + "</span>",
        "<span>" + esc(r[7] ? r[6] + " " + r[7] : r[6]) + "</span>");
    }
    var tag = r[8] === "依申请公开" ? '<em class="xxgk-tag">依申请公开</em>' : "";
    var text = found.text || "";
    return '<li><h3><a href="' + esc(home + r[0]) + '">' + mark(r[1]) + "</a></h3>" +
      '<div class="xxgk-r-meta">' + meta.join("") + tag + "</div><p>" +
      marked(text, groups, words, (m.snippet || SNIPPET)) + "</p></li>";
  }

  /* ---- the page ---- */
  var form = document.getElementById("xxgk-search");
  if (!form) return;
  var box = document.getElementById("xxgk-q"), status = document.getElementById("xxgk-status");
  var list = document.getElementById("xxgk-results"), more = document.getElementById("xxgk-more");
  var timer = null, runId = 0;

  function fillFilters(m) {
    var labels = { y: function (v) { return v + "年"; } };
    FILTERS.forEach(function (k) {
      var sel = document.getElementById("xxgk-f-" + k), groups = {};
      (m.facets[k] || []).forEach(function (v) {
        var opt = document.createElement("option");
        opt.value = v;
        if (k === "d") {
          var unit = v.split("/")[0];
          opt.textContent = v.slice(unit.length + 1);
          if (!groups[unit]) { groups[unit] = document.createElement("optgroup"); groups[unit].label = unit; sel.appendChild(groups[unit]); }
          groups[unit].appendChild(opt);
        } else {
          opt.textContent = labels[k] ? labels[k](v) : v;
          sel.appendChild(opt);
        }
      });
    });
  }
  function readForm() {
    var q = { q: box.value, s: document.getElementById("xxgk-f-s").value, p: 1 };
    FILTERS.forEach(function (k) { q[k] = document.getElementById("xxgk-f-" + k).value; });
    return q;
  }
  function writeForm(params) {
    box.value = params.get("q") || "";
    FILTERS.concat(["s"]).forEach(function (k) { document.getElementById("xxgk-f-" + k).value = params.get(k) || ""; });
  }

  function search(q, push) {
    var mine = ++runId, started = performance.now();
    if (push) {
      var params = new URLSearchParams();
      ["q", "c", "d", "y", "f", "s"].forEach(function (k) { if (q[k]) params.set(k, q[k]); });
      if (q.p > 1) params.set("p", q.p);
      history.replaceState(null, "", "?" + params.toString());
    }
    return loadManifest().then(function (m) {
      // A pasted paragraph: its first MAX_WORDS tokens select (the phrase check reads all of it).
      var words = tk.queryTokens(q.q).slice(0, MAX_WORDS), chosen = FILTERS.filter(function (k) { return q[k]; });
      var groups = tk.normalize(q.q).split(/\s+/).filter(function (g) { return tk.tokens(g, true).length; });
      if (!words.length && !chosen.length) {
        list.innerHTML = ""; more.innerHTML = "";
        status.textContent = q.q.trim() ? "检索词里没有可检索的文字或数字。" : "输入检索词，或选择条件后检索。";
        return;
      }
      status.textContent = "正在检索…";
      var key = tk.exactKey(q.q);
      return Promise.all([
        Promise.all(words.map(function (t) { return lookup(m, t); })),
        /[0-9]/.test(key) ? lookup(m, "#n:" + key) : Promise.resolve(null),
        Promise.all(chosen.map(function (k) { return lookup(m, "#" + k + ":" + q[k]); })),
      ]).then(function (res) {
        var ranked = rank(m, q, words, res[0], res[1], res[2]);
        return show(m, q, groups, words, ranked, mine, started);
      });
    }).catch(function (err) {
      status.textContent = "检索数据读取失败，请稍后再试（" + err.message + "）。";
    });
  }

  // The results up to the page shown are read (their text, for the snippet and the phrase
  // check); only when one of them has the words scattered are the next LOOKAHEAD read too,
  // so that a phrase just below can rank above it.
  function show(m, q, groups, words, ranked, mine, started) {
    var total = ranked.ids.length, pages = Math.max(1, Math.ceil(total / PAGE));
    var page = Math.min(q.p || 1, pages), end = Math.min(total, page * PAGE), seen = {};
    var ordered = !q.s && groups.some(function (g) { return tk.tokens(g, true).length > 1; });
    function read(ids) {
      return Promise.all(ids.map(function (id) {
        return inspect(m, ranked, groups, id).then(function (f) { seen[id] = f; });
      }));
    }
    var upto = end;
    return read(ranked.ids.slice(0, end)).then(function () {
      var scattered = ordered && ranked.ids.slice(0, end).some(function (id) { return !seen[id].phrase; });
      if (!scattered) return null;
      upto = Math.min(total, end + LOOKAHEAD);
      return read(ranked.ids.slice(end, upto));
    }).then(function () {
      if (mine !== runId) return;
      var order = ordered ? reorder(ranked, seen, upto) : ranked.ids;
      var shown = order.slice((page - 1) * PAGE, page * PAGE);
      list.innerHTML = shown.map(function (id) { return item(seen[id], id, m, groups, words); }).join("");
      status.textContent = (ranked.partial ? "没有同时包含全部检索词的信息，以下是部分匹配的结果，" : "") +
        "共找到 " + total + " 条" + (total ? "，第 " + page + "/" + pages + " 页" : "") + "。";
      pager(q, page, pages);
      window.xxgkLastSearch = { ms: performance.now() - started, doneAt: performance.now(), total: total,
                                ids: order.slice(0) };
      document.documentElement.setAttribute("data-xxgk-searched", String(runId));
    });
  }

  function pager(q, page, pages) {
    more.innerHTML = "";
    if (pages < 2) return;
    [["上一页", page - 1], ["下一页", page + 1]].forEach(function (b) {
      if (b[1] < 1 || b[1] > pages) return;
      var btn = document.createElement("button");
      btn.type = "button"; btn.textContent = b[0];
      btn.addEventListener("click", function () { q.p = b[1]; search(q, true); window.scrollTo(0, 0); });
      more.appendChild(btn);
    });
  }

  function later() { clearTimeout(timer); timer = setTimeout(function () { search(readForm(), true); }, 200); }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); search(readForm(), true); });
  box.addEventListener("input", later);
  box.addEventListener("keyup", function (ev) { if (ev.key !== "Enter") later(); });
  form.addEventListener("change", function (ev) { if (ev.target !== box) { clearTimeout(timer); search(readForm(), true); } });

  loadManifest().then(function (m) {
    fillFilters(m);
    var params = new URLSearchParams(location.search);
    writeForm(params);
    var q = readForm();
    q.p = +(params.get("p") || 1);
    document.documentElement.setAttribute("data-xxgk-ready", "1");
    if (q.q || FILTERS.some(function (k) { return q[k]; })) search(q, false);
  }).catch(function (err) { status.textContent = "检索数据读取失败，请稍后再试（" + err.message + "）。"; });
})();
