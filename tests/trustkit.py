"""The shipped sample keys (preview only), for tests that sign reviews as a roster member."""

from __future__ import annotations

import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_KEYS = REPO / ".xxgk" / "sample-keys"
STAFF = "zhangl@etkqq.gov.cn"  # the sample staff member: signs commits only


_COPIES: dict[str, str] = {}


def sample_key(principal: str) -> str:
    """The shipped sample private key of a roster principal, as a 0600 copy: git keeps no file
    modes but the executable bit, and ssh-keygen refuses a private key others can read."""
    if principal not in _COPIES:
        folder = Path(tempfile.mkdtemp(prefix="xxgk-sample-key-"))
        copy = folder / principal
        copy.write_bytes((SAMPLE_KEYS / principal).read_bytes())
        copy.chmod(0o600)
        _COPIES[principal] = str(copy)
    return _COPIES[principal]
