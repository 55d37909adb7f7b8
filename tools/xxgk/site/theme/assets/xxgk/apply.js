/* 在线申请：按 data-schema（即服务端用的 application.schema.json）在浏览器里核对，
   以 JSON 提交到在线申请服务，在页面上显示回执。社会评议问卷（evaluation.js）也用这里的
   window.xxgkIntake 取令牌、提交和显示回执。服务的独立页面（回执、核对）用它绑定“打印回执”。 */
(function () {
  "use strict";

  var SKIP = { token: 1, nonce: 1 };  /* set by send() */

  function nonce() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* A form token, asked for when the person starts filling the form (a mere page view asks the
     service nothing): the service measures the fill time from it. */
  function tokenFor(form, onFail) {
    var state = { token: "", min: 0, at: 0, failed: false, ready: null };
    state.ensure = function () {
      if (state.ready) { return state.ready; }
      state.ready = window.fetch(form.getAttribute("data-token-url"), { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (body) { state.token = body["令牌"]; state.min = body["最短秒数"] || 0; state.at = Date.now(); })
        .catch(function () { state.failed = true; if (onFail) { onFail(); } });
      return state.ready;
    };
    ["focusin", "input", "change"].forEach(function (name) { form.addEventListener(name, state.ensure); });
    return state;
  }

  function wait(seconds) {
    return new Promise(function (done) { window.setTimeout(done, Math.max(0, seconds) * 1000); });
  }

  /* POST the fields as JSON; waits out the minimum fill time; resolves {status, body}. */
  function send(form, state, data) {
    if (state.failed) { state.failed = false; state.ready = null; }  /* the service may be back */
    return state.ensure().then(function () {
      var left = state.min - (Date.now() - state.at) / 1000;
      return wait(state.token ? left + 0.2 : 0);
    }).then(function () {
      data.token = state.token;
      data.nonce = form.getAttribute("data-nonce");
      return window.fetch(form.getAttribute("data-api"), {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data), cache: "no-store"
      });
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) { return { status: r.status, body: body }; });
    }).then(function (res) {
      if (res.status === 422 && res.body["等待秒数"]) {  /* too quick: wait and send once more */
        return wait(res.body["等待秒数"] + 0.2).then(function () { return send(form, state, data); });
      }
      return res;
    });
  }

  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text) { el.textContent = text; }
    if (cls) { el.className = cls; }
    return el;
  }

  function printButtons(root) {
    (root || document).querySelectorAll("button.xxgk-print").forEach(function (b) {
      b.hidden = false;
      if (!b.hasAttribute("data-ready")) {
        b.setAttribute("data-ready", "1");
        b.addEventListener("click", function () { window.print(); });
      }
    });
  }

  function showReceipt(form, section, body, heading) {
    section.textContent = "";
    var h = element("h2", heading);
    h.id = section.id + "-title";
    h.tabIndex = -1;
    section.appendChild(h);
    section.appendChild(element("p", "请记下或打印受理编号，凭它查询办理情况。", "xxgk-receipt-lead"));
    var list = element("dl", "", "xxgk-receipt-list");
    Object.keys(body).forEach(function (key) {
      if (key === "说明" || key === "种类") { return; }
      var row = element("div");
      row.appendChild(element("dt", key));
      row.appendChild(element("dd", String(body[key]), key === "受理编号" ? "xxgk-receipt-number" : ""));
      list.appendChild(row);
    });
    section.appendChild(list);
    (body["说明"] || []).forEach(function (line) { section.appendChild(element("p", line)); });
    var actions = element("p", "", "xxgk-receipt-actions");
    var button = element("button", "打印回执", "md-button xxgk-print");
    button.type = "button";
    actions.appendChild(button);
    section.appendChild(actions);
    section.setAttribute("aria-labelledby", h.id);
    form.hidden = true;
    section.hidden = false;
    printButtons(section);
    h.focus();
  }

  /* Errors: a summary at the top (links to the fields) and a message under each field. */
  function showErrors(form, summary, errors, labelOf) {
    form.querySelectorAll(".xxgk-apply-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    summary.textContent = "";
    if (!errors.length) { summary.hidden = true; return; }
    summary.appendChild(element("p", "请修改以下 " + errors.length + " 处后再提交：", "xxgk-apply-summary-title"));
    var list = element("ul");
    errors.forEach(function (err) {
      var item = element("li");
      var target = err.field ? form.querySelector("[name='" + err.field + "']") : null;
      var note = err.field ? form.querySelector("#" + form.id + "-" + err.field + "-error") : null;
      if (note) { note.textContent = err.message; note.hidden = false; }
      if (target) {
        var box = target.type === "radio" ? target.closest("fieldset") : target;
        box.setAttribute("aria-invalid", "true");
        var name = labelOf(err.field);
        var link = element("a", (name && err.message.indexOf(name) < 0 ? name + "：" : "") + err.message);
        link.href = "#" + (target.id || box.id);
        link.addEventListener("click", function (e) { e.preventDefault(); target.focus(); });
        item.appendChild(link);
      } else {
        item.textContent = err.message;
      }
      list.appendChild(item);
    });
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  function failure(res) {
    if (res && res.body && res.body["问题"] && res.body["问题"].length) {
      return res.body["问题"].map(function (p) { return { field: p["栏目"] || "", message: p["说明"] }; });
    }
    var text = res && res.body && res.body["说明"];
    return [{ field: "", message: text || "提交没有成功，请稍后再试；也可以改用本页列出的其他方式。" }];
  }

  var OFFLINE = "网络连接中断，没有提交成功。请检查网络后再点一次提交（不会重复提交）；也可以改用本页列出的其他方式。";

  window.xxgkIntake = { nonce: nonce, tokenFor: tokenFor, send: send, showReceipt: showReceipt,
    showErrors: showErrors, failure: failure, OFFLINE: OFFLINE, printButtons: printButtons };

  /* ---- the 在线申请 form: checks from the schema ---- */

  function values(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SKIP[el.name] === 1 || el.matches(":disabled")) { return; }
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) { return; }
      var v = (el.value || "").trim();
      if (v) { data[el.name] = v; }  /* the hidden "website" field only when something filled it */
    });
    return data;
  }

  function length(text) { return Array.from(text).length; }

  function check(schema, data) {
    var props = schema.properties || {};
    var errors = {};
    function add(field, message) { if (!errors[field]) { errors[field] = message; } }
    function title(f, sub) { return (sub && sub.title) || (props[f] && props[f].title) || f; }
    function missing(f) { add(f, "请" + (props[f] && props[f].enum ? "选择" : "填写") + title(f)); }
    function apply(rules) {
      (rules.required || []).forEach(function (f) { if (!data[f]) { missing(f); } });
      Object.keys(rules.properties || {}).forEach(function (f) {
        var p = rules.properties[f];
        var v = data[f];
        if (!v) { return; }
        if (p.enum && p.enum.indexOf(v) < 0) { add(f, "请从列出的选项中选择" + title(f, p)); }
        if (p.maxLength && length(v) > p.maxLength) { add(f, title(f, p) + "不能超过 " + p.maxLength + " 个字"); }
        if (p.pattern && !new RegExp(p.pattern, "u").test(v)) {
          add(f, (title(f, p) + "的格式不对：" + (p.description || "")).replace(/：$/, ""));
        }
      });
    }
    apply(schema);
    (schema.allOf || []).forEach(function (rule) {
      var cond = rule["if"].properties;
      var met = Object.keys(cond).every(function (f) { return data[f] === cond[f].const; });
      if (met) { apply(rule.then); }
    });
    return Object.keys(errors).map(function (f) { return { field: f, message: errors[f] }; });
  }

  function toggle(form) {
    var data = values(form);
    form.querySelectorAll("fieldset[data-when]").forEach(function (set) {
      var parts = set.getAttribute("data-when").split("=");
      var on = data[parts[0]] === parts[1];
      set.hidden = !on;
      set.disabled = !on;  /* disabled fields are not sent */
    });
  }

  function setupApply(form) {
    var schema = JSON.parse(form.getAttribute("data-schema"));
    var summary = document.getElementById(form.id + "-summary");
    var offline = document.getElementById(form.id + "-offline");
    var receipt = document.getElementById(form.id + "-receipt");
    var button = form.querySelector("button[type=submit]");
    var labelOf = function (f) { return schema.properties[f] ? schema.properties[f].title : ""; };
    form.noValidate = true;
    form.setAttribute("data-nonce", nonce());
    var state = tokenFor(form, function () {
      offline.textContent = "暂时连不上在线申请服务。您可以稍后再试，或者改用本页下方列出的其他方式申请。";
      offline.hidden = false;
    });
    toggle(form);
    form.addEventListener("change", function () { toggle(form); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = values(form);
      var errors = check(schema, data);
      showErrors(form, summary, errors, labelOf);
      if (errors.length || button.disabled) { return; }
      button.disabled = true;
      button.textContent = "正在提交…";
      form.setAttribute("aria-busy", "true");
      send(form, state, data).then(function (res) {
        if (res.status === 201 || res.status === 200) {
          showReceipt(form, receipt, res.body, "已收到您的政府信息公开申请");
        } else {
          showErrors(form, summary, failure(res), labelOf);
        }
      }, function () {
        showErrors(form, summary, [{ field: "", message: OFFLINE }], labelOf);
      }).then(function () {
        button.disabled = false;
        button.textContent = "提交申请";
        form.removeAttribute("aria-busy");
      });
    });
  }

  function start() {
    printButtons(document);
    var form = document.getElementById("xxgk-apply");
    if (form && !form.hasAttribute("data-ready") && window.fetch) {
      form.setAttribute("data-ready", "1");
      setupApply(form);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
