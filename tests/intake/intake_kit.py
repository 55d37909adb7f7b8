"""Helpers of the intake tests (a uniquely named module: pytest puts this folder on sys.path).

The service runs as a real process (``xxgk intake serve``) on a free port of 127.0.0.1; it is
polled until it answers and stopped in ``finally``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from xxgk.intake.envelope import Envelope, open_entry
from xxgk.intake.tokens import Tokens, load_key
from xxgk.requests.sealed import read_identities

REPO = Path(__file__).resolve().parents[2]
KEY = REPO / ".xxgk" / "sample-keys" / "office-age-key.txt"  # the sample office identity (样例)
XXGK = Path(sys.executable).with_name("xxgk")
NOW = "2026-11-27 10:00"  # a Friday, a working day, before the cut-off


def small_repo(root: Path) -> Path:
    """The registry, schemas, sample keys and calendar: all the service needs."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "xxgk.yml", root / "xxgk.yml")
    for name in ("schemas", ".xxgk", "templates"):
        shutil.copytree(REPO / name, root / name)
    (root / "requests").mkdir()
    return root


def copy_repository(target: Path) -> Path:
    """The project as an office would have it (without tests/, which hold the canaries)."""
    ignore = shutil.ignore_patterns(
        ".git",
        ".venv",
        "site",
        ".pytest_cache",
        "__pycache__",
        ".bench",
        "*.egg-info",
        ".cache",
        "tests",
    )
    shutil.copytree(REPO, target, ignore=ignore)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    spool: Path
    proc: subprocess.Popen[bytes]
    port: int

    def token(self, age: float = 0.0) -> str:
        """A form token; ``age`` seconds old (minted with the spool's key, as the service would)."""
        return Tokens(load_key(self.spool / "form-key"), 0).issue(time.time() - age)


def start(
    root: Path,
    spool: Path,
    *extra: str,
    now: str = NOW,
    port: int | None = None,
    env: dict[str, str] | None = None,
) -> Server:
    port = port or free_port()
    environ = {**os.environ, "XXGK_NOW": now, **(env or {})}
    environ.pop("XXGK_TODAY", None)
    proc = subprocess.Popen(
        [
            str(XXGK),
            "--root",
            str(root),
            "intake",
            "serve",
            "--port",
            str(port),
            "--spool",
            str(spool),
            *extra,
        ],
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Server(f"http://127.0.0.1:{port}/", spool, proc, port)
    wait_until_up(server)
    return server


def wait_until_up(server: Server, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            err = server.proc.stderr.read().decode() if server.proc.stderr else ""
            raise AssertionError(f"xxgk intake serve exited {server.proc.returncode}: {err}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(server.base + "api/health", timeout=1).status_code == 200:
                return
        time.sleep(0.05)
    raise AssertionError("xxgk intake serve did not answer")


def stop(server: Server) -> None:
    if server.proc.poll() is None:
        server.proc.terminate()
        try:
            server.proc.wait(10)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait()
    if server.proc.stderr:
        server.proc.stderr.close()


@contextlib.contextmanager
def serving(root: Path, spool: Path, *extra: str, **kw: Any) -> Iterator[Server]:
    server = start(root, spool, *extra, **kw)
    try:
        yield server
    finally:
        stop(server)


def person(**over: str) -> dict[str, str]:
    """A valid application from a fictitious person (a form's JSON)."""
    data = {
        "applicant_type": "自然人",
        "name": "测试申请人（虚构）",
        "id_type": "居民身份证",
        "id_number": "99999919900101123X",
        "phone": "13000000000",
        "email": "test@example.cn",
        "unit": "鄂托克前旗财政局",
        "info": "2026年旗本级预算调整方案",
        "carrier": "电子文档",
        "delivery": "电子邮件",
    }
    return {**data, **over}


def entries(spool: Path) -> list[Path]:
    return sorted((spool / "inbox").glob("*.age"))


def opened(entry: Path) -> Envelope:
    return open_entry(entry.read_bytes(), read_identities(KEY))


def xxgk(root: Path, *args: str, today: str = "2026-11-27") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XXGK_TODAY": today}
    env.pop("XXGK_NOW", None)
    return subprocess.run(
        [str(XXGK), "--root", str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
