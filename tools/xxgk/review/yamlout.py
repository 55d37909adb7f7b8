"""Write record files: Chinese keys, every value quoted text, so any YAML reader reads it the same."""

from __future__ import annotations

import json
from typing import Any


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def dump(data: dict[str, Any], header: str = "") -> str:
    """Mappings of text, lists of text and lists of mappings of text (what records hold)."""
    lines = [f"# {line}" for line in header.splitlines()]
    for key, value in data.items():
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list):
            lines.append(f"{key}:")
            for item in value:
                if isinstance(item, dict):
                    pairs = [f"{k}: {_q(str(v))}" for k, v in item.items() if v not in (None, "")]
                    lines.append("  - " + "\n    ".join(pairs))
                else:
                    lines.append(f"  - {_q(str(item))}")
        else:
            lines.append(f"{key}: {_q(str(value))}")
    return "\n".join(lines) + "\n"
