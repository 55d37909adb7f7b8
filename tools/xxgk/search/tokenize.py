"""The one tokenizer of the site search, mirrored in ``site/theme/assets/xxgk/xxgk-search.js``.

Chinese has no spaces, and lunr (py and js) would keep a whole sentence as one token. As
Lucene's CJK analyzer does, a run of Chinese characters becomes its overlapping character
bigrams (政府信息 → 政府 府信 信息) plus, when indexing, its single characters, so that a
one-character query (号) still finds something. Runs of digits and Latin letters stay whole,
so 文件编号 and 索引号 are found exactly or in part: 鄂前政办发〔2018〕96号 gives
… 办发 2018 96 号, and the queries 96号 or 〔2018〕96 give a subset of those tokens.

Text is normalised code point by code point: NFKC, then lower case (full-width ２０１８ →
2018, Ａ → a, compatibility ideographs → their unified form). One code point at a time, so
that the browser can map every normalised character back to the text it highlights, and so
that both sides agree on text that whole-string NFKC would compose differently. Runs are
split by code point, never by UTF-16 unit (ideographs of extension B and later are two
units in JavaScript).

A query uses only the bigrams of runs of two or more characters: every bigram of the query
must occur in the entry, which is close to phrase matching at a fraction of the cost.

``SETTINGS`` travel in the search manifest: the browser builds its tokenizer from them and
refuses an index whose ``algorithm`` it does not implement, so the two sides cannot diverge
silently.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

ALGORITHM = 2  # bump when the rules below change; xxgk-search.js implements exactly this
# Han ideographs: 〇 and ○ of dates written in Chinese numerals, extension A, the unified
# block, compatibility ideographs, and extensions B to H (astral: two UTF-16 units each).
CJK_RANGES = (
    (0x3007, 0x3007),
    (0x25CB, 0x25CB),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)
MAX_ALNUM = 32  # longer runs (hashes, base64) are cut: nobody types them
SETTINGS = {
    "algorithm": ALGORITHM,
    "normalize": "NFKC+lower, per code point",
    "cjk": [list(r) for r in CJK_RANGES],
    "alnum": "0-9a-z",
    "max_alnum": MAX_ALNUM,
}

CJK_CLASS = "".join(f"{chr(a)}-{chr(b)}" if b > a else chr(a) for a, b in CJK_RANGES)
_RUN = re.compile(f"([{CJK_CLASS}]+)|([0-9a-z]+)")
_LAST_DECOMPOSED = 0x2FFFF  # Unicode 14 has no decomposition or case above plane 2


@cache
def _table() -> dict[int, str]:
    """Code point → its normal form, for every code point that has one of its own.
    Built once per process (about 0.1 s); the build warms it before forking its workers."""
    table: dict[int, str] = {}
    for cp in range(_LAST_DECOMPOSED + 1):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if unicodedata.decomposition(c) or c.lower() != c:
            n = unicodedata.normalize("NFKC", c).lower()
            if n != c:
                table[cp] = n
    return table


def prepare() -> None:
    """Build the normalisation table now (before forking, so that workers share it)."""
    _table()


def normalize(text: str) -> str:
    """Each code point's NFKC form, lower-cased (``str.translate``: one lookup a character)."""
    return text.translate(_table())


def tokens(text: str, *, query: bool = False) -> list[str]:
    """Tokens of ``text`` in order, duplicates kept (the index counts them per field)."""
    out: list[str] = []
    for m in _RUN.finditer(normalize(text)):
        cjk, alnum = m.group(1), m.group(2)
        if alnum:
            out.append(alnum[:MAX_ALNUM])
            continue
        if len(cjk) == 1:
            out.append(cjk)
            continue
        if not query:
            out.extend(cjk)
        out.extend(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return out


def query_tokens(text: str) -> list[str]:
    """Distinct query tokens in the order typed."""
    return list(dict.fromkeys(tokens(text, query=True)))


def exact_key(text: str) -> str:
    """A 文件编号 or 索引号 reduced to its runs (鄂前政办发〔2018〕96号 → 鄂前政办发201896号):
    a query with the same key is an exact match, whatever brackets or dashes it was typed with."""
    return "".join(m.group() for m in _RUN.finditer(normalize(text)))


def shard_of(token: str, shards: int) -> int:
    """FNV-1a over code points: cheap, and identical in the browser (Math.imul)."""
    h = 0x811C9DC5
    for ch in token:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h % shards
