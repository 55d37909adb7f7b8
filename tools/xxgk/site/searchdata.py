"""Entries as search documents (the Python side of the site search)."""

from __future__ import annotations

from pathlib import Path

from xxgk.search.index import IndexBuilder, SearchDoc
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


def write_index(entries: list[Entry], site_dir: Path, version: str, body_chars: int,
                snippet_chars: int, categories: list[str], units: list[str]) -> dict[str, int]:
    builder = IndexBuilder()
    for e in entries:
        builder.add(search_doc(e, body_chars, snippet_chars))
    order = {"c": categories, "f": ["主动公开", "依申请公开"],
             "d": [v for u in units for v in sorted(builder.facet_values.get("d", set()))
                   if v.startswith(u + "/")]}
    return builder.write(site_dir / INDEX_DIR, version, order)
