"""Every command explains itself: ``--help`` with a ``示例:`` block, and a place in the README."""

from __future__ import annotations

import argparse
import contextlib
import io
import re

import pytest
from foundation_helpers import REPO

from xxgk.cli import build_parser, main


def _commands() -> list[tuple[str, ...]]:
    """Every command and sub-command, as the argument lists that reach its help."""
    found: list[tuple[str, ...]] = []

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append((*prefix, name))
                    walk(sub, (*prefix, name))

    walk(build_parser(), ())
    return found


COMMANDS = _commands()


def _help(words: tuple[str, ...]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as done:
        main([*words, "--help"])
    assert done.value.code == 0
    return out.getvalue()


def test_the_foundation_commands_are_there() -> None:
    assert {("check",), ("new",), ("renumber",), ("rules",), ("bench",)} <= set(COMMANDS)


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_ends_with_examples_of_this_command(words: tuple[str, ...]) -> None:
    text = _help(words)
    assert "示例:" in text, f"xxgk {' '.join(words)} --help has no 示例: block"
    examples = text.split("示例:", 1)[1]
    assert re.search(rf"xxgk {re.escape(words[0])}\b", examples), examples


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_command_is_explained_in_the_readme(words: tuple[str, ...]) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"xxgk {' '.join(words)}" in readme


def test_rule_table_in_the_docs_is_the_generated_one() -> None:
    from xxgk.cli.rules import table

    docs = (REPO / "README.md").read_text(encoding="utf-8")
    assert table() in docs, "run: xxgk rules --markdown, and paste it into the README"


def test_every_rule_module_documents_itself_with_examples() -> None:
    from xxgk.rules import ENTRY_RULES

    for module in ENTRY_RULES:
        doc = module.__doc__ or ""
        assert doc.startswith(module.RULE.id), module.__name__
        failing = "警告" if module.RULE.severity.value == "warning" else "错误"
        assert "通过" in doc and failing in doc, (
            f"{module.__name__}: a passing and a failing example"
        )
