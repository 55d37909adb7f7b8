"""The 在线申请 page of the site, written from the registry and ``application.schema.json``.

Labels, hints, choices, lengths and which fields are required come from the schema; the
schema itself rides along in ``data-schema`` so that the page's script (``apply.js``) checks
a form with the very rules the service checks it with. Without script the browser's own
checks (``required``, ``maxlength``) and the service's confirmation page do the work.

The form has no ``action``: the site refuses that attribute on generated pages, so the form
posts to its own address (``apply/``), which the web server hands to the intake service.
The page is one raw-HTML block without blank lines, so Markdown leaves it alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from xxgk.intake.application import ORGANISATION, PERSON, SCHEMA, asks_purpose
from xxgk.io.schema import schema_for
from xxgk.model.registry import Registry

PAGE = "apply/index.md"
_GROUPS = (  # (legend, fields, shown only when …)
    ("申请人", ("applicant_type",), ""),
    ("申请人信息（公民）", ("name", "id_type", "id_number"), f"applicant_type={PERSON}"),
    (
        "申请人信息（法人或者其他组织）",
        ("org_kind", "org", "credit_code", "contact"),
        f"applicant_type={ORGANISATION}",
    ),
    ("联系方式", ("phone", "email", "address"), ""),
    ("所需政府信息", ("unit", "info", "purpose"), ""),
    ("获取信息的方式", ("carrier", "delivery"), ""),
)
_INPUT = {
    "phone": ("tel", "tel", "tel"),
    "email": ("email", "email", "email"),
    "name": ("text", "name", ""),
    "address": ("text", "street-address", ""),
    "org": ("text", "organization", ""),
    "id_number": ("text", "off", ""),
    "credit_code": ("text", "off", ""),
}
_RADIOS = ("applicant_type", "carrier", "delivery")
_CHOICE_TEXT = {PERSON: "公民（自然人）", ORGANISATION: "法人或者其他组织"}
PRIVACY = (
    "您填写的个人信息加密后保存，只有本机关政务公开办公室能够读取，仅用于办理本申请；"
    "提交后页面给出受理编号和答复期限，请保存或打印。"
)


@dataclass
class Field:
    name: str
    title: str
    hint: str = ""
    required: bool = False  # shown as 必填 (required in its group)
    html_required: bool = False  # the browser may enforce it without script
    choices: list[tuple[str, str]] = field(default_factory=list)
    default: str = ""
    radio: bool = False
    multiline: bool = False
    max: int = 0
    type: str = "text"
    autocomplete: str = ""
    inputmode: str = ""

    @property
    def id(self) -> str:
        return f"xxgk-apply-{self.name}"


def _required_when(schema: dict[str, Any]) -> dict[str, set[str]]:
    """Condition ("applicant_type=自然人") -> fields it makes required."""
    found: dict[str, set[str]] = {}
    for rule in schema.get("allOf", []):
        ((name, cond),) = rule["if"]["properties"].items()
        found.setdefault(f"{name}={cond['const']}", set()).update(rule["then"].get("required", []))
    return found


def fields_of(
    schema: dict[str, Any], registry: Registry, when: str, names: tuple[str, ...]
) -> list[Field]:
    props, top = schema["properties"], set(schema.get("required", []))
    conditional = _required_when(schema).get(when, set())
    out = []
    for name in names:
        if name == "purpose" and not asks_purpose(registry):
            continue
        p = props[name]
        kind, auto, mode = _INPUT.get(name, ("text", "", ""))
        f = Field(
            name,
            p["title"],
            p.get("description", ""),
            name in top or name in conditional,
            name in top,
            max=p.get("maxLength", 0),
            type=kind,
            autocomplete=auto,
            inputmode=mode,
            radio=name in _RADIOS,
            multiline=p.get("maxLength", 0) > 200,
        )
        if "enum" in p:
            f.choices = [(v, _CHOICE_TEXT.get(v, v)) for v in p["enum"]]
        if name == "applicant_type":
            f.default = PERSON  # most applicants are people; the organisation's fields appear on choosing it
        if name == "unit":
            f.choices = [(u.name, u.name) for u in registry.units]
            f.default = registry.name
        out.append(f)
    return out


def form_html(root: Path, registry: Registry) -> str:
    schema = schema_for(root, SCHEMA).schema
    groups = [
        {"title": title, "when": when, "fields": fields_of(schema, registry, when, names)}
        for title, names, when in _GROUPS
    ]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("apply_form.html").render(
        groups=groups,
        schema=json.dumps(schema, ensure_ascii=False, separators=(",", ":")),
        privacy=PRIVACY,
    )
    return "\n".join(line.strip() for line in html.split("\n") if line.strip())


def page_markdown(root: Path, registry: Registry) -> str:
    office = registry.office
    cut = registry.settings.requests.online_cutoff.strftime("%H:%M")
    where = "、".join(str(office[k]) for k in ("名称", "地址") if office.get(k))
    other = "；".join(
        part
        for part in (
            f"信函寄至{where}" if where else "",
            f"传真 {office['传真']}" if office.get("传真") else "",
            f"电子邮件发至 {office['电子邮箱']}" if office.get("电子邮箱") else "",
        )
        if part
    )
    lines = [
        "---",
        "title: 在线申请政府信息公开",
        "hide:",
        "  - navigation",
        "---",
        "",
        "# 在线申请政府信息公开",
        "",
        (
            f"公民、法人或者其他组织可以在本页向{registry.name}及所属各单位申请获取政府信息（《中华人民共和国"
            "政府信息公开条例》第二十七条、第二十九条）。已经主动公开的信息，请先在“[法定主动公开内容](../catalog/index.md)”"
            "和“[信息检索](../search/index.md)”中查找。"
        ),
        "",
        (
            f"提交后页面立即给出受理编号。工作日 {cut} 以前提交的，以当日为收到日期；此后以及周末、节假日提交的，"
            f"以下一个工作日为收到日期。自收到申请之日起 {registry.settings.requests.current.reply_days} 个工作日内答复。"
            "办理程序见“[政府信息公开指南](../guide/index.md#apply)”。"
        ),
        "",
        form_html(root, registry),
        "",
        "## 其他申请方式",
        "",
        f"不便在线申请的，也可以{other}，或者到政务公开办公室当面提交（{office.get('办公时间', '')}）。"
        if other
        else "也可以到政务公开办公室当面提交。",
        "",
    ]
    return "\n".join(lines)
