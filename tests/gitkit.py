"""Real git repositories for tests: one way to run git with a fixed author, date and no
machine configuration (no global config, no commit signing unless a test asks for it)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

AUTHOR = "测试"
EMAIL = "test@example.cn"
WHEN = "2026-11-20T09:00:00+08:00"


def run(
    root: Path,
    *args: str,
    author: str = AUTHOR,
    email: str = EMAIL,
    when: str = WHEN,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git args`` in ``root`` as ``author`` at ``when``, whatever its exit status."""
    full = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": when,
        **(env or {}),
    }
    return subprocess.run(["git", *args], cwd=root, env=full, capture_output=True, check=False)


def git(
    root: Path,
    *args: str,
    author: str = AUTHOR,
    email: str = EMAIL,
    when: str = WHEN,
    env: dict[str, str] | None = None,
) -> str:
    """Run ``git args`` in ``root`` as ``author`` at ``when``; fail the test on an error."""
    done = run(root, *args, author=author, email=email, when=when, env=env)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr.decode('utf-8', 'replace')}"
    return done.stdout.decode("utf-8", "replace")


def init(root: Path) -> Path:
    """An empty repository on branch main."""
    git(root, "init", "-q", "-b", "main")
    return root


def commit_all(root: Path, message: str, author: str = AUTHOR, when: str = WHEN) -> str:
    """Stage everything and commit it; the new commit's hash."""
    git(root, "add", "-A", author=author, when=when)
    git(root, "commit", "-q", "--no-gpg-sign", "-m", message, author=author, when=when)
    return git(root, "rev-parse", "HEAD").strip()
