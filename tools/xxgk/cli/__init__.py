"""The ``xxgk`` command: one module per command group; this module only dispatches.

Exit codes: 0 fine, 1 problems found, 2 usage, configuration or environment error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xxgk.io.registry import ConfigError, find_root
from xxgk.model.dates import BadToday

_ARGPARSE_ZH = (
    (r"the following arguments are required: (.*)", r"缺少参数：\1"),
    (r"unrecognized arguments: (.*)", r"不认识的参数：\1"),
    (
        r"argument (\S+): invalid choice: '(.*?)' \(choose from (.*)\)",
        r"参数 \1 的值“\2”不可用，可选：\3",
    ),
    (r"argument (\S+): expected one argument", r"参数 \1 后面要跟一个值"),
    (r"argument (\S+): invalid (\w+) value: '(.*)'", r"参数 \1 的值“\3”不对"),
)


_HELP_ZH = (
    ("usage:", "用法："),
    ("positional arguments:", "参数："),
    ("options:", "选项："),
    ("show this help message and exit", "显示帮助并退出"),
)


class Parser(argparse.ArgumentParser):
    """argparse speaking Chinese, in help and on errors (exit 2, never a traceback). Every
    command and sub-command parser is one of these (argparse makes sub-parsers of the parent's
    class), and keeps its description's line breaks (the examples)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def format_help(self) -> str:
        return _zh(super().format_help())

    def format_usage(self) -> str:
        return _zh(super().format_usage())

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, repl in _ARGPARSE_ZH:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, repl, message)
                break
        self.exit(2, f"xxgk：用法错误：{message}\n运行“{self.prog} --help”查看用法。\n")


# Command name -> module, where they differ (``import`` is a Python keyword).
_MODULE_OF = {"import": "importdoc"}


def command_modules() -> list[str]:
    """Every module of this package with a ``register`` function is a command (group)."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.name not in ("output",)]
    return sorted(n for n in names if not n.startswith("_"))


def _wanted(argv: Sequence[str]) -> list[str]:
    """Only the module of the command being run is imported: start-up stays fast."""
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--root":
            i += 2
            continue
        if arg.startswith("-"):
            break
        module = _MODULE_OF.get(arg, arg)
        return [module] if module in command_modules() else command_modules()
    return command_modules()


def _zh(text: str) -> str:
    for english, chinese in _HELP_ZH:
        text = text.replace(english, chinese)
    return text


def build_parser(argv: Sequence[str] | None = None) -> Parser:
    parser = Parser(
        prog="xxgk",
        description="政府信息公开工作工具：检查目录条目、生成站点、审查、依申请公开。",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, help="信息公开仓库的根目录（默认：向上查找 xxgk.yml）")
    subs = parser.add_subparsers(dest="command", metavar="命令", parser_class=Parser)
    names = command_modules() if argv is None else _wanted(argv)
    for name in names:
        module = importlib.import_module(f"xxgk.cli.{name}")
        if hasattr(module, "register"):  # else a helper of another command's module
            module.register(subs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        if getattr(args, "needs_root", True):
            args.root = find_root(args.root)
        return int(args.func(args))
    except ConfigError as exc:
        from xxgk.cli.output import report

        if exc.problems:
            report(exc.problems, getattr(args, "format", "text") or "text", sys.stderr)
        print(f"xxgk：{exc}", file=sys.stderr)
        return 2
    except BadToday as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("xxgk：已中断", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: say so in Chinese, keep the trace on demand
        if os.environ.get("XXGK_DEBUG"):
            traceback.print_exc()
        print(
            f"xxgk：内部错误（{type(exc).__name__}: {exc}）。请把命令和这条信息报告给维护人员；"
            "设置环境变量 XXGK_DEBUG=1 可看到详细信息。",
            file=sys.stderr,
        )
        return 2
