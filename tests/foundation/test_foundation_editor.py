"""Editor support and the pre-commit hook, used the way staff use them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from foundation_helpers import CASES, CORPUS, REPO, xxgk

from gitkit import git

SNIPPETS = REPO / ".vscode" / "xxgk.code-snippets"
_CHOICE = re.compile(r"\$\{\d+\|([^|]*)\|\}")
_DEFAULT = re.compile(r"\$\{\d+:([^{}]*(?:\$[A-Z_]+[^{}]*)*)\}")


def test_every_schema_named_in_vscode_settings_exists() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        assert globs and all(isinstance(g, str) for g in globs)


def test_snippet_choices_are_the_schema_enums() -> None:
    schema = json.loads(
        (REPO / "schemas" / "catalog-entry.schema.json").read_text(encoding="utf-8")
    )
    snippets = json.loads(SNIPPETS.read_text(encoding="utf-8"))
    lines = snippets["目录条目"]["body"] + snippets["文种"]["body"]
    for line in lines:
        match = _CHOICE.search(line)
        if match:
            key = line.split(":", 1)[0]
            assert match.group(1).split(",") == schema["properties"][key]["enum"], key


def _expand(lines: list[str]) -> str:
    """The snippet as VS Code inserts it when staff accept every default (date fixed)."""
    text = "\n".join(lines)
    text = _CHOICE.sub(lambda m: m.group(1).split(",")[0], text)
    text = (
        text.replace("$CURRENT_YEAR", "2026")
        .replace("$CURRENT_MONTH", "11")
        .replace("$CURRENT_DATE", "20")
    )
    return _DEFAULT.sub(lambda m: m.group(1), text)


def test_entry_snippet_with_its_defaults_needs_only_a_number(repo: Path) -> None:
    body = json.loads(SNIPPETS.read_text(encoding="utf-8"))["目录条目"]["body"]
    entry = repo / "content" / "catalog" / "2026" / "草稿.md"
    entry.parent.mkdir(parents=True)
    entry.write_text(_expand(body), encoding="utf-8")
    run = xxgk(repo, "check", "--format", "json")
    assert [p["rule"] for p in run.json()] == ["CAT-INDEX-MISSING"], run.out
    assert xxgk(repo, "renumber", "content/catalog/2026/草稿.md").code == 0
    assert xxgk(repo, "check").code == 0


def test_pre_commit_hook_checks_changed_entries(repo: Path) -> None:
    shutil.copy(REPO / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    shutil.copytree(CORPUS, repo / "content" / "catalog", dirs_exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    bad = repo / "content" / "catalog" / "2025" / "bad.md"
    shutil.copy(CASES / "CAT-KEYWORD-SEP" / "bad-comma@12.md", bad)
    git(repo, "add", "-A")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "XXGK_TODAY": "2026-11-27",
    }
    hook = [str(Path(sys.executable).parent / "pre-commit"), "run", "--files"]
    done = subprocess.run(
        [*hook, "content/catalog/2025/bad.md"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (
        done.returncode == 1
        and "content/catalog/2025/bad.md:12:6: 错误 [CAT-KEYWORD-SEP]" in done.stdout
    )
    good = next(p for p in (repo / "content" / "catalog").rglob("*.md") if p != bad)
    done = subprocess.run(
        [*hook, str(good.relative_to(repo))],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
