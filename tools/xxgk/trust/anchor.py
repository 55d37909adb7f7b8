"""The trust anchor: who may sign is decided outside the repository.

Whoever can push can edit ``.xxgk/allowed_signers`` and the roster in ``xxgk.yml``. So on the
publishing host (or in the CI variables) the office sets ``XXGK_TRUST_ANCHOR`` to the public
key(s) of the 政务公开领导小组 (the key text, or the path of a file holding it), and the
leading group signs the signers file, the roster, the 收件公钥, the protective policy
values, the office's name and unit and the holiday files together (``xxgk trust sign``, which writes ``.xxgk/trust.sig``; ``trust.protected``).
With an anchor, they count only when that signature verifies; otherwise no signature counts,
the build stops and the intake service does not start.

Without an anchor the build is a **preview**: signatures are still verified, against the
repository's own signers file, and every page says it is a preview; the publish workflow
refuses to deploy it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.model.problem import Problem, Severity
from xxgk.model.registry import Registry
from xxgk.trust.office import office_problem, office_unit
from xxgk.trust.protected import protected_bytes
from xxgk.trust.roster import STAFF_ROSTER, Leader, Reviewer, leaders, roster
from xxgk.trust.signers import SIGNERS_FILE, Signers, parse_signers
from xxgk.trust.sshsig import TRUST, SignatureError, fingerprint, key_id, signer_key

ANCHOR_ENV = "XXGK_TRUST_ANCHOR"
TRUST_SIG = ".xxgk/trust.sig"
RULE = "TRUST-ANCHOR"
PREVIEW, ANCHORED, REFUSED = "preview", "anchored", "refused"
MAX_FILE = 1024 * 1024


@dataclass
class Trust:
    """What the one decision trusts: the signers file and roster, and how far to trust them."""

    mode: str  # preview | anchored | refused
    signers: Signers
    people: dict[str, Reviewer]
    message: str  # Chinese: said in the build log, on every preview page, by `xxgk trust status`
    problems: list[Problem] = field(default_factory=list)
    stamp: str = ""  # changes whenever what is trusted changes (a cache key)
    leaders: dict[str, list[Leader]] = field(default_factory=dict)  # unit -> who signs approvals
    office: str = ""  # the unit of the 政务公开领导小组办公室 (runs the site: 公开工作机构)

    def members(self, unit: str) -> frozenset[str]:
        """Signing identities the rosters give ``unit``: its reviewers (审查人员 whose 单位 it
        is) and its 分管负责同志 / 信息公开工作负责人 (工作人员名册)."""
        found = {p.principal for p in self.people.values() if p.unit == unit and p.principal}
        found |= {ld.principal for ld in self.leaders.get(unit, []) if ld.principal}
        return frozenset(found)

    def leader_of(self, unit: str, principals: frozenset[str]) -> Leader | None:
        """The unit's 分管负责同志 or 信息公开工作负责人 whose identity signed, if any."""
        return next(
            (
                ld
                for ld in self.leaders.get(unit, [])
                if ld.principal and ld.principal in principals
            ),
            None,
        )

    @property
    def preview(self) -> bool:
        return self.mode == PREVIEW

    @property
    def usable(self) -> bool:
        return self.mode != REFUSED


def read_small(path: Path) -> bytes | None:
    """A regular file's bytes (never through a symlink, never a FIFO); None when absent."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SignatureError(
            f"{path.name} 无法读取（{exc.strerror}；符号链接和特殊文件不予读取）"
        ) from exc
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not (st.st_mode & 0o170000 == 0o100000) or st.st_size > MAX_FILE:
            raise SignatureError(f"{path.name} 不是普通文件或过大，不予读取")
        return fh.read(MAX_FILE + 1)


def roster_bytes(registry: Registry) -> bytes:
    """The roster as the anchor signs it: canonical JSON of xxgk.yml 审查人员, and of the
    工作人员名册 too when there is one (it names who signs approvals)."""
    staff = registry.raw.get(STAFF_ROSTER)
    payload: object = list(registry.reviewers)
    if staff:
        payload = {"审查人员": list(registry.reviewers), STAFF_ROSTER: staff}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def trust_message(root: Path, signers_raw: bytes, registry: Registry) -> bytes:
    """What the leading group signs, by SHA-256: the signers file, the roster, the 收件公钥,
    the protective policy values (every 历史版本 included), the office's name and unit, and
    the holiday files (v3; an older signature covered less and no longer verifies: the
    leading group signs again)."""
    lines = [
        b"xxgk trust v3\n",
        f"allowed_signers sha256 {hashlib.sha256(signers_raw).hexdigest()}\n".encode(),
        f"roster sha256 {hashlib.sha256(roster_bytes(registry)).hexdigest()}\n".encode(),
    ]
    for name, value in protected_bytes(root, registry).items():
        lines.append(f"{name} sha256 {hashlib.sha256(value).hexdigest()}\n".encode())
    return b"".join(lines)


def anchor_keys(value: str) -> list[str]:
    """Public keys from ``XXGK_TRUST_ANCHOR``: key lines, or the path of a file holding them."""
    text = value
    if not value.lstrip().startswith(("ssh-", "ecdsa-")):
        raw = read_small(Path(value).expanduser())
        if raw is None:
            raise SignatureError(f"{ANCHOR_ENV} 指向的文件 {value} 不存在")
        text = raw.decode("utf-8", "replace")
    keys = []
    for line in text.splitlines():
        parts = line.split()
        starts = [i for i, p in enumerate(parts) if p.startswith(("ssh-", "ecdsa-"))]
        if not line.strip().startswith("#") and starts and len(parts) > starts[0] + 1:
            keys.append(key_id(" ".join(parts[starts[0] : starts[0] + 2])))
    if not keys:
        raise SignatureError(
            f"{ANCHOR_ENV} 中没有可用的公钥（应为 ssh-ed25519 … 形式的公钥，或其文件路径）"
        )
    return keys


def load_trust(root: Path, registry: Registry, env: Mapping[str, str] | None = None) -> Trust:
    env = os.environ if env is None else env
    people = roster(registry)
    try:
        raw = read_small(root / SIGNERS_FILE) or b""
    except SignatureError as exc:
        return _refused(str(exc), people)
    signers = parse_signers(raw.decode("utf-8", "replace"))
    no_office = office_problem(registry)
    if no_office:
        return _refused(no_office, people)
    anchor = env.get(ANCHOR_ENV, "").strip()
    if not anchor:
        msg = (
            "预览版：未配置信任锚（环境变量 XXGK_TRUST_ANCHOR），审查签名按仓库自带的 "
            f"{SIGNERS_FILE} 核验；允许签名人文件、名册、收件公钥和保密审查、培训、答复期限等政策值"
            "都未经领导小组签署。预览版不得作为正式的政府信息公开专栏发布。"
        )
        return Trust(
            PREVIEW,
            signers,
            people,
            msg,
            list(signers.problems),
            _stamp(PREVIEW, root, raw, registry),
            leaders(registry),
            office_unit(registry),
        )
    try:
        keys = anchor_keys(anchor)
        sig = read_small(root / TRUST_SIG)
        if sig is None:
            raise SignatureError(f"缺少领导小组的签名 {TRUST_SIG}（请用 xxgk trust sign 签署）")
        used = signer_key(trust_message(root, raw, registry), sig, TRUST)
    except SignatureError as exc:
        return _refused(
            f"信任锚核验失败：{exc}（领导小组签署的是允许签名人文件、名册、收件公钥、政策值"
            "（含历史版本）、公开工作机构名称和节假日数据文件，"
            "其中任何一项改动后都须重新 xxgk trust sign）",
            people,
        )
    if used not in keys:
        return _refused(
            f"信任锚核验失败：{TRUST_SIG} 由密钥 {fingerprint(used)} 签名，不是信任锚的密钥", people
        )
    msg = (
        "正式版：允许签名人文件、审查人员名册、收件公钥、政策值、公开工作机构名称和节假日数据"
        f"文件已由信任锚密钥 {fingerprint(used)} 签署"
    )
    return Trust(
        ANCHORED,
        signers,
        people,
        msg,
        list(signers.problems),
        _stamp(ANCHORED, root, raw, registry),
        leaders(registry),
        office_unit(registry),
    )


def _stamp(mode: str, root: Path, raw: bytes, registry: Registry) -> str:
    return mode + hashlib.sha256(trust_message(root, raw, registry)).hexdigest()


def _refused(message: str, people: dict[str, Reviewer]) -> Trust:
    why = message + "。任何签名都不予采信，不发布任何内容。"
    return Trust(
        REFUSED,
        Signers(),
        people,
        why,
        [Problem(TRUST_SIG, 1, 1, RULE, Severity.ERROR, why)],
        REFUSED,
    )
