"""The shipped sample keys (preview only), for tests that sign reviews as a roster member."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_KEYS = REPO / ".xxgk" / "sample-keys"
STAFF = "zhangl@etkqq.gov.cn"  # the sample staff member: signs commits only


def sample_key(principal: str) -> str:
    """The shipped sample private key of a roster principal."""
    return str(SAMPLE_KEYS / principal)
