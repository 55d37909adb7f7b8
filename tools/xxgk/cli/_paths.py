"""The files named on a command line (not a command): each path given is a file, a folder,
missing, or refused (a symlink, a FIFO, an odd name) — named, never followed or opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from xxgk.io.safefs import RULE, named, shown
from xxgk.model.problem import Problem, Severity

Folder = Callable[[Path], tuple[list[Path], list[Problem]]]


def given_files(
    paths: list[Path], folder: Folder, keep: Callable[[Path], bool] = lambda _: True
) -> tuple[list[Path], list[Problem]]:
    """The files the paths stand for, and a problem for every path that is missing or refused.
    ``folder`` lists a folder given (its files and its refused files); a file given is kept
    when ``keep`` says so."""
    files: list[Path] = []
    found: list[Problem] = []
    for path in paths:
        full = path if path.is_absolute() else Path.cwd() / path
        kind, why = named(full)
        where = shown(path.as_posix())
        if kind == "dir":
            more, hazards = folder(full)
            files.extend(more)
            found.extend(hazards)
        elif kind == "file":
            if keep(full):
                files.append(full)
        elif kind == "missing":
            found.append(Problem(where, 1, 1, "FILE-MISSING", Severity.ERROR, "文件或文件夹不存在"))
        else:
            found.append(Problem(where, 1, 1, RULE, Severity.ERROR, f"{where} {why}"))
    return files, sorted(set(found))
