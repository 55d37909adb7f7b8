"""Helpers shared by the foundation tests: run ``xxgk`` for real, in a subprocess or in-process."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
CORPUS = Path(__file__).resolve().parent / "corpus"
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> list[dict[str, object]]:
        return json.loads(self.out)


def xxgk(
    root: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> Run:
    """The real command, as staff run it (a separate process, its exit code and output)."""
    full_env = {
        **os.environ,
        "XXGK_TODAY": os.environ.get("XXGK_TODAY", "2026-11-27"),
        **(env or {}),
    }
    full_env.pop("XXGK_ROOT", None)
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", *args],
        cwd=root,
        capture_output=True,
        text=True,
        input=stdin,
        env=full_env,
        timeout=120,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_in_process(root: Path, *args: str) -> Run:
    """The same command in this process (the CLI's own ``main``): fast enough for many cases."""
    from xxgk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return Run(code, out.getvalue(), err.getvalue())


def apply_registry_edit(root: Path, edit: Path) -> None:
    """``old => new`` lines applied to the copy's xxgk.yml (a registry differing in one value)."""
    registry = root / "xxgk.yml"
    text = registry.read_text(encoding="utf-8")
    for line in edit.read_text(encoding="utf-8").splitlines():
        if "=>" in line:
            old, new = (part.strip() for part in line.split("=>", 1))
            assert old in text, f"{edit}: “{old}” not in xxgk.yml"
            text = text.replace(old, new)
    registry.write_text(text, encoding="utf-8")


def place_case(root: Path, case_dir: Path, name: str) -> str:
    """Copy one case file (and the folder's ``_*.md`` companions) into the catalog; its path."""
    target = root / "content" / "catalog" / "cases"
    target.mkdir(parents=True, exist_ok=True)
    for companion in case_dir.glob("_*.md"):
        (target / companion.name).write_bytes(companion.read_bytes())
    if (case_dir / "attachments").is_dir():  # files the case's 附件 lists, beside it
        shutil.copytree(case_dir / "attachments", target / "attachments", dirs_exist_ok=True)
    (target / name).write_bytes((case_dir / name).read_bytes())
    edit = case_dir / "registry-edit.txt"
    if edit.is_file():
        apply_registry_edit(root, edit)
    return f"content/catalog/cases/{name}"
