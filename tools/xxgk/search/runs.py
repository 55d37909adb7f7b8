"""Postings on disk between the two passes of an index build.

Pass one (the workers that write entry pages) gives every slice of documents a
``SliceIndex``: token -> packed postings of that slice, which is *spilled* to a run file
when the slice is done, so no process ever holds the postings of the whole catalog (at
100,000 entries with their full bodies there are some 100 million). A run file holds one
section per shard, in shard order, and a table of where each starts; pass two reads, for a
range of shards, that part of every run and merges them (``search.merge``).

A posting is one 64-bit number: ``doc_id << 20 | code`` (``search.doc``).
"""

from __future__ import annotations

import marshal
import struct
from array import array
from collections.abc import Iterator
from pathlib import Path

from xxgk.search.doc import TITLE
from xxgk.search.tokenize import shard_of

CODE_BITS = 20
CODE_MASK = (1 << CODE_BITS) - 1
_HEADER = struct.Struct("<Q")
_READ = 8 << 20  # bytes read at once when merging


def base_token(token: str) -> str:
    """The token whose shard holds ``token``: a title token lives beside its word."""
    return token[1:] if token.startswith(TITLE) else token


class SliceIndex:
    """The postings of consecutive documents, added in id order."""

    def __init__(self) -> None:
        self.postings: dict[str, array[int]] = {}

    def add(self, doc_id: int, codes: dict[str, int]) -> None:
        base = doc_id << CODE_BITS
        postings = self.postings
        for tok, code in codes.items():
            try:
                postings[tok].append(base | code)
            except KeyError:
                postings[tok] = array("Q", [base | code])

    def spill(self, path: Path, shards: int, shard_cache: dict[str, int]) -> int:
        """Write the run file; returns the number of postings. ``shard_cache`` is kept by
        the caller across slices (hashing every token again costs more than the lookup)."""
        sections: list[dict[str, bytes]] = [{} for _ in range(shards)]
        total = 0
        for tok, packed in self.postings.items():
            s = shard_cache.get(tok)
            if s is None:
                s = shard_cache[tok] = shard_of(base_token(tok), shards)
            sections[s][tok] = packed.tobytes()
            total += len(packed)
        self.postings = {}
        offsets = array("Q")
        with open(path, "wb") as fh:
            fh.write(_HEADER.pack(0))  # where the offset table starts, filled in below
            for section in sections:
                offsets.append(fh.tell())
                fh.write(marshal.dumps(section))
            offsets.append(fh.tell())
            table = fh.tell()
            fh.write(offsets.tobytes())
            fh.seek(0)
            fh.write(_HEADER.pack(table))
        return total


def read_sections(path: Path, start: int, stop: int) -> Iterator[dict[str, bytes]]:
    """The sections of shards ``start``..``stop - 1`` of one run file, in order, read a few
    megabytes at a time."""
    with open(path, "rb") as fh:
        (table,) = _HEADER.unpack(fh.read(_HEADER.size))
        fh.seek(table + 8 * start)
        offsets = array("Q")
        offsets.frombytes(fh.read(8 * (stop - start + 1)))
        i = 0
        while i < stop - start:
            j = i + 1
            while j < stop - start and offsets[j + 1] - offsets[i] < _READ:
                j += 1
            fh.seek(offsets[i])
            data = fh.read(offsets[j] - offsets[i])
            for k in range(i, j):
                yield marshal.loads(data[offsets[k] - offsets[i] : offsets[k + 1] - offsets[i]])
            i = j
