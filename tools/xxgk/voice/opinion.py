"""舆情回应 (附件8): an opinion item, its response deadlines and its public response.

A deadline belongs to the item's risk level (``政策.舆情回应.时限``: level → {action: hours})
and runs from the time the item was detected, in hours. An action is met by the first
response of the same 方式; the generic action ``回应`` is met by the first response of any
kind. An item judged 无需回应 in its 研判 has no deadline.

Only the ``公开回应`` part of a record can ever reach the site, and only when it says
``公开: 是`` and is complete: ``PublicResponse`` carries nothing else, so the analysis,
the reporting chain and the names in a record cannot leak through it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from xxgk.model.dates import parse_date
from xxgk.model.problem import Problem, Severity
from xxgk.voice.policy import VoicePolicy
from xxgk.voice.records import Record
from xxgk.voice.times import parse_stamp, show

ANY_RESPONSE = "回应"
NO_RESPONSE = "无需回应"


class State(str, Enum):
    ON_TIME = "按时完成"
    LATE = "超时完成"
    PENDING = "待办"
    OVERDUE = "已超时"

    @property
    def is_finding(self) -> bool:
        return self in (State.LATE, State.OVERDUE)


@dataclass(frozen=True)
class Deadline:
    action: str
    hours: int
    due: dt.datetime
    done: dt.datetime | None

    def state(self, now: dt.datetime) -> State:
        if self.done is not None:
            return State.ON_TIME if self.done <= self.due else State.LATE
        return State.PENDING if now <= self.due else State.OVERDUE


@dataclass(frozen=True)
class PublicResponse:
    """What the 回应关切 column shows — and nothing more."""

    title: str
    date: dt.date
    publisher: str
    text: str
    entries: tuple[str, ...]  # 索引号 of the catalog entries it concerns
    number: str  # the record's 编号, to order and anchor
    entries_at: tuple[tuple[int, int], ...] = ()  # (line, column) of each 相关条目


@dataclass(frozen=True)
class Opinion:
    rel: str
    number: str
    source: str
    detected: dt.datetime
    department: str
    level: str
    deadlines: tuple[Deadline, ...]
    public: PublicResponse | None
    line: int = 1  # where 发现时间 is written, for findings


def deadlines_for(
    detected: dt.datetime, limits: dict[str, int], responses: list[tuple[str, dt.datetime]]
) -> tuple[Deadline, ...]:
    """One deadline per action of the level, met by the first matching response."""
    found = []
    for action, hours in sorted(limits.items(), key=lambda kv: kv[1]):
        times = sorted(t for kind, t in responses if action in (kind, ANY_RESPONSE))
        due = detected + dt.timedelta(hours=hours)
        found.append(Deadline(action, hours, due, times[0] if times else None))
    return tuple(found)


def opinion_from(
    record: Record, policy: VoicePolicy, units: list[str]
) -> tuple[Opinion | None, list[Problem]]:
    """The model of a schema-valid record, or the reasons it cannot be used."""
    problems = []
    detected = parse_stamp(record.get("发现时间"))
    if detected is None:
        problems.append(
            record.problem(
                ("发现时间",), "OPN-TIME", "“发现时间”应写成 yyyy-mm-dd HH:MM（北京时间）"
            )
        )
    level = record.get("风险等级", "")
    if level not in policy.limits:
        known = "、".join(policy.limits)
        problems.append(
            record.problem(
                ("风险等级",),
                "OPN-LEVEL",
                f"风险等级“{level}”不在 xxgk.yml 政策.舆情回应.时限 中：{known}",
            )
        )
    if record.get("涉及单位") not in units:
        problems.append(
            record.problem(
                ("涉及单位",),
                "OPN-UNIT",
                f"涉及单位“{record.get('涉及单位')}”不在 xxgk.yml 的单位名单中",
            )
        )
    responses, found = _responses(record, detected)
    problems += found
    public, found = _public(record)
    problems += found
    if problems or detected is None:
        return None, problems
    judged = (record.get("研判") or {}).get("结论")
    limits = {} if judged == NO_RESPONSE else policy.limits[level]
    marks = deadlines_for(detected, limits, responses)
    return Opinion(
        record.rel,
        record.get("编号"),
        record.get("来源"),
        detected,
        record.get("涉及单位"),
        level,
        marks,
        public,
        record.loaded.pos("发现时间")[0],
    ), []


def _responses(
    record: Record, detected: dt.datetime | None
) -> tuple[list[tuple[str, dt.datetime]], list[Problem]]:
    found, problems = [], []
    for i, item in enumerate(record.get("回应") or []):
        moment = parse_stamp(item.get("时间"))
        if moment is None:
            problems.append(
                record.problem(("回应", i, "时间"), "OPN-TIME", "回应“时间”应写成 yyyy-mm-dd HH:MM")
            )
        elif detected is not None and moment < detected:
            problems.append(
                record.problem(
                    ("回应", i, "时间"),
                    "OPN-TIME",
                    f"回应时间 {show(moment)} 早于发现时间 {show(detected)}",
                )
            )
        else:
            found.append((item["方式"], moment))
    return found, problems


def _public(record: Record) -> tuple[PublicResponse | None, list[Problem]]:
    part = record.get("公开回应")
    if not part or part.get("公开") is not True:
        return None, []
    missing = [k for k in ("标题", "发布时间", "发布单位", "内容") if not part.get(k)]
    day = parse_date(part.get("发布时间"))
    if missing or day is None:
        what = "、".join(missing) or "发布时间（yyyy-mm-dd）"
        return None, [
            record.problem(
                ("公开回应",),
                "OPN-PUBLIC",
                f"公开回应标为公开，但缺少或写错：{what}；补全前不会发布",
            )
        ]
    entries = tuple(part.get("相关条目") or ())
    lines = tuple(record.loaded.pos("公开回应", "相关条目", i) for i in range(len(entries)))
    return PublicResponse(
        part["标题"], day, part["发布单位"], part["内容"], entries, record.get("编号"), lines
    ), []


def due_rows(items: list[Opinion], now: dt.datetime) -> list[tuple[Opinion, Deadline, State]]:
    """Every deadline still open (pending or overdue), most urgent first."""
    rows = [(o, d, d.state(now)) for o in items for d in o.deadlines]
    rows = [r for r in rows if r[2] in (State.PENDING, State.OVERDUE)]
    return sorted(rows, key=lambda r: r[1].due)


def late_problem(item: Opinion, mark: Deadline, state: State, basis: str) -> Problem:
    when = f"应于 {show(mark.due)} 前{mark.action}（{mark.hours} 小时）"
    did = f"，实际 {show(mark.done)}" if mark.done else "，至今未完成"
    msg = f"舆情 {item.number}（{item.level}，{item.department}）{when}{did}（附件8；{basis}）"
    return Problem(
        item.rel,
        item.line,
        1,
        "OPN-LATE" if state is State.LATE else "OPN-OVERDUE",
        Severity.ERROR,
        msg,
    )
