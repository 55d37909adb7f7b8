"""The one tokenizer of the site search, mirrored line by line in ``site/assets/xxgk-search.js``.

Chinese has no spaces, and lunr (py and js) would keep a whole sentence as one token. As
Lucene's CJK analyzer does, a run of Chinese characters becomes its overlapping character
bigrams (政府信息 → 政府 府信 信息) plus, when indexing, its single characters, so that a
one-character query (号) still finds something. Runs of digits and Latin letters stay whole,
so 文件编号 and 索引号 are found exactly or in part: 鄂前政办发〔2018〕96号 gives
… 办发 2018 96 号, and the queries 96号 or 〔2018〕96 give a subset of those tokens.

Text is NFKC-normalised first (full-width ２０１８ → 2018, Ａ → a) and lower-cased.
A query uses only the bigrams of runs of two or more characters: every bigram of the query
must occur in the entry, which is close to phrase matching at a fraction of the cost.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (BMP, with extension A and compatibility ideographs), 〇 and ○ of dates
# written in Chinese numerals. The JS twin uses the same ranges.
_CJK = "\u3007\u25cb\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"([{_CJK}]+)|([0-9a-z]+)")
MAX_ALNUM = 32  # longer runs (hashes, base64) are cut: nobody types them


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


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


def shard_of(token: str, shards: int) -> int:
    """FNV-1a over code points: cheap, and identical in the browser (Math.imul)."""
    h = 0x811C9DC5
    for ch in token:
        h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return h % shards
