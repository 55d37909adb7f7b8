"""Helpers for the voice tests: write records as staff would, read them back."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def opinion(
    root: Path,
    number: str,
    detected: str,
    level: str = "其他政务舆情",
    responses: str = "",
    extra: str = "",
    unit: str = "鄂托克前旗民政局",
) -> Path:
    """An opinion record; ``responses`` are YAML list items under 回应 (already indented)."""
    year = number.split("-")[1]
    body = f"""\
编号: {number}
来源: 微博
发现时间: {detected}
概要: 测试用舆情概要
涉及单位: {unit}
风险等级: {level}
"""
    if responses:
        body += "回应:\n" + textwrap.indent(textwrap.dedent(responses).strip("\n"), "  ") + "\n"
    body += textwrap.dedent(extra).lstrip("\n")
    return write(root, f"opinions/{year}/{number}.yml", body)


def copy_samples(root: Path) -> None:
    """The project's own sample evaluations and opinions, as shipped."""
    for folder in ("evaluations", "opinions"):
        shutil.copytree(REPO / folder, root / folder)
