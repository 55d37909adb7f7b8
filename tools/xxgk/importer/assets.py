"""Images and attached files of an imported document: kept in memory until the entry is written,
then saved in a folder beside it (``<entry>.files/``) and linked from the body.

Links are written with a placeholder for that folder, because the entry's file name (its
索引号) is only known once the metadata has been guessed.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from xxgk.importer.blocks import Resolver
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, read_bytes, shown

FOLDER = "[[assets]]"  # cannot come from document text (escaped "[") and is replaced by the real folder name when the entry is written
ATTACHMENT_TYPES = {
    ".doc",
    ".docx",
    ".wps",
    ".xls",
    ".xlsx",
    ".et",
    ".pdf",
    ".ofd",
    ".zip",
    ".rar",
    ".7z",
    ".txt",
    ".csv",
    ".ppt",
    ".pptx",
    ".jpg",
    ".jpeg",
    ".png",
}
_IMAGE_TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}
_UNSAFE = re.compile(r"[^\w.\-\u3400-\u9fff]+")


@dataclass
class Asset:
    name: str  # file name inside the folder
    data: bytes
    label: str  # 附件 name or image description
    attachment: bool


@dataclass
class Assets:
    items: list[Asset] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what the document links but we do not have

    def add(self, hint: str, data: bytes, label: str, attachment: bool) -> str:
        """Keep a file; returns its Markdown link target."""
        stem, dot, ext = _UNSAFE.sub("-", hint).strip("-.").rpartition(".")
        base, ext = (stem, "." + ext) if dot and stem else (ext or "file", "")
        name, n = base + ext, 1
        while any(a.name == name for a in self.items):
            n += 1
            name = f"{base}-{n}{ext}"
        self.items.append(Asset(name, data, label, attachment))
        return f"{FOLDER}/{quote(name)}"

    def image(self, data: bytes, content_type: str, alt: str) -> str:
        count = sum(not a.attachment for a in self.items) + 1
        target = self.add(
            f"image-{count}{_IMAGE_TYPES.get(content_type, '.bin')}", data, alt, False
        )
        return f"![{_alt(alt) or f'图{count}'}]({target})"


def _alt(text: str) -> str:
    return re.sub(r"[\[\]\\\n]", "", text).strip()


def _url(href: str) -> str:
    return quote(href, safe=":/?#=&%@+~.,-_")


def web_resolver(assets: Assets, base: Path) -> Resolver:
    """Images and files of a saved web page: copied when saved beside it, else reported.
    They are read through ``xxgk.io.safefs``: never through a symlink, never a FIFO, never
    outside the page's folder, never more than ATTACHMENT_LIMIT."""

    def local(src: str) -> tuple[str, bytes]:
        """(file name, bytes); LookupError when not a file beside the page, UnsafeFile when refused."""
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            raise LookupError(src)
        rel = unquote(parts.path)
        try:
            return PurePosixPath(rel).name, read_bytes(base, rel, ATTACHMENT_LIMIT)
        except FileNotFoundError as exc:
            raise LookupError(src) from exc
        except OSError as exc:
            raise UnsafeFile(f"{shown(rel)} 无法读取（{exc.strerror}）") from exc

    def fetch(src: str, what: str) -> tuple[str, bytes] | None:
        try:
            return local(src)
        except LookupError:
            assets.missing.append(what)
        except UnsafeFile as exc:
            assets.missing.append(f"{what}：{exc}")
        return None

    def image(src: str, alt: str) -> str:
        if src.startswith("data:image/") and ";base64," in src:
            kind, _, payload = src[5:].partition(";base64,")
            try:
                return assets.image(base64.b64decode(payload), kind, alt)
            except ValueError:
                return ""
        got = fetch(src, f"图片 {src}")
        if got is None:
            return ""
        count = sum(not a.attachment for a in assets.items) + 1
        return f"![{_alt(alt) or f'图{count}'}]({assets.add(got[0], got[1], alt, False)})"

    def link(href: str, text: str) -> str:
        scheme = urlsplit(href).scheme.lower()
        suffix = Path(unquote(urlsplit(href).path)).suffix.lower()
        if suffix in ATTACHMENT_TYPES:
            got = fetch(href, f"附件“{text or href}”（{href}）")
            if got is None:
                return text
            return f"[{text}]({assets.add(got[0], got[1], text or got[0], True)})"
        if scheme in ("http", "https", "mailto") and text:
            return f"[{text}]({_url(href)})"
        return text

    return Resolver(image=image, link=link)


def word_resolver(assets: Assets) -> Resolver:
    """Images of a .docx arrive as ``md:`` sources holding their Markdown (see xxgk.importer.word)."""

    def image(src: str, alt: str) -> str:
        return src[len("md:") :] if src.startswith("md:") else ""

    def link(href: str, text: str) -> str:
        scheme = urlsplit(href).scheme.lower()
        return f"[{text}]({_url(href)})" if scheme in ("http", "https", "mailto") and text else text

    return Resolver(image=image, link=link)
