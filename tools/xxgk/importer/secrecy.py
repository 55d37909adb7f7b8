"""Secrecy markings and personal data in an imported document.

The 份号 and 密级 lines are found while reading the document's head (they never reach the
body). The converted text is then given to the project's scanner (``xxgk.scan``) when it is
installed, so that the import and the review gate judge the same way.
"""

from __future__ import annotations

import importlib

from xxgk.importer.build import Imported


def findings(imported: Imported, text: str) -> list[str]:
    """Everything that must stop the import unless --force, in Chinese."""
    found = [f"{m}（信息载体上的国家秘密标志，须先保密审查，附件4 第六条）" for m in imported.reading.markings]
    found += _scan(text, imported.source.name)
    return found


def _scan(text: str, name: str) -> list[str]:
    try:
        scan = importlib.import_module("xxgk.scan")
    except ModuleNotFoundError:
        return []
    check = getattr(scan, "scan_text", None)
    if check is None:
        return []
    return [f"第 {p.line} 行：{p.message}" for p in check(text, name)]
