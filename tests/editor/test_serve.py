"""``xxgk editor serve``: the CMS's local proxy ends with it, however it ends (kill -9 too)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gitkit import commit_all, init
from xxgk.editor.serve import NPM_DIR, free_port, proxy_git_env

REPO = Path(__file__).resolve().parents[2]


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_proxy_stops_when_serve_is_killed(repo: Path, how: signal.Signals) -> None:
    npm = REPO / NPM_DIR
    if not (npm / ".installed").exists():
        pytest.fail("没有安装 Decap CMS：make test 先运行 make editor-npm")
    init(repo)
    commit_all(repo, "仓库")
    port, proxy_port = free_port(), free_port()
    command = [
        sys.executable,
        "-m",
        "xxgk",
        "--root",
        str(repo),
        "editor",
        "serve",
        "--port",
        str(port),
        "--proxy-port",
        str(proxy_port),
        "--npm",
        str(npm),
    ]
    serve = subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    children: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not (_listening(port) and _listening(proxy_port)):
            assert serve.poll() is None and time.monotonic() < deadline, (
                serve.stdout.read().decode() if serve.stdout else ""
            )
            time.sleep(0.1)
        children = _children(serve.pid)
        assert children, "代理不是 serve 的子进程"
        os.kill(serve.pid, how)
        serve.wait(timeout=20)
        deadline = time.monotonic() + 10
        while _listening(proxy_port) or any(map(_alive, children)):
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert not _listening(proxy_port), f"{how.name} 之后代理仍在端口 {proxy_port} 上应答"
        assert not any(map(_alive, children))
        with socket.socket() as sock:  # the port is free for the next run
            sock.bind(("127.0.0.1", proxy_port))
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
        for pid in children:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_the_proxys_git_shows_chinese_names_as_they_are() -> None:
    env = proxy_git_env({"PATH": "/usr/bin"})
    assert env["GIT_CONFIG_COUNT"] == "1" and env["GIT_CONFIG_KEY_0"] == "core.quotepath"
    assert env["GIT_CONFIG_VALUE_0"] == "false"
    more = proxy_git_env({"GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_1": "user.name"})
    assert more["GIT_CONFIG_COUNT"] == "3" and more["GIT_CONFIG_KEY_2"] == "core.quotepath"
    assert more["GIT_CONFIG_KEY_1"] == "user.name"
    done = subprocess.run(
        ["git", "config", "core.quotepath"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "false"
