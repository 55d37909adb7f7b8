"""Limits that keep one client from flooding the office: submissions per address per hour.

In memory, per process (the service runs as one process): a restart forgets the counts,
which errs towards accepting. Behind the web server the address is the client's, taken from
X-Forwarded-For, which uvicorn trusts from the proxy's address only (``--forwarded-allow-ips``).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

WINDOW = 3600.0  # seconds
MAX_TRACKED = 20_000  # addresses remembered; the oldest are forgotten first

TOO_LARGE = (
    "提交的内容太大了（超过 {kb} KB），没有收到。所需信息的描述请精简一些；材料较多的，"
    "可以改用信函或者到政务公开办公室当面提交。"
)
TOO_MANY = (
    "同一网络地址在一小时内提交的次数已经达到上限（{n} 次），这一份没有收到。"
    "请约 {minutes} 分钟后再提交；如有急事，请致电政务公开办公室。"
)


class RateLimit:
    def __init__(self, per_hour: int) -> None:
        self.per_hour = per_hour
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, address: str, now: float | None = None) -> float | None:
        """Count a submission from ``address``; seconds to wait when over the limit."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.pop(address, None) or deque()
            while times and now - times[0] >= WINDOW:
                times.popleft()
            self._seen[address] = times
            while len(self._seen) > MAX_TRACKED:
                self._seen.popitem(last=False)
            if len(times) >= self.per_hour:
                return WINDOW - (now - times[0])
            times.append(now)
            return None

    def message(self, wait: float) -> str:
        return TOO_MANY.format(n=self.per_hour, minutes=max(1, round(wait / 60)))
