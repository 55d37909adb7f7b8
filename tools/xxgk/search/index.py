"""The sharded full-text index that the browser queries without building anything.

Everything is under ``search/idx/`` of the site:

- ``manifest.json`` (also inside the search page): number of documents, of shards, the
  block size, the filter values, the tokenizer's settings, the BM25 constants;
- ``t/<shard>.json`` and ``t/<shard>.<k>.json``: posting lists by token (``search.merge``);
- ``x/<id // 1000>/<id>.<block>.json``: ``[row, text]``: the published text of a document in
  blocks of ``counting.BLOCK`` characters, each with the document's result row ``[url,
  信息名称, 产生时间, 文件编号, 索引号, 分类, 发布机构, 责任部门, 公开形式, 内容描述,
  blocks, column, 关键词]`` (a page outside the catalog has only url, title, blocks and the
  column it belongs to). The browser fetches one block for each result it shows — the block
  where the query's words first occur — to show and mark the passage that matched and to
  check that the query occurs there as a phrase; the row comes with it, one request a result.

Documents are numbered in display order: catalog entries newest first, then the pages of
the site's columns. A query fetches the shards of its few tokens, the long lists among them
and a block of each result it shows — never the whole index.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from xxgk.search.counting import BLOCK, OVERLAP, blocks_of
from xxgk.search.doc import K1, LEVELS, B
from xxgk.search.merge import dump, write_bytes
from xxgk.search.tokenize import SETTINGS

FACETS = {"c": "分类", "d": "责任部门", "y": "年份", "f": "公开形式"}
ROW_BLOCKS = 10  # the row's field that says how many blocks the text has
INDEX_DIR = "search/idx"


def shards_for(documents: int) -> int:
    """Shards for ``documents``, known before the index is built (the search page carries
    the manifest): one for some 32 documents keeps a shard near 2 KB (its lists are the
    short ones; a long list has a file of its own), and the files few: each costs a write."""
    n = 8
    while n < 8192 and n * 32 < documents:
        n *= 2
    return n


def make_manifest(
    documents: int, entries: int, version: str, facets: dict[str, list[str]], snippet_chars: int
) -> dict[str, Any]:
    return {
        "版本": version,
        "n": documents,
        "entries": entries,
        "shards": shards_for(documents),
        "block": BLOCK,
        "overlap": OVERLAP,
        "snippet": snippet_chars,
        "bm25": {"k1": K1, "b": B, "levels": LEVELS},
        "tokenizer": SETTINGS,
        "facets": {k: facets.get(k, []) for k in FACETS},
    }


def order(values: Iterable[str], preferred: list[str] | None) -> list[str]:
    """Registry order first (categories as 附件1 lists them), then the rest, newest year first."""
    found = set(values)
    head = [v for v in (preferred or []) if v in found]
    return head + sorted(found - set(head), reverse=True)


def text_path(doc_id: int, block: int) -> str:
    return f"x/{doc_id // 1000}/{doc_id}.{block}.json"


def write_text(folder: Path, doc_id: int, text: str, row: list[Any]) -> int:
    """Write a document's blocks (at least one, if empty), each with its row (whose
    ``ROW_BLOCKS`` field is set here); returns how many."""
    parts = blocks_of(text) or [""]
    row[ROW_BLOCKS] = len(parts)
    for k, part in enumerate(parts):
        write_bytes(folder / text_path(doc_id, k), dump([row, part]))
    return len(parts)


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    write_bytes(folder / "manifest.json", dump(manifest))
