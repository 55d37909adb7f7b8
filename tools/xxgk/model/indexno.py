"""索引号: render, parse and number index numbers from a configurable template.

The template uses named fields: ``{机构代码}``, ``{地区编号}``, ``{单位代码}``, ``{分类代码}``,
``{年份}`` and ``{序号:05d}``. Serial numbers count up within each *series*: the
entries whose index numbers agree on every field but the serial (for the default
``{机构代码}/{年份}-{序号:05d}`` that is one series per code and year).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

FIELDS = ("机构代码", "地区编号", "单位代码", "分类代码", "年份", "序号")
_PATTERNS = {"年份": r"\d{4}"}


class IndexFormatError(ValueError):
    pass


class IndexFormat:
    def __init__(self, template: str) -> None:
        self.template = template
        parts: list[str] = []
        self.width = 1
        seen: set[str] = set()
        for literal, name, spec, _conv in string.Formatter().parse(template):
            parts.append(re.escape(literal))
            if name is None:
                continue
            if name not in FIELDS:
                raise IndexFormatError(
                    f"索引号格式里的“{{{name}}}”不认识，可用：{'、'.join(FIELDS)}"
                )
            if name in seen:
                raise IndexFormatError(f"索引号格式里“{{{name}}}”出现了两次")
            seen.add(name)
            if name == "序号":
                m = re.fullmatch(r"0?(\d*)d?", spec or "")
                self.width = int(m.group(1)) if m and m.group(1) else 1
                parts.append(rf"(?P<f5>\d{{{self.width},}})")
            else:
                pattern = _PATTERNS.get(name, r"[0-9A-Za-z]+")
                parts.append(f"(?P<f{FIELDS.index(name)}>{pattern})")
        if "序号" not in seen:
            raise IndexFormatError("索引号格式必须包含 {序号}")
        self.fields = tuple(seen)
        self._regex = re.compile("".join(parts))

    def render(self, values: dict[str, str | int]) -> str:
        return self.template.format(**{k: values[k] for k in self.fields})

    def parse(self, text: str) -> dict[str, str] | None:
        m = self._regex.fullmatch(text)
        if not m:
            return None
        return {FIELDS[int(k[1:])]: v for k, v in m.groupdict().items()}

    def series(self, values: dict[str, str]) -> tuple[str, ...]:
        return tuple(str(values[f]) for f in FIELDS if f in self.fields and f != "序号")

    def example(self) -> str:
        sample: dict[str, str | int] = {
            "机构代码": "000014349",
            "地区编号": "150623",
            "单位代码": "002",
            "分类代码": "02",
            "年份": "2018",
            "序号": 1705,
        }
        return self.render(sample)


def next_serial(fmt: IndexFormat, existing: Iterable[str], values: dict[str, str]) -> int:
    """The serial after the highest one in the same series (1 for a new series)."""
    target = fmt.series(values)
    top = 0
    for number in existing:
        parsed = fmt.parse(number)
        if parsed and fmt.series(parsed) == target:
            top = max(top, int(parsed["序号"]))
    return top + 1
