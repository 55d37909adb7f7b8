"""Write record files with the same YAML writer as catalog entries (text that reads back as text)."""

from __future__ import annotations

from typing import Any

from xxgk.model.entry import front_matter


def dump(data: dict[str, Any], header: str = "") -> str:
    """``data`` as a YAML document (no front-matter fences), after ``header`` as comments."""
    body = front_matter(data).split("\n")[1:-2]  # drop the opening and closing ---
    lines = [f"# {line}" for line in header.splitlines()] + body
    return "\n".join(lines) + "\n"
