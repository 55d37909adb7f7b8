"""Pass one of an index build, in whichever process has a document's text.

The site's workers already read and render every body to write its page; a
``SliceWriter`` takes each published document there, writes its text blocks and adds its
postings to the slice's ``SliceIndex``, which ``close`` spills to a run file. Nothing but the
run file's name and the number of blocks per document go back to the main process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.search.doc import IndexDoc, codes
from xxgk.search.index import write_text
from xxgk.search.runs import SliceIndex

_SHARD_CACHE: dict[int, dict[str, int]] = {}  # per process, by shard count: token -> shard


@dataclass
class IndexPlan:
    """What both passes share; made in the main process before any worker is forked."""

    folder: Path  # site/search/idx
    work: Path  # a temporary folder for the run files
    shards: int
    documents: int  # entries and pages
    pivot: float  # average body length in bytes (BM25's avgdl)
    sizes: list[int]  # bytes of each entry's file (a stat each, here rather than in every worker)
    body_limit: int = 0  # characters of a body indexed; 0: all of it


@dataclass
class SliceResult:
    run: Path
    blocks: dict[int, int] = field(default_factory=dict)  # document id -> text blocks
    postings: int = 0


class SliceWriter:
    def __init__(self, plan: IndexPlan, first_id: int) -> None:
        self.plan = plan
        self.index = SliceIndex()
        self.result = SliceResult(plan.work / f"run-{first_id:09d}.bin")

    def add(self, doc_id: int, doc: IndexDoc) -> None:
        if self.plan.body_limit and len(doc.body) > self.plan.body_limit:
            doc.body = doc.body[: self.plan.body_limit]
        # Every document has a first block (it carries the row): the body, or for an entry
        # published without one (依申请公开) its description.
        text = doc.body or doc.fields.get("内容描述", "")
        blocks = write_text(self.plan.folder, doc_id, text, doc.row)
        self.index.add(doc_id, codes(doc, self.plan.pivot, blocks - 1))
        self.result.blocks[doc_id] = blocks

    def close(self) -> SliceResult:
        cache = _SHARD_CACHE.setdefault(self.plan.shards, {})
        self.result.postings = self.index.spill(self.result.run, self.plan.shards, cache)
        return self.result


def file_sizes(paths: list[Path | None]) -> tuple[list[int], float]:
    """(size of each file in bytes, 0 for None; their average: BM25's average length)."""
    sizes = [os.path.getsize(p) if p else 0 for p in paths]
    known = [n for n, p in zip(sizes, paths) if p]
    return sizes, (sum(known) / len(known) if known else 0.0)
