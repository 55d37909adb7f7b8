"""``xxgk trust sign``: the leading group signs what the anchor covers (``anchor.trust_message``)."""

from __future__ import annotations

from pathlib import Path

from xxgk.io.atomic import write_atomic
from xxgk.model.registry import Registry
from xxgk.trust.anchor import TRUST_SIG, read_small, trust_message
from xxgk.trust.office import office_problem
from xxgk.trust.signers import SIGNERS_FILE
from xxgk.trust.sshsig import TRUST, SignatureError, sign_bytes


def sign_trust(root: Path, registry: Registry, key: str) -> str:
    """Write ``.xxgk/trust.sig`` over the current signers file and roster (replacing the old
    one: the trust is re-signed whenever a key or the roster changes). An office name that
    names no registered unit is not signed (the trust would be refused anyway)."""
    why = office_problem(registry)
    if why:
        raise SignatureError(f"不签署：{why}")
    raw = read_small(root / SIGNERS_FILE) or b""
    armored = sign_bytes(trust_message(root, raw, registry), key, TRUST)
    write_atomic(root / TRUST_SIG, armored)
    return TRUST_SIG
