"""社会评议 results and 回应关切 pages show record text: they are published only as a signed
review saw them, and the reviewer's scan stops personal data in them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from xxgk_site_kit import REPO, make_site, mkdocs_build

from trustkit import STAFF, sample_key
from xxgk.cli import main

PAGES = (
    "content/evaluation/2025/index.md",
    "content/responses/index.md",
    "content/responses/2026/index.md",
)
ID_NUMBER, MOBILE = "152723198805150016", "13947712345"


@pytest.fixture
def voiced(repo: Path) -> Path:
    make_site(repo)
    for folder in ("evaluations", "opinions"):
        shutil.copytree(REPO / folder, repo / folder, dirs_exist_ok=True)
    for shipped in [
        *repo.glob("reviews/*/page-evaluation-*"),
        *repo.glob("reviews/*/page-responses-*"),
    ]:
        shipped.unlink()  # this test reviews the voice pages itself
    return repo


def sign(root: Path, capsys: pytest.CaptureFixture[str], *pages: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(
        [
            "--root",
            str(root),
            "review",
            "sign",
            *(str(root / p) for p in pages),
            "--reviewer",
            "王建华",
            "--key",
            sample_key("wangjh@etkqq.gov.cn"),
            "--author",
            STAFF,
            "--date",
            "2026-11-20",
        ]
    )
    out = capsys.readouterr()
    return code, out.out + out.err


def page_text(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text("utf-8")


def test_voice_pages_wait_for_a_review_of_exactly_their_text(
    voiced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done = mkdocs_build(voiced)
    assert done.returncode == 0, done.stderr[-2000:]
    for rel in PAGES:
        assert f"未发布 {rel}" in done.stderr
    assert "本页尚未经保密审查" in page_text(voiced, "responses")
    assert sign(voiced, capsys, *PAGES)[0] == 0
    done = mkdocs_build(voiced)
    assert "未发布 content/responses" not in done.stderr and "本页尚未经保密审查" not in page_text(
        voiced, "responses"
    )
    assert "政府信息查阅设备" in page_text(voiced, "evaluation/2025")


def test_personal_data_in_public_text_is_not_published(
    voiced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = voiced / "evaluations/2025/PY-2025-002.yml"
    text = record.read_text("utf-8")
    record.write_text(
        text.replace(
            "公开摘要: 政务服务大厅缺少政府信息查阅设备",
            f"公开摘要: 群众{ID_NUMBER}反映查阅设备不足，电话{MOBILE}",
        ),
        "utf-8",
    )
    code, out = sign(voiced, capsys, PAGES[0])
    assert code == 1 and "扫描发现未确认" in out
    done = mkdocs_build(voiced)
    assert done.returncode == 0, done.stderr[-2000:]
    site = "".join(
        p.read_text("utf-8", "replace") for p in (voiced / "site").rglob("*") if p.is_file()
    )
    assert ID_NUMBER not in site and MOBILE not in site
