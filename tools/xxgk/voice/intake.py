"""Turn one online answer — the e-mail the questionnaire composes, or the body of the
forge's issue form — into an evaluation record (渠道: 网络调查, 份数: 1).

Both formats are ours: the e-mail has ``标签：答案`` lines and the comments after
``意见和建议：``; the issue body has a ``### 标签`` heading above each answer. Labels are
matched against the registry's questions, so a changed questionnaire still parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xxgk.model.yamltext import scalar
from xxgk.voice.policy import VoicePolicy
from xxgk.voice.questionnaire import label

UNIT_LABEL = "被评议单位"
COMMENT_LABEL = "意见和建议"
_EMPTY = {"", "（未填）", "（无）", "_No response_", "None"}
_HEADING = re.compile(r"^#{2,4}\s*(.+?)\s*$")
_PAIR = re.compile(r"^(.+?)[：:]\s*(.*)$")


@dataclass
class Answer:
    unit: str = ""
    answers: dict[str, str] = field(default_factory=dict)  # question code -> option
    comments: str = ""
    problems: list[str] = field(default_factory=list)


def _sections(text: str) -> list[tuple[str, str]]:
    """(label, value) pairs from either format, in order."""
    lines = text.replace("\r\n", "\n").split("\n")
    if any(_HEADING.match(line) for line in lines):
        found: list[tuple[str, list[str]]] = []
        for line in lines:
            m = _HEADING.match(line)
            if m:
                found.append((m.group(1), []))
            elif found:
                found[-1][1].append(line)
        return [(k, "\n".join(v).strip()) for k, v in found]
    pairs: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        m = _PAIR.match(line.strip())
        if m and m.group(1) == COMMENT_LABEL:  # the comments run to the end of the message
            rest = [m.group(2), *lines[i + 1 :]]
            return pairs + [(COMMENT_LABEL, "\n".join(rest).strip())]
        if m:
            pairs.append((m.group(1), m.group(2).strip()))
    return pairs


def parse(text: str, policy: VoicePolicy, units: list[str]) -> Answer:
    labels = {label(i, q.text): q.code for i, q in enumerate(policy.questions)}
    labels.update({q.text: q.code for q in policy.questions})
    result = Answer()
    for key, value in _sections(text):
        value = "" if value in _EMPTY else value
        if key == UNIT_LABEL:
            result.unit = value
        elif key == COMMENT_LABEL:
            result.comments = value
        elif key in labels and value:
            if value not in policy.options:
                result.problems.append(
                    f"“{key}”的答案“{value}”不是问卷选项：{'、'.join(policy.options)}"
                )
            else:
                result.answers[labels[key]] = value
    if result.unit not in units:
        result.problems.append(
            f"被评议单位“{result.unit}”不在 xxgk.yml 的单位名单中"
            if result.unit
            else "没有找到“被评议单位”"
        )
    if not result.answers:
        result.problems.append("没有找到任何一题的答案")
    return result


def record_text(number: str, date: str, answer: Answer, note: str, kind: str) -> str:
    """The YAML of the new record (text values written by the one writer)."""
    q = scalar
    lines = [
        "# yaml-language-server: $schema=../../schemas/evaluation.schema.json",
        f"编号: {number}",
        "渠道: 网络调查",
        f"日期: {date}",
        f"被评议单位: {q(answer.unit)}",
    ]
    if note:
        lines.append(f"说明: {q(note)}")
    lines += ["份数: 1", "结果:"] + [
        f"  {code}: {{{q(option)}: 1}}" for code, option in answer.answers.items()
    ]
    if answer.comments:
        lines += [
            "意见:",
            f"  - 内容: {q(answer.comments)}",
            f"    类型: {kind}",
            f"    责任单位: {q(answer.unit)}",
        ]
    return "\n".join(lines) + "\n"
