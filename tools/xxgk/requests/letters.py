"""Letters to the applicant, rendered from the repository's templates (templates/letters/).

补正告知书 (条例第三十条), 延期答复告知书 (附件2 第四条), one 答复书 per national outcome, and
the 查阅证明 an applicant may ask for (附件2 第八条).
Templates are Markdown with Jinja2 placeholders; a site may edit them. HTML output is the
Markdown turned into a printable A4 page (values escaped: applicants' text is not markup).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2
import markdown
import nh3
from markupsafe import escape

from xxgk.io.registry import load_registry
from xxgk.model.registry import Registry
from xxgk.model.workdays import WorkCalendar
from xxgk.requests import model as m
from xxgk.requests.outcomes import GIVES_INFORMATION, legal_basis, outcome
from xxgk.requests.policy import Policy
from xxgk.requests.state import State
from xxgk.requests.store import RecordError
from xxgk.trust.decision import load_basis
from xxgk.trust.index import cached_index
from xxgk.trust.releases import release_reasons

TEMPLATE_DIR = "templates/letters"
AMEND, EXTEND, REPLY, PROOF = "补正告知书", "延期答复告知书", "答复书", "查阅证明"
KINDS = (AMEND, EXTEND, REPLY, PROOF)
_EVENT_OF = {AMEND: m.AMEND_NOTICE, EXTEND: m.EXTEND, REPLY: m.REPLY, PROOF: m.PROOF}


def cn_date(value: dt.date | str | None) -> str:
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def template_name(kind: str, event: m.Event) -> str:
    return f"答复书-{event.get('结果')}.md.j2" if kind == REPLY else f"{kind}.md.j2"


def review_body(registry: Registry, unit: str) -> str:
    table = registry.settings.requests.review_bodies
    return str(table.get(unit) or table.get("默认") or "上一级行政机关")


def context(
    req: m.Request, state: State, registry: Registry, policy: Policy, cal: WorkCalendar, kind: str
) -> dict[str, Any]:
    event = req.first(_EVENT_OF[kind])
    if event is None or event.date is None:
        raise RecordError(f"{req.number} 没有“{_EVENT_OF[kind]}”事件，不能生成{kind}")
    person = req.data.get("申请人") or {}
    ctx: dict[str, Any] = {
        "机关": req.unit,
        "编号": req.number,
        "申请人": req.applicant_name,
        "申请人类型": req.applicant_type,
        "通信地址": person.get("通信地址") or "",
        "收到日期": cn_date(req.received),
        "所需信息": req.data.get("所需信息") or "",
        "日期": cn_date(event.date),
        "事件": defaultdict(str, event.data),
        "政策": policy,
        "工作机构": registry.office,
        "复议机关": review_body(registry, req.unit),
    }
    if kind == EXTEND:
        before = sum(e.int("天数") or 0 for e in req.all(m.EXTEND) if e.index < event.index)
        start = state.start or req.received
        assert start is not None
        ctx["原期限"] = cn_date(
            cal.add(start, policy.reply_days + before, skip=state.paused, provisional=True).date
        )
        ctx["新期限"] = cn_date(
            cal.add(
                start,
                policy.reply_days + before + (event.int("天数") or 0),
                skip=state.paused,
                provisional=True,
            ).date
        )
    if kind == REPLY:
        found = outcome(event.get("结果"))
        ctx["结果"] = found.name if found else ""
        ctx["情形"] = event.get("情形") or ""
        ctx["依据"] = legal_basis(ctx["结果"], ctx["情形"], event.get("依据"))
        ctx["提供期限"] = cn_date(cal.add(event.date, policy.provide_days, provisional=True).date)
    if kind == AMEND:
        ctx["补正期限"] = event.get("补正期限") or "15"
    return ctx


def release_missing(root: Path, number: str, unit: str) -> list[str]:
    """What a reply releasing information still lacks (附件4 第七条（三）、第十四条)."""
    basis = load_basis(root, load_registry(root))
    return release_reasons(root, number, unit, cached_index(root, basis.trust), basis)


def render(root: Path, kind: str, ctx: dict[str, Any], fmt: str = "md") -> str:
    """The letter; a 答复书 that releases information only after its review and sign-off."""
    if kind == REPLY and ctx.get("结果") in GIVES_INFORMATION:
        missing = release_missing(root, str(ctx["编号"]), str(ctx["机关"]))
        if missing:
            raise RecordError(
                f"{ctx['编号']} 的答复书（{ctx['结果']}）暂不能生成：" + "；".join(missing)
            )
    folder = root / TEMPLATE_DIR
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_inert if fmt == "html" else None,
    )
    env.filters["cn_date"] = cn_date
    name = template_name(kind, _event_stub(ctx))
    try:
        text = env.get_template(name).render(**ctx)
    except jinja2.TemplateNotFound as exc:
        raise RecordError(f"找不到信函模板 {TEMPLATE_DIR}/{name}") from exc
    except jinja2.TemplateError as exc:
        raise RecordError(f"信函模板 {TEMPLATE_DIR}/{name} 有错误：{exc}") from exc
    return text if fmt == "md" else page(text, f"{kind}（{ctx['编号']}）")


def _event_stub(ctx: dict[str, Any]) -> m.Event:
    return m.Event(0, "", None, ctx["事件"])


_CSS = """@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋", "FangSong_GB2312", serif; font-size: 16pt; line-height: 28pt; }
h1 { font-family: "SimSun", "宋体", serif; font-size: 22pt; text-align: center; font-weight: normal; }
p { text-indent: 2em; margin: 0; } p.right { text-align: right; } p.noindent { text-indent: 0; }"""


# Characters by which a value (a citizen's 所需信息, a name) would become Markdown syntax in
# the letter: a link ``[x](javascript:…)``, attributes ``{: onclick=…}``, emphasis, a heading.
_MARKDOWN = str.maketrans({c: f"&#{ord(c)};" for c in "[]{}()*_`\\#!|<>&\"'"})


def _inert(value: Any) -> Any:
    """A value put into the HTML letter as text: HTML- and Markdown-inert."""
    return value.translate(_MARKDOWN) if isinstance(value, str) else value


# What the letter templates produce; anything else (from a value or an edited template) is removed.
_LETTER_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "br",
    "em",
    "strong",
    "ol",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
_LETTER_ATTRS = {tag: {"class"} for tag in _LETTER_TAGS}


def page(md_text: str, title: str) -> str:
    body = nh3.clean(
        markdown.markdown(md_text, extensions=["attr_list"]),
        tags=_LETTER_TAGS,
        attributes=_LETTER_ATTRS,
        url_schemes=set(),
        link_rel=None,
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
