"""A Word .docx → HTML with mammoth (a maintained converter that keeps structure and drops
formatting by design), images handed to :class:`Assets`; Word's Chinese auto-numbering is
first written into the text (``xxgk.importer.numbering``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import mammoth
from bs4 import BeautifulSoup, Tag
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from xxgk.importer.assets import Assets
from xxgk.importer.blocks import limit_depth
from xxgk.importer.numbering import spell_out
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, read_named
from xxgk.scan.docx import DamagedDocx, check_docx

# Word's built-in 标题 style and WPS's names for headings become headings too
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='标题'] => h1:fresh
p[style-name='标题 1'] => h1:fresh
p[style-name='标题 2'] => h2:fresh
p[style-name='标题 3'] => h3:fresh
"""


# What python-docx and mammoth raise on a damaged file that passed check_docx (a part or a
# relationship missing, a value that is not a number …).
DAMAGED = (
    KeyError,
    ValueError,
    IndexError,
    OSError,
    zipfile.BadZipFile,
    PackageNotFoundError,
    etree.LxmlError,
    RecursionError,
)


class ImportError_(Exception):
    """A file that cannot be read; the message is Chinese and names the file."""


def docx_bytes(path: Path) -> bytes:
    """The file, once it is known to be a .docx that converters can read safely."""
    try:
        data = read_named(path, ATTACHMENT_LIMIT)
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ImportError_(
                f"{path}：不是 .docx 文件（旧的 .doc、.wps 请先用 Word 或 WPS“另存为 .docx”）"
            )
        check_docx(data, str(path))
    except (UnsafeFile, DamagedDocx) as exc:
        raise ImportError_(
            f"{exc}：无法导入（Word 文件已损坏、过大或不是正常的 Word 文件）"
        ) from exc
    return data


def docx_html(path: Path, assets: Assets) -> tuple[Tag, list[str]]:
    """The document body as HTML, and mammoth's warnings."""
    data = docx_bytes(path)

    def keep(image: Any) -> dict[str, str]:
        with image.open() as fh:
            picture = fh.read()
        return {
            "src": "md:" + assets.image(picture, image.content_type or "", image.alt_text or "")
        }

    try:
        spelled = spell_out(io.BytesIO(data))
        with spelled or io.BytesIO(data) as fh:
            result = mammoth.convert_to_html(
                fh, style_map=STYLE_MAP, convert_image=mammoth.images.img_element(keep)
            )
    except DAMAGED as exc:
        raise ImportError_(
            f"{path}：Word 文件已损坏或不完整，无法读取（{type(exc).__name__}: {exc}）"
        ) from exc
    soup = BeautifulSoup(f"<body>{result.value}</body>", "lxml")
    warnings = [m.message for m in result.messages if m.type == "error"]
    body = soup.body
    assert body is not None
    if limit_depth(body):
        warnings.append("文档的嵌套层次过深，最深处只保留了文字")
    return body, warnings
