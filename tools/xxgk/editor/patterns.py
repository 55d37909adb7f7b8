"""Form-side copies of checks the rules make, as JavaScript regular expressions.

The CMS validates a field with ``pattern: [regex, message]`` before it saves. Each pattern
here mirrors one rule; tests/editor/test_patterns.py holds each against the rule itself, so
the form never accepts what ``xxgk check`` refuses (nor refuses what it accepts).
"""

from __future__ import annotations

import re

from xxgk.rules.keyword_len import LIMIT as KEYWORD_LIMIT

# CAT-KEYWORD-SEP and CAT-KEYWORD-LEN: words of at most ten characters, spaces between.
_WORD = rf"[^\s,，、;；|/]{{1,{KEYWORD_LIMIT}}}"
KEYWORDS = (
    rf"^\s*{_WORD}(\s+{_WORD})*\s*$",
    f"关键词之间用空格分开（不用逗号、顿号、分号），每个不超过{KEYWORD_LIMIT}个字",
)

# CAT-DOCNO-FORMAT (xxgk.model.docno): 机关代字〔年份〕序号号, no 第, no leading zeros.
DOCNO = (
    r"^[^\s〔〕\[\]()（）【】{}<>《》]+?〔\d{4}〕[A-Za-z]{0,4}[1-9]\d*号$",
    "文件编号写作“机关代字〔年份〕序号号”，例如 鄂前政办发〔2018〕96号（六角括号，不加“第”）",
)

# CAT-DATE: yyyy-mm-dd (the date widget writes it; the pattern guards a typed value).
DATE = (r"^\d{4}-\d{2}-\d{2}$", "日期写作 yyyy-mm-dd，例如 2018-11-05")


def length(maximum: int) -> tuple[str, str]:
    """``maxLength`` of the schema (the CMS's string widget has no length limit of its own)."""
    return (rf"^[\s\S]{{1,{maximum}}}$", f"不超过{maximum}个字")


def matches(pattern: tuple[str, str], value: str) -> bool:
    """What the browser's ``new RegExp(pattern).test(value)`` answers, for these patterns
    (they use only syntax Python and JavaScript read alike)."""
    return re.search(pattern[0], value) is not None
