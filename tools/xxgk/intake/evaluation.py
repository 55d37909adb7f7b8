"""An online questionnaire (在线评议, 附件7): the answers, checked as the record they become.

The form's fields are ``unit``, one per question code (``q1`` …, from the registry) and
``comments``. The answer is turned into the evaluation record ``xxgk evaluation add`` would
write (渠道 网络调查, 份数 1) and that record is checked against ``evaluation.schema.json``
and the registry (units, questions, options) before the submission is accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.intake.fields import FieldError
from xxgk.io.records import load_record
from xxgk.model.registry import Registry
from xxgk.voice.evaluation import evaluation_from
from xxgk.voice.intake import Answer, record_text
from xxgk.voice.policy import unit_names, voice_policy
from xxgk.voice.questionnaire import MAX_COMMENT
from xxgk.voice.records import Record
from xxgk.voice.store import EVALUATIONS

KIND = "社会评议"
NOTE = "网站在线评议"
COMMENT_KIND = "建议"
RECEIPT_KEY = "受理编号"


@dataclass
class Preview:
    answer: Answer = field(default_factory=Answer)
    errors: list[FieldError] = field(default_factory=list)


NOTES = [
    "感谢您对政府信息公开工作的评议。批评和建议将交由责任单位整改或者作出解释，办理情况在年度社会评议结果中公布。"
]


def answer_of(data: dict[str, str], registry: Registry) -> Preview:
    policy = voice_policy(registry)
    codes = {q.code for q in policy.questions}
    out = Preview(Answer(unit=data.get("unit", ""), comments=data.get("comments", "")))
    unknown = sorted(set(data) - codes - {"unit", "comments"})
    if unknown:
        out.errors.append(FieldError("", f"表单中有无法识别的栏目：{'、'.join(unknown)}"))
    if not out.answer.unit:
        out.errors.append(FieldError("unit", "请选择被评议单位"))
    elif out.answer.unit not in unit_names(registry):
        out.errors.append(FieldError("unit", "请从列表中选择被评议单位"))
    for q in policy.questions:
        value = data.get(q.code)
        if value and value not in policy.options:
            out.errors.append(
                FieldError(q.code, f"请从列出的选项中选择：{'、'.join(policy.options)}")
            )
        elif value:
            out.answer.answers[q.code] = value
    if not out.answer.answers and not any(e.field in codes for e in out.errors):
        out.errors.append(FieldError("", "请至少回答一道评议题目"))
    if len(out.answer.comments) > MAX_COMMENT:
        out.errors.append(FieldError("comments", f"意见和建议不能超过 {MAX_COMMENT} 字"))
    return out


def evaluation_text(number: str, receipt: str, day: dt.date, answer: Answer) -> str:
    """The record ``xxgk evaluation add`` writes, with the 受理编号 after its 编号."""
    lines = record_text(number, day.isoformat(), answer, NOTE, COMMENT_KIND).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("编号:")) + 1
    return "\n".join([*lines[:at], f"{RECEIPT_KEY}: {receipt}", *lines[at:]])


def record_errors(root: Path, text: str, registry: Registry, rel: str) -> list[str]:
    """Problems of an evaluation record's text (schema, units, questions, options)."""
    result = load_record(
        root, text.encode("utf-8"), rel, "evaluation.schema.json", "EVA-SCHEMA", coerce=True
    )
    found = [p.message for p in result.problems]
    if result.data is not None and result.loaded is not None and not found:
        policy = voice_policy(registry)
        _, problems = evaluation_from(
            Record(rel, result.data, result.loaded), policy, unit_names(registry)
        )
        found += [p.message for p in problems]
    return found


def preview(root: Path, registry: Registry, data: dict[str, str], day: dt.date) -> Preview:
    """Check ``data`` as the record it becomes, without writing anything."""
    out = answer_of(data, registry)
    if out.errors:
        return out
    number = f"PY-{day.year}-000"
    text = evaluation_text(number, f"ZXPY-{day.year}-00000", day, out.answer)
    problems = record_errors(root, text, registry, f"{EVALUATIONS}/{day.year}/{number}.yml")
    out.errors = [FieldError("", f"评议未能通过核对：{m}") for m in problems]
    return out
