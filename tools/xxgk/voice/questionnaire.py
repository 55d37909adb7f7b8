"""The 评议 questionnaire page (附件7 第三条(一)、第四条): one form, three ways out.

* **在线提交** to the office's intake service (``xxgk.intake``): the page's script
  (``assets/evaluation.js``) posts the answers as JSON to ``../api/evaluations`` and shows
  the receipt; without script the form posts to its own address (the site refuses an
  ``action`` attribute on generated pages), which the web server hands to the service, and
  the service answers with a confirmation page and then the receipt.
* **电子邮件**: the script keeps a prefilled ``mailto:`` link up to date; without script it
  opens a message with the questions to fill in.
* **打印**: printing the page gives a paper questionnaire (``assets/evaluation.css``).

Field names are the question codes, ``unit`` and ``comments`` (as ``xxgk.intake.evaluation``
reads them); ``website`` is the honeypot, ``token`` and ``nonce`` are set by the script or
the confirmation page. The form is one raw-HTML block without blank lines, so Markdown leaves
it alone.
"""

from __future__ import annotations

from urllib.parse import quote

from xxgk.model.registry import Registry
from xxgk.voice.markdown import attr, inline
from xxgk.voice.policy import VoicePolicy, unit_names

NUMERALS = "一二三四五六七八九十"
SUBJECT = "政府信息公开社会评议"
MAX_COMMENT = 800  # keeps the mailto: link within what mail clients accept


def label(i: int, text: str) -> str:
    return f"{NUMERALS[i] if i < len(NUMERALS) else i + 1}、{text}"


def blank_mail_body(policy: VoicePolicy) -> str:
    """The message the e-mail link opens with when the script does not run."""
    lines = ["被评议单位：", ""]
    choices = "／".join(policy.options)
    lines += [f"{label(i, q.text)}：（{choices}）" for i, q in enumerate(policy.questions)]
    return "\n".join(lines + ["", "意见和建议：", ""])


def mailto(address: str, body: str) -> str:
    return f"mailto:{address}?subject={quote(SUBJECT)}&body={quote(body)}"


def form_html(registry: Registry, policy: VoicePolicy) -> str:
    office = registry.office
    mail = str(office.get("电子邮箱", ""))
    parts = [
        (
            f'<form class="xxgk-eval" id="xxgk-eval" method="post" data-mail="{attr(mail)}" '
            f'data-subject="{attr(SUBJECT)}" data-api="../api/evaluations" data-token-url="../api/token">'
        ),
        '<div class="xxgk-apply-summary" id="xxgk-eval-summary" role="alert" tabindex="-1" hidden></div>',
        '<p class="xxgk-apply-offline" id="xxgk-eval-offline" role="status" hidden></p>',
    ]
    parts += _unit_field(registry)
    for i, q in enumerate(policy.questions):
        parts += _question(i, q.code, q.text, policy.options)
    parts += [
        '<fieldset class="xxgk-eval-comments"><legend>意见和建议</legend>',
        f'<label for="xxgk-eval-comments">对政府信息公开工作的批评、建议（不超过 {MAX_COMMENT} 字）</label>',
        f'<textarea id="xxgk-eval-comments" name="comments" rows="6" maxlength="{MAX_COMMENT}" '
        'aria-describedby="xxgk-eval-comments-error"></textarea>',
        _error("comments"),
        '<div class="xxgk-eval-lines" aria-hidden="true"></div>',
        "</fieldset>",
        '<p class="xxgk-eval-paper">填写日期：＿＿＿＿年＿＿月＿＿日　　联系方式（自愿填写）：＿＿＿＿＿＿＿＿</p>',
        (
            '<div class="xxgk-hp" aria-hidden="true"><label for="xxgk-eval-website">网址</label>'
            '<input type="text" id="xxgk-eval-website" name="website" tabindex="-1" autocomplete="off"></div>'
        ),
        '<input type="hidden" name="token" value="">',
        '<input type="hidden" name="nonce" value="">',
        _actions(mail, policy),
        "</form>",
        '<section class="xxgk-receipt" id="xxgk-eval-receipt" tabindex="-1" hidden></section>',
    ]
    return "\n".join(parts)


def _error(name: str) -> str:
    return f'<p class="xxgk-apply-error" id="xxgk-eval-{attr(name)}-error" hidden></p>'


def _unit_field(registry: Registry) -> list[str]:
    options = '<option value="">（请选择）</option>' + "".join(
        f'<option value="{attr(n)}">{inline(n)}</option>' for n in unit_names(registry)
    )
    return [
        '<fieldset class="xxgk-eval-unit"><legend>被评议单位</legend>',
        '<label for="xxgk-eval-unit">请选择要评议的镇或部门（附件7 第二条）</label>',
        f'<select id="xxgk-eval-unit" name="unit" required aria-describedby="xxgk-eval-unit-error">{options}</select>',
        _error("unit"),
        '<p class="xxgk-eval-paper">被评议单位：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p>',
        "</fieldset>",
    ]


def _question(i: int, code: str, text: str, options: tuple[str, ...]) -> list[str]:
    boxes = "".join(
        f'<label class="xxgk-eval-option"><input type="radio" name="{attr(code)}" '
        f'value="{attr(o)}"> {inline(o)}</label>'
        for o in options
    )
    return [
        (
            f'<fieldset class="xxgk-eval-q" id="xxgk-eval-{attr(code)}" data-code="{attr(code)}" '
            f'aria-describedby="xxgk-eval-{attr(code)}-error">'
            f"<legend>{inline(label(i, text))}</legend>{boxes}{_error(code)}</fieldset>"
        )
    ]


def _actions(mail: str, policy: VoicePolicy) -> str:
    links = [
        '<button type="submit" class="md-button md-button--primary" id="xxgk-eval-submit">在线提交</button>'
    ]
    if mail:
        links.append(
            f'<a class="md-button" id="xxgk-eval-mail" '
            f'href="{attr(mailto(mail, blank_mail_body(policy)))}">用电子邮件发送</a>'
        )
    links.append(
        '<button type="button" class="md-button" id="xxgk-eval-print">打印纸质问卷</button>'
    )
    return '<p class="xxgk-eval-actions">' + " ".join(links) + "</p>"


def page(registry: Registry, policy: VoicePolicy, years: list[int]) -> str:
    """The whole Markdown page; ``years`` have a published results page beside it."""
    office = registry.office
    where = "、".join(str(office[k]) for k in ("名称", "地址") if office.get(k))
    online = (
        f"根据本旗政府信息公开社会评议制度，欢迎社会各界对各镇、各部门的政府信息公开工作进行评议。"
        f"填写后可以在线提交，提交后页面给出受理编号；也可以用电子邮件发送，"
        f"或者打印本页，填写后交到{where}。问卷不需要填写姓名等个人信息。"
    )
    paper = f"请在所选答案前的方框内打“√”，填写后交到{where}。"
    # attr_list classes: the screen text and the results list are left off the printed sheet
    lines = [
        f"# {SUBJECT}",
        "",
        inline(online) + "\n{: .xxgk-eval-screen }",
        "",
        inline(paper) + "\n{: .xxgk-eval-paper }",
        "",
        form_html(registry, policy),
        "",
    ]
    if years:
        lines += ["## 历年评议结果 { .xxgk-eval-screen }", ""]
        lines += [f"- [{year}年政府信息公开社会评议结果]({year}/index.md)" for year in years]
    return "\n".join(lines) + "\n"
