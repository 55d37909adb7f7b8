"""Serve the editor on 127.0.0.1 for training and local work (``make editor``).

Two processes: Decap CMS's own local proxy (``decap-server`` in git mode, from npm) working
on the repository, and this small static server for the editor page, the generated
configuration and the vendored CMS bundle. Both listen on 127.0.0.1 only.
"""

from __future__ import annotations

import ctypes
import mimetypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from xxgk.io.errors import ConfigError
from xxgk.io.safefs import ATTACHMENT_LIMIT, UnsafeFile, read_bytes

STATIC = Path(__file__).parent / "static"
NPM_DIR = Path(".cache") / "npm" / "editor"  # below the repository root (Makefile: editor-npm)
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
PROXY = Path("node_modules") / "decap-server" / "dist" / "index.js"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_TYPES = {
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".yml": "text/yaml",
    ".css": "text/css",
    ".html": "text/html",
}


def npm_dir(root: Path, given: Path | None) -> Path:
    folder = given or root / NPM_DIR
    if not (folder / BUNDLE / "decap-cms.js").is_file() or not (folder / PROXY).is_file():
        raise ConfigError(f"没有找到 Decap CMS（{folder}）：请先运行 make editor-npm")
    return folder


def handler(config: bytes, bundle: Path) -> type[BaseHTTPRequestHandler]:
    """Answers GET for the page, its script, ``config.yml`` and ``decap/<file>``; else 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            body = self._body(path)
            if body is None:
                self.send_error(404, "Not Found")
                return
            kind = _TYPES.get(os.path.splitext(path)[1]) or mimetypes.guess_type(path)[0]
            self.send_response(200)
            self.send_header("Content-Type", f"{kind or 'text/html'}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _body(self, path: str) -> bytes | None:
            if path in ("/", "/index.html"):
                return (STATIC / "index.html").read_bytes()
            if path == "/department.js":
                return (STATIC / "department.js").read_bytes()
            if path == "/config.yml":
                return config
            name = path.removeprefix("/decap/")
            if name == path or not _NAME.match(name):
                return None
            try:
                return read_bytes(bundle, name, ATTACHMENT_LIMIT)
            except (FileNotFoundError, UnsafeFile):
                return None

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def page_server(config: bytes, npm: Path, port: int) -> ThreadingHTTPServer:
    return ThreadingHTTPServer(("127.0.0.1", port), handler(config, npm / BUNDLE))


def start_proxy(
    root: Path, npm: Path, port: int, log: Path | None = None
) -> subprocess.Popen[bytes]:
    """decap-server in git mode: each entry saved in the workflow is a branch cms/… of ``root``.
    It dies with this process, however this process ends (``die_with_parent``)."""
    node = shutil.which("node")
    if node is None:
        raise ConfigError("没有找到 node：请安装 Node.js（Debian：apt-get install nodejs npm）")
    env = {
        **proxy_git_env(os.environ),
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(root),
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "warn",
    }
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (the child keeps it)
    proc = subprocess.Popen(
        [node, str(npm / PROXY)],
        cwd=root,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        preexec_fn=die_with_parent(os.getpid()),
    )
    wait_for_port(port, proc.poll)
    return proc


def proxy_git_env(env: Mapping[str, str]) -> dict[str, str]:
    """The proxy reads ``git diff`` to find an entry's files on its branch; with git's default
    ``core.quotepath`` a Chinese file name comes back quoted and octal-escaped, and the CMS
    then cannot load the entry again. Set it off for the proxy's git only."""
    n = int(env.get("GIT_CONFIG_COUNT", "0") or "0")
    return {
        **env,
        "GIT_CONFIG_COUNT": str(n + 1),
        f"GIT_CONFIG_KEY_{n}": "core.quotepath",
        f"GIT_CONFIG_VALUE_{n}": "false",
    }


def die_with_parent(parent: int) -> Callable[[], None] | None:
    """Run in the child before it starts node: on Linux the kernel sends it SIGTERM when the
    parent ends, also by SIGKILL (prctl PR_SET_PDEATHSIG); a parent already gone ends it at
    once. Elsewhere None: the proxy then stops only with Ctrl+C or SIGTERM of the parent."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def arm() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)

    return arm


def wait_for_port(port: int, dead: Callable[[], int | None], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if dead() is not None:
            raise ConfigError("Decap CMS 的本地代理没有启动（端口被占用，或不是 git 仓库？）")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise ConfigError(f"Decap CMS 的本地代理在 {seconds:.0f} 秒内没有在端口 {port} 上应答")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
