"""What the gate asks git: changes since the base, who made them, and who signed the review commits."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from xxgk.io.git import git
from xxgk.io.registry import ConfigError


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    author_email: str
    committer: str
    committer_email: str

    @property
    def short(self) -> str:
        return self.sha[:10]


@dataclass(frozen=True)
class Signature:
    status: str  # git's %G?: G good, N none, U unknown key, B bad, E cannot check …
    principal: str  # %GS: the identity the allowed-signers file gives the key
    fingerprint: str  # %GF


class History:
    """The range ``merge-base(base, HEAD)..HEAD`` of the repository at ``root``."""

    def __init__(self, root: Path, base: str) -> None:
        self.root = root
        try:
            self.base = git(root, "merge-base", base, "HEAD").strip()
        except ConfigError as exc:
            raise ConfigError(
                f"无法确定比较基线“{base}”（不是本仓库的提交或分支？）：{exc}"
            ) from exc

    def changes(self) -> list[tuple[str, str]]:
        """(status letter, path) of every file changed between the base and HEAD."""
        out = git(self.root, "diff", "-z", "--name-status", "--no-renames", self.base, "HEAD")
        parts = [p for p in out.split("\0") if p]
        return [(parts[i][0], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]

    def commits_touching(self, paths: list[str]) -> list[Commit]:
        fmt = "%H%x1f%an%x1f%ae%x1f%cn%x1f%ce"
        out = git(self.root, "log", "-z", f"--format={fmt}", f"{self.base}..HEAD", "--", *paths)
        return [Commit(*rec.split("\x1f")) for rec in out.split("\0") if rec.strip()]

    def commits_of(self, path: str) -> list[str]:
        """Every commit since the base that added or changed ``path``."""
        out = git(self.root, "log", "--format=%H", f"{self.base}..HEAD", "--", path)
        return out.split()

    def files_of(self, sha: str) -> list[str]:
        parents = git(self.root, "rev-list", "--parents", "-n", "1", sha).split()[1:]
        if len(parents) > 1:
            out = git(self.root, "diff", "-z", "--name-only", parents[0], sha)
        else:
            out = git(
                self.root, "diff-tree", "-r", "-z", "--name-only", "--no-commit-id", "--root", sha
            )
        return [p for p in out.split("\0") if p]

    def signature(self, sha: str, signers: Path) -> Signature:
        out = git(
            self.root,
            "-c",
            f"gpg.ssh.allowedSignersFile={signers}",
            "log",
            "-1",
            "--format=%G?%x1f%GS%x1f%GF",
            sha,
        )
        status, principal, fingerprint = (out.strip("\n").split("\x1f") + ["", "", ""])[:3]
        return Signature(status, principal, fingerprint)

    def show(self, path: str) -> bytes | None:
        """The file's bytes at the base, or None when it did not exist there."""
        done = subprocess.run(
            ["git", "cat-file", "blob", f"{self.base}:{path}"],
            cwd=self.root,
            capture_output=True,
            check=False,
        )
        return done.stdout if done.returncode == 0 else None

    def show_head(self, path: str) -> bytes | None:
        done = subprocess.run(
            ["git", "cat-file", "blob", f"HEAD:{path}"],
            cwd=self.root,
            capture_output=True,
            check=False,
        )
        return done.stdout if done.returncode == 0 else None

    def extract(self, paths: list[str], dest: Path) -> None:
        """Write the base's version of ``paths`` (files or folders) under ``dest``."""
        listed = git(self.root, "ls-tree", "-r", "-z", "--name-only", self.base, "--", *paths)
        for rel in (p for p in listed.split("\0") if p):
            data = self.show(rel)
            if data is not None:
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
