"""Word's automatic Chinese numbering (一、 （一） 第一章 壹 甲 …) written into the text.

mammoth turns every numbered paragraph into an HTML list and the number itself is lost, so a
heading numbered ``一、`` by Word would come out as ``1.`` — and as ``1.`` again for ``二、``,
because each heading is a list of its own. Before conversion, python-docx reads the numbering
definitions and, for Chinese formats or labels such as ``%1、`` and ``（%1）``, writes the label
into the paragraph and switches its numbering off. Plain ``1.`` lists stay lists.
"""

from __future__ import annotations

import io
from typing import IO, Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
PLAIN_LABELS = {"%1.", "%1)", "%1．"}  # ordinary lists: left to mammoth


def chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    return str(n)


def render(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "ideographDigital",
    ):
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, _LEGAL, "拾")
    if fmt in ("ideographTraditional",):
        return _STEMS[(n - 1) % 10]
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return str(n)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(doc: Any) -> dict[str, dict[int, tuple[int, str, str]]]:
    """numId -> level -> (start, numFmt, lvlText)."""
    try:
        root = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
    for a in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in a.findall(qn("w:lvl")):
            val = {k: lvl.find(qn(f"w:{k}")) for k in ("start", "numFmt", "lvlText")}
            get = {k: (v.get(qn("w:val")) if v is not None else None) for k, v in val.items()}
            levels[_int(lvl.get(qn("w:ilvl")), 0)] = (
                _int(get["start"], 1),
                get["numFmt"] or "decimal",
                get["lvlText"] or "",
            )
        abstract[a.get(qn("w:abstractNumId"))] = levels
    found = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is not None and ref.get(qn("w:val")) in abstract:
            found[num.get(qn("w:numId"))] = abstract[ref.get(qn("w:val"))]
    return found


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    for holder in (paragraph._p.pPr, getattr(paragraph.style.element, "pPr", None)):
        pr = holder.find(qn("w:numPr")) if holder is not None else None
        if pr is not None and pr.find(qn("w:numId")) is not None:
            ilvl = pr.find(qn("w:ilvl"))
            level = _int(ilvl.get(qn("w:val")), 0) if ilvl is not None else 0
            return pr.find(qn("w:numId")).get(qn("w:val")), level
    return None


def _label(levels: dict[int, tuple[int, str, str]], counts: list[int], level: int) -> str:
    text = levels[level][2]
    for k in range(level + 1):
        if k in levels:
            text = text.replace(f"%{k + 1}", render(counts[k], levels[k][1]))
    return text


def _write_label(paragraph: Any, label: str) -> None:
    """Put the label in front of the text and switch Word's numbering off (numId 0)."""
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = label
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, run)
    pr = paragraph._p.get_or_add_pPr()
    old = pr.find(qn("w:numPr"))
    if old is not None:
        pr.remove(old)
    num_pr = OxmlElement("w:numPr")
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "0")
    num_pr.append(num_id)
    pr.append(num_pr)


def spell_out(source: IO[bytes]) -> io.BytesIO | None:
    """The document with Chinese numbering written as text, or None when it has none."""
    doc = Document(source)
    defs = _levels(doc)
    counts: dict[str, list[int]] = {}
    changed = False
    for paragraph in doc.paragraphs:
        found = _num_pr(paragraph)
        if (
            not found
            or found[0] not in defs
            or found[1] not in defs[found[0]]
            or not 0 <= found[1] < 9
        ):
            continue
        num_id, level = found
        levels = defs[num_id]
        row = counts.setdefault(num_id, [levels.get(k, (1, "", ""))[0] - 1 for k in range(9)])
        row[level] += 1
        for deeper in range(level + 1, 9):
            row[deeper] = levels.get(deeper, (1, "", ""))[0] - 1
        _start, fmt, text = levels[level]
        if fmt == "bullet" or (
            text in PLAIN_LABELS and fmt in ("decimal", "lowerLetter", "upperLetter")
        ):
            continue
        _write_label(paragraph, _label(levels, row, level))
        changed = True
    if not changed:
        return None
    out = io.BytesIO()
    doc.save(out)
    out.seek(0)
    return out
