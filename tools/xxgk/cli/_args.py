"""What command modules share when they declare their sub-commands (not a command)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def action(
    inner: Any, name: str, text: str, func: Callable[[argparse.Namespace], int], help_text: str
) -> argparse.ArgumentParser:
    """Sub-command ``name`` of a command group: ``text`` as its one-line help, followed in
    ``--help`` by the group's examples (the part of ``help_text`` from “示例:” on)."""
    examples = help_text[help_text.index("示例:") :] if "示例:" in help_text else ""
    parser: argparse.ArgumentParser = inner.add_parser(
        name, help=text, description=f"{text}。\n\n{examples}".rstrip() + "\n"
    )
    parser.set_defaults(func=func)
    return parser
