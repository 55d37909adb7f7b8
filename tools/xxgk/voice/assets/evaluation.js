/* 社会评议问卷：把答案组成预先填好的电子邮件和议题表单链接（不经过任何服务器）。 */
(function () {
  "use strict";

  function setup(form) {
    var mail = document.getElementById("xxgk-eval-mail");
    var issue = document.getElementById("xxgk-eval-issue");
    var printer = document.getElementById("xxgk-eval-print");

    function answers() {
      var unit = form.querySelector("#xxgk-eval-unit");
      var comments = form.querySelector("#xxgk-eval-comments");
      var result = { unit: unit ? unit.value : "", questions: [], comments: comments ? comments.value.trim() : "" };
      form.querySelectorAll("fieldset.xxgk-eval-q").forEach(function (set) {
        var code = set.getAttribute("data-code");
        var picked = set.querySelector("input[type=radio]:checked");
        var legend = set.querySelector("legend");
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

    function issueLink(base, a) {
      var params = [["title", subjectOf(a)]];
      if (a.unit) { params.push(["unit", a.unit]); }
      a.questions.forEach(function (q) { if (q.value) { params.push([q.code, q.value]); } });
      if (a.comments) { params.push(["comments", a.comments]); }
      var query = params.map(function (p) { return encodeURIComponent(p[0]) + "=" + encodeURIComponent(p[1]); }).join("&");
      return base + (base.indexOf("?") >= 0 ? "&" : "?") + query;
    }

    function subjectOf(a) {
      return form.getAttribute("data-subject") + (a.unit ? "：" + a.unit : "");
    }

    function update() {
      var a = answers();
      var subject = subjectOf(a);
      if (mail) {
        mail.href = "mailto:" + form.getAttribute("data-mail") + "?subject=" + encodeURIComponent(subject) +
          "&body=" + encodeURIComponent(mailBody(a));
      }
      if (issue) { issue.href = issueLink(form.getAttribute("data-issue"), a); }
    }

    form.addEventListener("change", update);
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (printer) { printer.addEventListener("click", function () { window.print(); }); }
    update();
  }

  function start() {
    var form = document.getElementById("xxgk-eval");
    if (form && !form.hasAttribute("data-ready")) {
      form.setAttribute("data-ready", "1");
      setup(form);
    }
  }

  /* Material's instant navigation swaps pages without a reload: listen to its document$ too. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
