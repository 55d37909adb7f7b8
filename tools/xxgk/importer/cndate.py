"""成文日期 as documents print it: ``2018年11月5日``, ``2018年11月05日 00:00``, ``2018-11-05``,
``二〇一八年十一月五日`` (with 〇, ○ U+25CB, 零 or the letter O standing for zero).
"""

from __future__ import annotations

import datetime as dt
import re

_ZERO = "〇○零OoΟ０0"
_DIGITS = {**{c: 0 for c in _ZERO}, **{c: i for i, c in enumerate("一二三四五六七八九", 1)}}
_CN_YEAR = f"[{_ZERO}一二三四五六七八九]{{4}}"
_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_SPACE = re.compile(r"[\s\u3000\xa0]+")

# a whole line that is only a date (a 成文日期 line), optionally in brackets
_ARABIC_LINE = re.compile(r"^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[）)]?$")
_CN_LINE = re.compile(rf"^[（(]?({_CN_YEAR})年({_CN_SMALL})月({_CN_SMALL})日[）)]?$")
# a date somewhere in a field value (web pages: 发文日期：2018年11月05日 00:00, 2018-11-05)
_ANY = re.compile(r"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})")


def _small(text: str) -> int:
    """一 … 三十一 as an int (month and day numerals)."""
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else -1
    tens, _, ones = text.partition("十")
    value = (_DIGITS.get(tens, -1) if tens else 1) * 10 + (_DIGITS.get(ones, -1) if ones else 0)
    return value if value > 0 else -1


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_line(line: str) -> dt.date | None:
    """The date when the whole line is a 成文日期, in Arabic or Chinese numerals."""
    plain = _SPACE.sub("", line).translate(_FULLWIDTH)
    m = _ARABIC_LINE.match(plain)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    m = _CN_LINE.match(plain)
    if m:
        year = int("".join(str(_DIGITS[c]) for c in m[1]))
        return _make(year, _small(m[2]), _small(m[3]))
    return None


def find_date(text: str) -> dt.date | None:
    """The first date written anywhere in ``text`` (Arabic or Chinese numerals)."""
    plain = text.translate(_FULLWIDTH)
    m = _ANY.search(plain)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(rf"({_CN_YEAR})年({_CN_SMALL})月({_CN_SMALL})日", _SPACE.sub("", plain))
    if m:
        return date_line(m.group(0))
    return None
