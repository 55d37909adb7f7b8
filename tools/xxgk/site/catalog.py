"""The published catalog as the site shows it: entries in date order, grouped for listings.

Built from ``xxgk.trust.decision.decisions`` only; knows nothing of MkDocs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import Document
from xxgk.model import safety
from xxgk.model.entry import file_stem
from xxgk.model.problem import Problem
from xxgk.model.publish import Decision, Visibility
from xxgk.model.registry import Registry
from xxgk.rules import unsafe_markup

META_KEYS = (
    "索引号",
    "分类",
    "发布机构",
    "产生时间",
    "信息名称",
    "文件编号",
    "公开形式",
    "公开时限",
    "责任部门",
    "关键词",
    "内容描述",
)
_MD_NOISE = re.compile(r"[#>*_`|\[\]()!~-]+|\{:[^}]*\}|<[^>]+>")


@dataclass
class Attachment:
    name: str
    source: Path  # absolute path of the file beside the entry
    target: str  # path relative to the entry's page folder, as written in 文件

    @property
    def href(self) -> str:
        return safety.href(self.target)


@dataclass
class Entry:
    """What the site keeps of a listed entry: its metadata, not its body (the body is read
    again when its page is written, and must still have the bytes that were decided on)."""

    rel: str
    meta: dict[str, Any]
    decision: Decision
    url: str  # site-relative, e.g. catalog/000014349-2018-01705/
    sha256: str
    plain: str = ""  # start of the body as plain text, for snippets and the index
    attachments: list[Attachment] = field(default_factory=list)

    def text(self, key: str) -> str:
        value = self.meta.get(key)
        return value if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        return self.text("信息名称")

    @property
    def date(self) -> str:
        return self.text("产生时间")

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def has_body(self) -> bool:
        return self.decision.visibility is Visibility.PUBLISHED

    def term(self) -> str:
        end = self.text("公开截止日期")
        return f"{self.text('公开时限')}（至 {end}）" if end else self.text("公开时限")


def plain_text(markdown: str, limit: int) -> str:
    text = _MD_NOISE.sub(" ", markdown[: limit * 3])
    return " ".join(text.split())[:limit]


def make_entry(root: Path, doc: Document, decision: Decision, plain_chars: int) -> Entry:
    body = decision.has_body
    return Entry(
        doc.rel,
        doc.meta,
        decision,
        entry_url(doc),
        hashlib.sha256(doc.raw).hexdigest(),
        plain_text(doc.body, plain_chars) if body else "",
        attachments(root, doc) if body else [],
    )


@dataclass
class Collected:
    entries: list[Entry] = field(default_factory=list)  # listed, newest first
    unreadable: list[Problem] = field(default_factory=list)  # front matter that cannot be read
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, why no body)
    total: int = 0


def collect(root: Path, pairs: Iterable[tuple[Document, Decision]], plain_chars: int) -> Collected:
    """Keep what the site needs of each entry; the documents themselves are let go."""
    out = Collected()
    for doc, decision in pairs:
        out.total += 1
        if not doc.parsed:
            out.unreadable.extend(p for p in doc.problems if p.rule.startswith("FM-"))
        else:  # reviewed text is never silently altered or dropped: unsafe markup stops the build
            out.unreadable.extend(unsafe_markup.check(doc, None))  # type: ignore[arg-type]
        if not decision.has_body:
            out.notes.append((doc.rel, decision.reason))
        if decision.listed:
            out.entries.append(make_entry(root, doc, decision, plain_chars))
    out.entries = published(out.entries)
    return out


def published(entries: list[Entry]) -> list[Entry]:
    """Listed entries, newest first (ties: larger 索引号 first, so the order is stable)."""
    out = [e for e in entries if e.decision.listed]
    out.sort(key=lambda e: (e.date, e.text("索引号")), reverse=True)
    return out


def entry_url(doc: Document) -> str:
    """Keyed by the 索引号, which never changes: moving the file keeps the address."""
    return f"catalog/{file_stem(str(doc.meta.get('索引号', '')))}/"


def attachments(root: Path, doc: Document) -> list[Attachment]:
    found = []
    folder = (root / doc.rel).parent
    for item in doc.meta.get("附件") or []:
        if isinstance(item, dict) and isinstance(item.get("文件"), str):
            rel = item["文件"]
            found.append(Attachment(str(item.get("名称") or rel), folder / rel, rel))
    return found


def attachment_problems(root: Path, entry: Entry) -> list[str]:
    """Attachments must be files inside the entry's folder: nothing else of the repository
    may be copied to the site by naming it (``../../requests/…``); and the name is the link,
    so it must be a plain relative path (``model.safety``)."""
    found: list[str] = []
    if not entry.attachments:
        return found  # (resolving the folder costs a stat per path component)
    folder = (root / entry.rel).parent.resolve()
    for att in entry.attachments:
        bad = safety.path_problem(att.target)
        if bad:
            found.append(bad)
            continue
        src = att.source.resolve()
        if not src.is_relative_to(folder):
            found.append(f"附件“{att.target}”不在条目所在的文件夹里")
        elif not src.is_file():
            found.append(f"附件文件“{att.target}”不存在")
    return found


@dataclass
class Group:
    kind: str  # category | unit | year
    key: str  # slug part: registry code or year
    label: str
    entries: list[Entry]


def groups(entries: list[Entry], registry: Registry) -> dict[str, list[Group]]:
    """Listings by category (registry order), publishing body (registry order), year."""
    by: dict[str, dict[str, list[Entry]]] = {"category": {}, "unit": {}, "year": {}}
    for e in entries:
        by["category"].setdefault(e.text("分类"), []).append(e)
        by["unit"].setdefault(e.text("发布机构"), []).append(e)
        by["year"].setdefault(e.year, []).append(e)
    cats = [
        Group("category", c.code, c.name, by["category"].get(c.name, []))
        for c in registry.categories
    ]
    units = [
        Group("unit", u.code, u.name, by["unit"][u.name])
        for u in registry.units
        if u.name in by["unit"]
    ]
    years = [Group("year", y, f"{y}年", by["year"][y]) for y in sorted(by["year"], reverse=True)]
    return {"category": cats, "unit": units, "year": years}
