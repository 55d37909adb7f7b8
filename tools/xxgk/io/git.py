"""The few git calls the tools make, with ``-z`` so Chinese paths come back unquoted."""

from __future__ import annotations

import subprocess
from pathlib import Path

from xxgk.io.registry import ConfigError


def git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise ConfigError("找不到 git 命令：请先安装 git") from exc
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConfigError(f"git {' '.join(args[:2])} 失败：{err[-1] if err else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def ref_exists(root: Path, ref: str) -> bool:
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        return True
    except ConfigError:
        return False


def files_at(root: Path, ref: str, folder: str) -> set[str]:
    out = git(root, "ls-tree", "-r", "-z", "--name-only", ref, "--", folder)
    return {p for p in out.split("\0") if p}


def grep_at(root: Path, ref: str, pattern: str, folder: str) -> dict[str, str]:
    """path -> first matching line at ``ref`` (``git grep``; no match is not an error)."""
    done = subprocess.run(
        ["git", "grep", "-z", "--no-color", "-I", "-e", pattern, ref, "--", folder],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if done.returncode not in (0, 1):
        raise ConfigError(f"git grep 失败：{done.stderr.decode('utf-8', 'replace').strip()}")
    found: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", "replace").split("\n"):
        if "\0" in line:
            name, text = line.split("\0", 1)
            found.setdefault(name.split(":", 1)[-1], text)
    return found
