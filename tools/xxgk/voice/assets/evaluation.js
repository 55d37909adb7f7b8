/* 社会评议问卷：在线提交到在线申请服务（用 apply.js 的 window.xxgkIntake 取令牌、提交、显示回执），
   同时把答案写进预先填好的电子邮件链接；“打印纸质问卷”打印本页。 */
(function () {
  "use strict";

  var LABELS = { unit: "被评议单位", comments: "意见和建议" };

  function answers(form) {
    var unit = form.querySelector("#xxgk-eval-unit");
    var comments = form.querySelector("#xxgk-eval-comments");
    var result = { unit: unit ? unit.value : "", questions: [], comments: comments ? comments.value.trim() : "" };
    form.querySelectorAll("fieldset.xxgk-eval-q").forEach(function (set) {
      var picked = set.querySelector("input[type=radio]:checked");
      var legend = set.querySelector("legend");
      var code = set.getAttribute("data-code");
      result.questions.push({ code: code, label: legend ? legend.textContent : code, value: picked ? picked.value : "" });
    });
    return result;
  }

  function mailBody(a) {
    var lines = ["被评议单位：" + a.unit, ""];
    a.questions.forEach(function (q) { lines.push(q.label + "：" + (q.value || "（未填）")); });
    lines.push("", "意见和建议：", a.comments || "（无）");
    return lines.join("\n");
  }

  function subjectOf(form, a) {
    return form.getAttribute("data-subject") + (a.unit ? "：" + a.unit : "");
  }

  /* The same checks as the service (xxgk.intake.evaluation.answer_of). */
  function check(form, a) {
    var errors = [];
    if (!a.unit) { errors.push({ field: "unit", message: "请选择被评议单位" }); }
    if (!a.questions.some(function (q) { return q.value; })) {
      errors.push({ field: "", message: "请至少回答一道评议题目" });
    }
    var max = Number(form.querySelector("#xxgk-eval-comments").getAttribute("maxlength"));
    if (max && Array.from(a.comments).length > max) {
      errors.push({ field: "comments", message: "意见和建议不能超过 " + max + " 字" });
    }
    return errors;
  }

  function payload(form, a) {
    var data = { unit: a.unit };
    a.questions.forEach(function (q) { if (q.value) { data[q.code] = q.value; } });
    if (a.comments) { data.comments = a.comments; }
    var trap = form.querySelector("[name=website]");
    if (trap && trap.value) { data.website = trap.value; }
    return data;
  }

  function setupOnline(form, lib) {
    var summary = document.getElementById("xxgk-eval-summary");
    var offline = document.getElementById("xxgk-eval-offline");
    var receipt = document.getElementById("xxgk-eval-receipt");
    var button = document.getElementById("xxgk-eval-submit");
    var labelOf = function (f) { return LABELS[f] || ""; };
    form.noValidate = true;
    form.setAttribute("data-nonce", lib.nonce());
    var state = lib.tokenFor(form, function () {
      offline.textContent = "暂时连不上在线评议服务。您可以稍后再试，或者用电子邮件发送、打印后交回。";
      offline.hidden = false;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = answers(form);
      var errors = check(form, a);
      lib.showErrors(form, summary, errors, labelOf);
      if (errors.length || button.disabled) { return; }
      button.disabled = true;
      button.textContent = "正在提交…";
      lib.send(form, state, payload(form, a)).then(function (res) {
        if (res.status === 201 || res.status === 200) {
          lib.showReceipt(form, receipt, res.body, "已收到您的评议");
        } else {
          lib.showErrors(form, summary, lib.failure(res), labelOf);
        }
      }, function () {
        lib.showErrors(form, summary, [{ field: "", message: lib.OFFLINE }], labelOf);
      }).then(function () {
        button.disabled = false;
        button.textContent = "在线提交";
      });
    });
  }

  function setup(form) {
    var mail = document.getElementById("xxgk-eval-mail");
    var printer = document.getElementById("xxgk-eval-print");

    function update() {
      var a = answers(form);
      if (mail) {
        mail.href = "mailto:" + form.getAttribute("data-mail") + "?subject=" + encodeURIComponent(subjectOf(form, a)) +
          "&body=" + encodeURIComponent(mailBody(a));
      }
    }

    form.addEventListener("change", update);
    form.addEventListener("input", update);
    if (printer) { printer.addEventListener("click", function () { window.print(); }); }
    if (window.xxgkIntake && window.fetch) {
      setupOnline(form, window.xxgkIntake);
    }
    update();
  }

  function start() {
    var form = document.getElementById("xxgk-eval");
    if (form && !form.hasAttribute("data-ready")) {
      form.setAttribute("data-ready", "1");
      setup(form);
    }
  }

  /* Material's instant navigation swaps pages without a reload: listen to its document$ too.
     Started after the document is parsed, so apply.js (listed after this file) has run. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
