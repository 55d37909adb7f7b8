"""Entries as search documents (the Python side of the site search)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from xxgk.model.registry import Registry
from xxgk.search.index import IndexBuilder, SearchDoc, make_manifest, order
from xxgk.site.catalog import Entry

INDEX_DIR = "search/idx"


def search_doc(e: Entry, body_chars: int, snippet_chars: int) -> SearchDoc:
    body = e.plain
    fields = {k: e.text(k) for k in ("信息名称", "文件编号", "索引号", "关键词", "内容描述",
                                     "发布机构", "责任部门", "分类", "公开形式")}
    fields["正文"] = body[:body_chars]
    snippet = (e.text("内容描述") + " " + body)[:snippet_chars]
    facets = {"c": e.text("分类"), "d": f"{e.text('发布机构')}/{e.text('责任部门')}",
              "y": e.year, "f": e.text("公开形式")}
    return SearchDoc(e.url, fields, e.date, snippet, facets)


def manifest_for(entries: list[Entry], registry: Registry, version: str) -> dict[str, Any]:
    """The filters offer only values that occur: categories and bodies in registry order."""
    depts = {f"{e.text('发布机构')}/{e.text('责任部门')}" for e in entries}
    facets = {
        "c": order({e.text("分类") for e in entries}, [c.name for c in registry.categories]),
        "d": order(depts, [d for u in registry.units for d in sorted(depts) if d.startswith(u.name + "/")]),
        "y": order({e.year for e in entries}, None),
        "f": order({e.text("公开形式") for e in entries}, ["主动公开", "依申请公开"]),
    }
    return make_manifest(len(entries), version, facets)


def manifest_script(manifest: dict[str, Any]) -> str:
    """The manifest inside the search page, safe in HTML (no ``</script>`` can close it)."""
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="xxgk-manifest">{text}</script>'


def write_index(entries: list[Entry], site_dir: Path, manifest: dict[str, Any], body_chars: int,
                snippet_chars: int) -> dict[str, int]:
    builder = IndexBuilder()
    for e in entries:
        builder.add(search_doc(e, body_chars, snippet_chars))
    return builder.write(site_dir / INDEX_DIR, manifest)
