"""The published catalog as the site shows it: entries in date order, grouped for listings.

Built from ``xxgk.io.publication.decisions`` only; knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xxgk.io.frontmatter import Document
from xxgk.model.entry import file_stem
from xxgk.model.publish import Decision, Visibility
from xxgk.model.registry import Registry

META_KEYS = ("索引号", "分类", "发布机构", "产生时间", "信息名称", "文件编号", "公开形式",
             "公开时限", "责任部门", "关键词", "内容描述")
_MD_NOISE = re.compile(r"[#>*_`|\[\]()!~-]+|\{:[^}]*\}|<[^>]+>")


@dataclass
class Attachment:
    name: str
    source: Path  # absolute path of the file beside the entry
    target: str  # path relative to the entry's page folder


@dataclass
class Entry:
    doc: Document
    decision: Decision
    url: str  # site-relative, e.g. catalog/000014349-2018-01705/
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def meta(self) -> dict[str, Any]:
        return self.doc.meta

    def text(self, key: str) -> str:
        value = self.doc.meta.get(key)
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

    def plain_body(self, limit: int) -> str:
        """The body as plain text, for snippets and the index (no body for 依申请公开)."""
        if not self.has_body:
            return ""
        text = _MD_NOISE.sub(" ", self.doc.body[: limit * 3])
        return " ".join(text.split())[:limit]


def published(root: Path, found: dict[str, tuple[Document, Decision]]) -> list[Entry]:
    """Listed entries, newest first (ties: larger 索引号 first, so the order is stable)."""
    entries = [Entry(doc, dec, entry_url(doc), attachments(root, doc) if dec.has_body else [])
               for doc, dec in found.values() if dec.listed]
    entries.sort(key=lambda e: (e.date, e.text("索引号")), reverse=True)
    return entries


def entry_url(doc: Document) -> str:
    """Keyed by the 索引号, which never changes: moving the file keeps the address."""
    return f"catalog/{file_stem(str(doc.meta.get('索引号', '')))}/"


def attachments(root: Path, doc: Document) -> list[Attachment]:
    found = []
    folder = (root / doc.rel).parent
    for item in doc.meta.get("附件") or []:
        if isinstance(item, dict) and isinstance(item.get("文件"), str):
            rel = item["文件"].replace("\\", "/").lstrip("/")
            found.append(Attachment(str(item.get("名称") or rel), folder / rel, rel))
    return found


def attachment_problems(root: Path, entry: Entry) -> list[str]:
    """Attachments must be files inside the entry's folder: nothing else of the repository
    may be copied to the site by naming it (``../../requests/…``)."""
    found = []
    folder = (root / entry.doc.rel).parent.resolve()
    for att in entry.attachments:
        src = att.source.resolve()
        if ".." in Path(att.target).parts or not src.is_relative_to(folder):
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
    cats = [Group("category", c.code, c.name, by["category"].get(c.name, []))
            for c in registry.categories]
    units = [Group("unit", u.code, u.name, by["unit"][u.name])
             for u in registry.units if u.name in by["unit"]]
    years = [Group("year", y, f"{y}年", by["year"][y]) for y in sorted(by["year"], reverse=True)]
    return {"category": cats, "unit": units, "year": years}
