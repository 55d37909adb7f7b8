"""Who signs a review, and who wrote the version under review.

The reviewer's key: ``--key``, else ``XXGK_SIGNING_KEY``, else ``git config user.signingkey``
(the key they already sign commits with). The author is never a typed name: it is the
identity the allowed-signers file gives the key that signed the entry's last commit (git's
``%GS``); without a good signature the reviewer must name the author (``--author``), and the
gate compares that with the commits' signatures or the forge's pull-request author.
"""

from __future__ import annotations

import os
from pathlib import Path

from xxgk.io.git import git
from xxgk.io.registry import ConfigError
from xxgk.review.sign import SignError
from xxgk.trust.signers import SIGNERS_FILE

KEY_ENV = "XXGK_SIGNING_KEY"


def signing_key(root: Path, explicit: str | None) -> str:
    key = explicit or os.environ.get(KEY_ENV, "")
    if not key:
        try:
            key = git(root, "config", "user.signingkey").strip()
        except ConfigError:
            key = ""
    if not key:
        raise ConfigError(
            "没有签名密钥：请用 --key 指定本人的 SSH 私钥，或设置 git config user.signingkey"
            "（见 docs/review.md“生成签名密钥”）"
        )
    path = Path(key).expanduser()
    if not key.startswith(("ssh-", "key::")) and not path.is_file():
        raise ConfigError(f"签名密钥文件 {key} 不存在")
    return str(path) if path.is_file() else key


def entry_author(root: Path, rel: str) -> str:
    """The signing identity of the entry's last commit; SignError when it has no good signature."""
    try:
        out = git(
            root,
            "-c",
            f"gpg.ssh.allowedSignersFile={root / SIGNERS_FILE}",
            "log",
            "-1",
            "--format=%G?%x1f%GS%x1f%h",
            "--",
            rel,
        )
    except ConfigError as exc:
        raise SignError(
            f"{rel}：无法从 git 历史确定作者（{exc}）；请用 --author 写明作者的签名身份"
        ) from exc
    status, principal, short = (out.strip("\n").split("\x1f") + ["", "", ""])[:3]
    if not short:
        raise SignError(
            f"{rel}：条目还没有提交，无法确定作者；请先提交，或用 --author 写明作者的签名身份"
        )
    if status != "G" or not principal:
        raise SignError(
            f"{rel}：最近一次修改条目的提交 {short} 没有可核验的签名，无法确定作者；"
            "请用 --author 写明作者的签名身份（合并请求的提交人），合并检查会核对"
        )
    return principal
