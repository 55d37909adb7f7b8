"""Secrecy markings and personal data in an imported document.

The 份号 and 密级 lines are found while reading the document's head (they never reach the
body). The converted entry is then given to the project's scanner (``xxgk.scan``), so that
the import and the review gate judge by the same rules (ID numbers, phone numbers, bank
cards, 密级 written anywhere in the text …). Contact data the registry itself publishes is
not a finding.
"""

from __future__ import annotations

from xxgk.importer.build import Imported
from xxgk.model.registry import Registry
from xxgk.scan.engine import Finding, scan_text
from xxgk.scan.run import public_values


def findings(imported: Imported, text: str, rel: str, registry: Registry) -> list[str]:
    """Everything that must stop the import unless --force, in Chinese."""
    found = [
        f"{m}（信息载体上的国家秘密标志，须先保密审查，附件4 第六条）"
        for m in imported.reading.markings
    ]
    found += [
        f"{rel} 第 {f.line} 行：{f.name}“{f.shown}”" for f in _scan(imported, text, rel, registry)
    ]
    return found


def _scan(imported: Imported, text: str, rel: str, registry: Registry) -> list[Finding]:
    return list(scan_text(text, rel, public_values(registry)))
