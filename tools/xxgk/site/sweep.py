"""Delete the previous build's files while this build works.

Before building, MkDocs empties ``site/`` (``clean_directory``): at county scale tens of
thousands of files and folders, removed one by one before any work starts. In
``on_pre_build`` the plugin moves them instead, one rename each, into a hidden folder of
``site/`` (MkDocs leaves hidden entries alone: the same entries are removed as MkDocs would
remove) and a forked process deletes that folder while the entries are decided and the pages
written. The build waits for it before it ends and fails if anything of it is left, so no
file of an earlier build is ever published; a folder left by an interrupted build is deleted
before the next build starts.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from multiprocessing.process import BaseProcess
from pathlib import Path

STALE = ".xxgk-stale"


def _remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


class Sweeper:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.process: BaseProcess | None = None

    def start(self, site_dir: Path) -> None:
        """Move the previous build's entries of ``site_dir`` aside and start deleting them."""
        self.finish()
        stale = site_dir / STALE
        if os.path.lexists(stale):  # left by an interrupted build
            _remove(stale)
        if not site_dir.is_dir() or site_dir.is_symlink():
            return
        names = [n for n in os.listdir(site_dir) if not n.startswith(".")]
        if not names:
            return
        os.mkdir(stale)
        self.folder = stale
        for name in names:
            try:
                os.rename(site_dir / name, stale / name)
            except OSError:  # a mount point, say: left where it is, MkDocs empties it
                continue
        self.process = multiprocessing.get_context("fork").Process(
            target=_remove, args=(stale,), daemon=True
        )
        self.process.start()

    def finish(self) -> str:
        """Wait for the deletion; a message naming what is left, or ""."""
        if self.process is not None:
            self.process.join()
            self.process = None
        folder, self.folder = self.folder, None
        if folder is not None and os.path.lexists(folder):
            _remove(folder)  # the process failed or was killed: once more, here
            if os.path.lexists(folder):
                return f"上一次生成的文件未能删除：{folder}（请删除后重新生成）"
        return ""
