"""Rewrite an entry the CMS saved into the shape ``xxgk new`` writes.

The CMS writes YAML with its own library: keys in the form's order, its own quoting, empty
optional fields kept. The pull-request job (.github/workflows/editor-preview.yml) runs this
on the entries the branch adds or changes, then ``xxgk renumber --base``: keys in
FIELD_ORDER, values quoted by the one writer (``xxgk.model.yamltext.scalar``), empty values
dropped, one blank line before the body. A file already in that shape is left byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.io.atomic import write_atomic
from xxgk.io.catalog import CATALOG_DIR
from xxgk.io.frontmatter import Document, read
from xxgk.io.git import files_at, git
from xxgk.model.entry import front_matter
from xxgk.model.problem import Problem


@dataclass(frozen=True)
class Outcome:
    rel: str
    changed: bool
    problems: tuple[Problem, ...] = ()


def render(meta: dict[str, Any], body: str) -> str:
    """An entry's text as ``xxgk new`` writes it: the front matter, one blank line, the body."""
    body = body.lstrip("\r\n").replace("\r\n", "\n")
    if body and not body.endswith("\n"):
        body += "\n"
    return front_matter(dict(meta)) + "\n" + body


def normal_text(doc: Document) -> str:
    return render(doc.meta, doc.body)


def normalize(root: Path, rel: str) -> Outcome:
    """Rewrite ``root/rel`` if its front matter is not in the writer's shape. A file the
    reader refuses is left as it is, with the reader's problems (``xxgk check`` says more)."""
    doc = read(root / rel, rel)
    if not doc.parsed or doc.problems:
        return Outcome(rel, False, tuple(doc.problems))
    text = normal_text(doc)
    if text.encode("utf-8") == doc.raw:
        return Outcome(rel, False)
    write_atomic(root / rel, text)
    return Outcome(rel, True)


def changed_entries(root: Path, base: str) -> list[str]:
    """Entries the branch adds or modifies since it forked from ``base``."""
    out = git(
        root,
        "diff",
        "-z",
        "--name-only",
        "--no-renames",
        "--diff-filter=AM",
        f"{base}...HEAD",
        "--",
        CATALOG_DIR.as_posix(),
    )
    return sorted(p for p in out.split("\0") if p.endswith(".md"))


def fork_files(root: Path, base: str) -> set[str]:
    """The catalog's files where the branch forked from ``base`` (published or on their way)."""
    fork = git(root, "merge-base", "HEAD", base).strip()
    return files_at(root, fork, CATALOG_DIR.as_posix())
