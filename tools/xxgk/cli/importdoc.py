"""``xxgk import FILE``: a Word document or a saved web page → a new catalog entry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.new import FIELDS
from xxgk.cli.output import report
from xxgk.importer.build import Imported, convert, write
from xxgk.importer.bulk import FAILED, HELD, Options, Row, import_folder
from xxgk.importer.report import summary, write_report
from xxgk.importer.source import imported_origins
from xxgk.importer.summary import attach_files, explain
from xxgk.importer.verdict import Verdict, judge, missing_options
from xxgk.importer.word import ImportError_
from xxgk.io.registry import load_registry
from xxgk.model.registry import Registry

HELP = """把 Word 文档（.docx）或从网站保存的网页（.html）导入为一个新的目录条目。

也可以给一个文件夹（保存的网页、Word 文档或整站镜像）：逐个导入，栏目页和已导入过的跳过，
保留原网站符合本旗格式且未被占用的索引号，写出导入报告（CSV 和中文摘要），可重复运行。

正文转为干净的 Markdown（保留标题层次、编号、表格和加粗小标题，去掉字体、颜色、字号等格式，
不重复标题）；信息名称、文件编号、产生时间、发布机构从文件中识别，图片和附件文件存放在条目旁边。
识别不到的字段用选项给出。只有能通过 xxgk check 的条目才会写入；否则列出还缺什么。
文件中有份号、密级标志（或保密扫描发现问题）时不写入，除非确认无误后加 --force。

示例:
  xxgk import 关于印发政府信息公开有关制度的通知.docx --category 政策文件 --department 政务公开办公室 \\
      --keywords "政府信息公开 制度" --summary "印发政府信息公开有关制度。"
  xxgk import 通知.docx --dry-run          # 只显示识别结果和转换后的正文，不写文件
  xxgk import 保存的网页.html --category 工作信息 --department 办公室 --publisher 鄂托克前旗财政局
  xxgk import 通知.docx --attach 附件1.xlsx --attach 附件2.pdf ...
  xxgk import 旧网站镜像/ --category 政策文件 --department 办公室   # 整个文件夹，写出导入报告
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("import", help="从 Word 文档或网页导入目录条目", description=HELP)
    p.add_argument(
        "file",
        type=Path,
        metavar="文件",
        help=".docx 或 .html 文件，或存放它们的文件夹（网站镜像）",
    )
    for option, (key, question, _default) in FIELDS.items():
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar=key, help=question)
    p.add_argument(
        "--attach",
        type=Path,
        action="append",
        default=[],
        metavar="附件文件",
        help="随条目发布的附件文件（可多次给出）",
    )
    p.add_argument(
        "--force", action="store_true", help="确认无涉密和个人信息后，仍然写入有标记的文件"
    )
    p.add_argument("--dry-run", action="store_true", help="只显示识别结果和正文，不写文件")
    p.add_argument(
        "--report",
        type=Path,
        metavar="报告",
        default=None,
        help="导入文件夹时报告的路径（不含扩展名；默认 文件夹/导入报告，写出 .csv 和 .txt）",
    )
    p.set_defaults(func=run)


def _options(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str]]:
    given = {
        key: getattr(args, opt).strip()
        for opt, (key, _q, _d) in FIELDS.items()
        if getattr(args, opt)
    }
    defaults = {key: d for _o, (key, _q, d) in FIELDS.items() if d}
    return given, defaults


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)
    source: Path = args.file
    given, defaults = _options(args)
    if source.is_dir() and not source.is_symlink():
        if args.attach:
            print("xxgk：导入文件夹时不能用 --attach（附件请放在各网页旁边）", file=sys.stderr)
            return 2
        return run_folder(args, root, registry, given, defaults)
    if not source.is_file():
        print(f"xxgk：找不到文件 {source}", file=sys.stderr)
        return 2
    try:
        imported = convert(source, registry)
        attach_files(imported, args.attach)
    except ImportError_ as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    earlier = imported_origins(root).get(imported.origin)
    if earlier:
        print(
            f"xxgk：{source} 已经导入过，条目是 {earlier}（导入来源相同：{imported.origin}），没有重复写入",
            file=sys.stderr,
        )
        return 1
    verdict = judge(root, registry, imported, given, defaults)
    print(explain(imported, given))
    return _decide(args, imported, verdict)


def _decide(args: argparse.Namespace, imported: Imported, verdict: Verdict) -> int:
    """Write the entry only if it passes every rule and carries no secrecy marking."""
    errors, secret, rel = verdict.errors, verdict.secret, verdict.rel
    if args.dry_run:
        print("—— 转换结果（未写入）——")
        print(verdict.text)
    if secret:
        print("发现涉密标志或个人信息：\n" + "\n".join(f"  · {s}" for s in secret))
    if errors:
        hint = missing_options(verdict.meta)
        if hint:
            print("还缺少以下内容，请用选项补上后重新运行：\n" + hint)
        # a missing field also leaves the entry without 索引号: the hint above says it all
        rest = [p for p in errors if not (hint and p.rule in ("CAT-REQUIRED", "CAT-INDEX-MISSING"))]
        if rest:
            report(rest, "text", sys.stdout, checked=1, what="个条目（未写入）")
    if secret and not args.force:
        print(
            "未写入。请先送保密审查；审查人确认可以公开（或原文已作处理）后，加 --force 重新导入。"
        )
        return 1
    if errors:
        print("未写入。")
        return 1
    if args.dry_run:
        return 0
    try:
        write(imported, verdict.target, verdict.text)
    except FileExistsError:
        print(f"xxgk：{rel} 已存在，没有覆盖。请重新运行（索引号会顺延）。", file=sys.stderr)
        return 1
    print(
        f"已导入 {rel}，索引号 {verdict.meta['索引号']}。请核对上面识别的内容和正文后，运行 xxgk check 再提交。"
    )
    return 0


def run_folder(
    args: argparse.Namespace,
    root: Path,
    registry: Registry,
    given: dict[str, str],
    defaults: dict[str, str],
) -> int:
    """Every page and document of a folder; the report beside it. 1 when any file needs a person."""
    folder: Path = args.file

    def progress(n: int, total: int, row: Row) -> None:
        where = f" → {row.entry}" if row.entry else ""
        print(f"[{n}/{total}] {row.file}：{row.outcome}{where}", file=sys.stderr, flush=True)

    options = Options(given, defaults, args.force, args.dry_run)
    rows = import_folder(root, folder, registry, options, progress)
    base = args.report or folder / "导入报告"
    try:
        table, text = write_report(base, str(folder), rows)
    except OSError as exc:
        print(f"xxgk：无法写出导入报告 {base}（{exc.strerror}）", file=sys.stderr)
        return 2
    print(summary(str(folder), rows), end="")
    print(f"报告：{table}，{text}")
    return 1 if any(r.outcome in (HELD, FAILED) for r in rows) else 0
