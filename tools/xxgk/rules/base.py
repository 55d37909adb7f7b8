"""What every rule module shares: its description and the context it checks against."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Category, Registry, Unit


@dataclass(frozen=True)
class Rule:
    id: str
    basis: str  # the clause of the seed or standard it enforces
    summary: str  # one line for the rule table
    severity: Severity = Severity.ERROR

    def at(self, doc: Document, key: str | None, message: str, *sub: str | int) -> Problem:
        line, col = doc.pos(key, *sub) if key else (1, 1)
        text = f"{message}（{self.basis}）" if self.basis else message
        return Problem(doc.rel, line, col, self.id, self.severity, text)


@dataclass
class Context:
    registry: Registry
    today: dt.date
    # index number -> paths of every catalog entry carrying it (the whole catalog)
    index_numbers: dict[str, list[str]]
    # the repository root, for rules that look at files beside an entry (always given:
    # a check without it would silently skip them)
    root: Path

    # Looked up for every entry by several rules: built once per run, not once per call.
    @cached_property
    def _units(self) -> dict[str, Unit]:
        return {u.name: u for u in self.registry.units}

    @cached_property
    def _categories(self) -> dict[str, Category]:
        return {c.name: c for c in self.registry.categories}

    @cached_property
    def abbreviation_finder(self) -> re.Pattern[str] | None:
        """Matches any registered abbreviation (a quick test before the exact one)."""
        shorts = sorted(self.registry.abbreviations, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, shorts))) if shorts else None

    def unit(self, name: str) -> Unit | None:
        return self._units.get(name)

    def category(self, name: str) -> Category | None:
        return self._categories.get(name)


def text(doc: Document, key: str) -> str | None:
    """A field's value when it is usable text (schema problems are reported elsewhere)."""
    if key in doc.invalid:
        return None
    value = doc.get(key)
    return value if isinstance(value, str) and value.strip() else None


Checker = Iterator[Problem]
