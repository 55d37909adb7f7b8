"""Python-Markdown's inline pass without the scans that cannot match.

For every text of a body, Python-Markdown tries each inline pattern in turn (code, escapes,
links, images, autolinks, line breaks, HTML, entities, emphasis), each a regex scan from
Python. A Chinese paragraph holds none of their characters, and a heading such as
``**一、总体要求**`` only the emphasis one, yet every pattern is tried on every text: most of
the cost of rendering a body. Every match of each of Python-Markdown's own patterns contains
a known text (a backtick, ``[``, ``<``, ``&``, ``\\``, two spaces and a newline, or a
delimiter such as ``*``); a pattern is skipped for a text that does not contain it.

The tree is the same: a pattern that is tried and does not match leaves the text as it was
and its state untouched (a pattern's state changes only in ``handleMatch``, which is called
only on a match), and the loop below is Python-Markdown's own (``InlineProcessor.
__handleInline``, 3.x) with that test added. When a pattern is not one of Python-Markdown's
own (an extension's), nothing is changed. ``tests/site/test_inline.py`` compares the output
with plain Python-Markdown's on every body of the test data and on hand-made edge cases.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown, inlinepatterns, util
from markdown.treeprocessors import InlineProcessor

# Each of Python-Markdown's inline patterns (by its regex), with a text every match contains.
_NEEDS = {
    inlinepatterns.BACKTICK_RE: "`",  # an escaped-backslash run is only taken before a `
    inlinepatterns.ESCAPE_RE: "\\",
    inlinepatterns.LINK_RE: "[",  # also REFERENCE_RE
    inlinepatterns.IMAGE_LINK_RE: "![",  # also IMAGE_REFERENCE_RE
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.ENTITY_RE: "&",
    inlinepatterns.LINE_BREAK_RE: "  \n",
}


def needs_of(md: Markdown) -> list[tuple[str, ...]] | None:
    """For each inline pattern of ``md`` in order, the texts one of which every match
    contains; None when a pattern is not one of Python-Markdown's own."""
    out: list[tuple[str, ...]] = []
    for pattern in md.inlinePatterns:
        if type(pattern) is inlinepatterns.DelimiterProcessor:
            out.append(tuple(pattern.tokens))  # its regex is the alternation of its tokens
        elif type(pattern).__module__ == inlinepatterns.__name__ and pattern.pattern in _NEEDS:
            out.append((_NEEDS[pattern.pattern],))
        else:
            return None
    return out


class QuickInline(InlineProcessor):
    """``InlineProcessor`` trying only the patterns whose text occurs in the text."""

    def __init__(self, md: Markdown, needs: list[tuple[str, ...]]) -> None:
        super().__init__(md)
        self.needs = needs
        self.every = tuple({n for group in needs for n in group})

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString) or not any(n in data for n in self.every):
            return data
        patterns = self.inlinePatterns
        if len(patterns) != len(self.needs):  # pragma: no cover - registry changed after setup
            raise RuntimeError("inline patterns changed after the renderer was set up")
        apply: Any = getattr(self, "_InlineProcessor__applyPattern")
        start = 0
        while patternIndex < len(self.needs):
            if not any(n in data for n in self.needs[patternIndex]):
                patternIndex, start = patternIndex + 1, 0  # no match possible: as if tried
                continue
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def quicken(md: Markdown) -> bool:
    """Put ``QuickInline`` in place of ``md``'s inline pass, when every pattern is known."""
    needs = needs_of(md)
    steps = md.treeprocessors
    if needs is None or "inline" not in steps or type(steps["inline"]) is not InlineProcessor:
        return False
    order: Any = getattr(steps, "_priority")  # the registry keeps no public priorities
    priority = next(p.priority for p in order if p.name == "inline")
    steps.register(QuickInline(md, needs), "inline", priority)
    return True
