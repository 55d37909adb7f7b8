"""Load: 500 applications from 50 concurrent clients against a real ``xxgk intake serve`` on
127.0.0.1 — none lost, every 受理编号 distinct, throughput and p99 latency reported — and the
same with the server killed (SIGKILL) mid-run and restarted: no acknowledged submission is lost.

Bounded: each run stops by itself after ``DEADLINE`` seconds whatever happens. Clients retry a
post that got no answer with the same nonce, as the page's script does.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from intake_kit import KEY, Server, person, small_repo, start, stop

from xxgk.intake.envelope import open_entry
from xxgk.intake.spool import entries
from xxgk.requests.sealed import read_identities

CLIENTS = 50
EACH = 10  # submissions per client: 500 in all
DEADLINE = 120.0  # seconds a run may take at most
KILL_AFTER = 150  # acknowledged submissions before the server is killed


@dataclass
class Run:
    acked: dict[str, str] = field(default_factory=dict)  # nonce -> 受理编号
    latencies: list[float] = field(default_factory=list)
    retries: int = 0
    first: float = float("inf")  # the first post began (after the clients' minimum fill time)
    last: float = 0.0  # the last answer came


async def client(i: int, server: Server, run: Run, stop_at: float) -> None:
    headers = {"Accept": "application/json", "X-Forwarded-For": f"10.0.{i // 200}.{i % 200 + 1}"}
    async with httpx.AsyncClient(base_url=server.base, headers=headers, timeout=20) as http:
        token = await first_token(http, stop_at)
        for n in range(EACH):
            nonce = f"load-{i:02d}-{n:02d}"
            data = {**person(name=f"负载测试人{i}-{n}（虚构）"), "token": token, "nonce": nonce}
            while time.monotonic() < stop_at:
                began = time.perf_counter()
                try:
                    r = await http.post("api/requests", json=data)
                except httpx.TransportError:
                    run.retries += 1
                    await asyncio.sleep(0.05)
                    continue
                run.first = min(run.first, began)
                if r.status_code in (200, 201):
                    run.last = time.perf_counter()
                    run.latencies.append(run.last - began)
                    run.acked[nonce] = r.json()["受理编号"]
                    break
                assert r.status_code >= 500, r.text  # anything else is a bug of ours
                run.retries += 1


async def first_token(http: httpx.AsyncClient, stop_at: float) -> str:
    """A real form token, then the minimum fill time (as a person would take)."""
    while time.monotonic() < stop_at:
        try:
            body = (await http.get("api/token")).json()
        except httpx.TransportError:
            await asyncio.sleep(0.05)
            continue
        await asyncio.sleep(body["最短秒数"] + 0.05)
        return str(body["令牌"])
    raise AssertionError("no token before the deadline")


async def killer(
    server: Server, run: Run, restarted: list[Server], root: Path, stop_at: float
) -> None:
    while len(run.acked) < KILL_AFTER and time.monotonic() < stop_at:
        await asyncio.sleep(0.01)
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait()
    again = start(root, server.spool, *ARGS, port=server.port)
    restarted.append(again)


ARGS = ("--rate", "100000", "--min-seconds", "1")


async def load(server: Server, run: Run, kill: Path | None = None) -> list[Server]:
    stop_at = time.monotonic() + DEADLINE
    restarted: list[Server] = []
    tasks = [client(i, server, run, stop_at) for i in range(CLIENTS)]
    if kill is not None:
        tasks.append(killer(server, run, restarted, kill, stop_at))
    await asyncio.gather(*tasks)
    return restarted


def check_spool(spool: Path, run: Run) -> tuple[int, int]:
    """Every acknowledged submission is in the spool under its 受理编号; returns (entries, extra)."""
    keys = read_identities(KEY)
    by_number = {p.stem: open_entry(p.read_bytes(), keys) for p in entries(spool)}
    for nonce, number in run.acked.items():
        assert number in by_number, f"acknowledged {number} is not in the spool"
        assert by_number[number].nonce == nonce
        assert by_number[number].receipt == number
    assert len(set(run.acked.values())) == len(run.acked)  # distinct 受理编号
    return len(by_number), len(by_number) - len(run.acked)


def report(what: str, run: Run) -> str:
    took = run.last - run.first
    ms = sorted(x * 1000 for x in run.latencies)
    p99 = ms[max(0, int(len(ms) * 0.99) - 1)]
    line = (
        f"{what}: {len(run.acked)} 份，{CLIENTS} 个并发客户端，自第一份提交起用时 {took:.2f} 秒，"
        f"吞吐 {len(run.acked) / took:.0f} 份/秒；延迟 p50 {statistics.median(ms):.0f} 毫秒，"
        f"p99 {p99:.0f} 毫秒，最大 {ms[-1]:.0f} 毫秒；重试 {run.retries} 次"
    )
    print("\n" + line)
    return line


@pytest.mark.slow
def test_500_applications_from_50_clients_are_all_stored_with_distinct_numbers(
    tmp_path: Path,
) -> None:
    root = small_repo(tmp_path / "repo")
    server = start(root, tmp_path / "spool", *ARGS)
    run = Run()
    try:
        asyncio.run(load(server, run))
    finally:
        stop(server)
    assert len(run.acked) == CLIENTS * EACH
    stored, extra = check_spool(tmp_path / "spool", run)
    assert (stored, extra, run.retries) == (500, 0, 0)
    report("在线申请负载", run)


@pytest.mark.slow
def test_killing_the_server_mid_run_loses_no_acknowledged_submission(tmp_path: Path) -> None:
    root = small_repo(tmp_path / "repo")
    server = start(root, tmp_path / "spool", *ARGS)
    run = Run()
    restarted: list[Server] = []
    try:
        restarted = asyncio.run(load(server, run, kill=root))
    finally:
        for s in [server, *restarted]:
            stop(s)
    assert restarted and server.proc.returncode == -signal.SIGKILL
    assert len(run.acked) == CLIENTS * EACH  # the clients' retries got through after the restart
    stored, extra = check_spool(tmp_path / "spool", run)
    report(f"SIGKILL 后重启（多存 {extra} 份未确认的重复提交）", run)
    assert extra <= CLIENTS  # at most one per client: stored, then killed before it could answer
