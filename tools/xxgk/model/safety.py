"""Refuse unsafe markup in content: reviewed text is never silently altered, so it fails.

MkDocs has no sanitizer: raw HTML, ``javascript:`` links, ``on*=`` attributes (also through
attr_list ``{: onclick=…}``) and HTML comments (which hide text from the reviewer's rendered
view) all reach the browser. Two passes: the Markdown source line by line, to name the line;
then the rendered HTML with an HTML parser, which sees through entities (``java&#115;cript:``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SOURCE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<\s*/?\s*(script|iframe|object|embed)\b", re.IGNORECASE), "不允许 <{0}> 标签"),
    (re.compile(r"<!--"), "不允许 HTML 注释（审查人员在页面上看不到注释里的文字）"),
    (re.compile(r"(?:<[a-z][^>]*|\{[^}]*)[\s\"'/{:.]on[a-z]+\s*=", re.IGNORECASE),
     "不允许 on…= 事件属性（会执行脚本）"),
    (re.compile(r"(?:\]\(\s*<?|\]:\s*<?|(?:href|src|action)\s*=\s*[\"']?|<)\s*"
                r"(?:javascript|vbscript)\s*:", re.IGNORECASE), "不允许 javascript: 链接"),
)
_BAD_TAGS = {"script", "iframe", "object", "embed"}
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href"}
_BAD_SCHEME = re.compile(r"^(javascript|vbscript):", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20]+")


def check_source(text: str, first_line: int) -> list[tuple[int, str]]:
    """(line, message) for each unsafe construct in Markdown source, outside code."""
    found: list[tuple[int, str]] = []
    fence: str | None = None
    for n, line in enumerate(text.split("\n"), start=first_line):
        m = _FENCE.match(line)
        if m:
            fence = None if fence == m.group(1) else (fence or m.group(1))
            continue
        if fence or not ("<" in line or "{" in line or ":" in line):
            continue  # every rule needs one of these characters
        bare = _CODE_SPAN.sub("", line)
        for pattern, message in _SOURCE_RULES:
            hit = pattern.search(bare)
            if hit:
                found.append((n, message.format(*(g.lower() for g in hit.groups() if g))))
    return found


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BAD_TAGS:
            self.found.append(f"不允许 <{tag}> 标签")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"不允许 {name}= 事件属性（会执行脚本）")
            elif (name in _URL_ATTRS and value is not None
                  and _BAD_SCHEME.match(_CONTROL.sub("", html.unescape(value)))):
                self.found.append("不允许 javascript: 链接")

    def handle_comment(self, data: str) -> None:
        self.found.append("不允许 HTML 注释（审查人员在页面上看不到注释里的文字）")


# Rendered HTML without any of these cannot hold what the parser looks for; most bodies
# have none, and the parser is the slow part.
_SUSPECT = re.compile(r"<!--|<\s*(?:script|iframe|object|embed)|\son[a-z]+\s*=|"
                      r"(?:href|src|action|formaction)\s*=\s*[\"']?[^\"'>]*(?:&|script\s*:)", re.IGNORECASE)


def check_html(rendered: str) -> list[str]:
    if not _SUSPECT.search(rendered):
        return []
    scanner = _Scanner()
    scanner.feed(rendered)
    scanner.close()
    return scanner.found


def problems(text: str, first_line: int, rendered: str | None) -> list[tuple[int, str]]:
    """Source findings with their lines; failing that, what only the rendered HTML shows."""
    found = check_source(text, first_line)
    if found or rendered is None:
        return found
    return [(_locate(text, first_line, msg), msg) for msg in dict.fromkeys(check_html(rendered))]


def _locate(text: str, first_line: int, message: str) -> int:
    """The source line that, parsed alone, shows ``message`` (else the body's first line)."""
    for n, line in enumerate(text.split("\n"), start=first_line):
        if message in check_html(line):
            return n
    return first_line
