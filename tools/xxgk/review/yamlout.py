"""Write record files with the same YAML writer as catalog entries (text that reads back as text)."""

from __future__ import annotations

from typing import Any

from xxgk.model.entry import front_matter
from xxgk.model.yamltext import scalar


def dump(data: dict[str, Any], header: str = "") -> str:
    """``data`` as a YAML document (no front-matter fences), after ``header`` as comments; a
    mapping value (e.g. 难以确定) is written as a nested block of text values, in place."""
    lines = [f"# {line}" for line in header.splitlines()]
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            lines += front_matter(flat).split("\n")[1:-2]
            flat = {}
            lines.append(f"{key}:")
            lines += [f"  {k}: {scalar(str(v))}" for k, v in value.items() if v not in (None, "")]
        else:
            flat[key] = value
    lines += front_matter(flat).split("\n")[1:-2]
    return "\n".join(lines) + "\n"
