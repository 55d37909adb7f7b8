"""``xxgk import FILE``: a Word document or a saved web page → a new catalog entry."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xxgk.cli.new import FIELDS
from xxgk.cli.output import report
from xxgk.importer.build import Imported, assemble, convert, display, entry_text, place, write
from xxgk.importer.secrecy import findings
from xxgk.importer.summary import attach_files, explain, missing_options
from xxgk.importer.word import ImportError_
from xxgk.io.frontmatter import parse
from xxgk.io.registry import load_registry
from xxgk.model.dates import today
from xxgk.model.problem import Severity
from xxgk.model.registry import Registry
from xxgk.rules import check_entry
from xxgk.rules.base import Context

HELP = """把 Word 文档（.docx）或从网站保存的网页（.html）导入为一个新的目录条目。

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
"""


def register(subs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subs.add_parser("import", help="从 Word 文档或网页导入目录条目", description=HELP,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path, metavar="文件", help=".docx 或 .html 文件")
    for option, (key, question, _default) in FIELDS.items():
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar=key, help=question)
    p.add_argument("--attach", type=Path, action="append", default=[], metavar="附件文件",
                   help="随条目发布的附件文件（可多次给出）")
    p.add_argument("--force", action="store_true", help="确认无涉密和个人信息后，仍然写入有标记的文件")
    p.add_argument("--dry-run", action="store_true", help="只显示识别结果和正文，不写文件")
    p.set_defaults(func=run)


def _options(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str]]:
    given = {key: getattr(args, opt).strip() for opt, (key, _q, _d) in FIELDS.items()
             if getattr(args, opt)}
    defaults = {key: d for _o, (key, _q, d) in FIELDS.items() if d}
    return given, defaults


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    registry = load_registry(root)
    source: Path = args.file
    if not source.is_file():
        print(f"xxgk：找不到文件 {source}", file=sys.stderr)
        return 2
    try:
        imported = convert(source, registry)
        attach_files(imported, args.attach)
    except ImportError_ as exc:
        print(f"xxgk：{exc}", file=sys.stderr)
        return 1
    given, defaults = _options(args)
    meta = assemble(imported, given, defaults)
    number, target = place(root, meta, registry, imported.reading.old_index)
    if imported.reading.old_index and number and number != imported.reading.old_index:
        imported.reading.notes.append(f"原页面的索引号“{imported.reading.old_index}”与本仓库的编号"
                                      f"不符或已被占用，已分配新索引号 {number}")
    meta = {"索引号": number, **meta}
    text = entry_text(imported, meta, target)
    rel = display(target, root)
    secret = findings(imported, text, rel, registry)
    print(explain(imported, given))
    return _decide(args, imported, meta, text, target, rel, registry, secret)


def _decide(args: argparse.Namespace, imported: Imported, meta: dict[str, object], text: str,
            target: Path, rel: str, registry: Registry, secret: list[str]) -> int:
    """Write the entry only if it passes every rule and carries no secrecy marking."""
    doc = parse(text.encode("utf-8"), rel)
    # CAT-UNSAFE-MARKUP among them: what the site would refuse is said now, with its line
    problems = check_entry(doc, Context(registry, today(), {}, args.root), args.root)
    # the files the import saves beside the entry do not exist yet: CAT-ATTACHMENT may not say so
    coming = [f"“{Path(rel).stem}.files/{a.name}”" for a in imported.assets.items]
    problems = [p for p in problems if not (p.rule == "CAT-ATTACHMENT" and "不存在" in p.message
                                            and any(c in p.message for c in coming))]
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if args.dry_run:
        print("—— 转换结果（未写入）——")
        print(text)
    if secret:
        print("发现涉密标志或个人信息：\n" + "\n".join(f"  · {s}" for s in secret))
    if errors:
        hint = missing_options(meta)
        if hint:
            print("还缺少以下内容，请用选项补上后重新运行：\n" + hint)
        # a missing field also leaves the entry without 索引号: the hint above says it all
        rest = [p for p in errors if not (hint and p.rule in ("CAT-REQUIRED", "CAT-INDEX-MISSING"))]
        if rest:
            report(rest, "text", sys.stdout, checked=1, what="个条目（未写入）")
    if secret and not args.force:
        print("未写入。请先送保密审查；审查人确认可以公开（或原文已作处理）后，加 --force 重新导入。")
        return 1
    if errors:
        print("未写入。")
        return 1
    if args.dry_run:
        return 0
    try:
        write(imported, target, text)
    except FileExistsError:
        print(f"xxgk：{rel} 已存在，没有覆盖。请重新运行（索引号会顺延）。", file=sys.stderr)
        return 1
    print(f"已导入 {rel}，索引号 {meta['索引号']}。请核对上面识别的内容和正文后，运行 xxgk check 再提交。")
    return 0
