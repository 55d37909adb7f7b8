"""Read the repository's yearly holiday files (calendar/2027.yml …) into a WorkCalendar."""

from __future__ import annotations

import re
from pathlib import Path

from xxgk.io.records import read_raw
from xxgk.io.safefs import list_files
from xxgk.io.schema import drop_empty
from xxgk.model.problem import Problem, Severity
from xxgk.model.workdays import CALENDAR_DIR, WorkCalendar, YearData, parse_year
from xxgk.requests.store import load_checked

_NAME = re.compile(r"^(\d{4})\.yml$")
RULE = "CAL-YEAR"


def year_listing(root: Path) -> tuple[list[Path], list[Problem]]:
    """The year files ``calendar/<yyyy>.yml`` (regular files only), and a problem for every
    symlink, pipe or other special file there: named, never followed or opened."""
    paths, hazards = list_files(root, CALENDAR_DIR, (".yml",))
    top = [p for p in paths if p.parent == root / CALENDAR_DIR and _NAME.match(p.name)]
    return top, hazards


def year_paths(root: Path) -> list[Path]:
    return year_listing(root)[0]


def _read(root: Path, path: Path) -> tuple[YearData | None, list[Problem]]:
    rel = path.relative_to(root).as_posix()
    raw, refused = read_raw(root, path, RULE)
    if raw is None:
        return None, [refused] if refused else []
    loaded, problems = load_checked(root, raw, rel, "calendar-year.schema.json", RULE)
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
    paths, problems = year_listing(root)
    for path in paths:
        year, found = _read(root, path)
        problems.extend(found)
        if year is not None:
            years[year.year] = year
    return WorkCalendar(years), problems
