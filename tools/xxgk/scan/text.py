"""Text as the scanner sees it: full-width forms folded, numbers found however they are written.

Python's ``\\b`` does not separate a Chinese character from a digit, so numbers are found
as runs of digits bounded by anything that is not a digit or a Latin letter. A run may be
split into groups by spaces or hyphens (``138 1234 5678``, ``0477-7621234``); every
contiguous span of groups is a candidate, so a number written next to another one
(``2018 13812345678``) is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Full-width ASCII (U+FF01..FF5E) and the ideographic space map one-to-one onto ASCII, so
# offsets in the folded text are offsets in the original.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2014: 0x2D, 0x2013: 0x2D}

_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \-]{1,2}(?=[0-9])|[0-9])*(?:[ \-]?[Xx])?(?![0-9A-Za-z])")
_GROUP = re.compile(r"[0-9]+[Xx]?|[Xx]")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
MAX_GROUPS = 8  # spans of more groups are tables of figures, not one number


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    digits: str  # separators removed, X upper-cased


def digit_spans(folded: str) -> Iterator[Span]:
    """Every contiguous span of digit groups of every run, longest first within a run."""
    for run in _RUN.finditer(folded):
        groups = [(m.start() + run.start(), m.end() + run.start(), m.group().upper())
                  for m in _GROUP.finditer(run.group())]
        for size in range(min(len(groups), MAX_GROUPS), 0, -1):
            for i in range(len(groups) - size + 1):
                part = groups[i:i + size]
                yield Span(part[0][0], part[-1][1], "".join(g[2] for g in part))


def comment_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _COMMENT.finditer(text)]


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def mask(value: str) -> str:
    """Show enough of a personal number to find it, not enough to copy it into a log."""
    if len(value) <= 7:
        return value[:2] + "*" * (len(value) - 2)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
