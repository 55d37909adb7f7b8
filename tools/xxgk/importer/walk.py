"""Walk an HTML tree into Markdown blocks: headings, paragraphs, lists and tables.

Tables and lists are in ``importer.tables``, which is given this walker for cells that hold
blocks of their own (so neither module imports the other's functions at call time).
"""

from __future__ import annotations

import re

from bs4.element import Comment, NavigableString, Tag

from xxgk.importer import tables
from xxgk.importer.blocks import BLOCK_TAGS, Block, Resolver, escape, has_blocks, paragraph, text_of


def _block(child: Tag, res: Resolver) -> list[Block]:
    """The blocks of one block-level element."""
    name = child.name
    if re.fullmatch(r"h[1-6]", name):
        text = text_of(child)
        return [Block("h", text, escape(text), level=int(name[1]))] if text else []
    if name in ("ul", "ol"):
        return tables.list_block(child, res)
    if name == "table":
        return tables.table_blocks(child, res, walk)
    if name == "hr":
        return []
    return walk(child, res) if has_blocks(child) else paragraph(child, res)


def walk(node: Tag, res: Resolver) -> list[Block]:
    """The blocks of ``node`` in document order; loose inline content becomes paragraphs."""
    blocks: list[Block] = []
    run: list[Tag | NavigableString] = []

    def flush() -> None:
        if run:
            holder = Tag(name="p")
            for piece in run:
                holder.append(
                    piece.extract() if isinstance(piece, Tag) else NavigableString(str(piece))
                )
            blocks.extend(paragraph(holder, res))
            run.clear()

    for child in list(node.children):
        if isinstance(child, Comment):
            continue
        if (
            isinstance(child, NavigableString)
            or isinstance(child, Tag)
            and child.name not in BLOCK_TAGS | {"li"}
        ):
            run.append(child)
        elif isinstance(child, Tag):
            flush()
            blocks.extend(_block(child, res))
    flush()
    return blocks
