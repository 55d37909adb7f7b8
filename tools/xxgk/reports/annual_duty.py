"""Who owes a year's 政府信息公开工作年度报告, by when, and whether it is out (条例第四十九条).

Departments (every unit of xxgk.yml other than the county government itself) publish last
year's report by 31 January; the county government (the office that runs the site answers
for it) by 31 March. A report counts as published when its page under content/reports/ has a
signed review of its current bytes (the site publishes nothing else) and a 发布日期 in its
front matter; a late 发布日期 is published, but late. A 发布日期 earlier than the page's first
validly signed review is not believed: the review date counts.

The duty starts with the first year the repository keeps reports (the oldest year under
annual/ or content/reports/): an older year has no records to judge and is not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.frontmatter import parse
from xxgk.io.safefs import ENTRY_LIMIT, UnsafeFile, read_bytes
from xxgk.model.dates import parse_date
from xxgk.model.registry import Registry
from xxgk.reports.inputs import ANNUAL_DIR, Scope
from xxgk.reports.page import REPORTS_DIR, page_path
from xxgk.trust.decision import load_basis
from xxgk.trust.index import RecordIndex, cached_index
from xxgk.trust.pages import page_body, page_verdict
from xxgk.trust.verdict import Basis

_YEAR = re.compile(r"^(\d{4})(?:-|$)")
ON_TIME, LATE, MISSING, PENDING = "按期发布", "逾期发布", "逾期未发布", "尚未发布（未到期限）"


def deadline(scope: Scope) -> dt.date:
    return dt.date(scope.year + 1, 1 if scope.unit else 3, 31)


@dataclass(frozen=True)
class Duty:
    scope: Scope
    unit: str  # who answers for it: the department, or the office for the county report
    page: str  # content/reports/… as a repository path
    published: dt.date | None  # 发布日期 of a reviewed page
    why: str = ""  # why it does not count as published

    @property
    def deadline(self) -> dt.date:
        return deadline(self.scope)

    def status(self, ref: dt.date) -> str:
        if self.published is not None:
            return ON_TIME if self.published <= self.deadline else LATE
        return MISSING if ref > self.deadline else PENDING

    def text(self, ref: dt.date) -> str:
        who = self.scope.unit or "本级人民政府"
        status = self.status(ref)
        if status in (ON_TIME, LATE):
            note = f"；{self.why}" if self.why else ""
            return f"{who}：{status}（{self.published}，期限 {self.deadline}{note}）"
        return f"{who}：{status}（期限 {self.deadline}；{self.why}）"


def first_year(root: Path) -> int | None:
    """The oldest report year the repository keeps, or None when it keeps none."""
    years = [int(p.name) for p in (root / ANNUAL_DIR).glob("[0-9][0-9][0-9][0-9]") if p.is_dir()]
    folder = root / REPORTS_DIR
    if folder.is_dir():
        years += [int(m[1]) for p in folder.glob("*.md") if (m := _YEAR.match(p.name))]
    return min(years, default=None)


def scopes(registry: Registry, year: int) -> list[Scope]:
    """The county report and one per department (the county government's own unit excluded)."""
    return [Scope(year)] + [
        Scope(year, u.name, u.code) for u in registry.units if u.name != registry.name
    ]


def duties(root: Path, registry: Registry, year: int) -> list[Duty]:
    """Every report owed for ``year``, with what the tree shows of it."""
    basis = load_basis(root, registry)
    idx = cached_index(root, basis.trust)
    office = page_body(registry)
    found: list[Duty] = []
    for scope in scopes(registry, year):
        rel = page_path(scope).as_posix()
        published, why = None, f"没有 {rel}"
        if (root / rel).exists():
            published, why = _published(root, rel, basis, idx, registry)
        found.append(Duty(scope, scope.unit or office, rel, published, why))
    return found


def _published(
    root: Path, rel: str, basis: Basis, idx: RecordIndex, registry: Registry
) -> tuple[dt.date | None, str]:
    try:
        doc = parse(read_bytes(root, rel, ENTRY_LIMIT), rel)
    except (UnsafeFile, OSError) as exc:
        return None, f"{rel} 无法读取：{exc}"
    day = parse_date(doc.get("发布日期")) if doc.parsed else None
    if day is None:
        return None, f"{rel} 没有 yyyy-mm-dd 格式的“发布日期”"
    verdict = page_verdict(root, doc, idx, basis, registry)
    if not verdict.ok:
        return None, f"{rel} 未经有效的保密审查，不会上网：{verdict.reason}"
    # The page says when it was published, but it cannot have been before its first validly
    # signed review (of any version): the site publishes nothing unreviewed.
    reviewed = [r.date for r in idx.by_entry.get(rel, []) if r.date and idx.verified(r).signed_by]
    first = min(reviewed, default=day)
    if first > day:
        return first, f"页面写的发布日期 {day} 早于它最早的有效审查（{first}），按审查日期计"
    return day, ""


def summary_lines(found: list[Duty], ref: dt.date) -> list[str]:
    """What ``xxgk report annual`` prints: units late or missing first, then the rest."""
    if not found:
        return []
    year = found[0].scope.year
    lines = [
        f"{year} 年度报告发布情况（截至 {ref}；部门 {year + 1}-01-31、本级政府 {year + 1}-03-31 前，"
        "条例第四十九条）："
    ]
    for wanted in (MISSING, LATE, PENDING, ON_TIME):
        chosen = [d for d in found if d.status(ref) == wanted]
        if chosen:
            lines.append(f"  {wanted} {len(chosen)} 个：")
            lines += [f"    {d.text(ref)}" for d in chosen]
    return lines
