"""Reporters: print problems as text, JSON or GitHub Actions annotations. Nothing else prints them."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from typing import TextIO

from xxgk.model.problem import Problem, Severity

FORMATS = ("text", "json", "github")


def report(
    problems: list[Problem],
    fmt: str,
    out: TextIO | None = None,
    checked: int = 0,
    what: str = "个文件",
) -> None:
    out = out or sys.stdout  # looked up per call: tests and callers may swap sys.stdout
    problems = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.rule))
    if fmt == "json":
        json.dump([p.as_dict() for p in problems], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt == "github":
        _github(problems, out, checked, what)
        return
    for p in problems:
        out.write(f"{p.path}:{p.line}:{p.column}: {p.severity.label} [{p.rule}] {p.message}\n")
    out.write(summary(problems, checked, what) + "\n")


def summary(problems: list[Problem], checked: int, what: str) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems if p.severity is Severity.ERROR})
    if not problems:
        return f"检查了 {checked} {what}，没有发现问题。"
    head = f"检查了 {checked} {what}：{errors} 个错误"
    if warnings:
        head += f"，{warnings} 个警告"
    if errors:
        head += f"，涉及 {files} 个文件。请逐条改正后再提交"
    return head + "。"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def _github(problems: list[Problem], out: TextIO, checked: int, what: str) -> None:
    for p in problems:
        kind = "error" if p.severity is Severity.ERROR else "warning"
        title = _escape(f"[{p.rule}]", prop=True)
        out.write(
            f"::{kind} file={_escape(p.path, True)},line={p.line},col={p.column},"
            f"title={title}::{_escape(p.message)}\n"
        )
    text = summary(problems, checked, what)
    out.write(text + "\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(job_summary(problems, text))


def job_summary(problems: list[Problem], text: str) -> str:
    """GitHub shows at most 10 annotations per step: the job summary lists them all."""
    lines = ["## xxgk 检查结果", "", text, ""]
    if problems:
        counts = Counter(p.rule for p in problems)
        lines += ["| 规则 | 数量 |", "|---|---|"]
        lines += [f"| {rule} | {n} |" for rule, n in sorted(counts.items())]
        lines += ["", "| 位置 | 级别 | 规则 | 说明 |", "|---|---|---|---|"]
        for p in problems:
            msg = p.message.replace("|", "\\|")
            lines.append(
                f"| `{p.path}:{p.line}:{p.column}` | {p.severity.label} | {p.rule} | {msg} |"
            )
    return "\n".join(lines) + "\n"


def exit_code(problems: list[Problem]) -> int:
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0
