"""``xxgk check`` as staff and CI run it: three output formats, exit codes 0/1/2, no traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from foundation_helpers import CASES, CORPUS, xxgk


def _corpus(root: Path) -> None:
    shutil.copytree(CORPUS, root / "content" / "catalog", dirs_exist_ok=True)


def _bad(root: Path) -> str:
    folder = root / "content" / "catalog" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CASES / "CAT-KEYWORD-SEP" / "bad-comma@12.md", folder / "bad.md")
    return "content/catalog/2025/bad.md"


def test_good_corpus_passes_with_exit_0(repo: Path) -> None:
    _corpus(repo)
    run = xxgk(repo, "check")
    assert run.code == 0, run.out + run.err
    count = len(list((repo / "content" / "catalog").rglob("*.md")))
    records = len(list((repo / "training").rglob("*.yml")))  # the fixture's signed training
    assert count >= 10 and f"检查了 {count + 1 + records} 个文件，没有发现问题。" in run.out


def test_text_format_names_file_line_rule_and_basis(repo: Path) -> None:
    path = _bad(repo)
    run = xxgk(repo, "check")
    assert run.code == 1
    first = run.out.splitlines()[0]
    assert first.startswith(f"{path}:12:6: 错误 [CAT-KEYWORD-SEP] 关键词之间用了“，”")
    assert first.endswith("（附件1 二(一)1）")
    assert "“道路运输 安全管理”" in first  # the corrected form
    records = len(list((repo / "training").rglob("*.yml")))  # the fixture's signed training
    assert run.out.splitlines()[-1].startswith(f"检查了 {2 + records} 个文件：1 个错误")


def test_json_format_is_a_list_of_problem_objects(repo: Path) -> None:
    path = _bad(repo)
    run = xxgk(repo, "check", "--format", "json")
    assert run.code == 1
    (problem,) = json.loads(run.out)
    assert set(problem) == {"path", "line", "column", "rule", "severity", "message"}
    assert (problem["path"], problem["line"], problem["rule"], problem["severity"]) == (
        path,
        12,
        "CAT-KEYWORD-SEP",
        "error",
    )


def test_github_format_writes_annotations_and_a_job_summary(repo: Path, tmp_path: Path) -> None:
    path = _bad(repo)
    summary = tmp_path / "summary.md"
    run = xxgk(repo, "check", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 1
    assert run.out.startswith(
        f"::error file={path},line=12,col=6,title=[CAT-KEYWORD-SEP]::关键词之间用了"
    )
    text = summary.read_text(encoding="utf-8")
    assert "| CAT-KEYWORD-SEP | 1 |" in text and f"`{path}:12:6`" in text


def test_warnings_alone_exit_0(repo: Path) -> None:
    folder = repo / "content" / "catalog" / "2025"
    folder.mkdir(parents=True)
    shutil.copy(CASES / "FM-IMPLICIT" / "bad-octal@13.md", folder / "w.md")
    run = xxgk(repo, "check")
    assert run.code == 0 and "警告 [FM-IMPLICIT]" in run.out and "1 个警告" in run.out


def test_missing_path_is_a_problem_with_exit_1(repo: Path) -> None:
    run = xxgk(repo, "check", "content/catalog/2030/none.md")
    assert run.code == 1 and "[FILE-MISSING]" in run.out


def test_registry_with_a_syntax_error_is_a_finding_in_xxgk_yml(repo: Path) -> None:
    _corpus(repo)
    (repo / "xxgk.yml").write_text("名称: 鄂托克前旗人民政府\n地区: [\n", encoding="utf-8")
    run = xxgk(repo, "check")
    assert run.code == 1 and run.out.startswith("xxgk.yml:3:1: 错误 [FM-SYNTAX]"), run.out + run.err


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda root: (root / "xxgk.yml").unlink(), "找不到 xxgk.yml"),
        (
            lambda root: (root / "schemas" / "catalog-entry.schema.json").write_text(
                "{", encoding="utf-8"
            ),
            "catalog-entry.schema.json 第 1 行第 2 列不是合法的 JSON",
        ),
    ],
    ids=["no-registry", "broken-schema"],
)
def test_environment_errors_exit_2_in_chinese(repo: Path, breakage, expected: str) -> None:  # type: ignore[no-untyped-def]
    _corpus(repo)
    breakage(repo)
    run = xxgk(repo, "check")
    assert run.code == 2, run.out + run.err
    assert expected in run.err and "Traceback" not in run.err


def test_usage_error_exits_2_in_chinese(repo: Path) -> None:
    run = xxgk(repo, "check", "--format", "xml")
    assert run.code == 2 and "用法错误" in run.err and "Traceback" not in run.err


def test_every_bad_case_at_once_never_shows_a_traceback(repo: Path) -> None:
    target = repo / "content" / "catalog" / "all"
    for file in CASES.rglob("bad-*.md"):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(file, target / f"{file.parent.name}-{file.name}")
    run = xxgk(repo, "check", "--format", "json")
    assert run.code == 1 and "Traceback" not in run.err and run.err == ""
    assert len({p["path"] for p in json.loads(run.out)}) >= len(list(target.iterdir())) - 1
