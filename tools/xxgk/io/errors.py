"""The error every command turns into exit code 2: the repository, its registry or the
environment cannot be used (a Chinese message, and the problems found, if any)."""

from __future__ import annotations

from xxgk.model.problem import Problem


class ConfigError(Exception):
    """The repository or its registry cannot be used; exit code 2."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
