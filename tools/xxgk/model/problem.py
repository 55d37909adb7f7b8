"""The one value every checker yields and every reporter prints."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Problem:
    """A finding at a place in a file.

    ``path`` is relative to the repository root with forward slashes; ``line`` and
    ``column`` are 1-based (``column`` 1 when only the line is known).
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
        }


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """A Problem with the department it concerns (the accountability audit groups by it)."""

    department: str = ""

    def as_problem(self) -> Problem:
        return Problem(self.path, self.line, self.column, self.rule, self.severity, self.message)

    def as_dict(self) -> dict[str, object]:
        return {**super().as_dict(), "department": self.department}


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
