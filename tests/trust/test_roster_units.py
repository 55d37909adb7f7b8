"""``xxgk check`` names a 工作人员名册 or 审查人员 entry whose 单位 is not a registered unit, at its
line in xxgk.yml, and suggests the closest registered name. Without it a misspelt 单位 passes the
schema and the audit then reports the real unit as having no leader and no 舆情联系人.
The registry is the shipped xxgk.yml, copied and edited."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FINANCE = "鄂托克前旗财政局"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "xxgk.yml", root / "xxgk.yml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root


def check(root: Path) -> tuple[int, list[dict[str, object]], str]:
    env = {"PATH": "/usr/bin:/bin", "XXGK_TODAY": "2026-11-27", "HOME": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "check", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout or "[]"), done.stderr


def replace_nth(root: Path, old: str, new: str, nth: int) -> int:
    """Replace the ``nth`` (0-based) line containing ``old``; its 1-based line number."""
    lines = (root / "xxgk.yml").read_text(encoding="utf-8").split("\n")
    hits = [i for i, line in enumerate(lines) if old in line]
    lines[hits[nth]] = lines[hits[nth]].replace(old, new)
    (root / "xxgk.yml").write_text("\n".join(lines), encoding="utf-8")
    return hits[nth] + 1


def unit_findings(found: list[dict[str, object]]) -> list[dict[str, object]]:
    return [p for p in found if p["rule"] == "REG-ROSTER-UNIT"]


def test_the_shipped_registry_names_only_registered_units(copy: Path) -> None:
    code, found, err = check(copy)
    assert unit_findings(found) == [] and code == 0, (found, err)


def test_a_misspelt_unit_in_the_staff_roster_is_named_with_its_line_and_the_closest_name(
    copy: Path,
) -> None:
    line = replace_nth(copy, f"单位: {FINANCE}", "单位: 鄂托克前旗财正局", 1)  # 0: 审查人员
    text = (copy / "xxgk.yml").read_text(encoding="utf-8")
    assert line > text[: text.index("\n工作人员名册:")].count("\n") + 1
    code, found, _ = check(copy)
    hits = unit_findings(found)
    assert code == 1 and len(hits) == 1, found
    assert (
        hits[0]["path"] == "xxgk.yml" and hits[0]["line"] == line and hits[0]["severity"] == "error"
    )
    message = str(hits[0]["message"])
    assert "工作人员名册" in message and "鄂托克前旗财正局" in message
    assert f"是否应为“{FINANCE}”" in message


def test_a_misspelt_reviewer_unit_and_review_body_are_named(copy: Path) -> None:
    line = replace_nth(copy, "单位: 鄂托克前旗教育体育局", "单位: 鄂托克前旗教育局", 0)
    body = replace_nth(copy, "审查单位: [鄂托克前旗人民政府]", "审查单位: [鄂托克前旗政府]", 0)
    code, found, _ = check(copy)
    hits = sorted(unit_findings(found), key=lambda p: int(str(p["line"])))
    assert code == 1 and [p["line"] for p in hits] == sorted([line, body]), found
    by_line = {p["line"]: str(p["message"]) for p in hits}
    assert "审查人员“白玉兰”的单位“鄂托克前旗教育局”" in by_line[line]
    assert "是否应为“鄂托克前旗教育体育局”" in by_line[line]
    assert "审查人员“李秀英”的审查单位“鄂托克前旗政府”" in by_line[body]
    assert "是否应为“鄂托克前旗人民政府”" in by_line[body]


def test_a_name_like_no_registered_unit_gets_no_suggestion(copy: Path) -> None:
    line = replace_nth(copy, f"单位: {FINANCE}", "单位: 某某", 1)
    code, found, _ = check(copy)
    hits = unit_findings(found)
    assert code == 1 and [p["line"] for p in hits] == [line], found
    assert "是否应为" not in str(hits[0]["message"])


def test_the_text_output_names_file_and_line_in_chinese(copy: Path) -> None:
    line = replace_nth(copy, f"单位: {FINANCE}", "单位: 鄂托克前旗财正局", 1)
    env = {"PATH": "/usr/bin:/bin", "XXGK_TODAY": "2026-11-27", "HOME": str(copy)}
    done = subprocess.run(
        [sys.executable, "-m", "xxgk", "check"], cwd=copy, capture_output=True, text=True, env=env
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"xxgk.yml:{line}:" in done.stdout and "错误 [REG-ROSTER-UNIT]" in done.stdout, (
        done.stdout
    )
