"""The text a reader sees of a published page's HTML, for the index and the snippets.

The index is built from the HTML the site publishes (after the sanitizer, for entries), so
nothing the reader cannot see is searchable, and a phrase is found as the reader reads it:
block elements end a line, inline markup (``<strong>第七条</strong>``) joins its text to
the words around it, table cells are separated by a space.
"""

from __future__ import annotations

import html
import re

_DROP = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|li|ul|ol|table|thead|tbody|tfoot|tr|blockquote|pre|"
    r"section|article|aside|header|footer|nav|dl|dt|dd|figure|figcaption|caption|"
    r"details|summary|form|fieldset|legend)\b[^>]*|br\b[^>]*|hr\b[^>]*)>",
    re.IGNORECASE,
)
_CELL = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_text(markup: str) -> str:
    """Visible text of an HTML fragment: one line per block, runs of spaces folded."""
    text = _DROP.sub(" ", markup)
    text = _TAG.sub("", _CELL.sub(" ", _BLOCK.sub("\n", text)))
    lines = (_SPACE.sub(" ", line).strip() for line in html.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line)
