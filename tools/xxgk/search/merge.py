"""Pass two of an index build: merge the run files shard by shard and write the posting lists.

A token's entry in ``t/<shard>.json`` is an object:

- ``p``: its documents as id deltas (ids ascending: newest entries first, pages after);
  ``w``: their codes (``search.doc``), or one number when all are equal;
- or, when more than half of all documents have the token, ``x``: the documents that do
  *not* have it, and ``w``: the most common level. Such a token (工作, 公开) has a tiny
  idf: its levels barely move a score, and its list would cost more than the rest of the
  query;
- ``h`` (or ``hx``, the complement): the documents whose title has the token.

An entry of more than ``BIG`` bytes is written to ``t/<shard>.<k>.json`` and the shard holds
its number ``k`` instead: a query fetches the shards of its tokens and then only those
big lists, never another token's big list.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from dataclasses import dataclass
from operator import sub
from pathlib import Path
from typing import Any

from xxgk.io.output import write_output
from xxgk.search.doc import TITLE
from xxgk.search.runs import CODE_BITS, CODE_MASK, read_sections

BIG = 1536  # bytes of JSON: a longer entry gets a file of its own


@dataclass
class MergeJob:
    runs: list[Path]  # in document order
    folder: Path  # search/idx/
    shards: int
    documents: int


def _deltas(ids: list[int]) -> list[int]:
    return list(map(sub, ids, [0, *ids[:-1]]))


def _ids(packed: array[int]) -> list[int]:
    return [p >> CODE_BITS for p in packed]


def _complement(ids: list[int], documents: int) -> list[int]:
    return sorted(set(range(documents)).difference(ids))


def encode(packed: array[int] | None, title: array[int] | None, documents: int) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if packed:
        ids = _ids(packed)
        levels = [p & CODE_MASK for p in packed]
        if 2 * len(ids) > documents:
            entry["x"] = _deltas(_complement(ids, documents))
            entry["w"] = Counter(p & 0xF for p in levels).most_common(1)[0][0]
        else:
            entry["p"] = _deltas(ids)
            entry["w"] = levels[0] if levels.count(levels[0]) == len(levels) else levels
    if title:
        ids = _ids(title)
        if 2 * len(ids) > documents:
            entry["hx"] = _deltas(_complement(ids, documents))
        else:
            entry["h"] = _deltas(ids)
    return entry


def _joined(parts: list[bytes]) -> array[int]:
    out = array("Q")
    out.frombytes(b"".join(parts))
    return out


def merge_range(job: MergeJob, start: int, stop: int) -> dict[str, int]:
    """Write shards ``start``..``stop - 1``; returns counts for the build log."""
    readers = [read_sections(run, start, stop) for run in job.runs]
    stats = {"tokens": 0, "postings": 0, "big": 0}
    for shard in range(start, stop):
        found: dict[str, list[bytes]] = {}
        for reader in readers:
            for tok, data in next(reader).items():
                found.setdefault(tok, []).append(data)
        _write_shard(job, shard, found, stats)
    return stats


def _write_shard(
    job: MergeJob, shard: int, found: dict[str, list[bytes]], stats: dict[str, int]
) -> None:
    out: dict[str, Any] = {}
    big = 0
    for tok in sorted({t.removeprefix(TITLE) for t in found}):
        packed = _joined(found[tok]) if tok in found else None
        title = found.get(TITLE + tok)
        entry = encode(packed, _joined(title) if title else None, job.documents)
        stats["tokens"] += 1
        stats["postings"] += len(packed) if packed else 0
        text = dump(entry)
        if len(text) > BIG:
            big += 1
            write_bytes(job.folder / "t" / f"{shard}.{big}.json", text)
            out[tok] = big
        else:
            out[tok] = entry
    stats["big"] += big
    write_bytes(job.folder / "t" / f"{shard}.json", dump(out))


def dump(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_bytes(path: Path, data: bytes) -> None:
    # A build artefact under site/, rebuilt whole each time (as MkDocs writes its pages):
    # no fsync per file, which would cost seconds on thousands of files.
    write_output(path, data)
