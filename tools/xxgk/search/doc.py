"""One document of the index and what it contributes: a code per token, BM25F-style.

Every field adds its occurrences of a token with the field's weight; the body (with the
text of the attachments) is normalised by its length against the catalog's average, as
BM25 does; the sum is saturated (k1) and quantised to ``LEVELS`` steps. The browser
multiplies each step by the token's idf, computed from the length of its posting list.

A code is ``level | first_block << 4`` (a block below 65,536: 128 million characters): the block of the body where the token first occurs
tells the browser which part of a long body to fetch for the snippet.

Besides its words a document has: *title* tokens (``TITLE`` + token), so that a result
whose 信息名称 holds every query token ranks above the rest; *exact* tokens (``#n:`` + the
文件编号 or 索引号 reduced by ``exact_key``), so that a query that is a document number
finds that document first; and *facets* (``#c:政策文件`` …), the filters.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from xxgk.search.counting import count_long, count_short
from xxgk.search.tokenize import exact_key

# field -> weight (BM25F): a token in the 文件编号 counts as five in the body.
WEIGHTS = {
    "文件编号": 5.0,
    "索引号": 5.0,
    "信息名称": 3.0,
    "关键词": 2.0,
    "内容描述": 1.5,
    "发布机构": 1.0,
    "责任部门": 1.0,
    "分类": 4.0,
    "公开形式": 4.0,
    "产生时间": 0.5,
    "公开时限": 0.5,
}
K1, B = 1.2, 0.75
LEVELS = 15  # codes 1..15; 0 never occurs (a token that is there scores)
TITLE = "\x01"  # prefix of title tokens in the postings (never typed: not a token character)
EXACT = "#n:"
BLOCK_SHIFT = 4


@dataclass
class IndexDoc:
    """What the index needs of one published page or entry (``site.searchdata`` makes them)."""

    fields: dict[str, str]  # WEIGHTS keys -> text; a page has only its 信息名称 (title)
    body: str = ""  # plain text of the body and its attachments, as published
    length: int = 0  # size of the body in bytes, for length normalisation
    exact: list[str] = field(default_factory=list)  # 文件编号, 索引号
    facets: dict[str, str] = field(default_factory=dict)  # "c" -> 政策文件 …
    row: list[Any] = field(default_factory=list)  # what a result shows (``search.index``)


def _level(tf: float) -> int:
    """BM25's saturation tf (k1 + 1) / (tf + k1), in LEVELS steps of (k1 + 1) / LEVELS."""
    return max(1, min(LEVELS, math.ceil(LEVELS * tf / (tf + K1))))


@cache
def _meta_level(weighted: float) -> int:
    """``_level`` of a token only in the metadata: sums of the weights, a few values."""
    return _level(weighted)


def levels(norm: float, top: int) -> list[int]:
    """``_level(n / norm)`` of every body count n in 0..top. The level rises with n, so the
    table is made from the count where each level starts, not with a call per count:
    level >= L  <=>  n > norm * K1 * (L - 1) / (LEVELS + 1 - L)."""
    table, level = [0], 1
    for nxt in range(2, LEVELS + 1):
        start = max(len(table), int(norm * K1 * (nxt - 1) / (LEVELS + 1 - nxt)) + 1)
        if start > top:
            break
        table += [level] * (start - len(table))
        level = nxt
    table += [level] * (top + 1 - len(table))
    return table


def codes(doc: IndexDoc, pivot: float, last_block: int = 0) -> dict[str, int]:
    """token -> code for one document; ``pivot``: the average body length in bytes;
    ``last_block``: the last block written (no hint points past it)."""
    norm = 1 - B + B * (doc.length / pivot if pivot > 0 else 1.0)
    body, first = count_long(doc.body) if doc.body else ({}, {})
    if last_block and first and max(first.values()) > last_block:  # NFKC made the text longer
        first = {t: min(b, last_block) for t, b in first.items()}
    out: dict[str, int] = {}
    if body:  # one C loop over the counts: a long body has thousands of tokens
        table = levels(norm, max(body.values()))
        out = dict(zip(body, map(table.__getitem__, body.values())))
        for tok, block in first.items():
            if block and tok in out:
                out[tok] |= block << BLOCK_SHIFT
    title = count_short(doc.fields.get("信息名称", ""))
    for tok, weighted in _metadata(doc, title).items():
        n = body.get(tok, 0)
        level = _level(weighted + n / norm) if n else _meta_level(weighted)
        out[tok] = level | first.get(tok, 0) << BLOCK_SHIFT
    out.update(dict.fromkeys([TITLE + tok for tok in title], 1))
    out.update(dict.fromkeys([EXACT + k for k in map(exact_key, doc.exact) if k], 1))
    out.update({f"#{key}:{value}": 1 for key, value in doc.facets.items() if value})
    return out


def _metadata(doc: IndexDoc, title: Counter[str]) -> dict[str, float]:
    """Weighted occurrences in the short fields (fields of one weight counted together)."""
    groups: dict[float, list[str]] = {}
    for name, text in doc.fields.items():
        if text and name != "信息名称":
            groups.setdefault(WEIGHTS.get(name, 1.0), []).append(text)
    meta: dict[str, float] = {}
    for tok, n in title.items():
        meta[tok] = WEIGHTS["信息名称"] * n
    for weight, texts in groups.items():
        for tok, n in count_short("\n".join(texts)).items():
            meta[tok] = meta.get(tok, 0.0) + weight * n
    return meta
