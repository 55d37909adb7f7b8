"""Text as the scanner sees it: full-width forms folded, numbers found however they are written.

Python's ``\\b`` does not separate a Chinese character from a digit, so numbers are found
as runs of digits bounded by anything that is not a digit or a Latin letter. A run may be
split into groups by spaces or hyphens (``138 1234 5678``, ``0477-7621234``); every
contiguous span of groups with a length some rule looks for is a candidate, so a number
written next to another one (``2018 13812345678``) is still found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from typing import NamedTuple

# Full-width ASCII (U+FF01..FF5E) and the ideographic space map one-to-one onto ASCII, so
# offsets in the folded text are offsets in the original.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2014: 0x2D, 0x2013: 0x2D}

_RUN = re.compile(
    r"(?<![0-9A-Za-z])[0-9](?:[ \-]{1,2}(?=[0-9])|[0-9])*(?:[ \-]?[Xx])?(?![0-9A-Za-z])"
)
_GROUP = re.compile(r"[0-9]+[Xx]?|[Xx]")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
MAX_GROUPS = 8  # spans of more groups are tables of figures, not one number
# The shortest and longest numbers any rule looks for (landline 10, bank card 19), and the
# lengths a number can have by its first digit: 0 landline (10–12); 1 mobile (11), ID card
# (15, 18); 8 mobile with 86 (13); 3–6 bank card (16–19); 1–9 ID card (18). Spans of other
# lengths are never made: a page of figures like “12 12 12 …” then costs next to nothing.
MIN_DIGITS, MAX_DIGITS = 10, 19
_ID = frozenset({15, 18})
_LENGTHS = {
    "0": frozenset({10, 11, 12}),
    "1": frozenset({11}) | _ID,
    "2": _ID,
    "7": _ID,
    "9": _ID,
    "8": frozenset({13}) | _ID,
    **dict.fromkeys("3456", frozenset(range(16, 20)) | _ID),
}


def fold(text: str) -> str:
    return text.translate(_FOLD)


class Span(NamedTuple):  # a tuple: millions may be made for a page of figures
    start: int
    end: int
    digits: str  # separators removed, X upper-cased


def digit_spans(folded: str) -> list[Span]:
    """Every contiguous span of at most MAX_GROUPS digit groups of every run with MIN_DIGITS to
    MAX_DIGITS digits, found with a window over the groups (linear in the text)."""
    found: list[Span] = []
    for run in _RUN.finditer(folded):
        base = run.start()
        starts: deque[int] = deque(maxlen=MAX_GROUPS)
        sizes: deque[int] = deque(maxlen=MAX_GROUPS)
        texts: deque[str] = deque(maxlen=MAX_GROUPS)
        for m in _GROUP.finditer(run.group()):
            starts.append(base + m.start())
            texts.append(m.group().upper())
            sizes.append(len(texts[-1]))
            digits = "".join(texts) if sum(sizes) >= MIN_DIGITS else ""
            length, end = 0, base + m.end()
            for k in range(len(sizes) - 1, -1, -1) if digits else ():
                length += sizes[k]
                if length > MAX_DIGITS:
                    break
                if length >= MIN_DIGITS and length in _LENGTHS.get(
                    digits[len(digits) - length], ()
                ):
                    found.append(Span(starts[k], end, digits[len(digits) - length :]))
    return found


def comment_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _COMMENT.finditer(text)]


class Lines:
    """(line, column) of offsets in one text, by bisecting its line starts (found once)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``ranges`` (sorted, not overlapping)."""
    i = bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def mask(value: str) -> str:
    """Show enough of a personal number to find it, not enough to copy it into a log."""
    if len(value) <= 7:
        return value[:2] + "*" * (len(value) - 2)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
