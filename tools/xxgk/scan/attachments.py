"""The text of an entry's attachments, for the scanner: recruitment tables and forms are where
personal data most often slips through.

Text files (CSV, TXT, HTML …) are read as UTF-8, or GB18030 as Windows tools write them;
Word documents (.docx) through mammoth's raw text (its line numbers count paragraphs). Other
formats (PDF, spreadsheets, images) cannot be read here: they are reported as a warning so
that the reviewer checks them by eye.
"""

from __future__ import annotations

from pathlib import Path

import mammoth  # type: ignore[import-untyped]

TEXT_SUFFIXES = frozenset({".csv", ".txt", ".md", ".html", ".htm", ".json", ".xml", ".yml", ".yaml", ".tsv"})


def attachment_text(path: Path) -> tuple[str | None, str]:
    """(text, note): the text to scan, or None with the reason it cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
            try:
                return raw.decode("utf-8"), ""
            except UnicodeDecodeError:
                return raw.decode("gb18030", errors="replace"), ""
        if suffix == ".docx":
            with path.open("rb") as fh:
                text: str = mammoth.extract_raw_text(fh).value
                return text, "（Word 文档按段落计行）"
    except Exception as exc:  # noqa: BLE001 — a damaged file (bad zip, bad XML): say so, never crash
        return None, f"无法读取（{type(exc).__name__}）"
    return None, f"{suffix or '无扩展名'} 格式不能自动扫描"
