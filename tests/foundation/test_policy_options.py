"""政策.社会评议: a 满意选项 that is not one of the 选项 (after the options are renamed) is a
REG-SCHEMA problem at its line in xxgk.yml, not silently left out of the 满意率."""

from __future__ import annotations

from pathlib import Path

from xxgk.io.registry import check_registry

OPTIONS = "    选项: [满意, 基本满意, 不满意, 不了解]\n"
SATISFIED = "    满意选项: [满意, 基本满意]\n"


def rewrite(root: Path, options: str, satisfied: str) -> list[str]:
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    assert OPTIONS in text and SATISFIED in text
    text = text.replace(OPTIONS, options, 1).replace(SATISFIED, satisfied, 1)
    reg.write_text(text, "utf-8")
    return text.splitlines()


def line_of(lines: list[str], start: str) -> int:
    return next(n for n, t in enumerate(lines, 1) if t.startswith(start))


def test_a_satisfied_option_that_is_no_option_is_reported_at_its_line(repo: Path) -> None:
    lines = rewrite(
        repo,
        "    选项: [很满意, 满意, 不满意]\n",
        "    满意选项:\n      - 很满意\n      - 基本满意\n",
    )
    registry, problems = check_registry(repo)
    assert registry is None
    found = [p for p in problems if p.rule == "REG-SCHEMA"]
    assert [(p.path, p.line) for p in found] == [("xxgk.yml", line_of(lines, "      - 基本满意"))]
    assert "基本满意" in found[0].message and "很满意、满意、不满意" in found[0].message


def test_renamed_options_with_the_default_satisfied_options_name_the_options_line(
    repo: Path,
) -> None:
    """满意选项 left out: its default (满意, 基本满意) has no line; the renamed 选项 have one."""
    lines = rewrite(repo, "    选项: [很满意, 比较满意, 不满意]\n", "")
    registry, problems = check_registry(repo)
    assert registry is None
    found = [p for p in problems if p.rule == "REG-SCHEMA"]
    assert {p.line for p in found} == {line_of(lines, "    选项:")}
    assert {m for p in found for m in ("“满意”", "“基本满意”") if m in p.message} == {
        "“满意”",
        "“基本满意”",
    }


def test_options_renamed_together_with_the_satisfied_ones_are_fine(repo: Path) -> None:
    rewrite(repo, "    选项: [很满意, 比较满意, 不满意]\n", "    满意选项: [很满意, 比较满意]\n")
    registry, problems = check_registry(repo)
    assert registry is not None, problems
    assert registry.settings.evaluation.satisfied == ("很满意", "比较满意")
