"""The 社会评议 and 舆情回应 values of the registry, with the national defaults.

The deadlines default to the State Council's 2016 rule (国办发〔2016〕61号): for major
emergencies authoritative information within 5 hours and a press conference within
24 hours; other government-related opinion answered within 48 hours. A registry may
change them under ``政策.舆情回应.时限``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xxgk.model.registry import Registry

DEFAULT_LIMITS: dict[str, dict[str, int]] = {
    "重大突发事件": {"发布权威信息": 5, "召开新闻发布会": 24},
    "其他政务舆情": {"回应": 48},
}
DEFAULT_QUESTIONS = (  # 附件7 第四条 (一)–(四)
    ("q1", "政府信息公开事项是否及时、准确、全面、真实"),
    ("q2", "政府信息公开是否方便群众、服务群众"),
    ("q3", "政府信息公开是否提高了本级工作效率及透明度"),
    ("q4", "政府信息公开是否提高了依法行政、廉洁行政、科学行政水平"),
)
DEFAULT_OPTIONS = ("满意", "基本满意", "不满意", "不了解")
DEFAULT_SATISFIED = ("满意", "基本满意")
DEFAULT_RECTIFY_DAYS = 30


@dataclass(frozen=True)
class Question:
    code: str  # q1 … (field id of the issue form, key in records)
    text: str


@dataclass(frozen=True)
class VoicePolicy:
    questions: tuple[Question, ...]
    options: tuple[str, ...]
    satisfied: tuple[str, ...]
    rectify_days: int
    limits: dict[str, dict[str, int]]  # level -> {action: hours}
    basis: str

    def question(self, code: str) -> Question | None:
        return next((q for q in self.questions if q.code == code), None)


def voice_policy(registry: Registry) -> VoicePolicy:
    """Read the two sections; a missing section means the defaults."""
    evaluation: dict[str, Any] = registry.policy.get("社会评议") or {}
    opinion: dict[str, Any] = registry.policy.get("舆情回应") or {}
    pairs = [(q["代码"], q["内容"]) for q in evaluation.get("评议内容") or ()] or DEFAULT_QUESTIONS
    questions = tuple(Question(code, text) for code, text in pairs)
    options = tuple(evaluation.get("选项") or DEFAULT_OPTIONS)
    satisfied = tuple(evaluation.get("满意选项") or [o for o in DEFAULT_SATISFIED if o in options])
    return VoicePolicy(
        questions=questions,
        options=options,
        satisfied=satisfied,
        rectify_days=int(evaluation.get("整改期限天数") or DEFAULT_RECTIFY_DAYS),
        limits=dict(opinion.get("时限") or DEFAULT_LIMITS),
        basis=str(opinion.get("依据") or "国办发〔2016〕61号"),
    )


def unit_names(registry: Registry) -> list[str]:
    """Who can be evaluated or concerned (附件7 第二条): the government and every unit."""
    names = [registry.name]
    names += [u.name for u in registry.units if u.name != registry.name]
    return names
