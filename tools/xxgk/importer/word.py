"""A Word .docx → HTML with mammoth (a maintained converter that keeps structure and drops
formatting by design), images handed to :class:`Assets`; Word's Chinese auto-numbering is
first written into the text (``xxgk.importer.numbering``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import mammoth
from bs4 import BeautifulSoup, Tag
from docx.opc.exceptions import PackageNotFoundError

from xxgk.importer.assets import Assets
from xxgk.importer.numbering import spell_out

# Word's built-in 标题 style and WPS's names for headings become headings too
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='标题'] => h1:fresh
p[style-name='标题 1'] => h1:fresh
p[style-name='标题 2'] => h2:fresh
p[style-name='标题 3'] => h3:fresh
"""


class ImportError_(Exception):
    """A file that cannot be read; the message is Chinese and names the file."""


def docx_html(path: Path, assets: Assets) -> tuple[Tag, list[str]]:
    """The document body as HTML, and mammoth's warnings."""
    if not zipfile.is_zipfile(path):
        raise ImportError_(f"{path}：不是 .docx 文件（旧的 .doc、.wps 请先用 Word 或 WPS“另存为 .docx”）")

    def keep(image: Any) -> dict[str, str]:
        with image.open() as fh:
            data = fh.read()
        return {"src": "md:" + assets.image(data, image.content_type or "", image.alt_text or "")}

    try:
        spelled = spell_out(path)
        with spelled or path.open("rb") as fh:
            result = mammoth.convert_to_html(fh, style_map=STYLE_MAP,
                                             convert_image=mammoth.images.img_element(keep))
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ImportError_(f"{path}：Word 文件已损坏或不完整，无法读取（{exc}）") from exc
    soup = BeautifulSoup(f"<body>{result.value}</body>", "lxml")
    warnings = [m.message for m in result.messages if m.type == "error"]
    body = soup.body
    assert body is not None
    return body, warnings
