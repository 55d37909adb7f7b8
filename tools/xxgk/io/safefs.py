"""The one place that lists and reads files a user controls: entries, records, attachments.

git stores symlinks, so a merge request can bring a link to ``/dev/zero``, to a file outside
the repository or to itself; a FIFO blocks ``open()``; a 150 MB file or a zip bomb exhausts
memory; a name with ``\\`` is one file here and another on a Windows share. So listing never
follows a symlink and reports every symlink, special file, folder named like a file and odd
name; reading opens each component below the root with ``O_NOFOLLOW``, refuses anything but
a regular file after ``fstat`` and never reads past a bound; names with ``\\``, control
characters, ``..``, more than 255 bytes or not UTF-8 are refused, never normalised.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xxgk.model.problem import Problem, Severity

MIB = 1024 * 1024
# What one file may cost. Each bound is far above the largest real file of its kind and far
# below what would hurt a CI runner; the unit for people is MB.
ENTRY_LIMIT = 2 * MIB  # a catalog entry (front matter + Markdown; a long regulation is ~200 KB)
RECORD_LIMIT = 2 * MIB  # a YAML record (review, consultation, training …)
HTML_LIMIT = 10 * MIB  # a saved web page to import (real ones are 50–500 KB)
HTML_TAG_LIMIT = 100_000  # tags of that page: the parser and converter cost time per tag
ATTACHMENT_LIMIT = 100 * MIB  # an attachment hashed or copied; a .docx to import
SCAN_TEXT_LIMIT = 8 * MIB  # text the scanner reads from one attachment (more: checked by eye)
# A .docx is a zip: checked against its directory before anything is unpacked.
DOCX_XML_LIMIT = 48 * MIB  # all XML parts unpacked (document.xml of 500 pages is ~10 MB)
DOCX_TOTAL_LIMIT = 256 * MIB  # every part unpacked, pictures included
DOCX_RATIO_LIMIT = 100  # XML deflates 5–20 times; a zip bomb 1,000 times (parts over 1 MB)
DOCX_MEMBER_LIMIT = 5000  # parts of one document (real files have a few dozen)
DOCX_DEPTH_LIMIT = 100  # XML nesting (real documents stay below 40; converters recurse)
NAME_BYTES = 255  # NAME_MAX of Linux file systems
PATH_BYTES = 4096  # PATH_MAX
RULE = "FILE-KIND"

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY
_CHUNK = 1 << 20


class UnsafeFile(Exception):
    """A file refused before (or instead of) reading it; the message is Chinese and names it."""


def shown(rel: str) -> str:
    """A path printable on one line: control characters and bad bytes escaped, long ones cut."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", rel)
    try:  # a name that is not UTF-8 came from the file system as surrogates: show its bytes
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return text if len(text) <= 160 else f"{text[:120]}…（共 {len(text)} 个字符）"


def name_problem(name: str) -> str:
    """Why a single file or folder name is refused ("" when it is fine)."""
    if "\\" in name:
        return "文件名含反斜杠“\\”（在 Windows 和网站服务器上是另一个文件），不予读取，请改名"
    if _CONTROL.search(name):
        return "文件名含控制字符（换行、制表符等），不予读取，请改名"
    try:
        size = len(name.encode("utf-8"))
    except UnicodeEncodeError:
        return "文件名不是 UTF-8 编码，不予读取，请改名"
    if size > NAME_BYTES:
        return f"文件名超过 {NAME_BYTES} 字节，不予读取，请改短"
    return ""


def _problem(rel: str, why: str) -> Problem:
    return Problem(shown(rel), 1, 1, RULE, Severity.ERROR, f"{shown(rel)} {why}")


SYMLINK = "是符号链接，不予读取（防止读到仓库以外的文件）：请换成实际文件"
SPECIAL = "不是普通文件（命名管道、套接字或设备），不予读取"


def list_files(
    root: Path, folder: str, suffixes: tuple[str, ...]
) -> tuple[list[Path], list[Problem]]:
    """Regular files under ``root/folder`` ending with ``suffixes`` (sorted as text), and a
    problem for every symlink, special file, odd name and folder named ``*<suffix>`` there.
    Hidden names (".") are skipped; nothing is followed or opened."""
    problems: list[Problem] = []
    folder = "" if folder in ("", ".") else folder.strip("/")
    why = _folder_problem(root, folder) if folder else None
    if why is not None:
        return [], [_problem(folder, why)] if why else []
    found: list[str] = []
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(os.path.join(root, here)) as it:
                entries = list(it)
        except OSError as exc:
            problems.append(_problem(here, f"无法读取文件夹（{exc.strerror}）"))
            continue
        for entry in entries:
            _sort_entry(entry, here, suffixes, found, stack, problems)
    base = str(root) + os.sep
    return [Path(base + r) for r in sorted(found)], sorted(problems)


def _folder_problem(root: Path, folder: str) -> str | None:
    """None: list it; "": nothing to list (absent); else why the folder itself is refused."""
    path = root
    for part in folder.split("/"):
        path = path / part
        try:
            st = os.lstat(path)
        except OSError:
            return ""
        if stat.S_ISLNK(st.st_mode):
            return SYMLINK
        if not stat.S_ISDIR(st.st_mode):
            return ""
    return None


def _sort_entry(
    entry: os.DirEntry[str],
    here: str,
    suffixes: tuple[str, ...],
    found: list[str],
    stack: list[str],
    problems: list[Problem],
) -> None:
    name = entry.name
    if name.startswith("."):
        return
    rel = f"{here}/{name}" if here else name
    why = name_problem(name)
    if why:
        problems.append(_problem(rel, why))
        return
    try:
        if entry.is_symlink():
            problems.append(_problem(rel, SYMLINK))
        elif entry.is_dir(follow_symlinks=False):
            if name.endswith(suffixes):
                problems.append(_problem(rel, "是文件夹，名称却像文件，不予读取：请改名"))
            stack.append(rel)
        elif entry.is_file(follow_symlinks=False):
            if name.endswith(suffixes):
                found.append(rel)
        else:
            problems.append(_problem(rel, SPECIAL))
    except OSError:
        pass  # removed while listing: nothing to read


def named(path: Path) -> tuple[str, str]:
    """A path named on the command line, by ``lstat``: (file|dir|missing|refused, why)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return "missing", ""
    except (OSError, ValueError) as exc:  # a name too long, a NUL in it
        return "refused", f"无法读取（{getattr(exc, 'strerror', '') or exc}）"
    if stat.S_ISLNK(st.st_mode):
        return "refused", SYMLINK
    if stat.S_ISDIR(st.st_mode):
        return "dir", ""
    return ("file", "") if stat.S_ISREG(st.st_mode) else ("refused", SPECIAL)


def parts_of(rel: str) -> list[str]:
    """The components of a relative POSIX path; UnsafeFile for absolute paths, "..", "\\"."""
    if not rel or rel.startswith("/"):
        raise UnsafeFile(f"{shown(rel)} 不是仓库内的相对路径，不予读取")
    if len(rel.encode("utf-8", "surrogatepass")) > PATH_BYTES:
        raise UnsafeFile(f"{shown(rel)} 路径过长，不予读取")
    parts = [p for p in rel.split("/") if p not in ("", ".")]
    for part in parts:
        why = "含“..”，指向所在文件夹以外，不予读取" if part == ".." else name_problem(part)
        if why:
            raise UnsafeFile(f"{shown(rel)} {why}")
    if not parts:
        raise UnsafeFile(f"{shown(rel)} 不是文件，不予读取")
    return parts


def _step(dir_fd: int, name: str, flags: int, rel: str) -> int:
    """Open ``name`` in ``dir_fd`` without following it."""
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise UnsafeFile(f"{shown(rel)} {_why(dir_fd, name, exc)}") from exc


def _why(dir_fd: int, name: str, exc: OSError) -> str:
    try:
        st = os.lstat(name, dir_fd=dir_fd)
    except OSError:
        return f"无法读取（{exc.strerror}）"
    if stat.S_ISLNK(st.st_mode):
        return SYMLINK
    if not stat.S_ISDIR(st.st_mode) and exc.errno == errno.ENOTDIR:  # a file used as a folder
        return f"路径中的“{shown(name)}”不是文件夹，不予读取"
    return f"无法读取（{exc.strerror}）"


class Folders:
    """The open folder of the last file read below ``root``. Entries are read in path order,
    folder after folder: each folder's path is walked (with O_NOFOLLOW) once, not per file."""

    def __init__(self, root: Path) -> None:
        self.root, self.rel, self.fd = root, "", -1

    def fd_of(self, parts: list[str], rel: str) -> int:  # the folder holding parts[-1]
        parent = "/".join(parts[:-1])
        if self.fd < 0 or parent != self.rel:
            self.close()
            fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            for part in parts[:-1]:
                try:
                    below = _step(fd, part, _DIR_FLAGS, rel)
                finally:
                    os.close(fd)
                fd = below
            self.rel, self.fd = parent, fd
        return self.fd

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
        self.fd = -1


@contextmanager
def opened(
    root: Path, rel: str, limit: int, folders: Folders | None = None
) -> Iterator[tuple[int, int]]:
    """(fd, size) of the regular file ``root/rel`` of at most ``limit`` bytes, reached without
    following a symlink below ``root`` (``folders``: of the same root, kept open for the next
    file); FileNotFoundError when absent, else UnsafeFile."""
    parts = parts_of(rel)
    mine = Folders(root) if folders is None else folders
    try:
        fd = _step(mine.fd_of(parts, rel), parts[-1], _FILE_FLAGS, rel)
    finally:
        if folders is None:
            mine.close()
    try:
        yield fd, _regular(fd, rel, limit)
    finally:
        os.close(fd)


def _regular(fd: int, rel: str, limit: int) -> int:
    """The size of the open file, when it is a regular file within ``limit``."""
    st = os.fstat(fd)
    if stat.S_ISDIR(st.st_mode):
        raise UnsafeFile(f"{shown(rel)} 是文件夹，不是文件，不予读取")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFile(f"{shown(rel)} {SPECIAL}")
    if st.st_size > limit:
        raise UnsafeFile(too_big(rel, limit))
    return st.st_size


def too_big(rel: str, limit: int) -> str:
    return f"{shown(rel)} 超过 {limit // MIB} MB 的上限，不予读取"


def chunks(fd: int, limit: int, rel: str, first: int = _CHUNK) -> Iterator[bytes]:
    """The bytes of ``fd`` in pieces; UnsafeFile once more than ``limit`` arrive (it grew)."""
    total, size = 0, first
    while piece := os.read(fd, size):
        total += len(piece)
        if total > limit:
            raise UnsafeFile(too_big(rel, limit))
        yield piece
        size = _CHUNK


def read_bytes(root: Path, rel: str, limit: int, folders: Folders | None = None) -> bytes:
    """The bytes of the regular file ``root/rel`` (see :func:`opened`)."""
    with opened(root, rel, limit, folders) as (fd, size):
        return b"".join(chunks(fd, limit, rel, first=size + 1))


def read_named(path: Path, limit: int) -> bytes:
    """A file named on the command line (a document to import): a symlink given is followed,
    but only to a regular file within ``limit``."""
    try:
        fd = os.open(path, _FILE_FLAGS & ~os.O_NOFOLLOW)
    except (OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise UnsafeFile(
            f"{shown(str(path))} 无法读取（{getattr(exc, 'strerror', '') or exc}）"
        ) from exc
    try:
        size = _regular(fd, str(path), limit)
        return b"".join(chunks(fd, limit, str(path), first=size + 1))
    finally:
        os.close(fd)
