"""Form tokens: the minimum fill time, measured by the server's clock, with no state kept.

A token is the time the server handed it out and an HMAC of that time. The page's script
asks for one when the form opens (``GET /api/token``); a browser without script gets one on
the confirmation page. A post whose token is younger than the minimum fill time was not
typed by a person; one older than ``MAX_AGE`` is stale (the form was left open overnight).
The key (``form-key`` in the spool, 0600) only signs times: it reads no submission.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

MAX_AGE = 12 * 3600  # seconds


def load_key(path: Path) -> bytes:
    """The spool's token key, made on first use (so tokens survive a restart)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()
    try:
        key = secrets.token_bytes(32)
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key


class Tokens:
    def __init__(self, key: bytes, min_seconds: float) -> None:
        self.key = key
        self.min_seconds = min_seconds

    def _mac(self, stamp: str) -> str:
        return hmac.new(self.key, stamp.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def issue(self, now: float | None = None) -> str:
        stamp = f"{(time.time() if now is None else now):.3f}"
        return f"{stamp}.{self._mac(stamp)}"

    def age(self, token: str, now: float | None = None) -> float | None:
        """Seconds since ``token`` was handed out; None when it is not one of ours."""
        stamp, _, mac = token.rpartition(".")
        try:
            issued = float(stamp)
        except ValueError:
            return None
        if not hmac.compare_digest(mac, self._mac(stamp)):
            return None
        return (time.time() if now is None else now) - issued

    def problem(self, token: str, now: float | None = None) -> tuple[str, float] | None:
        """(why, seconds to wait) when ``token`` cannot be accepted now, else None."""
        age = self.age(token, now)
        if age is None or age > MAX_AGE:
            return "表单已过期，请刷新页面后重新提交（已填写的内容请先复制保存）。", 0.0
        if age < self.min_seconds:
            wait = self.min_seconds - age
            return f"提交得太快了，请核对填写的内容，{max(1, round(wait))} 秒后再提交。", wait
        return None
