"""Whether an imported document may be written: the entry as it would be written, every
problem ``xxgk check`` would report on it, and what the secrecy scan finds.

The single-file command and the folder import both decide here, so that a page imported with
a folder is held to exactly the rules of ``xxgk import FILE``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xxgk.importer.build import Imported, assemble, display, entry_text, place
from xxgk.importer.secrecy import findings
from xxgk.io.frontmatter import parse
from xxgk.model.dates import today
from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.rules import check_entry
from xxgk.rules.base import Context

REQUIRED_OPTIONS = {
    "信息名称": "--title",
    "产生时间": "--date",
    "分类": "--category",
    "发布机构": "--publisher",
    "责任部门": "--department",
    "公开形式": "--disclosure",
    "公开时限": "--term",
    "审核程序": "--procedure",
    "关键词": "--keywords",
    "内容描述": "--summary",
}


@dataclass
class Verdict:
    meta: dict[str, object]
    text: str
    target: Path
    rel: str
    problems: list[Problem] = field(default_factory=list)
    secret: list[str] = field(default_factory=list)
    kept_index: bool = False  # the source's own 索引号 was kept

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def missing(self) -> list[str]:
        """Required fields that neither the document nor the options gave."""
        return [key for key in REQUIRED_OPTIONS if not self.meta.get(key)]


def judge(
    root: Path,
    registry: Registry,
    imported: Imported,
    given: dict[str, str],
    defaults: dict[str, str],
    taken: set[str] | None = None,
) -> Verdict:
    meta = assemble(imported, given, defaults)
    old = imported.reading.old_index
    number, target = place(root, meta, registry, old, taken)
    if old and number and number != old:
        imported.reading.notes.append(
            f"原页面的索引号“{old}”与本仓库的编号不符或已被占用，已分配新索引号 {number}"
        )
    if imported.reading.topic and not meta.get("分类"):
        imported.reading.notes.append(
            f"原页面的{imported.reading.topic}：分类请从本旗九大类中选定，用 --category 给出"
        )
    meta = {"索引号": number, **meta}
    text = entry_text(imported, meta, target)
    rel = display(target, root)
    doc = parse(text.encode("utf-8"), rel)
    # CAT-UNSAFE-MARKUP among them: what the site would refuse is said now, with its line
    problems = check_entry(doc, Context(registry, today(), {}, root), root)
    # the files the import saves beside the entry do not exist yet: CAT-ATTACHMENT may not say so
    coming = [f"“{Path(rel).stem}.files/{a.name}”" for a in imported.assets.items]
    problems = [
        p
        for p in problems
        if not (
            p.rule == "CAT-ATTACHMENT"
            and "不存在" in p.message
            and any(c in p.message for c in coming)
        )
    ]
    secret = findings(imported, text, rel, registry)
    return Verdict(meta, text, target, rel, problems, secret, bool(old) and number == old)


def missing_options(meta: dict[str, object]) -> str:
    lines = [
        f"  {option}（{key}）" for key, option in REQUIRED_OPTIONS.items() if not meta.get(key)
    ]
    return "\n".join(lines)
