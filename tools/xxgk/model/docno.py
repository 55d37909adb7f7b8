"""文件编号 (发文字号) in the form of GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号.

``parse`` accepts only the correct form. ``suggest`` repairs the forms people actually type
— ``[2018]``, ``(2018)``, ``（2018）``, ``【2018】``, ``〔18〕``, ``第96号``, ``096号``, full-width
digits — and returns the corrected text so that the message can show it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VALID = re.compile(
    r"^(?P<code>[^\s〔〕\[\]()（）【】{}<>《》]+?)〔(?P<year>\d{4})〕(?P<num>[A-Za-z]{0,4}[1-9]\d*)号$"
)
_LOOSE = re.compile(
    r"^(?P<code>.+?)\s*[〔\[(（【{<〈﹝［]\s*(?P<year>\d{2}|\d{4})\s*[〕\])）】}>〉﹞］]\s*"
    r"第?\s*(?P<num>[A-Za-z]{0,4}\d+)\s*号?$"
)


# full-width digits and Latin letters (Ａ-Ｚ, ａ-ｚ, ０-９) to ASCII
_FULLWIDTH = {
    c: c - 0xFEE0
    for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for c in range(r[0], r[1] + 1)
}


@dataclass(frozen=True)
class DocNo:
    code: str
    year: int
    number: str


def parse(text: str) -> DocNo | None:
    m = _VALID.match(text)
    if not m:
        return None
    return DocNo(m["code"], int(m["year"]), m["num"])


def _expand_year(two: str, context_year: int | None) -> int:
    century = (context_year // 100 * 100) if context_year else 2000
    year = century + int(two)
    if context_year and year > context_year:
        year -= 100
    return year


def suggest(text: str, context_year: int | None = None) -> str | None:
    """The GB/T 9704 form of a wrongly written number, or None when it cannot be guessed."""
    plain = text.strip().translate(_FULLWIDTH)
    if len(plain) > 120:  # no document number is this long; keeps the lazy match linear in practice
        return None
    m = _LOOSE.match(plain)
    if not m:
        return None
    year = m["year"]
    full_year = int(year) if len(year) == 4 else _expand_year(year, context_year)
    num = m["num"]
    prefix = re.match(r"[A-Za-z]*", num).group(0)  # type: ignore[union-attr]
    digits = num[len(prefix) :].lstrip("0") or "0"
    fixed = f"{m['code'].strip()}〔{full_year}〕{prefix}{digits}号"
    return fixed if parse(fixed) and fixed != text else None
