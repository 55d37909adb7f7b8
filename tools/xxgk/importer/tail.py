"""The end of an official document: 附件说明, 发文机关署名, 成文日期, the attachments that follow
the main text (each starting with a line 附件1), and the 版记 (抄送, 印发机关和印发日期).

The 成文日期 is the last date line of the main text, i.e. before the first attachment: an
attachment has dates of its own that must not be taken for the document's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from xxgk.importer.blocks import Block, escape
from xxgk.importer.cndate import date_line
from xxgk.importer.header import compact

ATTACH_LABEL = re.compile(r"^附件\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?[:：]?$")
ATTACH_NOTE = re.compile(r"^附件[:：]\s*(.*)$", re.DOTALL)
ITEM = re.compile(r"(?:^|(?<=[\s；;。]))([0-9０-９]{1,2})\s*[.．、]\s*")
CC = re.compile(r"^(抄送|抄报|主送)[:：]")
PRINTED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日印发$|^（?共印\d+份）?$")
_DATE = re.compile(r"[（(]?(?:\d{4}|\S{4})年\S{1,3}月\S{1,3}日[）)]?")
DATE_MAX = 15  # characters _DATE can match: the date is looked for only at the end of a line
SIGN_SPAN = 3  # 联合行文 may sign with up to this many lines
RECORD_SPAN = 4  # lines of the 版记 at the very end


@dataclass
class Tail:
    date: dt.date | None = None
    date_printed: str = ""
    signature: list[str] = field(default_factory=list)  # the signing bodies, as printed
    listed: list[str] = field(default_factory=list)  # attachment names from 附件说明
    sections: list[str] = field(default_factory=list)  # attachment headings found in the text
    removed: list[str] = field(default_factory=list)


def _record_line(block: Block) -> bool:
    text = compact(block.text)
    return block.kind == "p" and (
        bool(CC.match(text)) or (len(text) <= 60 and bool(PRINTED.search(text)))
    )


def strip_record(blocks: list[Block], tail: Tail) -> list[Block]:
    """The blocks without the 版记 (抄送, 印发机关和印发日期): the last lines of the document
    only, so that a sentence of the text ending in “……印发” is never taken out."""
    end = len(blocks)
    while end > 0 and end > len(blocks) - RECORD_SPAN and _record_line(blocks[end - 1]):
        end -= 1
    if end != len(blocks):
        tail.removed.append("版记（抄送、印发）")
    return blocks[:end]


def attachment_start(blocks: list[Block]) -> int:
    """Where the attachments begin: the first line 附件1 after the 成文日期 (a 附件 line before
    it belongs to the 附件说明); without a dated sign-off, the first such line."""
    dated = next((n for n, b in enumerate(blocks) if b.kind == "p" and _signoff_date(b)), 0)
    for n, block in enumerate(blocks):
        if block.kind in ("p", "h") and n > dated and ATTACH_LABEL.match(compact(block.text)):
            return n
    return len(blocks)


def date_end(line: str) -> tuple[str, str] | None:
    """(text before, date) when ``line`` ends with a date like 2026年3月5日.

    One regex ``^(.*?)\\s*(date)$`` did this, but tried every split of a long run of spaces
    against every other: n² steps. The date is at most DATE_MAX characters, so its start is
    looked for among the last DATE_MAX positions (the earliest that fits, as the regex did).
    """
    for start in range(max(0, len(line) - DATE_MAX), len(line)):
        if _DATE.fullmatch(line, start):
            return line[:start].rstrip(), line[start:]
    return None


def _signoff_date(block: Block) -> dt.date | None:
    found = date_end(block.text.split("\n")[-1].strip())
    return date_line(found[1]) if found else None


def read_list(blocks: list[Block], tail: Tail) -> None:
    """Attachment names from the 附件说明 (附件：1.xxx 2.yyy, possibly over several lines)."""
    for n, block in enumerate(blocks):
        m = ATTACH_NOTE.match(block.text.strip(" \u3000"))
        if not m or block.kind != "p":
            continue
        text = m.group(1)
        for follow in blocks[n + 1 :]:
            if follow.kind != "p" or not ITEM.match(follow.text.strip(" \u3000")):
                break
            text += "\n" + follow.text
        parts = [p for p in ITEM.split(text.strip()) if p.strip()]
        names = parts[1::2] if ITEM.match(text.strip()) else [text]
        tail.listed = [re.sub(r"[；;。,，.\s]+$", "", compact(x)) for x in names if compact(x)]
        return


def read_signoff(main: list[Block], tail: Tail) -> None:
    """成文日期 and the signature lines just above it (or in front of it on the same line)."""
    for n in range(len(main) - 1, max(-1, len(main) - 6), -1):
        block = main[n]
        lines = block.text.split("\n") if block.kind == "p" else []
        if not lines:
            continue
        found = date_end(lines[-1].strip())
        when = date_line(found[1]) if found else None
        if when is None or found is None:
            continue
        tail.date, tail.date_printed = when, compact(found[1])
        signs = [x for x in [*lines[:-1], found[0]] if compact(x)]
        for prev in reversed(main[max(0, n - SIGN_SPAN) : n]):
            if len(signs) >= SIGN_SPAN or prev.kind != "p" or len(compact(prev.text)) > 40:
                break
            if (
                re.search(r"[。；;：:，,]$", compact(prev.text))
                or ATTACH_NOTE.match(prev.text)
                or ITEM.match(prev.text.strip(" \u3000"))
            ):
                break
            signs.insert(0, prev.text)
        tail.signature = [compact(x) for x in signs]
        return


def mark_sections(rest: list[Block], tail: Tail) -> list[Block]:
    """Attachment pages as headings: ``## 附件1 名称`` (label and title joined)."""
    out: list[Block] = []
    skip = False
    for n, block in enumerate(rest):
        if skip:
            skip = False
            continue
        m = ATTACH_LABEL.match(compact(block.text)) if block.kind in ("p", "h") else None
        if not m:
            out.append(block)
            continue
        label = compact(block.text).rstrip(":：")
        name = ""
        nxt = rest[n + 1] if n + 1 < len(rest) else None
        if (
            nxt
            and nxt.kind in ("p", "h")
            and len(compact(nxt.text)) <= 60
            and "\n" not in nxt.text
            and not re.search(r"[。；;：:]$", compact(nxt.text))
        ):
            name, skip = compact(nxt.text), True
        heading = f"{label} {name}".strip()
        tail.sections.append(heading)
        out.append(Block("h", heading, escape(heading), level=2))
    return out
