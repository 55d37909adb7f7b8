"""The HTML the site publishes from reviewed text: an allowlist sanitizer (nh3, i.e. ammonia).

``clean(html)`` is what is published. ``findings(html)`` says, in Chinese, everything
``clean`` would remove or change — empty when the HTML is safe as written. Reviewed text is
never silently altered, so callers refuse HTML with findings rather than publish the change.

The allowlist is what Python-Markdown with our extensions (attr_list, tables, toc) makes of a
government document, plus the plain tags such documents use as raw HTML. ``class`` is refused
except for a few names of our own (the toc extension's ``[TOC]`` box, the annual report's
table hooks, a fenced code block's ``language-…``): any other class could borrow a Material
or xxgk layout rule — a fixed header, a dialog, a banner — and put text over the page. ``style`` is refused except the
``text-align`` the tables extension writes on cells. Images must come from this site
(relative addresses): an image from another host tells that host who reads what. Links to
other hosts are fine (citations) and get ``rel="noopener noreferrer"``.

The detector cannot disagree with the browser's parse, because it does not parse: html5ever
(inside nh3) parses once with our allowlist and once with an allowlist of everything the
input could hold — every HTML, SVG and MathML tag name plus every name written in the input,
every attribute, every scheme, comments and script content kept. If the two serialisations
differ, something is not allowed. The second pass also reports each attribute as parsed
(entities decoded), which gives the descriptions. Two things a fragment parse drops but a
browser page does not are found on the input itself: tags such as ``<body onload=…>`` (a
browser merges them into its own ``<body>``) and end tags that close nothing in the fragment
(``</div></article>`` would close the page's own containers).
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from dataclasses import dataclass

import nh3

TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "del",
        "ins",
        "sub",
        "sup",
        "small",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "code",
        "pre",
        "a",
        "img",
        "span",
        "div",
        "abbr",
    }
)
_CELL = {"colspan", "rowspan", "align", "style"}
ATTRIBUTES: dict[str, set[str]] = {
    **{f"h{n}": {"id"} for n in range(1, 7)},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": _CELL | {"class"},
    "th": _CELL | {"scope"},
    "ol": {"start", "type"},
    "abbr": {"title"},
    "div": {"class"},
    "p": {"class"},
    "code": {"class"},
}
# The class names allowed, per tag (values of ``class`` are filtered to these); and on <code>
# the ``language-…`` class of a fenced code block (MkDocs always enables fenced_code).
CLASSES: dict[str, set[str]] = {
    "div": {"toc", "xxgk-annual"},
    "p": {"xxgk-annual-date"},
    "td": {"n"},
}
_LANGUAGE = re.compile(r"language-[\w#.+\-]*")
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "noopener noreferrer"
# Removed with their content: what is inside is code, not text for the reader.
_DROP_CONTENT = {"script", "style", "template", "svg", "math", "iframe", "object", "noscript"}

_HTML = """a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound
big blink blockquote body br button canvas caption center cite code col colgroup data datalist dd
del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd
keygen label legend li link listing main map mark marquee menu menuitem meta meter multicol nav
nextid nobr noembed noframes noscript object ol optgroup option output p param picture plaintext
portal pre progress q rb rp rt rtc ruby s samp script search section select selectedcontent slot
small source spacer span strike strong style sub summary sup table tbody td template textarea
tfoot th thead time title tr track tt u ul var video wbr xmp"""
# SVG names as html5ever spells them (camelCase restored), and MathML.
_SVG = """svg altGlyph altGlyphDef altGlyphItem animate animateColor animateMotion animateTransform
circle clipPath defs desc discard ellipse feBlend feColorMatrix feComponentTransfer feComposite
feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA
feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset
fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter foreignObject g glyph
glyphRef hkern line linearGradient marker mask metadata mpath path pattern polygon polyline
radialGradient rect set stop switch symbol text textPath tref tspan use view vkern"""
_MATHML = """math maction annotation annotation-xml menclose merror mfenced mfrac mglyph mi
mlabeledtr mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt
mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none semantics"""
_EVERY_TAG = frozenset((_HTML + " " + _SVG + " " + _MATHML).split())
_WIDE_SCHEMES = frozenset(
    {
        "http",
        "https",
        "mailto",
        "tel",
        "javascript",
        "vbscript",
        "data",
        "file",
        "ftp",
        "blob",
        "about",
    }
)
# Tags that run script, load or embed other documents, or restyle the page: refused even on
# the pages our own code generates (see ``Unsafe.severe``).
NEVER = frozenset(
    {
        "script",
        "style",
        "link",
        "meta",
        "base",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "template",
        "xmp",
        "noscript",
        "noembed",
        "noframes",
        "plaintext",
        "portal",
        "audio",
        "video",
        "source",
        "track",
        "image",
        "html",
        "head",
        "body",
    }
)

_START = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
_END = re.compile(r"</([A-Za-z][^\t\n\f\r />]*)")
_ATTR_START = re.compile(r"[\t\n\f\r /\"'](.)")
# Linear on any input: a scheme starts where a run of scheme characters starts and is short;
# the cell alignment is matched on the stripped value, with no two adjacent open quantifiers.
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])([A-Za-z][A-Za-z0-9+.\-]{0,31}):")
_ALIGN = re.compile(r"text-align:\s*(?:left|right|center)(?:\s*;)?")
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
_REL = f' rel="{LINK_REL}"'


@dataclass(frozen=True)
class Unsafe:
    message: str  # Chinese, for people
    token: str  # what to look for in the source to find its line ("" when nothing fits)
    severe: bool  # runs script, loads from elsewhere, hides or restyles; not merely unlisted


def _url(value: str) -> str:
    """A URL as the browser reads it: outer spaces and controls, tabs, newlines gone."""
    return _URL_NOISE.sub("", value).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
        "\x1d\x1e\x1f "
    )


def scheme_of(value: str) -> str | None:
    m = _SCHEME.match(_url(value))
    return m.group(1).lower() if m else None


def is_local(url: str) -> bool:
    """Relative to this site: no scheme, no ``//host`` (nor ``\\\\host``, which browsers read so)."""
    u = _url(url).replace("\\", "/")
    return scheme_of(u) is None and not u.startswith("//")


def class_ok(tag: str, name: str) -> bool:
    return name in CLASSES.get(tag, set()) or (tag == "code" and bool(_LANGUAGE.fullmatch(name)))


def _strict_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "src":
        return value if is_local(value) else None
    if attr == "style":
        return value if _ALIGN.fullmatch(value.strip()) else None
    if attr == "class":
        return " ".join(c for c in value.split() if class_ok(tag, c)) or None
    return value


_STRICT = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=_DROP_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_strict_filter,
    strip_comments=True,
    link_rel=LINK_REL,
    url_schemes=set(SCHEMES),
)


_last = ("", "")  # the last (input, output) of ``clean``: ``review`` and then the build ask


def clean(html: str) -> str:
    """The HTML to publish: only allowed tags, attributes and addresses remain."""
    global _last
    done = _last  # one read: another thread may replace it
    if done[0] == html:
        return done[1]
    out = str(_STRICT.clean(html))
    _last = (html, out)
    return out


def _permissive(html: str, seen: list[tuple[str, str, str]]) -> str:
    """Everything the input can hold kept, each attribute recorded as html5ever parsed it."""
    names = {n.lower() for n in _START.findall(html)}
    starts = set(_ATTR_START.findall(html)) | set("abcdefghijklmnopqrstuvwxyz")
    starts |= {c.lower() for c in starts}
    text = _URL_NOISE.sub("", htmllib.unescape(html))
    schemes = {s.lower() for s in _SCHEME.findall(text)}

    def record(tag: str, attr: str, value: str) -> str:
        seen.append((tag, attr, value))
        return value

    return str(
        nh3.clean(
            html,
            tags=set(_EVERY_TAG | names),
            clean_content_tags=set(),
            attributes={},
            generic_attribute_prefixes=starts,
            strip_comments=False,
            link_rel=LINK_REL,
            url_schemes=set(_WIDE_SCHEMES | schemes),
            attribute_filter=record,
        )
    )


def review(html: str) -> list[Unsafe]:
    """Everything ``clean`` would remove or change, with what to look for in the source."""
    if "<" not in html:
        return []  # text only: nothing a parser could turn into a tag
    seen: list[tuple[str, str, str]] = []
    loose = _permissive(html, seen)
    found = _tags(html) + _end_tags(html, loose)
    if "<!--" in loose:
        found.append(Unsafe("不允许 HTML 注释（审查人员在页面上看不到注释里的文字）", "<!", True))
    for tag, attr, value in seen:
        found += _attribute(tag, attr, value)
    if not found and loose.replace(_REL, "") != clean(html).replace(_REL, ""):
        found.append(Unsafe("含有不能安全发布的标记（清理后与原文不同）", "", True))
    unique: dict[str, Unsafe] = {}
    for u in found:
        unique.setdefault(u.message, u)
    return list(unique.values())


def findings(html: str) -> list[str]:
    """Chinese descriptions of what ``clean`` would remove or change; [] when safe as written."""
    return [u.message for u in review(html)]


def _tags(html: str) -> list[Unsafe]:
    out = []
    for name in dict.fromkeys(n.lower() for n in _START.findall(html)):
        if name not in TAGS:
            out.append(Unsafe(f"不允许的标签 <{name}>", "<" + name, name in NEVER))
    return out


def _end_tags(html: str, loose: str) -> list[Unsafe]:
    """End tags the fragment parse had nothing to close with: in the page they would close
    the page's own elements around the body."""
    have = Counter(n.lower() for n in _END.findall(loose))
    wrote = Counter(n.lower() for n in _END.findall(html))
    return [
        Unsafe(f"多余的结束标签 </{n}>（会打乱页面结构）", "</" + n, True)
        for n, count in wrote.items()
        if count > have[n]
    ]


def _attribute(tag: str, attr: str, value: str) -> list[Unsafe]:
    name = attr.lower()
    if name == "rel" and value == LINK_REL:
        return []  # the one rel the sanitizer sets itself
    allowed = ATTRIBUTES.get(tag, set())
    out = []
    scheme = scheme_of(value)
    if (
        scheme
        and scheme not in SCHEMES
        and (
            name in ("href", "src")
            or (name not in allowed and scheme in ("javascript", "vbscript"))
        )
    ):
        out.append(Unsafe(f"不允许的链接协议 {scheme}:", scheme + ":", True))
    if name == "class":
        bad = [c for c in value.split() if not class_ok(tag, c)]
        if bad:
            out.append(Unsafe(f"不允许的 class 名称 {' '.join(bad)}（<{tag}>）", bad[0], False))
    elif name not in allowed:
        severe = name.startswith("on") or name in ("style", "action", "formaction", "srcdoc")
        out.append(Unsafe(f"不允许的属性 {attr}（<{tag}>）", name, severe))
    elif name == "src" and not out and not is_local(value):
        out.append(Unsafe(f"不允许引用其他网站的图片 {_url(value)}", _url(value), True))
    elif name == "style" and not _ALIGN.fullmatch(value):
        out.append(
            Unsafe(f"不允许的属性 style（<{tag}>）：表格单元格只能写 text-align", "style", True)
        )
    return out
