"""The 评议 questionnaire page (附件7 第三条(一)、第四条): one form, three ways out.

No server of ours receives anything. The page's script (``assets/evaluation.js``) turns
the answers into a prefilled ``mailto:`` link to the disclosure office and a prefilled
link to the forge's issue form (field ids = question codes); printing the page gives a
paper questionnaire (``assets/evaluation.css``). Without script the e-mail link still
opens a message with the questions to fill in.

The form is one raw-HTML block without blank lines, so Markdown leaves it alone.
"""

from __future__ import annotations

from urllib.parse import quote

from xxgk.model.registry import Registry
from xxgk.voice.markdown import attr, inline
from xxgk.voice.policy import VoicePolicy, unit_names

NUMERALS = "一二三四五六七八九十"
SUBJECT = "政府信息公开社会评议"
MAX_COMMENT = 800  # keeps the mailto: and issue links within what clients accept


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
    issue = str(registry.site.get("评议议题地址", ""))
    parts = [(f'<form class="xxgk-eval" id="xxgk-eval" data-mail="{attr(mail)}" '
             f'data-issue="{attr(issue)}" data-subject="{attr(SUBJECT)}">')]
    parts += _unit_field(registry)
    for i, q in enumerate(policy.questions):
        parts += _question(i, q.code, q.text, policy.options)
    parts += [
        '<fieldset class="xxgk-eval-comments"><legend>意见和建议</legend>',
        f'<label for="xxgk-eval-comments">对政府信息公开工作的批评、建议（不超过 {MAX_COMMENT} 字）</label>',
        f'<textarea id="xxgk-eval-comments" name="comments" rows="6" maxlength="{MAX_COMMENT}"></textarea>',
        '<div class="xxgk-eval-lines" aria-hidden="true"></div>',
        "</fieldset>",
        '<p class="xxgk-eval-paper">填写日期：＿＿＿＿年＿＿月＿＿日　　联系方式（自愿填写）：＿＿＿＿＿＿＿＿</p>',
        _actions(mail, issue, policy),
        "</form>",
    ]
    return "\n".join(parts)


def _unit_field(registry: Registry) -> list[str]:
    options = '<option value="">（请选择）</option>' + "".join(
        f'<option value="{attr(n)}">{inline(n)}</option>' for n in unit_names(registry))
    return [
        '<fieldset class="xxgk-eval-unit"><legend>被评议单位</legend>',
        '<label for="xxgk-eval-unit">请选择要评议的镇或部门（附件7 第二条）</label>',
        f'<select id="xxgk-eval-unit" name="unit">{options}</select>',
        '<p class="xxgk-eval-paper">被评议单位：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p>',
        "</fieldset>",
    ]


def _question(i: int, code: str, text: str, options: tuple[str, ...]) -> list[str]:
    boxes = "".join(
        f'<label class="xxgk-eval-option"><input type="radio" name="{attr(code)}" '
        f'value="{attr(o)}"> {inline(o)}</label>' for o in options)
    return [(f'<fieldset class="xxgk-eval-q" data-code="{attr(code)}">'
            f"<legend>{inline(label(i, text))}</legend>{boxes}</fieldset>")]


def _actions(mail: str, issue: str, policy: VoicePolicy) -> str:
    links = []
    if mail:
        links.append(f'<a class="md-button md-button--primary" id="xxgk-eval-mail" '
                     f'href="{attr(mailto(mail, blank_mail_body(policy)))}">用电子邮件发送</a>')
    if issue:
        links.append(f'<a class="md-button" id="xxgk-eval-issue" href="{attr(issue)}" '
                     'rel="noopener">在议题表单中提交</a>')
    links.append('<button type="button" class="md-button" id="xxgk-eval-print">打印纸质问卷</button>')
    return '<p class="xxgk-eval-actions">' + " ".join(links) + "</p>"


def page(registry: Registry, policy: VoicePolicy, years: list[int]) -> str:
    """The whole Markdown page; ``years`` have a published results page beside it."""
    office = registry.office
    where = "、".join(str(office[k]) for k in ("名称", "地址") if office.get(k))
    online = (f"根据本旗政府信息公开社会评议制度，欢迎社会各界对各镇、各部门的政府信息公开工作进行评议。"
              f"填写后可用电子邮件发送，或在议题表单中提交（议题公开可见，请勿填写个人信息）；"
              f"也可以打印本页，填写后交到{where}。")
    paper = f"请在所选答案前的方框内打“√”，填写后交到{where}。"
    # attr_list classes: the screen text and the results list are left off the printed sheet
    lines = [f"# {SUBJECT}", "", inline(online) + "\n{: .xxgk-eval-screen }", "",
             inline(paper) + "\n{: .xxgk-eval-paper }", "", form_html(registry, policy), ""]
    if years:
        lines += ["## 历年评议结果 { .xxgk-eval-screen }", ""]
        lines += [f"- [{year}年政府信息公开社会评议结果]({year}/index.md)" for year in years]
    return "\n".join(lines) + "\n"
