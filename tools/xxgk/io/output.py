"""Write a file of the built site: an artefact under ``site/``, regenerated whole on every
build (as MkDocs writes its pages), so neither atomic nor synced, and written with plain
``os`` calls: ``open()`` adds an ``fstat``, an ``ioctl`` and an ``lseek`` to every file, and
a build writes tens of thousands of them."""

from __future__ import annotations

import os
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def write_output(path: Path | str, data: bytes) -> None:
    """Create or replace ``path`` with ``data``; its folder is made when missing."""
    try:
        fd = os.open(path, _FLAGS, 0o666)
    except FileNotFoundError:  # the folder's first file
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(path, _FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
