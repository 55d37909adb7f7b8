/* 政府信息公开目录检索 — the query side of xxgk.search (see tools/xxgk/search/index.py).
 * The tokenizer below mirrors tools/xxgk/search/tokenize.py line by line; a browser test
 * compares both on the same strings. No library, no third-party request. */
(function () {
  "use strict";
  var CJK = "\u3007\u25cb\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var MAX_ALNUM = 32;
  var PAGE = 10;

  function normalize(text) { return text.normalize("NFKC").toLowerCase(); }

  function tokens(text, query) {
    var out = [], run = new RegExp("([" + CJK + "]+)|([0-9a-z]+)", "g"), m;
    text = normalize(text);
    while ((m = run.exec(text)) !== null) {
      var cjk = m[1], alnum = m[2];
      if (alnum) { out.push(alnum.slice(0, MAX_ALNUM)); continue; }
      if (cjk.length === 1) { out.push(cjk); continue; }
      if (!query) { for (var i = 0; i < cjk.length; i++) out.push(cjk[i]); }
      for (var j = 0; j < cjk.length - 1; j++) out.push(cjk.slice(j, j + 2));
    }
    return out;
  }

  function queryTokens(text) {
    var seen = {}, out = [];
    tokens(text, true).forEach(function (t) { if (!seen[t]) { seen[t] = 1; out.push(t); } });
    return out;
  }

  function shardOf(token, shards) {
    var h = 0x811c9dc5;
    for (var ch of token) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
    return h % shards;
  }

  window.xxgkTokenizer = { tokens: tokens, queryTokens: queryTokens, shardOf: shardOf };

  var script = document.currentScript;
  var base = script.getAttribute("data-index"), home = script.getAttribute("data-home");
  var form = document.getElementById("xxgk-search");
  if (!form) return;
  var box = document.getElementById("xxgk-q"), status = document.getElementById("xxgk-status");
  var list = document.getElementById("xxgk-results"), more = document.getElementById("xxgk-more");
  var FILTERS = ["c", "d", "y", "f"];
  var manifest = null, shardCache = {}, chunkCache = {}, timer = null, runId = 0;

  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + " " + r.status);
      return r.json();
    });
  }
  function loadManifest() {
    var inline = document.getElementById("xxgk-manifest");
    if (!manifest) {
      manifest = inline ? Promise.resolve(JSON.parse(inline.textContent))
                        : getJSON(base + "manifest.json?t=" + Date.now());
    }
    return manifest;
  }
  function shard(m, i) {
    if (!shardCache[i]) shardCache[i] = getJSON(base + "t/" + i + ".json?v=" + m["版本"]);
    return shardCache[i];
  }
  function chunk(m, i) {
    if (!chunkCache[i]) chunkCache[i] = getJSON(base + "d/" + i + ".json?v=" + m["版本"]);
    return chunkCache[i];
  }

  function postings(m, token) {
    return shard(m, shardOf(token, m.shards)).then(function (s) {
      var p = s[token];
      if (!p) return { ids: [], ws: [] };
      var ids = new Array(p[0].length), id = 0;
      for (var i = 0; i < p[0].length; i++) { id += p[0][i]; ids[i] = id; }
      return { ids: ids, ws: p[1] };
    });
  }

  function fillFilters(m) {
    var labels = { f: null, c: null, y: function (v) { return v + "年"; } };
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

  // Every token must match; failing that, entries matching some of the Chinese tokens are
  // shown as partial results, but numbers (96, 2018, 01705) must always match.
  function rank(m, q, words, text, filters) {
    var n = m.n, score = new Float64Array(n), hits = new Uint16Array(n), pass = new Uint8Array(n);
    var exact = new Uint16Array(n), needExact = 0;
    text.forEach(function (p, k) {
      var idf = Math.log(1 + n / Math.max(1, p.ids.length)), isNumber = /^[0-9a-z]+$/.test(words[k]);
      if (isNumber) needExact++;
      for (var i = 0; i < p.ids.length; i++) {
        var w = typeof p.ws === "number" ? p.ws : p.ws[i];
        score[p.ids[i]] += w * idf; hits[p.ids[i]]++;
        if (isNumber) exact[p.ids[i]]++;
      }
    });
    filters.forEach(function (p) { p.ids.forEach(function (id) { pass[id]++; }); });
    var all = [], some = [];
    for (var id = 0; id < n; id++) {
      if (pass[id] !== filters.length) continue;
      if (!text.length || hits[id] === text.length) all.push(id);
      else if (hits[id] > 0 && exact[id] === needExact && hits[id] > needExact) some.push(id);
    }
    var partial = text.length > 1 && !all.length && some.length > 0;
    var ids = partial ? some : all;
    if (q.s === "new") ids.sort(function (a, b) { return a - b; });
    else if (q.s === "old") ids.sort(function (a, b) { return b - a; });
    else if (text.length) ids.sort(function (a, b) { return (hits[b] - hits[a]) || (score[b] - score[a]) || (a - b); });
    return { ids: ids, partial: partial };
  }

  function search(q, push) {
    var mine = ++runId, started = performance.now();
    var words = queryTokens(q.q), chosen = FILTERS.filter(function (k) { return q[k]; });
    if (push) {
      var params = new URLSearchParams();
      ["q", "c", "d", "y", "f", "s"].forEach(function (k) { if (q[k]) params.set(k, q[k]); });
      if (q.p > 1) params.set("p", q.p);
      history.replaceState(null, "", "?" + params.toString());
    }
    if (!words.length && !chosen.length) {
      list.innerHTML = ""; more.innerHTML = "";
      status.textContent = q.q.trim() ? "检索词里没有可检索的文字或数字。" : "输入检索词，或选择条件后检索。";
      return Promise.resolve();
    }
    status.textContent = "正在检索…";
    return loadManifest().then(function (m) {
      var wanted = words.map(function (t) { return postings(m, t); });
      var filt = chosen.map(function (k) { return postings(m, "#" + k + ":" + q[k]); });
      return Promise.all([Promise.all(wanted), Promise.all(filt)]).then(function (res) {
        var ranked = rank(m, q, words, res[0], res[1]);
        return show(m, q, words, ranked, mine, started);
      });
    }).catch(function (err) {
      status.textContent = "检索数据读取失败，请稍后再试（" + err.message + "）。";
    });
  }

  function show(m, q, words, ranked, mine, started) {
    var ids = ranked.ids, pages = Math.max(1, Math.ceil(ids.length / PAGE));
    var page = Math.min(q.p || 1, pages), shown = ids.slice((page - 1) * PAGE, page * PAGE);
    var need = {};
    shown.forEach(function (id) { need[Math.floor(id / m.chunk)] = 1; });
    return Promise.all(Object.keys(need).map(function (c) {
      return chunk(m, +c).then(function (rows) { return [+c, rows]; });
    })).then(function (loaded) {
      if (mine !== runId) return;
      var rows = {};
      loaded.forEach(function (pair) { rows[pair[0]] = pair[1]; });
      var marker = highlighter(q.q, words);
      list.innerHTML = shown.map(function (id) {
        return item(rows[Math.floor(id / m.chunk)][id % m.chunk], marker);
      }).join("");
      status.textContent = (ranked.partial ? "没有同时包含全部检索词的信息，以下是部分匹配的结果，" : "") +
        "共找到 " + ids.length + " 条" + (ids.length ? "，第 " + page + "/" + pages + " 页" : "") + "。";
      pager(q, page, pages);
      window.xxgkLastSearch = { ms: performance.now() - started, doneAt: performance.now(), total: ids.length };
      document.documentElement.setAttribute("data-xxgk-searched", String(runId));
    });
  }

  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  function highlighter(raw, words) {
    var parts = normalize(raw).match(new RegExp("[" + CJK + "]+|[0-9a-z]+", "g")) || [];
    var terms = parts.concat(words).filter(function (t) { return t.length > 0; });
    terms.sort(function (a, b) { return b.length - a.length; });
    if (!terms.length) return function (s) { return esc(s); };
    var re = new RegExp(terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "gi");
    return function (text, around) {
      if (around) {
        var hit = text.search(re);
        var start = hit > 40 ? hit - 40 : 0;
        text = (start ? "…" : "") + text.slice(start, start + around) + (text.length > start + around ? "…" : "");
      }
      var out = "", last = 0, m;
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        out += esc(text.slice(last, m.index)) + "<mark>" + esc(m[0]) + "</mark>";
        last = m.index + m[0].length;
        if (!m[0].length) re.lastIndex++;
      }
      return out + esc(text.slice(last));
    };
  }

  function item(r, mark) {
    // r: [url, 信息名称, 产生时间, 文件编号, 索引号, 分类, 发布机构, 责任部门, 公开形式, 摘要]
    var meta = ["<span>" + esc(r[2]) + "</span>"];
    if (r[3]) meta.push("<span>" + mark(r[3]) + "</span>");
    meta.push("<span>索引号 " + mark(r[4]) + "</span>", "<span>" + esc(r[5]) + "</span>",
      "<span>" + esc(r[7].replace("/", " ")) + "</span>");
    var tag = r[8] === "依申请公开" ? '<em class="xxgk-tag">依申请公开</em>' : "";
    return '<li><h3><a href="' + esc(home + r[0]) + '">' + mark(r[1]) + "</a></h3>" +
      '<div class="xxgk-r-meta">' + meta.join("") + tag + "</div><p>" + mark(r[9], 120) + "</p></li>";
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
  }).catch(function () { status.textContent = "检索数据读取失败，请稍后再试。"; });
})();
