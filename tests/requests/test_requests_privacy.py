"""Personal data stays in: a real site build beside a request whose applicant is a canary, and
the record itself holds the canary only sealed to the office key."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rq_support import KEY, REPO, xxgk

NAME = "金丝雀QZXJ申请人"
ID_NUMBER = "99999919000101837X"
PHONE = "19900007391"
ADDRESS = "金丝雀巷QZXK号"


def canaries() -> list[bytes]:
    found = []
    for text in (NAME, ID_NUMBER, PHONE, ADDRESS):
        found += [text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii")]
    found += [b"QZXJ", b"QZXK"]
    return found


def copy_repository(target: Path) -> Path:
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "site", ".pytest_cache", "__pycache__", ".bench", "*.egg-info"
    )
    shutil.copytree(REPO, target, ignore=ignore)
    return target


@pytest.mark.slow
def test_no_applicant_data_reaches_the_built_site(tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo")
    done = xxgk(
        root,
        "request",
        "add",
        "--received",
        "2026-11-02",
        "--channel",
        "信函",
        "--unit",
        "鄂托克前旗财政局",
        "--type",
        "自然人",
        "--name",
        NAME,
        "--id-number",
        ID_NUMBER,
        "--phone",
        PHONE,
        "--address",
        ADDRESS,
        "--info",
        "2026年旗本级预算调整方案",
    )
    assert done.returncode == 0, done.stderr
    records = b"".join(p.read_bytes() for p in (root / "requests").rglob("*.yml"))
    assert not [c for c in canaries() if c in records]  # sealed in the repository too
    number = re.search(r"YSQ-\d{4}-\d{4}", done.stdout)[0]  # type: ignore[index]
    shown = xxgk(root, "request", "show", number, "--identity", str(KEY))
    assert NAME in shown.stdout and ID_NUMBER in shown.stdout
    mkdocs = Path(sys.executable).with_name("mkdocs")
    build = subprocess.run(
        [str(mkdocs), "build", "--quiet"], cwd=root, capture_output=True, text=True, check=False
    )
    assert build.returncode == 0, build.stderr[-2000:]
    files = [p for p in (root / "site").rglob("*") if p.is_file()]
    assert any(p.name == "index.html" for p in files)
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        leaked = [c for c in canaries() if c in data]
        assert not leaked, f"{path.relative_to(root)} 含有申请人信息 {leaked}"
