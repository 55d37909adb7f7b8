"""The quick inline pass renders exactly what Python-Markdown renders."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown import Markdown

from xxgk.bench.generate import make_repo
from xxgk.site.inline import QuickInline, quicken
from xxgk.site.render import BodyRenderer

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list"]  # what MkDocs gives the site
CONFIGS = {"toc": {"permalink": False}}
ATOMS = [
    "*", "**", "***", "_", "__", "`", "``", "\\", "[", "]", "(", ")", "!", "<", ">", "&", ";",
    "amp", "#", "  \n", "\n", "\n\n", " ", "政府", "信息公开", "a", "b@c.d", "http://x.y",
    "<b>", "</b>", "<!-- 注 -->", "&#38;", "[x]: http://e", "{: .c}", "# ", "- ", "1. ",
    "    ", "~", "'", '"', "=", "/", "<br/>", "[t](u)", "![i](s)", "[r][1]", "\n[1]: /z\n",
    "| a | b |\n|---|---|\n| c | d |\n", "```\n*x*\n```\n", "**一、总体要求**",
]  # fmt: skip


def _pair() -> tuple[Markdown, Markdown]:
    plain = Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return plain, BodyRenderer(EXTENSIONS, CONFIGS).md


def _same(texts: list[str]) -> None:
    plain, quick = _pair()
    assert isinstance(quick.treeprocessors["inline"], QuickInline)
    for text in texts:
        plain.reset()
        quick.reset()
        assert quick.convert(text) == plain.convert(text), text


def test_every_markdown_file_of_the_project_renders_the_same() -> None:
    texts = [
        p.read_bytes().decode("utf-8", "replace")
        for d in ("tests", "content", "docs")
        for p in (ROOT / d).rglob("*.md")
    ]
    assert len(texts) > 50
    _same(texts)


def test_generated_bodies_render_the_same(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "r", 60, mixed=True)
    texts = [p.read_text("utf-8") for p in sorted((root / "content").rglob("*.md"))]
    assert any("**" in t for t in texts)
    _same(texts)


@pytest.mark.parametrize("seed", range(4))
def test_random_markup_renders_the_same(seed: int) -> None:
    rnd = random.Random(seed)
    _same(["".join(rnd.choice(ATOMS) for _ in range(rnd.randint(1, 40))) for _ in range(1500)])


def test_unknown_inline_pattern_keeps_python_markdown_own_pass() -> None:
    md = Markdown(extensions=[*EXTENSIONS, "footnotes"])  # adds an inline pattern of its own
    assert not quicken(md)
    assert not isinstance(md.treeprocessors["inline"], QuickInline)
    assert quicken(Markdown(extensions=EXTENSIONS))
