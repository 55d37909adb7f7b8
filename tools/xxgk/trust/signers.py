"""The allowed-signers file (.xxgk/allowed_signers): which key may sign what, for whom, when.

The format is OpenSSH's (``ssh-keygen -Y verify -f``, git's ``gpg.ssh.allowedSignersFile``):
``principal[,principal…] [options] keytype base64 [comment]`` with the options
``namespaces="xxgk-review,…"`` (what the key may sign: a key without it signs git commits
only), ``valid-after="YYYYMMDD"`` (first day it may sign) and ``valid-before="YYYYMMDD"``
(revoked from that day: what it signed before stays valid). Wildcard principals and
``cert-authority`` are refused: every key names its person.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sshsig.allowed_signers import AllowedSigner

from xxgk.model.problem import Problem, Severity
from xxgk.trust.sshsig import fingerprint, key_id

SIGNERS_FILE = ".xxgk/allowed_signers"
RULE = "TRUST-SIGNERS"
_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?Z?$")


@dataclass(frozen=True)
class SignerKey:
    principals: frozenset[str]
    key: str  # "type base64"
    namespaces: frozenset[str]  # empty: git commits only
    valid_after: dt.date | None
    valid_before: dt.date | None
    line: int

    def allows(self, namespace: str, on: dt.date | None) -> str:
        """Why this key may not sign ``namespace`` on ``on``; "" when it may."""
        if namespace not in self.namespaces:
            allowed = "、".join(sorted(self.namespaces)) or "只能签名 git 提交"
            return (
                f"密钥 {fingerprint(self.key)} 在允许签名人文件中没有“{namespace}”用途（{allowed}）"
            )
        if on is None:
            return "记录没有有效的日期，无法核对密钥的有效期"
        if self.valid_after and on < self.valid_after:
            return f"密钥 {fingerprint(self.key)} 自 {self.valid_after} 起才有效，记录日期是 {on}"
        if self.valid_before and on >= self.valid_before:
            return f"密钥 {fingerprint(self.key)} 已于 {self.valid_before} 停用，记录日期是 {on}"
        return ""


@dataclass
class Signers:
    keys: list[SignerKey] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def principals_of(
        self, key: str, namespace: str, on: dt.date | None
    ) -> tuple[frozenset[str], str]:
        """(principals, "") when ``key`` may sign ``namespace`` on ``on``; (empty, why) otherwise."""
        found = [k for k in self.keys if k.key == key]
        if not found:
            return frozenset(), f"签名密钥 {fingerprint(key)} 不在允许签名人文件 {SIGNERS_FILE} 中"
        reasons = []
        for k in found:
            why = k.allows(namespace, on)
            if not why:
                return k.principals, ""
            reasons.append(why)
        return frozenset(), reasons[0]

    def keys_of(self, principal: str) -> list[SignerKey]:
        return [k for k in self.keys if principal in k.principals]


def _day(text: str, rel: str, line: int, problems: list[Problem]) -> dt.date | None:
    m = _DAY.match(text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    problems.append(
        Problem(rel, line, 1, RULE, Severity.ERROR, f"日期“{text}”应写作 YYYYMMDD；该行不予采用")
    )
    return None


def parse_signers(text: str, rel: str = SIGNERS_FILE) -> Signers:
    out = Signers()
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip("\r").strip()
        if not line or line.startswith("#"):
            continue
        key = _parse_line(line, rel, n, out.problems)
        if key is not None:
            out.keys.append(key)
    return out


def _parse_line(line: str, rel: str, n: int, problems: list[Problem]) -> SignerKey | None:
    def bad(msg: str) -> None:
        problems.append(Problem(rel, n, 1, RULE, Severity.ERROR, msg + "；该行不予采用"))

    try:
        parsed = AllowedSigner.parse(line)
    except (ValueError, NotImplementedError, IndexError) as exc:
        bad(f"无法解析（{exc}）")
        return None
    opts = parsed.options or {}
    principals = frozenset(p.strip() for p in parsed.principals.split(",") if p.strip())
    if not principals or any(set(p) & set("*?!") for p in principals):
        bad("签名身份不能为空，也不能用通配符（* ? !）")
        return None
    if "cert-authority" in opts:
        bad("不接受 cert-authority：每个密钥须直接登记到人")
        return None
    if parsed.key_type not in ("ssh-ed25519", "ssh-rsa"):
        bad(f"不支持的密钥类型 {parsed.key_type}（请用 ed25519 或 RSA 密钥）")
        return None
    spaces = frozenset(s.strip() for s in opts.get("namespaces", "").split(",") if s.strip())
    seen = len(problems)
    after = _day(opts["valid-after"], rel, n, problems) if "valid-after" in opts else None
    before = _day(opts["valid-before"], rel, n, problems) if "valid-before" in opts else None
    if len(problems) > seen:  # a revocation date that cannot be read must not leave the key valid
        return None
    return SignerKey(
        principals, key_id(f"{parsed.key_type} {parsed.base64_key}"), spaces, after, before, n
    )
