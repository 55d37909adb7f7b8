"""An online application (在线申请): the form's fields, the record they become, its deadline.

The form follows 条例第二十九条: who applies (a person with name, ID and contact; an
organisation with name, credit code, contact person), the information wanted, the form and
way of getting it, and 用途 only where the registry asks (政策.依申请公开.在线申请填写用途).
A submission is checked twice before it is accepted — against ``application.schema.json``
(what the browser checked too) and, turned into the request record it will become, against
``request.schema.json`` and every rule ``xxgk check`` applies to a newly registered request.
The receipt's 收到日期 and 答复期限 are computed by that same record's derived state, so
``xxgk request show`` gives the same deadline once the office has taken it in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from xxgk.intake.fields import FieldError, FormSchema
from xxgk.io.schema import schema_for
from xxgk.model.registry import Registry
from xxgk.model.workdays import Result
from xxgk.requests.actions import Refused, build_request
from xxgk.requests.received import received_on
from xxgk.requests.service import Workspace

SCHEMA = "application.schema.json"
PERSON = "自然人"
ORGANISATION = "法人或者其他组织"
KIND = "政府信息公开申请"
# form field -> key of 申请人 in the record
_PERSON_KEYS = {
    "name": "姓名",
    "id_type": "证件类型",
    "id_number": "证件号码",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
}
_ORG_KEYS = {
    "org": "名称",
    "credit_code": "统一社会信用代码",
    "contact": "联系人",
    "phone": "联系电话",
    "email": "电子邮箱",
    "address": "通信地址",
}
_PERSON_ONLY = ("name", "id_type", "id_number")
_ORG_ONLY = ("org_kind", "org", "credit_code", "contact")
_RULE_FIELDS = {
    "REQ-UNIT": ("unit", "请从列表中选择受理机关"),
    "REQ-APPLICANT": ("", "请填写申请人的姓名或者名称"),
}


@dataclass
class Preview:
    fields: dict[str, Any] = field(default_factory=dict)  # of the request record
    received: Result | None = None
    deadline: Result | None = None
    errors: list[FieldError] = field(default_factory=list)


def asks_purpose(registry: Registry) -> bool:
    return registry.settings.requests.online_purpose


def form_schema(ws: Workspace) -> FormSchema:
    return FormSchema(schema_for(ws.root, SCHEMA).schema)


def normalise(data: dict[str, str], registry: Registry) -> dict[str, str]:
    """What the office keeps of a submission: the fields of the applicant's kind only (a page
    without script shows both), 用途 only when asked, codes in capitals."""
    out = dict(data)
    other = _ORG_ONLY if out.get("applicant_type") == PERSON else _PERSON_ONLY
    for key in (*other, *(() if asks_purpose(registry) else ("purpose",))):
        out.pop(key, None)
    for key in ("id_number", "credit_code"):
        if key in out:
            out[key] = out[key].upper()
    return out


def record_fields(data: dict[str, str], registry: Registry) -> dict[str, Any]:
    """The request record's fields (before 编号, 政策版本 and 收到日期) from a checked submission."""
    person = data.get("applicant_type") == PERSON
    keys = _PERSON_KEYS if person else _ORG_KEYS
    applicant = {"类型": PERSON if person else data.get("org_kind", "其他")}
    applicant |= {key: data[name] for name, key in keys.items() if data.get(name)}
    return {
        "渠道": "网络",
        "受理单位": data.get("unit") or registry.name,
        "申请人": applicant,
        "所需信息": data.get("info", ""),
        "用途": data.get("purpose"),
        "获取方式": f"{data.get('carrier', '')}，{data.get('delivery', '')}",
    }


def notes(registry: Registry) -> list[str]:
    """What the receipt says about the received day, the deadline and the applicant's data."""
    terms, cut = registry.settings.requests.current, registry.settings.requests.online_cutoff
    phone = registry.office.get("电话")
    days, extra = terms.reply_days, terms.extension_max
    return [
        f"收到日期按《中华人民共和国政府信息公开条例》第三十一条确定：工作日 {cut:%H:%M} 以前在线提交的，以当日为收到日期；"
        f"{cut:%H:%M} 以后以及周末、节假日提交的，以下一个工作日为收到日期。",
        f"能够当场答复的当场答复；不能当场答复的，自收到申请之日起 {days} 个工作日内答复。申请内容不明确、需要补正的，"
        "答复期限自收到补正之日起重新计算；征求第三方或者其他机关意见的时间不计算在内；需要延长答复期限的，"
        f"经批准可以延长，最长不超过 {extra} 个工作日，并书面告知您。",
        "请保存或打印本回执，凭受理编号向政务公开办公室查询办理情况"
        + (f"（电话 {phone}）。" if phone else "。"),
        "您填写的个人信息已加密保存，只用于办理本申请。",
    ]


def preview(
    ws: Workspace, schema: FormSchema, data: dict[str, str], moment: dt.datetime
) -> Preview:
    """Check ``data`` and work out the receipt, without writing anything."""
    data = normalise(data, ws.registry)
    out = Preview(errors=schema.errors(data))
    if out.errors:
        return out
    out.fields = record_fields(data, ws.registry)
    out.received = received_on(moment, ws.calendar, ws.registry.settings.requests.online_cutoff)
    day = out.received.date
    then = replace(ws, today=day)  # checked as of the day it is received
    try:
        record, _ = build_request(
            then,
            day.isoformat(),
            day.isoformat(),
            out.fields,
            None,
            number=f"YSQ-{day.year}-0000",
            seal=False,
        )
    except Refused as exc:
        out.errors = [
            FieldError(*_RULE_FIELDS.get(p.rule, ("", f"申请未能通过核对：{p.message}")))
            for p in exc.problems
        ]
        return out
    out.deadline = then.item(record).state.reply_due
    return out
