"""The text of an entry's attachments, for the scanner: recruitment tables and forms are where
personal data most often slips through.

Attachments are opened through ``xxgk.io.safefs`` (never through a symlink, never a FIFO, at
most ATTACHMENT_LIMIT bytes): a refused file raises UnsafeFile. Text files (CSV, TXT, HTML …)
are read as UTF-8, or GB18030 as Windows tools write them; Word documents (.docx) part by part
(``xxgk.scan.docx``: body, headers, footers, footnotes, text boxes; one line per paragraph).
Other formats (PDF, spreadsheets, images) and texts over SCAN_TEXT_LIMIT cannot be scanned
here: they are reported as a warning so that the reviewer checks them by eye.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from xxgk.io.safefs import ATTACHMENT_LIMIT, MIB, SCAN_TEXT_LIMIT, opened, read_bytes
from xxgk.scan.docx import DamagedDocx, docx_text

TEXT_SUFFIXES = frozenset(
    {".csv", ".txt", ".md", ".html", ".htm", ".json", ".xml", ".yml", ".yaml", ".tsv"}
)
DOCX_NOTE = "（Word 文档按段落计行：正文在前，页眉、页脚、脚注、尾注、批注在后）"
TOO_LONG = f"的文字超过 {SCAN_TEXT_LIMIT // MIB} MB，不能自动扫描"


def attachment_text(root: Path, rel: str) -> tuple[str | None, str]:
    """(text, note): the text to scan, or None with the reason it cannot be read.
    FileNotFoundError when absent; UnsafeFile when the file or its content is refused."""
    suffix = PurePosixPath(rel).suffix.lower()
    with opened(root, rel, ATTACHMENT_LIMIT) as (_fd, size):  # a symlink is refused even unread
        if suffix not in TEXT_SUFFIXES and suffix != ".docx":
            return None, f"{suffix or '无扩展名'} 格式不能自动扫描"
    if suffix != ".docx" and size > SCAN_TEXT_LIMIT:
        return None, TOO_LONG
    raw = read_bytes(root, rel, ATTACHMENT_LIMIT)
    if suffix == ".docx":
        try:
            text = docx_text(raw, rel)
        except DamagedDocx as exc:
            return None, f"无法读取（{exc}）"
        return (text, DOCX_NOTE) if len(text) <= SCAN_TEXT_LIMIT else (None, TOO_LONG)
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), ""
