"""Run every scan rule over a file's whole text: front matter, body and HTML comments alike."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from xxgk.model.problem import Problem, Severity
from xxgk.scan import RULES, secret_mark
from xxgk.scan.text import Lines, comment_ranges, digit_spans, fold, inside


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    path: str
    line: int
    column: int
    value: str  # normalised matched text (what the id hashes)
    shown: str  # what the message shows (personal numbers masked)
    in_comment: bool

    @property
    def ident(self) -> str:
        digest = hashlib.sha256(self.value.encode("utf-8")).hexdigest()[:12]
        return f"{self.rule}:{self.path}:{digest}"

    def problem(self, acknowledged: bool = False) -> Problem:
        where = "（在 HTML 注释里：网页上看不见，但源代码里仍然公开）" if self.in_comment else ""
        if acknowledged:
            msg = f"{self.name}“{self.shown}”{where}已在审查记录中确认（编号 {self.ident}）"
            return Problem(self.path, self.line, self.column, self.rule, Severity.WARNING, msg)
        msg = (
            f"发现{self.name}“{self.shown}”{where}：公开前须由审查人核实，删去或在审查记录"
            f"“已确认发现”中写明理由（编号 {self.ident}；附件4 第六条）"
        )
        return Problem(self.path, self.line, self.column, self.rule, Severity.ERROR, msg)


def normalise_public(values: Iterable[str]) -> frozenset[str]:
    """Contact data the registry itself publishes: digits of phone numbers, lower-case e-mail."""
    out = set()
    for v in values:
        folded = fold(v)
        out.add(folded.lower() if "@" in folded else re.sub(r"[^0-9]", "", folded))
    return frozenset(out)


class _Taken:
    """Digit findings already made, to skip their parts: a span is at most some 40 characters,
    so only those starting in the same or the previous bucket of 64 can contain it."""

    def __init__(self) -> None:
        self.buckets: dict[int, list[tuple[int, int]]] = {}

    def covers(self, start: int, end: int) -> bool:
        near = self.buckets.get(start // 64, []) + self.buckets.get(start // 64 - 1, [])
        return any(s <= start and end <= e for s, e in near)

    def add(self, start: int, end: int) -> None:
        self.buckets.setdefault(start // 64, []).append((start, end))


def scan_text(text: str, rel: str, public: frozenset[str] = frozenset()) -> list[Finding]:
    folded = fold(text)
    comments = comment_ranges(folded)
    taken = _Taken()  # digit findings already made: their parts are not new ones
    found: list[Finding] = []
    spans = digit_spans(folded)  # shared by the number rules: found once per text
    hits = [(rule, hit) for rule in RULES for hit in rule.find(folded, spans)]
    hits.sort(key=lambda rh: (rh[0] is not secret_mark, -(rh[1][1] - rh[1][0]), rh[1][0]))
    lines = Lines(text) if hits else None
    for rule, (start, end, value, shown) in hits:
        if value in public:
            continue
        if rule is not secret_mark:
            if taken.covers(start, end):
                continue
            taken.add(start, end)
        assert lines is not None
        line, col = lines.at(start)
        found.append(
            Finding(rule.RULE, rule.NAME, rel, line, col, value, shown, inside(comments, start))
        )
    return sorted(found, key=lambda f: (f.line, f.column, f.rule))
