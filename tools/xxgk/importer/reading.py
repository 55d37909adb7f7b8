"""What an import has read from a document: metadata proposals with their origin, and the
cleaned body (filled by :mod:`xxgk.importer.guess`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from xxgk.importer.blocks import Block


@dataclass
class Guess:
    value: str
    origin: str  # where it was read, in Chinese


@dataclass
class Reading:
    fields: dict[str, Guess] = field(default_factory=dict)
    markings: list[str] = field(default_factory=list)  # 份号, 密级 as printed
    removed: list[str] = field(default_factory=list)  # parts taken out of the body
    notes: list[str] = field(default_factory=list)  # things staff should look at
    listed: list[str] = field(default_factory=list)  # attachments named in 附件说明
    sections: list[str] = field(default_factory=list)  # attachments found in the text
    joint: list[str] = field(default_factory=list)  # 联合发文机关 when several signed
    old_index: str = ""  # the 索引号 a web page already showed
    topic: str = ""  # the page's own 主题分类 and where it stood (a hint for 分类)
    body: list[Block] = field(default_factory=list)
