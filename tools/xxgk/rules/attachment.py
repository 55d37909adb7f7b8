"""CAT-ATTACHMENT — 附件列出的文件存在，并且在条目所在的文件夹里。

附件随条目发布：文件放在条目文件旁边（或其下的子文件夹），“文件”写相对于条目文件的路径。
不能用“../”指向别处，不能写绝对路径、反斜杠“\\”、协议或盘符，也不能是符号链接——否则
仓库里的其他文件（如依申请公开的登记记录）可能被当作附件发布出去；列出的文件不存在时，网站上就是一个打不开的链接。

    附件:
      - 名称: 附件1 岗位表
        文件: attachments/岗位表.csv        # 通过（文件存在）
      - 名称: 附件2 登记表
        文件: ../../../requests/a.yml      # 错误：不在条目所在的文件夹里
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from xxgk.io.frontmatter import Document
from xxgk.model.safety import path_problem
from xxgk.rules.base import Checker, Context, Rule

RULE = Rule("CAT-ATTACHMENT", "附件1 二(一)5", "附件文件存在，且在条目所在的文件夹里")


def _problem(entry_dir: Path, target: str) -> str | None:
    """The same judgement of a name the site makes (``model.safety``), then the file itself."""
    refused = path_problem(target)
    if refused:
        return refused
    path = PurePosixPath(target)
    source = entry_dir / path
    if source.is_symlink() or not source.resolve().is_relative_to(entry_dir.resolve()):
        return f"附件“{target}”是符号链接或指向条目文件夹以外，请放入实际文件"
    if not source.is_file():
        return f"附件文件“{target}”不存在：请把文件放在 {entry_dir.name}/{path} 或改正路径"
    return None


def check(doc: Document, ctx: Context) -> Checker:
    items = doc.get("附件")
    if "附件" in doc.invalid or not isinstance(items, list):
        return
    entry_dir = (ctx.root / doc.rel).parent
    for i, item in enumerate(items):
        target = item.get("文件") if isinstance(item, dict) else None
        if isinstance(target, str) and target.strip():
            message = _problem(entry_dir, target.strip())
            if message:
                yield RULE.at(doc, "附件", message, i, "文件")
