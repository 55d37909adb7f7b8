"""The shipped sample records carry the approval chain a real office would have: every sample
reply that releases information has its signed release review and 答复签发, and every unit its
roster entries, so `xxgk audit` for 2025 and 2026 shows no AUD-RELEASE, AUD-APPROVAL,
AUD-COORDINATION or AUD-ROSTER finding. The records are verified, not trusted: a file handed
over that changes after its review brings the finding back. A copy of the repository's own files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KEEP = (
    "xxgk.yml",
    "schemas",
    "content",
    "requests",
    "reviews",
    "releases",
    "approvals",
    "consultations",
    "withdrawals",
    "training",
    "evaluations",
    "opinions",
    "complaints",
    "annual",
    "calendar",
    "templates",
    ".xxgk",
)
CHAIN = {"AUD-RELEASE", "AUD-APPROVAL", "AUD-COORDINATION", "AUD-ROSTER"}


def copy_repo(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in KEEP:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy(src, root / name)
    return root


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("samples") / "repo")


def audit(root: Path, year: int) -> dict[str, list[dict[str, object]]]:
    env = {"PATH": "/usr/bin:/bin", "XXGK_TODAY": "2026-11-27", "HOME": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "audit", "--year", str(year), "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    units: dict[str, list[dict[str, object]]] = json.loads(done.stdout)["单位"]
    return units


def chain_findings(units: dict[str, list[dict[str, object]]]) -> list[tuple[str, object, object]]:
    return [
        (unit, f["rule"], f.get("message") or f.get("说明"))
        for unit, found in units.items()
        for f in found
        if f["rule"] in CHAIN
    ]


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_sample_records_leave_no_approval_chain_finding(samples: Path, year: int) -> None:
    units = audit(samples, year)
    assert units, "the audit lists no unit at all"
    assert chain_findings(units) == []


def test_every_sample_reply_that_releases_information_has_its_review_and_sign_off(
    samples: Path,
) -> None:
    reviewed = {p.name[:13] for p in (samples / "releases").rglob("YSQ-*.yml")}
    signed = {p.name[:13] for p in (samples / "approvals").rglob("YSQ-*-答复签发-*.yml")}
    releasing = {
        p.stem
        for p in (samples / "requests").glob("*/YSQ-*.yml")
        if re.search(r"^ +结果: (予以公开|部分公开)$", p.read_text(encoding="utf-8"), re.M)
    }
    assert releasing and reviewed == signed == releasing, (reviewed, signed, releasing)
    for number in sorted(reviewed):
        env = {"PATH": "/usr/bin:/bin", "XXGK_TODAY": "2026-11-27", "HOME": str(samples)}
        shown = subprocess.run(
            [sys.executable, "-m", "xxgk", "request", "show", number],
            cwd=samples,
            capture_output=True,
            text=True,
            env=env,
        )
        assert "提供信息审查：已审查并经负责人签发" in shown.stdout, (
            number,
            shown.stdout,
            shown.stderr,
        )


def test_a_handed_over_file_changed_after_review_brings_the_finding_back(tmp_path: Path) -> None:
    root = copy_repo(tmp_path / "repo")
    given = sorted((root / "requests" / "2025").glob("YSQ-2025-0008/*.md"))
    assert given, "sample file of YSQ-2025-0008 moved: update this test"
    given[0].write_text(
        given[0].read_text(encoding="utf-8") + "成员身份证号码：（未删去）\n", encoding="utf-8"
    )
    found = chain_findings(audit(root, 2025))
    assert [(unit, rule) for unit, rule, _ in found] == [
        ("鄂尔多斯市生态环境局鄂托克前旗分局", "AUD-RELEASE")
    ]
    assert "在审查后被修改" in str(found[0][2])
