"""Build the sharded search index that the browser queries without building anything.

Format (all JSON, under ``search/idx/`` of the site):

- ``manifest.json``: number of entries, of shards, entries per chunk, the filter values.
- ``t/<shard>.json``: ``{token: [id deltas, weights]}`` for the tokens whose hash falls in the
  shard (``tokenize.shard_of``). Ids are given in date order (newest first), so a posting
  list is ascending and its deltas are small; ``weights`` is one number when all are equal.
- ``d/<chunk>.json``: per entry ``[url, 信息名称, 产生时间, 文件编号, 索引号, 分类, 发布机构,
  责任部门, 公开形式, snippet text]``, ``CHUNK`` entries a file.

A query fetches the manifest, the shards of its few tokens and the chunks of the results it
shows — never the whole index (one lunr index of 20,000 entries is tens of MB).
Filters are tokens too (``#c:分类`` …), so filtering is one more posting list. A posting is
packed in 32 bits while building (entry id << 8 | weight): up to 16 million entries.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from xxgk.search.tokenize import shard_of, tokens

CHUNK = 50
POSTINGS_PER_SHARD = 4000
POSTINGS_PER_ENTRY = 600  # distinct tokens of an entry (metadata and the indexed body), about
# field -> weight; a token found in several fields adds up (capped at 255).
WEIGHTS = {"文件编号": 12, "索引号": 12, "信息名称": 8, "关键词": 6, "内容描述": 3,
           "发布机构": 2, "责任部门": 2, "分类": 2, "公开形式": 1, "正文": 1}
FACETS = {"c": "分类", "d": "责任部门", "y": "年份", "f": "公开形式"}


@dataclass
class SearchDoc:
    url: str
    fields: dict[str, str]  # WEIGHTS keys -> text
    date: str
    snippet: str
    facets: dict[str, str]  # FACETS keys -> value

    def row(self) -> list[str]:
        f = self.fields
        return [self.url, f.get("信息名称", ""), self.date, f.get("文件编号", ""),
                f.get("索引号", ""), f.get("分类", ""), f.get("发布机构", ""),
                self.facets.get("d", ""), self.facets.get("f", ""), self.snippet]


@dataclass
class IndexBuilder:
    """Add documents in display order (newest first); ``write`` the shards."""

    postings: dict[str, array[int]] = field(default_factory=dict)  # token -> (id << 8 | weight)…
    rows: list[list[str]] = field(default_factory=list)

    def add(self, doc: SearchDoc) -> None:
        doc_id = len(self.rows)
        self.rows.append(doc.row())
        weights: dict[str, int] = {}
        get = weights.get
        for name, text in doc.fields.items():
            w = WEIGHTS.get(name, 1)
            for tok in set(tokens(text)):
                weights[tok] = get(tok, 0) + w  # at most sum(WEIGHTS) = 49: fits a byte
        for key, value in doc.facets.items():
            if value:
                weights[f"#{key}:{value}"] = 1
        postings = self.postings
        shifted = doc_id << 8  # one 32-bit number per posting: id (24 bits) and weight
        for tok, w in weights.items():
            found = postings.get(tok)
            if found is None:
                found = postings[tok] = array("I")
            found.append(shifted | w)

    def write(self, folder: Path, manifest: dict[str, Any]) -> dict[str, int]:
        """Write the index as ``manifest`` (see ``make_manifest``) describes it; returns sizes
        for the build log and the benchmark."""
        shards = int(manifest["shards"])
        buckets: list[dict[str, list[object]]] = [{} for _ in range(shards)]
        for tok, packed in self.postings.items():
            buckets[shard_of(tok, shards)][tok] = _encode(packed)
        for i, bucket in enumerate(buckets):
            _dump(folder / "t" / f"{i}.json", bucket)
        for start in range(0, len(self.rows), CHUNK):
            _dump(folder / "d" / f"{start // CHUNK}.json", self.rows[start : start + CHUNK])
        _dump(folder / "manifest.json", manifest)
        return {"entries": len(self.rows), "shards": shards, "tokens": len(self.postings)}


def shards_for(entries: int) -> int:
    """Shards for a catalog of ``entries``, known before the index is built (the search
    page carries the manifest, so the first query saves a round trip)."""
    n = 8
    while n < 4096 and n * POSTINGS_PER_SHARD < entries * POSTINGS_PER_ENTRY:
        n *= 2
    return n


def make_manifest(entries: int, version: str, facets: dict[str, list[str]]) -> dict[str, Any]:
    return {"版本": version, "n": entries, "shards": shards_for(entries), "chunk": CHUNK,
            "facets": {k: facets.get(k, []) for k in FACETS}}


def order(values: Iterable[str], preferred: list[str] | None) -> list[str]:
    """Registry order first (categories as 附件1 lists them), then the rest, newest year first."""
    found = set(values)
    head = [v for v in (preferred or []) if v in found]
    return head + sorted(found - set(head), reverse=True)


def _encode(packed: array[int]) -> list[object]:
    ids = [p >> 8 for p in packed]
    ws = [p & 0xFF for p in packed]
    deltas = [ids[0]] + [b - a for a, b in pairwise(ids)]
    first = ws[0]
    return [deltas, first if ws.count(first) == len(ws) else ws]


def _dump(path: Path, data: object) -> None:
    # A build artefact under site/, rebuilt whole each time (as MkDocs writes its pages):
    # no fsync per file, which would cost seconds on thousands of shards.
    os.makedirs(path.parent, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
