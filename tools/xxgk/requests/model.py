"""A request record as plain values: the file's Chinese keys, read as text, typed lightly.

Nothing here decides anything; ``state`` derives status and deadlines, ``validate`` judges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from xxgk.model.dates import parse_date

# Event kinds (类型) in the order a request usually goes through them.
REGISTER = "登记"
AMEND_NOTICE = "补正告知"
AMEND_RECEIVED = "补正收到"
CONSULT = "征求意见"
CONSULT_REPLY = "征求意见答复"
EXTEND = "延期"
FEE_NOTICE = "收费通知"
FEE_PAID = "缴费"
REPLY = "答复"
PROVIDE = "提供"
CORRECTION = "更正申请"
PROOF = "查阅证明"
KINDS = (
    REGISTER,
    AMEND_NOTICE,
    AMEND_RECEIVED,
    CONSULT,
    CONSULT_REPLY,
    EXTEND,
    FEE_NOTICE,
    FEE_PAID,
    REPLY,
    PROVIDE,
    CORRECTION,
    PROOF,
)

CHANNELS = ("当面", "信函", "电报", "传真", "电子邮件", "网络", "口头")
APPLICANT_TYPES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
# Fields of a record that identify or reach a person: never published, never logged.
PERSONAL_FIELDS = ("姓名", "证件类型", "证件号码", "联系电话", "电子邮箱", "通信地址", "联系人")
YES = ("是", "true", "True")
ARMOR_BEGIN = (
    "-----BEGIN AGE ENCRYPTED FILE-----"  # a personal field sealed to the office (sealed.py)
)


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip().startswith(ARMOR_BEGIN)


@dataclass(frozen=True)
class Event:
    index: int  # position in the log (0-based): events[index]
    kind: str
    date: dt.date | None
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        value = self.data.get(key)
        return value.strip() if isinstance(value, str) else value

    def int(self, key: str) -> int | None:
        value = self.get(key)
        return int(value) if isinstance(value, str) and value.isdigit() else None


@dataclass(frozen=True)
class Request:
    number: str
    received: dt.date | None
    channel: str
    unit: str
    applicant_type: str
    policy_version: str
    events: tuple[Event, ...]
    data: dict[str, Any] = field(default_factory=dict)

    def first(self, kind: str) -> Event | None:
        return next((e for e in self.events if e.kind == kind), None)

    def all(self, kind: str) -> list[Event]:
        return [e for e in self.events if e.kind == kind]

    @property
    def applicant_name(self) -> str:
        person = self.data.get("申请人") or {}
        return str(person.get("姓名") or person.get("名称") or "")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def event_of(index: int, raw: Any) -> Event:
    data = raw if isinstance(raw, dict) else {}
    return Event(index, _text(data.get("类型")), parse_date(data.get("日期")), data)


def request_of(data: dict[str, Any]) -> Request:
    """Build from loaded YAML (text values); tolerant: the checker reports what is missing."""
    found = data.get("申请人")
    applicant: dict[str, Any] = found if isinstance(found, dict) else {}
    listed = data.get("事件")
    raw_events: list[Any] = listed if isinstance(listed, list) else []
    return Request(
        number=_text(data.get("编号")),
        received=parse_date(data.get("收到日期")),
        channel=_text(data.get("渠道")),
        unit=_text(data.get("受理单位")),
        applicant_type=_text(applicant.get("类型")),
        policy_version=_text(data.get("政策版本")),
        events=tuple(event_of(i, e) for i, e in enumerate(raw_events)),
        data=data,
    )
