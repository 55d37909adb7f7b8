"""Read a built index as the browser does (tools/xxgk/site/theme/assets/xxgk/xxgk-search.js):
posting lists, in either form, and the documents holding every required query token."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from xxgk.search.index import text_path
from xxgk.search.tokenize import query_tokens, shard_of


class Index:
    def __init__(self, site: Path) -> None:
        self.folder = site / "search" / "idx"
        self.manifest = json.loads((self.folder / "manifest.json").read_text("utf-8"))
        self.rows: list[list[Any]] = [self.block(i, 0)[0] for i in range(self.manifest["n"])]
        self.urls = [r[0] for r in self.rows]

    def block(self, doc_id: int, k: int) -> list[Any]:
        """[row, text] of a document's block k."""
        return json.loads((self.folder / text_path(doc_id, k)).read_text("utf-8"))

    def entry(self, token: str) -> dict[str, Any]:
        shard = shard_of(token, self.manifest["shards"])
        found = json.loads((self.folder / "t" / f"{shard}.json").read_text("utf-8")).get(token, {})
        if isinstance(found, int):
            found = json.loads((self.folder / "t" / f"{shard}.{found}.json").read_text("utf-8"))
        return found

    def docs(self, token: str, title: bool = False) -> set[int]:
        e = self.entry(token)
        plain, complement = ("h", "hx") if title else ("p", "x")
        if plain in e:
            return set(_ids(e[plain]))
        if complement in e:
            return set(range(self.manifest["n"])) - set(_ids(e[complement]))
        return set()

    def codes(self, token: str) -> dict[int, int]:
        e = self.entry(token)
        ids = _ids(e.get("p", []))
        w = e.get("w", 1)
        return dict(zip(ids, w if isinstance(w, list) else [w] * len(ids)))

    def find(self, query: str) -> list[str]:
        """URLs of the documents with every required token (a lone Chinese character beside
        other tokens is not required, as in the browser)."""
        words = query_tokens(query)
        required = [w for w in words if not _single(w)] or words
        found = set(range(self.manifest["n"]))
        for w in required:
            found &= self.docs(w)
        return [self.urls[i] for i in sorted(found)]

    def text(self, doc_id: int) -> str:
        """The document's text blocks put together again (each block overlaps the next)."""
        size = self.manifest["block"]
        return "".join(self.block(doc_id, k)[1][:size] for k in range(self.rows[doc_id][10]))


def _ids(deltas: list[int]) -> list[int]:
    out, at = [], 0
    for d in deltas:
        at += d
        out.append(at)
    return out


def _single(token: str) -> bool:
    return len(token) == 1 and not token.isascii()
