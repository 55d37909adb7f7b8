"""A report as titled tables, printed as plain text or Markdown (the training report, the audit).

JSON output is built by each report from its own values; these two are for people.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    empty: str = "无。"


@dataclass
class Listing:
    title: str
    notes: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def as_text(listing: Listing) -> str:
    lines = [listing.title, *listing.notes, ""]
    for table in listing.tables:
        lines.append(f"【{table.title}】")
        if not table.rows:
            lines += [f"  {table.empty}", ""]
            continue
        widths = [
            max(_width(r[i]) for r in [table.header, *table.rows]) for i in range(len(table.header))
        ]
        for row in [table.header, *table.rows]:
            lines.append("  " + "  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip())
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown(listing: Listing) -> str:
    lines = [f"# {listing.title}", ""]
    lines += [*(f"{n}  " for n in listing.notes), ""] if listing.notes else []
    for table in listing.tables:
        lines += [f"## {table.title}", ""]
        if not table.rows:
            lines += [table.empty, ""]
            continue
        lines.append("| " + " | ".join(map(_cell, table.header)) + " |")
        lines.append("|" + "---|" * len(table.header))
        lines += ["| " + " | ".join(map(_cell, row)) + " |" for row in table.rows]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render(listing: Listing, fmt: str) -> str:
    return as_markdown(listing) if fmt == "markdown" else as_text(listing)
