"""The head of an official document (GB/T 9704-2012 版头): 份号, 密级和保密期限, 紧急程度,
发文机关标志, 发文字号 and 签发人, then the title. None of these belong in the entry's body.

The head is read from the first blocks only, and each part must fill its whole line, so a
sentence of the body that merely mentions 秘密 or a number is never taken for a marking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xxgk.importer.blocks import Block
from xxgk.model.docno import parse, suggest

HEAD_SPAN = 8  # the 版头 never has more parts than this
_SPACE = re.compile(r"[\s\u3000\xa0]+")
COPY_NO = re.compile(r"^(?:份号[:：]?)?[0-9０-９]{6}$")
SECRET = re.compile(r"^(绝密|机密|秘密)(?:[★☆*＊]\S*)?$")
URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
ISSUER = re.compile(r"^签发人[:：]\S*$")
ISSUER_TAIL = re.compile(r"签发人[:：].*$")
DOCNO = re.compile(
    r"^\S{1,20}?[〔\[(（【［﹝{<〈]\s*\d{2,4}\s*[〕\])）】］﹞}>〉]\s*第?\s*[A-Za-z]{0,4}\d+\s*号$"
)
BANNER = re.compile(r"^\S{2,40}文件$")
# what may stand before a 发文字号 on a page: a bullet, or the label of a header cell
LEAD = re.compile(r"^(?:[•·●◆◇■□▪▫◎○★☆\-—*＊>》]+|(?:文号|发文字号|文件编号|文件字号)[:：]?)+")
# the 文种 a title ends with (党政机关公文处理工作条例 第八条, and the usual 规范性文件 names)
KINDS = (
    "通知",
    "决定",
    "意见",
    "办法",
    "公告",
    "通告",
    "报告",
    "请示",
    "批复",
    "函",
    "规定",
    "方案",
    "纪要",
    "规划",
    "细则",
    "决议",
    "命令",
    "令",
    "公报",
    "议案",
    "通报",
    "答复",
    "指南",
    "制度",
    "计划",
    "总结",
    "要点",
    "条例",
    "规则",
    "章程",
    "预案",
    "标准",
    "目录",
)
TITLE_MAX = 3  # lines a title may be broken over


def compact(text: str) -> str:
    return _SPACE.sub("", text)


@dataclass
class Head:
    markings: list[str] = field(default_factory=list)  # 份号 and 密级 lines, as printed
    removed: list[str] = field(default_factory=list)  # names of the head parts taken out
    doc_no: str = ""  # GB/T 9704 form
    doc_no_printed: str = ""  # as the document printed it
    banner: str = ""  # 发文机关标志 without the trailing 文件
    title: str = ""
    title_at: int = -1  # index of the title's first block in the remaining blocks


def normalise_doc_no(printed: str, year: int | None = None) -> str:
    plain = LEAD.sub("", compact(printed))
    return plain if parse(plain) else (suggest(plain, year) or "")


def _classify(text: str, head: Head) -> bool:
    """Record ``text`` if it is a head part; False when it is not one."""
    plain = LEAD.sub("", compact(text))
    if COPY_NO.match(plain):
        head.markings.append(f"份号 {plain}")
    elif SECRET.match(plain):
        head.markings.append(f"密级 {plain}")
    elif URGENCY.match(plain):
        head.removed.append(f"紧急程度“{plain}”")
    elif ISSUER.match(plain):
        head.removed.append("签发人")
    elif DOCNO.match(ISSUER_TAIL.sub("", plain)) and not head.doc_no_printed:
        head.doc_no_printed = ISSUER_TAIL.sub("", plain)
        head.doc_no = normalise_doc_no(head.doc_no_printed)
        head.removed.append("发文字号")
    elif BANNER.match(plain) and not head.banner and "关于" not in plain:
        head.banner = re.sub(r"文件$", "", plain)
        head.removed.append("发文机关标志")
    else:
        return False
    return True


def read_head(blocks: list[Block]) -> tuple[Head, list[Block]]:
    """The head parts found among the first blocks, and the blocks without them."""
    head = Head()
    rest: list[Block] = []
    open_ = True  # the head ends where the text starts: 主送机关 (…：) or a sentence (…。)
    for n, block in enumerate(blocks):
        lines = block.text.split("\n") if block.kind in ("p", "h") else []
        if open_ and n < HEAD_SPAN and lines and all(_classify(line, head) for line in lines):
            continue
        open_ = open_ and not re.search(r"[：:。]$", compact(block.text))
        rest.append(block)
    return head, rest


def _title_like(block: Block) -> bool:
    text = compact(block.text)
    return (
        block.kind in ("p", "h")
        and 0 < len(text) <= 60
        and "\n" not in block.text
        and not re.search(r"[：:。；;，,]$", text)
        and not re.match(r"^[一二三四五六七八九十]+、", text)
    )


def find_title(blocks: list[Block], known: str = "") -> tuple[str, int, int]:
    """(title, first block, number of blocks) of the title at the top of ``blocks``.

    ``known`` is a title the web page states elsewhere: then only blocks that spell exactly it
    are taken out. Otherwise up to three short lines are joined until they end with a 文种.
    """
    start = next((i for i, b in enumerate(blocks[:HEAD_SPAN]) if b.kind in ("p", "h")), -1)
    if start < 0:
        return known, -1, 0
    if known:
        want, acc = compact(known), ""
        for n, block in enumerate(blocks[start : start + TITLE_MAX], 1):
            acc += compact(block.text)
            if acc == want:
                return known, start, n
            if not want.startswith(acc):
                break
        return known, -1, 0
    acc, count = "", 0
    for block in blocks[start : start + TITLE_MAX]:
        if not _title_like(block):
            break
        acc, count = acc + compact(block.text), count + 1
        if acc.endswith(KINDS):
            return acc, start, count
    return (acc, start, count) if count == 1 and len(acc) >= 4 else ("", -1, 0)
