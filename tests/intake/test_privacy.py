"""Nothing exposed: an applicant canary sent through the real service, taken in by the office,
registered by hand too, committed and published — and then looked for, in plain text, in the
spool, requests/, site/ and the whole git history of that repository."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from intake_kit import KEY, copy_repository, entries, person, serving, xxgk

from gitkit import git

NAME = "金丝雀QZXM申请人"
ID_NUMBER = "99999919000101837X"
PHONE = "19900007392"
ADDRESS = "金丝雀巷QZXN号"
EMAIL = "qzxm.canary@example.cn"
NAME2 = "金丝雀QZXP登记人"


def canaries() -> list[bytes]:
    found = []
    for text in (NAME, ID_NUMBER, PHONE, ADDRESS, EMAIL, NAME2):
        found += [text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii")]
    return found + [b"QZXM", b"QZXN", b"QZXP"]


def leaks(data: bytes) -> list[bytes]:
    return [c for c in canaries() if c in data]


def files_leaking(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            if leaks(data):
                found.append(path.as_posix())
    return found


@pytest.mark.slow
def test_the_canary_is_nowhere_in_plain_text(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "初始")
    spool = tmp_path / "spool"
    with serving(root, spool) as server:
        data = {
            **person(
                name=NAME,
                id_number=ID_NUMBER,
                phone=PHONE,
                address=ADDRESS,
                email=EMAIL,
                delivery="邮寄",
                carrier="纸质",
            ),
            "token": server.token(age=10),
        }
        r = httpx.post(server.base + "api/requests", json=data, timeout=30)
        assert r.status_code == 201 and not leaks(r.content)
    assert len(entries(spool)) == 1 and files_leaking(spool) == []

    taken = xxgk(root, "request", "inbox", "--identity", str(KEY), "--spool", str(spool))
    assert taken.returncode == 0 and "已导入 1 份" in taken.stdout, taken.stderr
    added = xxgk(
        root,
        "request",
        "add",
        "--received",
        "2026-11-20",
        "--channel",
        "信函",
        "--unit",
        "鄂托克前旗财政局",
        "--type",
        "自然人",
        "--name",
        NAME2,
        "--id-number",
        ID_NUMBER,
        "--phone",
        PHONE,
        "--address",
        ADDRESS,
        "--info",
        "2026年旗本级预算调整方案",
    )
    assert added.returncode == 0, added.stderr
    git(root, "add", "requests")
    git(root, "commit", "-q", "-m", "登记申请")

    shown = xxgk(root, "request", "show", r.json()["受理编号"], "--identity", str(KEY))
    assert (
        NAME in shown.stdout and ID_NUMBER in shown.stdout and PHONE in shown.stdout
    )  # it did go through

    build = subprocess.run(
        [str(Path(sys.executable).with_name("mkdocs")), "build", "--quiet"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    assert (root / "site" / "apply" / "index.html").is_file()

    assert files_leaking(spool) == [] and files_leaking(root / "requests") == []
    assert files_leaking(root / "site") == []
    history = git(root, "log", "-p", "--all", "--no-color").encode("utf-8")
    assert "登记申请" in history.decode() and not leaks(history)
    revisions = git(root, "rev-list", "--all").split()
    found = subprocess.run(
        ["git", "grep", "-I", "-c", "-e", "QZX", *revisions], cwd=root, capture_output=True
    )
    assert found.returncode == 1 and found.stdout == b""  # no match in any tree of any commit
