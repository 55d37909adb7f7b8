"""社会评议 (附件7): evaluation records, their aggregation and the rectification of comments.

A record is one online answer, one batch of paper questionnaires or one 座谈会; it counts
answers per question (``结果``: question code → {option: count}). Aggregation simply adds
the counts, so every channel weighs by the number of people who answered.

Every criticism or suggestion (``意见``) is tracked until it is closed, either by a
rectification (整改) or by an explanation to the leading group (解释, 第六条). Its due
date is the one written, or the evaluation date plus ``整改期限天数``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.voice.policy import VoicePolicy
from xxgk.voice.records import Record

CLOSED = "已办结"


@dataclass(frozen=True)
class Comment:
    rel: str
    line: int
    kind: str  # 批评 | 建议
    department: str
    handling: str | None  # 整改 | 解释 | None (not decided yet)
    due: dt.date
    closed_on: dt.date | None
    change: str | None  # 整改情况 (public when the year is published)
    public_summary: str | None  # 公开摘要

    def overdue(self, today: dt.date) -> bool:
        return self.closed_on is None and self.due < today

    def late(self) -> bool:
        return self.closed_on is not None and self.closed_on > self.due


@dataclass(frozen=True)
class Evaluation:
    rel: str
    number: str
    channel: str
    date: dt.date
    unit: str
    count: int
    answers: dict[str, dict[str, int]]
    comments: tuple[Comment, ...] = ()


@dataclass
class Tally:
    """Counts per option of one question (or one question of one department)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, answers: dict[str, int]) -> None:
        self.counts.update(answers)

    def total(self) -> int:
        return sum(self.counts.values())

    def rate(self, satisfied: tuple[str, ...]) -> float | None:
        """满意率: satisfied answers over all answers of the question (None when none)."""
        total = self.total()
        return sum(self.counts[o] for o in satisfied) / total if total else None


def evaluation_from(
    record: Record, policy: VoicePolicy, units: list[str]
) -> tuple[Evaluation | None, list[Problem]]:
    problems = _check_answers(record, policy)
    day = parse_date(record.get("日期"))
    if day is None:
        problems.append(record.problem(("日期",), "EVA-DATE", "“日期”不是有效日期（yyyy-mm-dd）"))
    if record.get("被评议单位") not in units:
        problems.append(
            record.problem(
                ("被评议单位",),
                "EVA-UNIT",
                f"被评议单位“{record.get('被评议单位')}”不在 xxgk.yml 的单位名单中",
            )
        )
    comments, found = _comments(record, day, policy, units)
    problems += found
    if problems or day is None:
        return None, problems
    return Evaluation(
        record.rel,
        record.get("编号"),
        record.get("渠道"),
        day,
        record.get("被评议单位"),
        record.get("份数"),
        record.get("结果"),
        comments,
    ), []


def _check_answers(record: Record, policy: VoicePolicy) -> list[Problem]:
    problems = []
    for code, answers in record.get("结果", {}).items():
        if policy.question(code) is None:
            known = "、".join(q.code for q in policy.questions)
            problems.append(
                record.problem(
                    ("结果", code),
                    "EVA-QUESTION",
                    f"题目代码“{code}”不在 xxgk.yml 评议内容中：{known}",
                )
            )
            continue
        for option in answers:
            if option not in policy.options:
                problems.append(
                    record.problem(
                        ("结果", code, option),
                        "EVA-OPTION",
                        f"答案“{option}”不是问卷选项：{'、'.join(policy.options)}",
                    )
                )
        if sum(answers.values()) > record.get("份数", 0):
            problems.append(
                record.problem(
                    ("结果", code),
                    "EVA-COUNT",
                    f"题目 {code} 的答案共 {sum(answers.values())} 份，多于答卷份数 {record.get('份数')}",
                )
            )
    return problems


def _comments(
    record: Record, day: dt.date | None, policy: VoicePolicy, units: list[str]
) -> tuple[tuple[Comment, ...], list[Problem]]:
    found, problems = [], []
    for i, item in enumerate(record.get("意见") or []):
        where = ("意见", i)
        if item.get("责任单位") not in units:
            problems.append(
                record.problem(
                    where + ("责任单位",),
                    "EVA-UNIT",
                    f"责任单位“{item.get('责任单位')}”不在 xxgk.yml 的单位名单中",
                )
            )
        due = (
            parse_date(item.get("期限"))
            if item.get("期限")
            else (day + dt.timedelta(days=policy.rectify_days) if day else None)
        )
        closed = parse_date(item.get("办结日期")) if item.get("状态") == CLOSED else None
        if due is None or (item.get("状态") == CLOSED and closed is None):
            problems.append(
                record.problem(where, "EVA-DATE", "意见的期限或办结日期不是有效日期（yyyy-mm-dd）")
            )
            continue
        found.append(
            Comment(
                record.rel,
                record.loaded.pos(*where)[0],
                item["类型"],
                item.get("责任单位", ""),
                item.get("处理"),
                due,
                closed,
                item.get("整改情况"),
                item.get("公开摘要"),
            )
        )
    return tuple(found), problems


@dataclass
class Report:
    """One year's aggregation: per question, per department and question, per channel."""

    year: int
    per_question: dict[str, Tally] = field(default_factory=dict)
    per_unit: dict[str, dict[str, Tally]] = field(default_factory=dict)
    per_channel: Counter[str] = field(default_factory=Counter)  # answers (people) per channel
    records: Counter[str] = field(default_factory=Counter)  # records per channel
    comments: list[Comment] = field(default_factory=list)


def aggregate(items: list[Evaluation], year: int) -> Report:
    report = Report(year)
    for ev in sorted(items, key=lambda e: (e.date, e.rel)):
        if ev.date.year != year:
            continue
        report.per_channel[ev.channel] += ev.count
        report.records[ev.channel] += 1
        for code, answers in ev.answers.items():
            report.per_question.setdefault(code, Tally()).add(answers)
            report.per_unit.setdefault(ev.unit, {}).setdefault(code, Tally()).add(answers)
        report.comments.extend(ev.comments)
    return report


def comment_problem(c: Comment, today: dt.date) -> Problem | None:
    """A finding for the audit: open past its date, or closed after it."""
    what = (
        "整改"
        if c.handling == "整改"
        else ("向领导小组作出解释" if c.handling == "解释" else "确定整改或解释")
    )
    if c.overdue(today):
        msg = f"{c.department}的{c.kind}意见应于 {c.due} 前{what}并办结，至今未办结（附件7 第六条）"
        return Problem(c.rel, c.line, 1, "EVA-RECTIFY-OVERDUE", Severity.ERROR, msg)
    if c.late():
        msg = (
            f"{c.department}的{c.kind}意见应于 {c.due} 前办结，{c.closed_on} 才办结（附件7 第六条）"
        )
        return Problem(c.rel, c.line, 1, "EVA-RECTIFY-LATE", Severity.WARNING, msg)
    return None
