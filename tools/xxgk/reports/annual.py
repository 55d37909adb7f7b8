"""Assemble one year's annual report from the catalog, the request records and the staff's inputs.

A report is produced only when every input is readable and table 三 balances; otherwise the
caller gets the problems (file, line, cell) and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xxgk.io.registry import ConfigError
from xxgk.model.problem import Problem, Severity, has_errors
from xxgk.model.registry import Registry
from xxgk.reports.catalog_counts import count_documents, read_regulations
from xxgk.reports.figures import fill
from xxgk.reports.inputs import ANNUAL_DIR, TEXT_FILE, Scope, read_inputs
from xxgk.reports.requests_count import RequestFacts, count_requests, suspects
from xxgk.reports.requests_source import REQUESTS_DIR, read_request_facts
from xxgk.reports.tables import TableFour, TableThree, TableTwo, balance

RULE_BALANCE = "RPT-BALANCE"


@dataclass
class AnnualReport:
    scope: Scope
    publisher: str
    published: str  # yyyy-mm-dd
    two: TableTwo
    three: TableThree
    four: TableFour
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.scope.year

    @property
    def title(self) -> str:
        return f"{self.publisher}{self.year}年政府信息公开工作年度报告"


def scope_of(registry: Registry, year: int, unit: str | None) -> Scope:
    """The report's scope; ConfigError when the unit is not in the registry."""
    if unit is None:
        return Scope(year)
    found = registry.unit(unit)
    if found is None:
        known = "、".join(u.name for u in registry.units)
        raise ConfigError(f"单位“{unit}”不在 xxgk.yml 的“单位”中（可用：{known}）")
    return Scope(year, found.name, found.code)


def shipped_scopes(root: Path, registry: Registry) -> list[Scope]:
    """Every report that has its inputs: annual/<年度>/ and annual/<年度>/<单位代码>/."""
    by_code = {u.code: u.name for u in registry.units}
    scopes: list[Scope] = []
    for year_dir in sorted((root / ANNUAL_DIR).glob("[0-9][0-9][0-9][0-9]")):
        year = int(year_dir.name)
        if (year_dir / TEXT_FILE).is_file():
            scopes.append(Scope(year))
        scopes += [
            Scope(year, by_code[d.name], d.name)
            for d in sorted(year_dir.iterdir())
            if d.is_dir() and d.name in by_code
        ]
    return scopes


def input_problems(root: Path, registry: Registry) -> list[Problem]:
    """Problems of every report's staff-written inputs (for ``xxgk check``): no tables counted."""
    return [
        p for scope in shipped_scopes(root, registry) for p in read_inputs(root, scope).problems
    ]


def build(
    root: Path, registry: Registry, scope: Scope
) -> tuple[AnnualReport | None, list[Problem]]:
    year = scope.year
    inputs = read_inputs(root, scope)
    problems = list(inputs.problems)
    regulations, probs = read_regulations(root, scope.unit)
    problems += probs
    facts, probs = read_request_facts(root, scope.unit)
    problems += probs
    three, probs = count_requests(facts, year)
    problems += probs
    if not has_errors(problems):
        problems += _balance_problems(three, year, facts)
    if has_errors(problems) or inputs.appeals is None:
        return None, problems
    two = TableTwo(
        count_documents(regulations, year),
        {k: int(inputs.stats[k]) for k in ("行政许可", "行政处罚", "行政强制")},
        inputs.fees,
    )
    sections, probs = _fill(root, scope, inputs.sections, two, three, inputs.appeals)
    if has_errors(probs):
        return None, problems + probs
    report = AnnualReport(
        scope,
        str(inputs.meta.get("发布机构") or scope.unit or registry.name),
        str(inputs.meta["发布日期"]),
        two,
        three,
        inputs.appeals,
        sections,
    )
    return report, problems


def _fill(
    root: Path,
    scope: Scope,
    sections: dict[str, str],
    two: TableTwo,
    three: TableThree,
    four: TableFour,
) -> tuple[dict[str, str], list[Problem]]:
    """Put the tables' figures into the staff's text; a reference to no cell is an error."""
    rel = f"{scope.folder}/{TEXT_FILE}"
    lines = (root / rel).read_text(encoding="utf-8-sig").split("\n")
    filled: dict[str, str] = {}
    problems: list[Problem] = []
    for heading, text in sections.items():
        filled[heading], bad = fill(text, two, three, four)
        for ref, why in bad:
            line = next((i for i, t in enumerate(lines, 1) if ref in t), 1)
            problems.append(Problem(rel, line, 1, "RPT-INPUT", Severity.ERROR, f"“{ref}”：{why}"))
    return filled, problems


def _balance_problems(three: TableThree, year: int, facts: list[RequestFacts]) -> list[Problem]:
    broken = balance(three)
    if not broken:
        return []
    # the table is counted from requests/: the folder is where the correction has to be made
    found = [
        Problem(REQUESTS_DIR, 1, 1, RULE_BALANCE, Severity.ERROR, b.message(year)) for b in broken
    ]
    return found + suspects(facts, year)
