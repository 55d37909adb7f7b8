"""What every rule module shares: its description and the context it checks against."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from xxgk.io.frontmatter import Document
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry


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
    index_numbers: dict[str, list[str]] = field(default_factory=dict)


def text(doc: Document, key: str) -> str | None:
    """A field's value when it is usable text (schema problems are reported elsewhere)."""
    if key in doc.invalid:
        return None
    value = doc.get(key)
    return value if isinstance(value, str) and value.strip() else None


Checker = Iterator[Problem]
