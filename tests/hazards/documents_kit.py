"""Hostile documents, for the attachments of an entry and for ``xxgk import``: truncated,
entity-bomb, zip-bomb, 150 MB and deeply nested Word files; HTML nested 20,000 deep or with
20,000 unclosed ``<b><i>``; a saved page whose files beside it are a symlink and a FIFO."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

MIB = 1024 * 1024


def symlink_to(target: str) -> Callable[[Path, Path], None]:
    return lambda path, tmp: os.symlink(target.replace("{tmp}", str(tmp)), path)


def real_docx(paragraph: str = "报名登记表") -> bytes:
    document = docx.Document()
    document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def with_part(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a .docx) with the part ``name`` replaced by ``content``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            dst.writestr(
                item.filename, content if item.filename == name else src.read(item.filename)
            )
    return out.getvalue()


def truncated_docx(path: Path, tmp: Path) -> None:
    data = real_docx()
    path.write_bytes(data[: len(data) // 2])


BOMB_XML = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + b"<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
)


def entity_bomb_docx(path: Path, tmp: Path) -> None:
    """billion laughs: ten levels of ten references (10^10 characters if expanded)."""
    path.write_bytes(with_part(real_docx(), "word/document.xml", BOMB_XML))


def zip_bomb_docx(path: Path, tmp: Path) -> None:
    """document.xml of 64 MB of spaces, deflated to some 60 KB."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(real_docx())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item.filename))
        with dst.open("word/document.xml", "w") as fh:
            for _ in range(64):
                fh.write(b" " * MIB)
    path.write_bytes(out.getvalue())


def huge_docx(path: Path, tmp: Path) -> None:
    """150 MB (sparse: it costs no disk, but a reader that reads it whole pays for it)."""
    with path.open("wb") as fh:
        fh.write(real_docx())
        fh.truncate(150 * MIB)


DEEP_XML = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    + b"<w:tbl><w:tr><w:tc>" * 80
    + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    + b"</w:tc></w:tr></w:tbl>" * 80
    + b"</w:body></w:document>"
)


def deep_docx(path: Path, tmp: Path) -> None:
    """Tables nested 80 deep: 240 XML levels (lxml stops at 256; converters recurse)."""
    path.write_bytes(with_part(real_docx(), "word/document.xml", DEEP_XML))


# ---- documents to import ----------------------------------------------------------------


def source(name: str, make: Callable[[Path, Path], None]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / "incoming" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        make(path, tmp)
        return path

    return build


def nested_divs(path: Path, tmp: Path) -> None:
    text = "鄂托克前旗人民政府办公室关于做好政务公开工作的通知。各单位要按要求做好工作。"
    path.write_text(f"<html><body>{'<div>' * 20000}{text}{'</div>' * 20000}</body></html>", "utf-8")


def unclosed_tags(path: Path, tmp: Path) -> None:
    path.write_text(
        "<html><body><p>正文开始" + "<b><i>加粗斜体" * 20000 + "</p></body></html>", "utf-8"
    )


def page_with_hostile_files(path: Path, tmp: Path) -> None:
    """A saved page whose picture is a symlink to a secret and whose attachment is a FIFO."""
    (path.parent / "img").mkdir()
    (tmp / "id_rsa").write_text("PRIVATE KEY\n", "utf-8")
    os.symlink(tmp / "id_rsa", path.parent / "img" / "secret.png")
    os.mkfifo(path.parent / "pipe.pdf")
    path.write_text(
        '<html><body><div class="content"><p>各单位：现将有关事项通知如下。</p>'
        '<p><img src="img/secret.png"></p><p><a href="pipe.pdf">附件：名单</a></p>'
        "</div></body></html>",
        "utf-8",
    )


IMPORT_HAZARDS: tuple[tuple[str, Callable[[Path], Path], str], ...] = (
    ("truncated-docx", source("通知.docx", truncated_docx), "通知.docx"),
    ("entity-bomb-docx", source("通知.docx", entity_bomb_docx), "通知.docx"),
    ("zip-bomb-docx", source("通知.docx", zip_bomb_docx), "通知.docx"),
    ("150mb-docx", source("通知.docx", huge_docx), "通知.docx"),
    ("deep-docx", source("通知.docx", deep_docx), "通知.docx"),
    ("fifo-docx", source("通知.docx", lambda path, tmp: os.mkfifo(path)), "通知.docx"),
    ("dev-zero-html", source("page.html", symlink_to("/dev/zero")), "page.html"),
    ("nested-divs", source("page.html", nested_divs), "page.html"),
    ("unclosed-b-i", source("page.html", unclosed_tags), "page.html"),
    ("hostile-files-beside-page", source("page.html", page_with_hostile_files), "secret.png"),
)
