"""The 政策 section of xxgk.yml as one typed, frozen value (``Registry.settings``).

Every default lives in ``schemas/registry.schema.json`` (its ``default`` keywords); the
registry reader fills them in before this module sees the section, so nothing here knows a
default value: a key missing at this point is a bug of the schema, and the test of the
schema's defaults (tests/foundation/test_policy.py) says which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class RequestTerms:
    """One version of the 依申请公开 deadlines (working days), as a request record names it."""

    version: str  # 版本
    reply_days: int  # 答复期限, 附件2 第二条
    extension_max: int  # 延期上限, 附件2 第四条
    provide_days: int  # 提供期限, 附件2 第二条
    amend_notice_days: int  # 补正告知期限, 条例第三十条
    consult_days: int  # 征求意见期限, 条例第三十二条
    fee_enabled: bool  # 收取信息处理费, 条例第四十二条、国办函〔2020〕109号


@dataclass(frozen=True)
class RequestPolicy:
    """政策.依申请公开: the current terms, older versions, and the online form's settings."""

    current: RequestTerms
    history: tuple[RequestTerms, ...]  # 历史版本: each states what differed from the current
    online_cutoff: dt.time  # 在线申请当日截止 (Beijing time), 条例第三十一条
    online_purpose: bool  # 在线申请填写用途, 条例第二十九条
    review_bodies: Mapping[str, str]  # 行政复议机关: unit (or 默认) -> 复议机关

    def versions(self) -> dict[str, RequestTerms]:
        """Every known version by name; the current one wins over a history entry of its name."""
        found = {self.current.version: self.current}
        for item in self.history:
            found.setdefault(item.version, item)
        return found


@dataclass(frozen=True)
class Question:
    code: str  # q1 … (field id of the issue form, key in records)
    text: str


@dataclass(frozen=True)
class EvaluationPolicy:
    """政策.社会评议 (附件7): the questionnaire and the default 整改 period."""

    questions: tuple[Question, ...]
    options: tuple[str, ...]
    satisfied: tuple[str, ...]  # the options counted as satisfied
    rectify_days: int  # calendar days


@dataclass(frozen=True)
class OpinionPolicy:
    """政策.舆情回应 (附件8): hours to respond by risk level and action."""

    basis: str
    limits: Mapping[str, Mapping[str, int]]  # level -> {action: hours}


@dataclass(frozen=True)
class Settings:
    requests: RequestPolicy
    rereview_months: int  # 保密审查复查周期月数, 附件4 第十五条
    guide_months: int  # 指南更新周期月数, 附件3 第五条(二)
    silent_unit_months: int  # 单位无更新提示月数, 附件3 第五条(二)
    complaint_days: int  # 举报投诉答复期限 (working days), 附件3 第五条(六)
    training_hours: Decimal  # 每年培训最少学时, 附件5 第七条
    evaluation: EvaluationPolicy
    opinion: OpinionPolicy


def settings_of(section: Mapping[str, Any]) -> Settings:
    """Build from a 政策 section that passed its schema with the schema's defaults filled in."""
    return Settings(
        requests=_requests(section["依申请公开"]),
        rereview_months=int(section["保密审查复查周期月数"]),
        guide_months=int(section["指南更新周期月数"]),
        silent_unit_months=int(section["单位无更新提示月数"]),
        complaint_days=int(section["举报投诉答复期限"]),
        training_hours=Decimal(int(section["每年培训最少学时"])),
        evaluation=_evaluation(section["社会评议"]),
        opinion=OpinionPolicy(
            basis=str(section["舆情回应"]["依据"]),
            limits=MappingProxyType(
                {
                    str(level): MappingProxyType({str(a): int(h) for a, h in actions.items()})
                    for level, actions in section["舆情回应"]["时限"].items()
                }
            ),
        ),
    )


def _terms(values: Mapping[str, Any], base: RequestTerms | None) -> RequestTerms:
    """The terms of ``values``; a history entry takes what it does not state from ``base``."""

    def pick(key: str, attr: str) -> Any:
        return values[key] if base is None or key in values else getattr(base, attr)

    return RequestTerms(
        version=str(values["版本"]),
        reply_days=int(pick("答复期限", "reply_days")),
        extension_max=int(pick("延期上限", "extension_max")),
        provide_days=int(pick("提供期限", "provide_days")),
        amend_notice_days=int(pick("补正告知期限", "amend_notice_days")),
        consult_days=int(pick("征求意见期限", "consult_days")),
        fee_enabled=pick("收取信息处理费", "fee_enabled") is True,
    )


def _requests(section: Mapping[str, Any]) -> RequestPolicy:
    current = _terms(section, None)
    hours, minutes = str(section["在线申请当日截止"]).split(":")
    return RequestPolicy(
        current=current,
        history=tuple(_terms(old, current) for old in section["历史版本"]),
        online_cutoff=dt.time(int(hours), int(minutes)),
        online_purpose=section["在线申请填写用途"] is True,
        review_bodies=MappingProxyType(
            {str(k): str(v) for k, v in section["行政复议机关"].items()}
        ),
    )


def _evaluation(section: Mapping[str, Any]) -> EvaluationPolicy:
    # A 满意选项 that is no option is refused by ``policy_problems`` before this runs.
    return EvaluationPolicy(
        questions=tuple(Question(str(q["代码"]), str(q["内容"])) for q in section["评议内容"]),
        options=tuple(str(o) for o in section["选项"]),
        satisfied=tuple(str(o) for o in section["满意选项"]),
        rectify_days=int(section["整改期限天数"]),
    )


Where = tuple[str | int, ...]
VOICE: Where = ("政策", "社会评议")


def policy_problems(section: Mapping[str, Any]) -> list[tuple[tuple[Where, ...], str]]:
    """What the schema cannot say about a 政策 section (defaults filled in): each problem with
    the places in xxgk.yml to name, the first one written wins (a default has no line)."""
    voice = section.get("社会评议")
    if not isinstance(voice, Mapping):
        return []
    options = [str(o) for o in voice.get("选项") or []]
    found: list[tuple[tuple[Where, ...], str]] = []
    for i, name in enumerate(voice.get("满意选项") or []):
        if str(name) not in options:
            found.append(
                (
                    ((*VOICE, "满意选项", i), (*VOICE, "选项"), VOICE),
                    f"满意选项“{name}”不是“选项”（{'、'.join(options)}）之一，满意率不会计入它："
                    "选项改名后请同时改写 政策.社会评议.满意选项（附件7）",
                )
            )
    return found
