"""Put record text into generated Markdown without letting it become markup.

Record text is written by staff, sometimes pasted from a citizen's message: a ``<script>``,
a ``[link](javascript:…)``, an ``{: onclick=…}`` attribute list or a line starting with
``#`` must show as the characters typed. Every character Markdown or HTML could act on
becomes a numeric character reference, which Markdown passes through and browsers show.
"""

from __future__ import annotations

import re

_INLINE = set("\\`*_{}[]()<>&|!~\"'")
_BLOCK_START = re.compile(r"^([#>+=\-]|\d+[.)])")


def _ref(ch: str) -> str:
    return f"&#{ord(ch)};"


def inline(text: str) -> str:
    """One line of plain text, safe anywhere in a Markdown line (table cells too)."""
    flat = " ".join(text.split())
    return "".join(_ref(ch) if ch in _INLINE else ch for ch in flat)


def paragraphs(text: str) -> str:
    """Plain text with line breaks → Markdown paragraphs, one per non-empty line."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        safe = inline(line)
        m = _BLOCK_START.match(line)
        if m:  # would start a heading, quote, list or rule: escape its marker
            marker = m.group(1)
            safe = inline(marker[:-1]) + _ref(marker[-1]) + safe[len(inline(marker)) :]
        out.append(safe)
    return "\n\n".join(out)


def attr(text: str) -> str:
    """A value inside a double-quoted HTML attribute."""
    return "".join(_ref(ch) if ch in "&<>\"'" else ch for ch in text)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be safe (``inline``)."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)
