"""Sign a record file in place: ``<record>.sig`` beside it, namespace by its folder.

Training records are signed by the office that organised the training, written opinions by
the department that gave them, leading-group decisions by its office, approvals by the
unit's 分管负责同志 or 信息公开工作负责人; secrecy reviews are
signed by ``xxgk review sign`` itself. The signature covers the exact bytes: a record is
never edited after it is signed (a correction is a new record).
"""

from __future__ import annotations

from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.trust.attest import signature_path
from xxgk.trust.sshsig import APPROVAL, CONSULT, REVIEW, TRAINING, SignatureError, sign_file

NAMESPACES = {
    "training": TRAINING,
    "consultations": CONSULT,
    "reviews": REVIEW,
    "releases": REVIEW,
    "approvals": APPROVAL,
}


def namespace_for(rel: str) -> str:
    folder = rel.split("/")[0]
    if folder not in NAMESPACES or not rel.endswith((".yml", ".yaml")):
        raise SignatureError(
            f"{rel} 不是需要签名的记录（只签 training/、consultations/、reviews/、releases/、approvals/ 下的 .yml 记录）"
        )
    return NAMESPACES[folder]


def sign_record(root: Path, rel: str, key: str) -> str:
    """Write ``rel``'s signature; refuses to replace one (a signed record is never re-signed)."""
    path = root / rel
    if path.is_symlink() or not path.is_file():
        raise SignatureError(f"{rel} 不是普通文件，不能签名")
    target = root / signature_path(rel)
    if target.exists():
        raise SignatureError(f"{signature_path(rel)} 已存在：记录已签名，签名不能覆盖")
    armored = sign_file(path, key, namespace_for(rel))
    try:
        write_atomic(target, armored, exclusive=True)
    except FileExistsError as exc:
        raise SignatureError(f"{signature_path(rel)} 已存在：签名不能覆盖") from exc
    return signature_path(rel)
