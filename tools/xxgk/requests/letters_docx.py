"""A letter as a Word document (.docx), for offices that finish and print letters in Word.

Built from the same Markdown the templates render: ``# `` is the title, a paragraph followed
by ``{: .right }`` is right-aligned, ``{: .noindent }`` has no first-line indent. Fonts and
margins follow GB/T 9704-2012 (仿宋 三号 body, 小标宋 二号 title, A4).
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from xxgk.requests.store import RecordError

_MARK = re.compile(r"^\{:\s*\.(right|noindent)\s*\}$")


def blocks(md_text: str) -> list[tuple[str, str]]:
    """(style, text) per paragraph: style is title, right, noindent or body."""
    found: list[tuple[str, str]] = []
    for chunk in re.split(r"\n\s*\n", md_text.strip()):
        lines = [ln.strip() for ln in chunk.strip().split("\n") if ln.strip()]
        if not lines:
            continue
        style = "body"
        if (mark := _MARK.match(lines[-1])) is not None:
            style, lines = mark[1], lines[:-1]
        text = "".join(lines)
        if text.startswith("# "):
            style, text = "title", text[2:]
        if text:
            found.append((style, text))
    return found


def _font(run: Any, name: str, size: float, qn: Any, pt: Any) -> None:
    run.font.name = name
    run.font.size = pt(size)
    run._element.rPr.rFonts.set(qn("w:eastAsia"), name)  # Chinese text uses the East Asian font


def to_docx(md_text: str) -> bytes:
    try:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt
    except ImportError as exc:
        raise RecordError(
            "生成 .docx 需要 python-docx：请运行 pip install python-docx，或改用 --format html"
        ) from exc
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    for style, text in blocks(md_text):
        para = doc.add_paragraph()
        run = para.add_run(text)
        if style == "title":
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(run, "方正小标宋简体", 22, qn, Pt)
            continue
        _font(run, "仿宋_GB2312", 16, qn, Pt)
        if style == "right":
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif style == "body":
            para.paragraph_format.first_line_indent = Pt(32)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
