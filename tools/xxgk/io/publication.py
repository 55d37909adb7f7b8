"""What may be published: gathers each entry's inputs and asks ``model.publish.decide``.

This is the one place the site build (and anything else that shows entries to the public)
asks the question. The secrecy-review, consultation and withdrawal conditions come from
``xxgk.io.review_state``; when that module, or one of its functions, is missing or fails,
the answer is "not allowed" (fail-closed), with the reason in the decision.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from xxgk.io.catalog import entry_paths, load_entries, quick_index_numbers
from xxgk.io.frontmatter import Document
from xxgk.model.dates import parse_date
from xxgk.model.problem import Severity
from xxgk.model.publish import Decision, Verdict, decide
from xxgk.model.registry import Registry
from xxgk.rules import check_entry
from xxgk.rules.base import Context

REVIEW_MODULE = "xxgk.io.review_state"


def decisions(root: Path, registry: Registry, today: dt.date) -> dict[str, tuple[Document, Decision]]:
    """Every catalog entry (by path relative to the root) with its publication decision."""
    return {doc.rel: (doc, dec) for doc, dec in iter_decisions(root, registry, today)}


def iter_decisions(root: Path, registry: Registry, today: dt.date, paths: list[Path] | None = None,
                   numbers: dict[str, list[str]] | None = None) -> Iterator[tuple[Document, Decision]]:
    """The same, one entry at a time, so that 100,000 entries need not be in memory at once;
    ``paths``: only these entries (for workers sharing the job).

    Duplicate 索引号 are found against every entry's number read with a regex (as
    ``xxgk check PATH`` does; ``numbers`` when already read), plus the number each entry's
    own front matter gives."""
    every = entry_paths(root)
    paths = every if paths is None else paths
    numbers = quick_index_numbers(root, every) if numbers is None else numbers
    ctx = Context(registry=registry, today=today, index_numbers=numbers)
    state = _review_module()
    for doc in load_entries(root, paths):
        own = doc.get("索引号") if doc.parsed else None
        if isinstance(own, str) and doc.rel not in numbers.get(own, []):
            numbers.setdefault(own, []).append(doc.rel)
        yield doc, decide_entry(root, doc, ctx, state)


def decide_entry(root: Path, doc: Document, ctx: Context, state: ModuleType | None) -> Decision:
    errors = [f"第 {p.line} 行 [{p.rule}] {p.message}" for p in check_entry(doc, ctx, root)
              if p.severity is Severity.ERROR]
    if not doc.parsed:  # nothing else can be asked of an unreadable entry
        return decide(check_errors=errors or ["元数据无法读取"], disclosure=None,
                      term_end=None, today=ctx.today, review=Verdict(False),
                      consultation=Verdict(False), withdrawn=False)
    limited = doc.get("公开时限") == "限时公开"
    review = _verdict(state, "review_verdict", root, doc)
    withdrawn = _ask(state, "is_withdrawn", root, doc)
    if not isinstance(withdrawn, bool):  # cannot tell whether withdrawn: not allowed
        if review.ok:
            review = withdrawn if isinstance(withdrawn, Verdict) else Verdict(False, "撤回状态不明")
        withdrawn = False
    return decide(
        check_errors=errors,
        disclosure=doc.get("公开形式"),
        term_end=parse_date(doc.get("公开截止日期")) if limited else None,
        today=ctx.today,
        review=review,
        consultation=_verdict(state, "consultation_verdict", root, doc),
        withdrawn=withdrawn,
    )


def _review_module() -> ModuleType | None:
    try:
        return importlib.import_module(REVIEW_MODULE)
    except ImportError:
        return None


def _ask(state: ModuleType | None, name: str, root: Path, doc: Document) -> Any:
    """The answer of ``review_state.name(root, doc)``, or a Verdict saying why there is none."""
    func: Callable[[Path, Document], Any] | None = getattr(state, name, None)
    if func is None:
        return Verdict(False, f"未找到审查状态模块 {REVIEW_MODULE}.{name}，按未审查处理")
    try:
        return func(root, doc)
    except Exception as exc:  # noqa: BLE001 — any failure of the check means "not allowed"
        return Verdict(False, f"无法判断（{type(exc).__name__}: {exc}），按未通过处理")


def _verdict(state: ModuleType | None, name: str, root: Path, doc: Document) -> Verdict:
    answer = _ask(state, name, root, doc)
    return answer if isinstance(answer, Verdict) else Verdict(False, f"{name} 未给出结论")
