"""``xxgk renumber``: give new entries their 索引号, and renumber this branch's collisions.

Design (see README): numbers are given on the branch; two branches may take the same
one. Then either git refuses the merge (both added the file named after the number) or
CI's check of the merge result refuses the duplicate (CAT-INDEX-DUPLICATE). The later
branch runs ``xxgk renumber --base origin/main``, which renumbers (and renames) only
entries that are new on the branch since it forked. An entry on the base is never
renumbered.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli._renumber_move import Refused, rename_entry
from xxgk.editor.own_folder import SUFFIX
from xxgk.io.catalog import CATALOG_DIR, entry_paths, quick_index_numbers, rel
from xxgk.io.frontmatter import read
from xxgk.io.git import files_at, git, grep_at, ref_exists
from xxgk.io.numbering import index_values, next_number, write_number
from xxgk.io.registry import ConfigError, load_registry
from xxgk.io.safefs import UnsafeFile
from xxgk.model.dates import parse_date
from xxgk.model.registry import Registry

HELP = """为没有索引号的条目生成索引号；加 --base 时，为本分支新增、且与主线或彼此重复的条目重新编号。

已在主线上的条目（已发布）永远不会被重新编号。以旧索引号命名的条目文件随之改名，它的附件文件夹
（条目文件名.files/）也一起改名，条目“附件”中的路径和正文里指向该文件夹的链接随之改写；新名字已被占用时
不改名、不覆盖。

示例:
  xxgk renumber content/catalog/2026/new.md
  xxgk renumber --base origin/main
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("renumber", help="生成或重新分配索引号", description=HELP)
    p.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="要编号的条目（默认：全部新条目）"
    )
    p.add_argument("--base", help="主线的引用，例如 origin/main")
    p.set_defaults(func=run)


def _number_of(text: str) -> str:
    return text.split(":", 1)[1].strip().strip("\"'") if ":" in text else ""


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)
    folder = CATALOG_DIR.as_posix()
    all_paths = entry_paths(root)
    current = quick_index_numbers(root, all_paths)
    number_of = {p: n for n, ps in current.items() for p in ps}
    protected: set[str] = set()
    base_numbers: set[str] = set()
    if args.base:
        if not ref_exists(root, args.base):
            raise ConfigError(f"找不到 {args.base}：请先 git fetch")
        # Entries the branch shares with the base are those at the fork point: a file that
        # both branches added under the same name is not shared, whatever its path.
        fork = git(root, "merge-base", "HEAD", args.base).strip()
        protected = files_at(root, fork, folder)
        base_numbers = {_number_of(t) for t in grep_at(root, args.base, "^索引号", folder).values()}
    chosen = [root / p if not p.is_absolute() else p for p in args.paths] or all_paths
    taken = set(current) | base_numbers
    seen: set[str] = set()
    changed = 0
    for path in sorted(chosen, key=lambda p: rel(root, p)):
        name = rel(root, path)
        own = number_of.get(name, "")
        if name in protected:
            seen.add(own)
            continue
        clash = (
            own in base_numbers or own in seen or (not args.base and len(current.get(own, [])) > 1)
        )
        if own and not clash:
            seen.add(own)
            continue
        number = _assign(registry, path, taken)
        if number is None:
            print(
                f"{name}：发布机构、分类或产生时间有误，无法编号；请先运行 xxgk check {name}",
                file=sys.stderr,
            )
            continue
        write_number(path, number)
        moved, where = _rename(root, path, own, number)
        taken.add(number)
        seen.add(number)
        changed += 1
        print(f"{name}：索引号 {own or '（无）'} → {number}{where}")
    print(f"重新编号 {changed} 个条目。" if changed else "没有需要编号的条目。")
    return 0


def _rename(root: Path, path: Path, old: str, new: str) -> tuple[Path, str]:
    """A file named after its old number takes the new one's name, with its ``.files/``
    folder: two branches that both wrote 000014349-2026-00002.md would otherwise still
    collide as files when merged. The path after it, and what to say about it."""
    try:
        moved = rename_entry(root, path, old, new)
    except Refused as exc:  # never overwrite: the number inside is what counts
        return path, f"（{exc}，文件名未改）"
    except (OSError, UnsafeFile) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return path, f"（文件没有改名：{why}）"
    if moved == path:
        return path, ""
    folder = moved.with_name(moved.stem + SUFFIX)
    also = f"，附件文件夹改为 {rel(root, folder)}/" if folder.is_dir() else ""
    return moved, f"（文件改名为 {rel(root, moved)}{also}）"


def _assign(registry: Registry, path: Path, taken: set[str]) -> str | None:
    doc = read(path, path.name)
    created = parse_date(doc.get("产生时间"))
    if created is None:
        return None
    try:
        values = index_values(
            registry, str(doc.get("发布机构")), str(doc.get("分类")), created.year
        )
    except ValueError:
        return None
    return next_number(registry, taken, values)
