"""Pages outside the catalog (home page, policies, report pages) and the files they link to
are published like entries: only a signed review of their exact bytes lets them out.

A page's review is the same record ``xxgk review sign`` writes for an entry, without
索引号; its 审查单位 is the unit running the site (the one whose office is the registry's
公开工作机构) unless the reviewer names another; its 附件哈希 lists the local files the
page links to (CSV downloads, images), which are published only with the page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.io.frontmatter import Document
from xxgk.io.hashing import sha256_bytes, sha256_file
from xxgk.model.layout import CATALOG_DIR, CONTENT_DIR
from xxgk.model.registry import Registry
from xxgk.trust.index import RecordIndex
from xxgk.trust.model import Review
from xxgk.trust.office import office_unit
from xxgk.trust.sign_off import sign_off_reasons
from xxgk.trust.verdict import Basis, mismatch

CONTENT, CATALOG = f"{CONTENT_DIR}/", f"{CATALOG_DIR}/"
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")


def is_page(rel: str) -> bool:
    return rel.startswith(CONTENT) and not rel.startswith(CATALOG)


def readable(doc: Document) -> bool:
    """A page may have front matter or none at all (generated pages have none)."""
    return doc.parsed or all(p.rule == "FM-MISSING" for p in doc.problems)


def page_title(doc: Document) -> str:
    title = doc.meta.get("title") if doc.parsed else None
    if isinstance(title, str) and title.strip():
        return title.strip()
    for line in doc.body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return doc.rel


def page_body(registry: Registry) -> str:
    """The unit running the site: the longest unit name that begins the 公开工作机构's name."""
    return office_unit(registry)


def linked_files(rel: str, body: str) -> list[str]:
    """Local files (not pages) a page links to, as paths relative to the repository root."""
    folder = posixpath.dirname(rel)
    found: list[str] = []
    for target in _LINK.findall(body):
        path = target.split("#")[0].split("?")[0]
        if not path or ":" in path or path.startswith("/") or path.endswith((".md", "/")):
            continue
        full = posixpath.normpath(posixpath.join(folder, path))
        if is_page(full) and full not in found:
            found.append(full)
    return found


@dataclass
class PageVerdict:
    ok: bool
    reason: str = ""
    files: dict[str, str] = field(default_factory=dict)  # linked file -> sha256, published with it
    reviews: list[Review] = field(default_factory=list)  # the verified reviews that publish it


def page_verdict(
    root: Path, doc: Document, idx: RecordIndex, basis: Basis, registry: Registry
) -> PageVerdict:
    if not basis.trust.usable:
        return PageVerdict(False, basis.trust.message)
    names = linked_files(doc.rel, doc.body)
    atts = {posixpath.relpath(n, posixpath.dirname(doc.rel)): sha256_file(root, n) for n in names}
    candidates = [rv for rv in idx.by_sha.get(sha256_bytes(doc.raw), []) if rv.entry == doc.rel]
    if not candidates:
        return PageVerdict(
            False,
            "没有与页面当前内容一致的保密审查记录（页面和条目一样先审查、后公开："
            "xxgk review sign 页面文件）",
        )
    reasons, valid = [], []
    for rv in candidates:
        why = mismatch(
            idx.verified(rv), "", "主动公开", atts, basis, [page_body(registry)]
        ) or "；".join(sign_off_reasons(rv, "", idx))
        if why:
            reasons.append(f"{rv.rel}：{why}")
        else:
            valid.append(idx.verified(rv))
    if valid:
        files = {n: str(atts[posixpath.relpath(n, posixpath.dirname(doc.rel))]) for n in names}
        return PageVerdict(True, files=files, reviews=valid)
    return PageVerdict(False, "；".join(reasons))
