"""Is a record signed, by whom, and may that key sign it? (a detached ``<record>.sig``)

A record that changes what is public (a secrecy review, a written opinion, a training that
qualifies a reviewer) counts only with a signature over its exact bytes, made with
``ssh-keygen -Y sign -n <namespace>`` by a key the allowed-signers file lets sign that
namespace at the record's date. Checked in-process, from the tree alone: no git history.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xxgk.trust.anchor import Trust, read_small
from xxgk.trust.sshsig import SignatureError, signer_key

SIG_SUFFIX = ".sig"


def signature_path(rel: str) -> str:
    return rel + SIG_SUFFIX


def verify_record(
    root: Path, rel: str, raw: bytes, namespace: str, trust: Trust, on: dt.date | None
) -> tuple[frozenset[str], str]:
    """(principals who signed, "") or (empty, why the record counts as unsigned)."""
    if not trust.usable:
        return frozenset(), trust.message
    try:
        sig = read_small(root / signature_path(rel))
        if sig is None:
            return frozenset(), f"没有签名文件 {signature_path(rel)}：未签名的记录不算数"
        key = signer_key(raw, sig, namespace)
    except SignatureError as exc:
        return frozenset(), f"{signature_path(rel)}：{exc}"
    return trust.signers.principals_of(key, namespace, on)
