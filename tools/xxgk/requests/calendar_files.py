"""Read the repository's yearly holiday files (calendar/2027.yml …) into a WorkCalendar."""

from __future__ import annotations

import re
from pathlib import Path

from xxgk.io.schema import drop_empty
from xxgk.model.problem import Problem, Severity
from xxgk.model.workdays import CALENDAR_DIR, WorkCalendar, YearData, parse_year
from xxgk.requests.store import load_checked

_NAME = re.compile(r"^(\d{4})\.yml$")
RULE = "CAL-YEAR"


def year_paths(root: Path) -> list[Path]:
    folder = root / CALENDAR_DIR
    return sorted(p for p in folder.glob("*.yml") if _NAME.match(p.name)) if folder.is_dir() else []


def _read(root: Path, path: Path) -> tuple[YearData | None, list[Problem]]:
    rel = path.relative_to(root).as_posix()
    loaded, problems = load_checked(root, path.read_bytes(), rel, "calendar-year.schema.json", RULE)
    if loaded is None or problems:
        return None, problems
    year_match = _NAME.match(path.name)
    assert year_match is not None
    year, errors = parse_year(drop_empty(loaded.data), int(year_match[1]))
    for where, message in errors:
        line, col = loaded.pos(*where)
        problems.append(Problem(rel, line, col, RULE, Severity.ERROR, message))
    return year, problems


def load_calendar(root: Path) -> tuple[WorkCalendar, list[Problem]]:
    """The calendar with every valid year file; a broken file is a problem, never a guess."""
    years: dict[int, YearData] = {}
    problems: list[Problem] = []
    for path in year_paths(root):
        year, found = _read(root, path)
        problems.extend(found)
        if year is not None:
            years[year.year] = year
    return WorkCalendar(years), problems
