"""What the site gives the search index (``xxgk.search``): only what it publishes.

Catalog entries come from the one publish decision (``site.gather``); their text is the
HTML the worker that writes the entry page has just rendered and sanitized, plus the text
of attachments the scanner can read (text files and Word). Pages of the site's columns
(制度, 指南, 年报, 社会评议, 回应关切) are indexed as MkDocs renders them, and only when
they are published: a page from content/ must be in the inventory's published list; a
generated page must not be the notice that replaces a page whose review failed.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.structure.files import File, Files

from xxgk.io.parallel import fork_map
from xxgk.io.safefs import UnsafeFile
from xxgk.model.registry import Registry
from xxgk.scan.attachments import attachment_text
from xxgk.search.doc import WEIGHTS, IndexDoc
from xxgk.search.index import INDEX_DIR, make_manifest, order, write_manifest
from xxgk.search.merge import MergeJob, merge_range
from xxgk.search.text import html_text
from xxgk.search.tokenize import prepare
from xxgk.search.writer import IndexPlan, SliceResult, SliceWriter, file_sizes
from xxgk.site.catalog import Entry
from xxgk.site.inventory import NOTICE_PAGE
from xxgk.site.listings import list_url

# Pages of these columns are searchable, shown with the column's name.
COLUMNS = {
    "guide/": "政府信息公开指南",
    "policies/": "政府信息公开制度",
    "reports/": "政府信息公开年报",
    "evaluation/": "社会评议",
    "responses/": "回应关切",
}


@dataclass
class PageText:
    """A published page as MkDocs rendered it (collected in ``on_page_content``)."""

    url: str
    title: str
    column: str
    html: str


def column_of(src_uri: str) -> str | None:
    return next((name for prefix, name in COLUMNS.items() if src_uri.startswith(prefix)), None)


def searchable_pages(files: Files, published: Iterable[str], docs_prefix: str) -> list[str]:
    """src_uri of every page to index, in index order. ``published``: content/… paths the
    inventory let through; ``docs_prefix``: how those paths start (``content/``)."""
    kept = set(published)
    found = []
    for f in files.documentation_pages():
        if column_of(f.src_uri) is None:
            continue
        if f.generated_by:
            ok = _generated_text(f) != NOTICE_PAGE  # a page whose review failed is a notice
        else:
            ok = f"{docs_prefix}{f.src_uri}" in kept
        if ok:
            found.append(f.src_uri)
    return sorted(found)


def _generated_text(f: File) -> str:
    try:
        return f.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        return NOTICE_PAGE  # unreadable: treated as not published


def attachments_text(root: Path, e: Entry) -> str:
    """Text of the attachments the scanner can read, each under its name."""
    parts = []
    for att in e.attachments:
        rel = (PurePosixPath(e.rel).parent / att.target).as_posix()
        try:
            text, _ = attachment_text(root, rel)
        except (OSError, UnsafeFile):  # the page build reports a missing or unsafe attachment
            continue
        if text:
            parts.append(f"附件 {att.name}\n{text}")
    return "\n\n".join(parts)


def entry_doc(e: Entry, html: str, root: Path, size: int) -> IndexDoc:
    """``size``: bytes of the entry's file (``IndexPlan.sizes``)."""
    fields = {k: e.text(k) for k in WEIGHTS}
    body, length = "", 0
    if e.has_body:
        extra = attachments_text(root, e) if e.attachments else ""
        body = f"{html_text(html)}\n\n{extra}" if extra else html_text(html)
        length = size + len(extra.encode("utf-8"))
    facets = {
        "c": e.text("分类"),
        "d": f"{e.text('发布机构')}/{e.text('责任部门')}",
        "y": e.year,
        "f": e.text("公开形式"),
    }
    return IndexDoc(
        fields, body, length, [e.text("文件编号"), e.text("索引号")], facets, entry_row(e)
    )


def page_doc(page: PageText) -> IndexDoc:
    body = html_text(page.html)
    return IndexDoc({"信息名称": page.title}, body, len(body.encode("utf-8")), row=page_row(page))


def entry_row(e: Entry) -> list[Any]:
    """What a result shows of an entry (``search.index``; the count of blocks is set later)."""
    return [
        e.url,
        e.title,
        e.date,
        e.text("文件编号"),
        e.text("索引号"),
        e.text("分类"),
        e.text("发布机构"),
        e.text("责任部门"),
        e.text("公开形式"),
        e.text("内容描述"),
        0,
        "",
        e.text("关键词"),
    ]


def page_row(page: PageText) -> list[Any]:
    return [page.url, page.title, "", "", "", "", "", "", "", "", 0, page.column]


class EntrySink:
    """Called by the worker that has just written an entry page (``site.build``)."""

    def __init__(self, writer: SliceWriter, root: Path) -> None:
        self.writer, self.root = writer, root

    def __call__(self, doc_id: int, e: Entry, html: str) -> None:
        self.writer.add(doc_id, entry_doc(e, html, self.root, self.writer.plan.sizes[doc_id]))


def manifest_for(
    entries: list[Entry], pages: int, registry: Registry, version: str, snippet_chars: int
) -> dict[str, Any]:
    """The filters offer only values that occur: categories and bodies in registry order."""
    depts = {f"{e.text('发布机构')}/{e.text('责任部门')}" for e in entries}
    facets = {
        "c": order({e.text("分类") for e in entries}, [c.name for c in registry.categories]),
        "d": order(
            depts, [d for u in registry.units for d in sorted(depts) if d.startswith(u.name + "/")]
        ),
        "y": order({e.year for e in entries}, None),
        "f": order({e.text("公开形式") for e in entries}, ["主动公开", "依申请公开"]),
    }
    manifest = make_manifest(len(entries) + pages, len(entries), version, facets, snippet_chars)
    manifest["lists"] = [[c.name, list_url("category", c.code)] for c in registry.categories]
    return manifest


class PageData(str):
    """The manifest as a ``<script type="application/json">`` element (data, which the
    Content-Security-Policy allows), with ``lists``: (category, listing URL) for the
    ``<noscript>`` part of the search template."""

    lists: list[list[str]]


def manifest_script(manifest: dict[str, Any]) -> PageData:
    """The manifest inside the search page, safe in HTML (no ``</script>`` can close it)."""
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    out = PageData(f'<script type="application/json" id="xxgk-manifest">{text}</script>')
    out.lists = manifest.get("lists", [])
    return out


def plan_index(
    entries: list[Entry], root: Path, site_dir: Path, manifest: dict[str, Any], body_chars: int
) -> IndexPlan:
    prepare()  # the normalisation table, built once here and shared by the forked workers
    sizes, pivot = file_sizes([root / e.rel if e.has_body else None for e in entries])
    work = Path(tempfile.mkdtemp(prefix="xxgk-index-"))
    return IndexPlan(
        site_dir / INDEX_DIR,
        work,
        int(manifest["shards"]),
        int(manifest["n"]),
        pivot,
        sizes,
        body_chars,
    )


def index_pages(plan: IndexPlan, first_id: int, pages: list[PageText]) -> SliceResult:
    writer = SliceWriter(plan, first_id)
    for k, page in enumerate(pages):
        writer.add(first_id + k, page_doc(page))
    return writer.close()


def finish_index(
    plan: IndexPlan, results: list[SliceResult], manifest: dict[str, Any], workers: int
) -> dict[str, int]:
    """Merge the runs into posting lists (in worker processes), then write the manifest."""
    job = MergeJob(sorted(r.run for r in results), plan.folder, plan.shards, plan.documents)
    try:
        parts = fork_map(merge_range, job, plan.shards, workers)
    finally:
        shutil.rmtree(plan.work, ignore_errors=True)
    write_manifest(plan.folder, manifest)
    sizes = {
        "documents": plan.documents,
        "shards": plan.shards,
        "text_blocks": sum(sum(r.blocks.values()) for r in results),
    }
    for part in parts:
        for key, value in part.items():
            sizes[key] = sizes.get(key, 0) + value
    return sizes
