"""Text of xxgk.yml reaches the site only reviewed or scanned: the 公开指南 and the 在线申请 page
are published only with a signed review of their exact generated text; the text shown on
every page (footer, names) is scanned and a 密级标志 or personal data stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from xxgk_site_kit import mkdocs_build, page

from trustkit import STAFF, sample_key
from xxgk.cli import main

INSIDER = "工作日全天；内部通报：请勿外传的人员调整名单见附页"
NOTICE = "本页尚未经保密审查，暂不公开"


def edit(root: Path, old: str, new: str) -> None:
    reg = root / "xxgk.yml"
    text = reg.read_text("utf-8")
    assert old in text
    reg.write_text(text.replace(old, new, 1), "utf-8")


def review(
    root: Path, capsys: pytest.CaptureFixture[str], *pages: str, ack: tuple[str, ...] = ()
) -> str:
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
            "2026-11-27",
            *(f"--ack={a}" for a in ack),
        ]
    )
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    return out.out


def test_the_shipped_guide_and_form_are_published_with_their_reviews(site_repo: Path) -> None:
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "政务公开办公室" in page(site_repo, "guide") and NOTICE not in page(site_repo, "guide")
    assert NOTICE not in page(site_repo, "apply") and 'name="unit"' in page(site_repo, "apply")


def test_changed_office_text_is_withheld_until_reviewed(
    site_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The reviewer's repro: an insider edits 公开工作机构.办公时间; before, it went straight to the guide."""
    edit(
        site_repo,
        "办公时间: 工作日 上午8:30—12:00，下午14:30—18:00（法定节假日除外）",
        f"办公时间: {INSIDER}",
    )
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    for url, rel in (("guide", "content/guide/index.md"), ("apply", "content/apply/index.md")):
        assert INSIDER not in page(site_repo, url) and NOTICE in page(site_repo, url)
        assert f"未发布 {rel}" in done.stderr
    assert INSIDER not in "".join(
        p.read_text("utf-8", "replace") for p in (site_repo / "site").rglob("*.html")
    )
    capsys.readouterr()
    assert main(["--root", str(site_repo), "review", "due"]) == 1
    due = capsys.readouterr().out
    assert (
        "content/guide/index.md" in due
        and "[REVIEW-PAGE]" in due
        and "content/apply/index.md" in due
    )
    review(site_repo, capsys, "content/guide/index.md")
    review(
        site_repo,
        capsys,
        "content/apply/index.md",
        ack=(
            "SCAN-MOBILE:content/apply/index.md:38aed9048140=填写示例",
            "SCAN-EMAIL:content/apply/index.md:4dae51aa4c4a=填写示例",
        ),
    )
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert INSIDER in page(site_repo, "guide") and NOTICE not in page(site_repo, "guide")
    assert INSIDER in page(site_repo, "apply")


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        (
            "ICP备案号: 蒙ICP备00000000号",
            "ICP备案号: 蒙ICP备00000000号 机密★10年",
            "SCAN-SECRET-MARK",
        ),
        (
            "主办单位: 鄂托克前旗人民政府办公室",
            "主办单位: 鄂托克前旗人民政府办公室 联系人身份证110101199003074514",
            "SCAN-ID-CARD",
        ),
        ("办公时间: 工作日", "办公时间: 秘密★1年 工作日", "SCAN-SECRET-MARK"),
        (
            "名称: 鄂托克前旗人民政府信息公开",
            "名称: 鄂托克前旗人民政府信息公开 值班13947712345",
            "SCAN-MOBILE",
        ),
    ],
)
def test_a_mark_or_personal_data_in_the_registrys_public_text_stops_the_build(
    site_repo: Path, old: str, new: str, rule: str
) -> None:
    edit(site_repo, old, new)
    line = next(
        n
        for n, text in enumerate((site_repo / "xxgk.yml").read_text("utf-8").splitlines(), 1)
        if new.split(": ", 1)[1] in text
    )
    done = mkdocs_build(site_repo)
    assert done.returncode != 0
    assert f"xxgk.yml:{line}:" in done.stderr and f"[{rule}]" in done.stderr, done.stderr[-2000:]
    assert "110101199003074514" not in done.stderr  # personal numbers are masked in the log
    assert not (site_repo / "site" / "index.html").exists()


def test_a_near_miss_in_the_footer_is_published(site_repo: Path) -> None:
    """Words like 保密审查 or 国家秘密 are no marks; the registered office phone is public."""
    edit(
        site_repo,
        "名称: 鄂托克前旗人民政府信息公开",
        "名称: 鄂托克前旗人民政府信息公开（保密审查后公开，不含国家秘密）",
    )
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "保密审查后公开" in page(site_repo, "")


@pytest.mark.parametrize(
    "markup",
    [
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<script>alert(1)</script>",
        '<a href="https://evil.example/">点此</a>',
    ],
)
def test_markup_in_the_registrys_footer_is_shown_as_text(site_repo: Path, markup: str) -> None:
    edit(site_repo, "ICP备案号: 蒙ICP备00000000号", f"ICP备案号: '蒙ICP备00000000号{markup}'")
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr[-2000:]
    html = page(site_repo, "")
    assert markup not in html
    assert "蒙ICP备00000000号&lt;" in html
