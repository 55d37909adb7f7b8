"""What the import command tells staff: what was guessed and from where, what was removed,
what is missing and which option supplies it."""

from __future__ import annotations

from pathlib import Path

from xxgk.importer.build import Imported
from xxgk.importer.word import ImportError_
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, read_named


def attach_files(imported: Imported, files: list[Path]) -> None:
    """Files staff name with --attach, saved beside the entry as its 附件."""
    for path in files:
        try:
            data = read_named(path, ATTACHMENT_LIMIT)
        except FileNotFoundError as exc:
            raise ImportError_(f"找不到附件文件 {path}") from exc
        except UnsafeFile as exc:
            raise ImportError_(f"附件文件 {exc}") from exc
        imported.assets.add(path.name, data, path.stem, True)


def _lines(title: str, items: list[str]) -> list[str]:
    return [title, *(f"  {x}" for x in items)] if items else []


def explain(imported: Imported, given: dict[str, str]) -> str:
    r = imported.reading
    out = [f"读取 {imported.source.name}（{imported.kind}）"]
    if imported.extractor:
        out.append(f"正文取自：{imported.extractor}")
    out += _lines(
        "从文件中识别：",
        [f"{k}：{g.value}（取自{g.origin}）" for k, g in r.fields.items() if k not in given],
    )
    out += _lines("由选项给出：", [f"{k}：{v}" for k, v in given.items()])
    if r.joint:
        out.append("联合发文机关：" + "、".join(r.joint))
    out += _lines("已从正文去掉：", list(dict.fromkeys(r.removed)))
    out += _lines("附件说明列出：", [f"{n}. {x}" for n, x in enumerate(r.listed, 1)])
    out += _lines("正文中的附件：", r.sections)
    out += _lines("随条目保存的文件：", [a.name for a in imported.assets.items])
    out += _lines("请留意：", r.notes + imported.warnings)
    out += _lines(
        "文件中引用、但没有取得的内容（请另行取得，用 --attach 附上）：", imported.assets.missing
    )
    if r.listed and not r.sections and not any(a.attachment for a in imported.assets.items):
        out.append("附件说明列出了附件，但文件中没有附件正文，也没有附件文件：请用 --attach 附上。")
    return "\n".join(out)
