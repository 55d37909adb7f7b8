"""The spool: where the intake service leaves each submission, sealed, until the office takes it.

Layout under the spool folder (mode 0700)::

    issued/ZXSQ-2026-00001    empty marker: this 受理编号 has been given out (never removed)
    inbox/ZXSQ-2026-00001.age the submission, age-encrypted to the office (removed by inbox)
    keys/<sha256 of nonce>    the receipt a form's nonce got (a retried post gets the same one)
    form-key                  the key of the form tokens (``tokens``); it reads nothing

A 受理编号 is unique because its marker is created with O_EXCL, by any number of threads or
processes, and the entry is linked into inbox/ only if no file of that name exists (a marker
lost in a crash cannot hand out a stored number again). ``store`` returns only after the file
and both folders are fsynced: what it acknowledged survives a power cut.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

INBOX = "inbox"
ISSUED = "issued"
KEYS = "keys"
SUFFIX = ".age"
_NAME = re.compile(r"^([A-Z]+)-(\d{4})-(\d{5})$")


class SpoolError(Exception):
    """The spool folder cannot be used; the message says why, in Chinese."""


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes) -> None:
    """Write ``path`` durably, never replacing a file (FileExistsError): temp file, fsync, link."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    finally:
        os.unlink(tmp)


class Spool:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._last: dict[tuple[str, str], int] = {}
        try:
            for name in (INBOX, ISSUED, KEYS):
                (root / name).mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise SpoolError(
                f"无法使用暂存文件夹 {root}（{exc.strerror}）：请用 --spool 指定一个可写的文件夹"
            ) from exc

    def _taken(self, prefix: str, year: str) -> int:
        """The largest serial of a year given out or stored (markers and entries both count)."""
        names = [
            p.name.removesuffix(SUFFIX) for d in (ISSUED, INBOX) for p in (self.root / d).iterdir()
        ]
        serials = [
            int(m[3]) for n in names if (m := _NAME.match(n)) and (m[1], m[2]) == (prefix, year)
        ]
        return max(serials, default=0)

    def _next(self, prefix: str, year: str) -> str:
        with self._lock:
            key = (prefix, year)
            if key not in self._last:
                self._last[key] = self._taken(prefix, year)
            self._last[key] += 1
            return f"{prefix}-{year}-{self._last[key]:05d}"

    def store(
        self, prefix: str, year: str, seal: Callable[[str], tuple[bytes, str]], nonce: str = ""
    ) -> str:
        """Give out the next 受理编号, store the entry ``seal(受理编号)`` gives under it and, for a
        ``nonce``, the receipt text it gives; all durable on return."""
        for _ in range(100_000):
            receipt = self._next(prefix, year)
            try:
                os.close(
                    os.open(
                        self.root / ISSUED / receipt, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
                    )
                )
            except FileExistsError:
                continue  # given out by another process
            entry, answer = seal(receipt)
            try:
                write_new(self.root / INBOX / f"{receipt}{SUFFIX}", entry)
            except FileExistsError:
                continue  # stored before a crash lost its marker
            if nonce:
                self._remember(nonce, answer)
            for folder in (INBOX, KEYS, ISSUED):
                fsync_dir(self.root / folder)
            return receipt
        raise SpoolError("无法分配受理编号")

    def _remember(self, nonce: str, answer: str) -> None:
        """A retried post of the same form (same nonce) gets the receipt of the first. Written
        right after the entry: a crash between the two can store a retried form twice (never
        lose it)."""
        with contextlib.suppress(FileExistsError):
            write_new(self.root / KEYS / _digest(nonce), answer.encode("utf-8"))

    def recall(self, nonce: str) -> str | None:
        """The receipt text given for ``nonce``, while its entry is still in the spool."""
        try:
            answer = (self.root / KEYS / _digest(nonce)).read_text("utf-8").strip()
        except FileNotFoundError:
            return None
        number = json.loads(answer).get("受理编号", "") if answer else ""
        return answer if number and (self.root / INBOX / f"{number}{SUFFIX}").exists() else None


def entries(root: Path) -> list[Path]:
    """The stored submissions, oldest 受理编号 first (temporary files and links left out)."""
    folder = root / INBOX
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix == SUFFIX and not p.name.startswith(".") and p.is_file() and not p.is_symlink()
    )


def remove(entry: Path) -> None:
    entry.unlink(missing_ok=True)
    fsync_dir(entry.parent)


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode("utf-8")).hexdigest()
