"""Count the tokens of a document fast: a site has up to 100,000 bodies of 2–60 KB.

The tokens are those of ``tokenize.tokens`` — CJK bigrams and runs of digits and Latin
letters — counted with the C loops of ``collections.Counter`` over ``map(add, s, s[1:])``
instead of a Python loop per character. Long text (bodies and attachments) is indexed
without single characters (they would add a posting for nearly every character of every
body; a one-character query finds titles, keywords and the other metadata); short fields
keep them.

A body is cut into blocks of ``BLOCK`` characters, the unit the browser fetches to show the
passage that matched: for each token the index keeps the first block it occurs in.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import add

from xxgk.search.tokenize import CJK_CLASS, MAX_ALNUM, normalize

BLOCK = 2048  # characters of text per block the browser fetches (about 2.5 KB gzip of Chinese)
OVERLAP = 64  # a block file also holds the start of the next block: phrases on the seam
_CJK_RUN = re.compile(f"[{CJK_CLASS}]{{2,}}")
_CJK_ANY = re.compile(f"[{CJK_CLASS}]+")
_ALNUM = re.compile("[0-9a-z]+")
_SEP = "\x00"


def count_long(text: str, block: int = BLOCK) -> tuple[dict[str, int], dict[str, int]]:
    """(token → occurrences, token → first block it occurs in, for texts of several blocks).
    Blocks are counted on the normalised text, whose offsets differ from the text's only
    where NFKC changes a length (rare): the block is a hint, the browser looks around it."""
    norm = normalize(text)
    total: Counter[str] = Counter()
    first: dict[str, int] = {}
    blocks = -(-len(norm) // block)
    for k in range(blocks - 1, -1, -1):  # backwards: an earlier block overwrites a later one
        # + the next character, so a bigram across the seam is counted (once, here)
        joined = _SEP.join(_CJK_RUN.findall(norm, k * block, (k + 1) * block + 1))
        found = list(map(add, joined, joined[1:]))
        total.update(found)
        if blocks > 1:
            first.update(dict.fromkeys(found, k))
    counts = {t: c for t, c in total.items() if _SEP not in t}
    for m in _ALNUM.finditer(norm):
        t = m.group()[:MAX_ALNUM]
        counts[t] = counts.get(t, 0) + 1
        if blocks > 1 and t not in first:
            first[t] = m.start() // block
    return counts, first


def count_short(text: str) -> Counter[str]:
    """Tokens of a metadata field or title, single characters included: ``tokens(text)``
    counted, with C loops as in ``count_long``."""
    norm = normalize(text)
    joined = _SEP.join(_CJK_ANY.findall(norm))
    counts = Counter(joined)
    counts.update(map(add, joined, joined[1:]))
    for junk in [t for t in counts if _SEP in t]:
        del counts[junk]
    counts.update([t[:MAX_ALNUM] for t in _ALNUM.findall(norm)])
    return counts


def blocks_of(text: str, block: int = BLOCK, overlap: int = OVERLAP) -> list[str]:
    """The text as the browser fetches it: block k is ``text[k*block : (k+1)*block + overlap]``."""
    return [text[k : k + block + overlap] for k in range(0, len(text), block)]
