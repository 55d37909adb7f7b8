"""A Word document (.docx) as the scanner and the importer may read it: bounded, without DTDs.

A .docx is a zip of XML parts. Everything in it is published with the attachment, so the
scanner reads the text of every part a reader can see, not only the body: headers, footers,
footnotes, endnotes, comments, text boxes, and text deleted with track changes (still in the
file). A text box is written twice (the drawing and a fallback for old Word); the fallback is
skipped. One line per paragraph: the body first, then the other parts in the order above.

Before any parser sees the file, the zip's directory is checked against the bounds of
``xxgk.io.safefs`` (zip bombs) and each XML part is parsed without DTD, entities or network,
and refused when it declares a DTD (entity bombs); for converters that recurse, also when it
nests deeper than real documents do.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from xxgk.io.safefs import (
    DOCX_DEPTH_LIMIT,
    DOCX_MEMBER_LIMIT,
    DOCX_RATIO_LIMIT,
    DOCX_TOTAL_LIMIT,
    DOCX_XML_LIMIT,
    MIB,
    UnsafeFile,
    shown,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TAB, _BREAKS = _W + "p", _W + "tab", (_W + "br", _W + "cr")
_TEXT = (_W + "t", _W + "delText")
_PARTS = ("document", "header", "footer", "footnotes", "endnotes", "comments")
_PART = re.compile(r"word/(document|header|footer|footnotes|endnotes|comments)(\d*)\.xml")
_PARSER = etree.XMLParser(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class DamagedDocx(Exception):
    """A .docx that is not a complete zip or holds broken XML (not hostile, just unreadable)."""


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def open_docx(data: bytes, rel: str) -> zipfile.ZipFile:
    """The zip, refused when unpacking would exceed the bounds (``zipfile`` never unpacks more
    than the sizes its directory states, so checking those is enough)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise DamagedDocx(f"{shown(rel)} 不是完整的 .docx 文件（{exc}）") from exc
    xml = [i for i in infos if _is_xml(i.filename)]
    bombs = [
        i.filename
        for i in xml
        if i.file_size > MIB and i.file_size > DOCX_RATIO_LIMIT * max(i.compress_size, 1)
    ]
    if (
        bombs
        or len(infos) > DOCX_MEMBER_LIMIT
        or sum(i.file_size for i in xml) > DOCX_XML_LIMIT
        or sum(i.file_size for i in infos) > DOCX_TOTAL_LIMIT
    ):
        raise UnsafeFile(f"{shown(rel)} 解压后过大或压缩比异常（疑为“压缩炸弹”），不予读取")
    return zf


def xml_part(zf: zipfile.ZipFile, name: str, rel: str) -> Any:
    """The root element of one XML part, parsed without DTD, entities or network (lxml also
    stops at 256 levels); UnsafeFile when it declares a DTD (entity bombs)."""
    where = f"{shown(rel)} 中的 {shown(name)}"
    try:
        with zf.open(name) as fh:
            data = fh.read(DOCX_XML_LIMIT + 1)
    except (KeyError, zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise DamagedDocx(f"{where} 已损坏（{exc}）") from exc
    dtd = UnsafeFile(f"{where} 含有 DTD 或实体定义（可能是“实体炸弹”），不予读取")
    if _declares_dtd(data):
        raise dtd
    try:
        root = etree.fromstring(data, _PARSER)
    except (ValueError, etree.XMLSyntaxError) as exc:
        raise DamagedDocx(f"{where} 已损坏（{exc}）") from exc
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        raise dtd
    return root


def _declares_dtd(data: bytes) -> bool:
    """A DOCTYPE or ENTITY declaration in the prolog (which is where XML allows them)."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        head = head.decode(
            "utf-16"
            if head[:2] in (b"\xff\xfe", b"\xfe\xff")
            else ("utf-16-le" if head[0] == 60 else "utf-16-be"),
            "replace",
        ).encode()
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _depth(root: Any) -> int:
    depth = deepest = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def check_docx(data: bytes, rel: str) -> None:
    """Refuse a hostile .docx (UnsafeFile) or a damaged one (DamagedDocx) before a converter
    that trusts its input (python-docx, mammoth) reads it."""
    with open_docx(data, rel) as zf:
        for name in filter(_is_xml, zf.namelist()):
            if _depth(xml_part(zf, name, rel)) > DOCX_DEPTH_LIMIT:
                raise UnsafeFile(
                    f"{shown(rel)} 中的 {shown(name)} 嵌套超过 {DOCX_DEPTH_LIMIT} 层，不予读取"
                )


def docx_text(data: bytes, rel: str) -> str:
    """The text of every visible part, one paragraph per line (body first)."""
    with open_docx(data, rel) as zf:
        lines: list[str] = []
        for name in _text_parts(zf.namelist()):
            lines.extend(paragraphs(xml_part(zf, name, rel)))
    return "\n".join(lines)


def _text_parts(names: list[str]) -> list[str]:
    found = [(m, n) for n in names if (m := _PART.fullmatch(n))]
    found.sort(key=lambda mn: (_PARTS.index(mn[0].group(1)), int(mn[0].group(2) or 0)))
    return [n for _m, n in found]


def paragraphs(root: Any) -> list[str]:
    """One line per ``w:p``; a paragraph inside a text box gets its own line after its host."""
    lines: list[str] = []
    open_: list[tuple[int, list[str]]] = []
    skip = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if tag == _FALLBACK:
            skip += 1 if event == "start" else -1
        elif skip:
            continue
        elif tag == _P:
            if event == "start":
                lines.append("")
                open_.append((len(lines) - 1, []))
            else:
                at, parts = open_.pop()
                lines[at] = "".join(parts)
        elif event == "start" and open_:
            if tag in _TEXT:
                open_[-1][1].append(el.text or "")
            elif tag == _TAB or tag in _BREAKS:
                open_[-1][1].append(" ")
    return lines
