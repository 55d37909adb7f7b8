"""The 社会评议 and 舆情回应 values of the registry, as the voice features use them.

Both come typed from ``Registry.settings`` (``xxgk.model.policy``), their defaults from
``schemas/registry.schema.json``: the questions of 附件7 第四条, and the deadlines of the
State Council's 2016 rule (国办发〔2016〕61号): for major emergencies authoritative
information within 5 hours and a press conference within 24 hours; other government-related
opinion answered within 48 hours. A registry may change them under ``政策.舆情回应.时限``.
"""

from __future__ import annotations

from dataclasses import dataclass

from xxgk.model.policy import Question
from xxgk.model.registry import Registry

__all__ = ["Question", "VoicePolicy", "unit_names", "voice_policy"]


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
    """The two sections of ``registry.settings`` in one value."""
    evaluation, opinion = registry.settings.evaluation, registry.settings.opinion
    return VoicePolicy(
        questions=evaluation.questions,
        options=evaluation.options,
        satisfied=evaluation.satisfied,
        rectify_days=evaluation.rectify_days,
        limits={level: dict(actions) for level, actions in opinion.limits.items()},
        basis=opinion.basis,
    )


def unit_names(registry: Registry) -> list[str]:
    """Who can be evaluated or concerned (附件7 第二条): the government and every unit."""
    names = [registry.name]
    names += [u.name for u in registry.units if u.name != registry.name]
    return names
