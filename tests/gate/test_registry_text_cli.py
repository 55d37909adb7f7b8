"""Staff see what stops the site build before CI does: ``xxgk check`` and ``xxgk scan`` report a
密级标志 or personal data in xxgk.yml's public text (footer, office, questionnaire) at its line,
from the same scan the build runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.cli import main

CASES = [
    ("ICP备案号: 蒙ICP备00000000号", "ICP备案号: 蒙ICP备00000000号 机密★10年", "SCAN-SECRET-MARK"),
    ("办公时间: 工作日", "办公时间: 值班 13947712345 工作日", "SCAN-MOBILE"),
    ("不满意, 不了解]", "不满意, 不了解, 秘密★1年]", "SCAN-SECRET-MARK"),
]
COMMANDS = [["check"], ["scan"], ["scan", "--all"], ["scan", "xxgk.yml"]]


def edit(root: Path, old: str, new: str) -> int:
    """Write ``new`` for ``old`` in xxgk.yml; the line it is on."""
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    reg.write_text(text, "utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if new in line)


def run(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cmd: list[str]
) -> tuple[int, str]:
    monkeypatch.chdir(root)
    capsys.readouterr()
    code = main(["--root", str(root), *cmd])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("old", "new", "rule"), CASES)
@pytest.mark.parametrize("cmd", COMMANDS)
def test_a_mark_or_personal_data_in_the_public_registry_text_is_reported_at_its_line(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cmd: list[str],
    old: str,
    new: str,
    rule: str,
) -> None:
    line = edit(repo, old, new)
    code, out = run(repo, capsys, monkeypatch, cmd)
    assert code == 1 and f"xxgk.yml:{line}:" in out and f"[{rule}]" in out, out
    assert "13947712345" not in out  # masked, as in the build's log


@pytest.mark.parametrize("cmd", COMMANDS)
def test_near_misses_in_the_public_registry_text_are_not_reported(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cmd: list[str]
) -> None:
    """保密审查 and 国家秘密 are words, not marks; the registered office phone is public."""
    edit(repo, "办公时间: 工作日", "办公时间: 保密审查后公开，不含国家秘密；工作日")
    code, out = run(repo, capsys, monkeypatch, cmd)
    assert "xxgk.yml:" not in out and code == 0, out


def test_a_scan_of_one_entry_leaves_the_registry_alone(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(repo, "ICP备案号: 蒙ICP备00000000号", "ICP备案号: 绝密★长期")
    (repo / "content/catalog/a.md").write_text("---\n信息名称: 无\n---\n\n正文。\n", "utf-8")
    code, out = run(repo, capsys, monkeypatch, ["scan", "content/catalog/a.md"])
    assert "xxgk.yml" not in out and code == 0, out
