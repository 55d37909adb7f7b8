"""Issue 15, done when: staff create an entry through the web editor in Chromium, the
editorial workflow saves it on a branch of its own, the pull-request job's commands make it
pass ``xxgk check``, and once reviewed (signed with the sample keys) the site shows it. The
form refuses what the schema forbids."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from xxgk_site_kit import REPO, mkdocs_build, sign_entry

from xxgk.bench.search_probe import chromium
from xxgk.editor import patterns
from xxgk.editor.serve import NPM_DIR, free_port
from xxgk.io.frontmatter import read
from xxgk.model.entry import entry_url

pytestmark = pytest.mark.browser
XXGK = [sys.executable, "-m", "xxgk"]
ENV = {**os.environ, "XXGK_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
TITLE = "鄂托克前旗教育体育局关于2026年秋季学期义务教育招生工作的通知"
UNIT, SECTION = "鄂托克前旗教育体育局", "基础教育股"


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotepath=false", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _repo(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("xxgk.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, root / name)
    for name in ("schemas", ".xxgk", "training", "content"):
        shutil.copytree(REPO / name, root / name)
    for review in REPO.glob("reviews/*/page-*"):  # the shipped pages' signed reviews
        (root / review.parent.relative_to(REPO)).mkdir(parents=True, exist_ok=True)
        shutil.copy(review, root / review.relative_to(REPO))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.name", "张丽")
    _git(root, "config", "user.email", "zhangl@etkqq.gov.cn")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "仓库")
    return root


def _wait(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("编辑器没有启动")


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    npm = REPO / NPM_DIR
    if not (npm / ".installed").exists():
        pytest.fail("没有安装 Decap CMS：make test 先运行 make editor-npm")
    root = _repo(tmp_path_factory.mktemp("editor") / "repo")
    port = free_port()
    proc = subprocess.Popen(
        [
            *XXGK,
            "--root",
            str(root),
            "editor",
            "serve",
            "--port",
            str(port),
            "--proxy-port",
            str(free_port()),
            "--npm",
            str(npm),
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(port, proc)
        yield {"root": root, "base": f"http://127.0.0.1:{port}/"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _field(page: Any, name: str) -> Any:
    return page.locator(f'[id^="{name}-field-"]').first


def _retype(page: Any, name: str, text: str) -> None:
    """Replace a field's text as a person does (the CMS's controlled inputs keep theirs on fill)."""
    _field(page, name).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _choose(page: Any, name: str, option: str) -> None:
    _field(page, name).fill(option)
    page.keyboard.press("Enter")


def _branches(root: Path) -> list[str]:
    return _git(root, "branch", "--list", "cms/*", "--format=%(refname:short)").split()


def _fill(page: Any, attachment: Path) -> None:
    _field(page, "文件编号").fill("鄂前教体发〔2026〕15号")
    _field(page, "产生时间").fill("2026-11-16")
    _choose(page, "分类", "政策文件")
    _choose(page, "发布机构", UNIT)
    _field(page, "责任部门").select_option(SECTION)
    _field(page, "内容描述").fill("公布2026年秋季学期义务教育阶段招生的范围、时间和办理方式。")
    page.get_by_role("button", name="新增附件").click()
    _field(page, "名称").fill("附件1 招生工作安排")
    page.get_by_role("button", name="选择文件").click()
    page.locator("input[type=file]").set_input_files(str(attachment))
    page.get_by_role("button", name="选用已选中项目").click()
    page.locator(".CodeMirror, [contenteditable=true]").first.click()
    page.keyboard.type("各镇人民政府，旗直各有关部门：现将有关事项通知如下。")


def _job(clone: Path) -> None:
    """The pull-request job (.github/workflows/editor-preview.yml) on a clone of the branch."""
    for step in (
        ["editor", "normalize", "--base", "origin/main"],
        ["renumber", "--base", "origin/main"],
    ):
        done = subprocess.run([*XXGK, *step], cwd=clone, env=ENV, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    check = subprocess.run([*XXGK, "check"], cwd=clone, env=ENV, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def _open(browser: Any, base: str, where: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    page.goto(base)
    page.get_by_role("button", name="登录").click()
    page.goto(base + where)
    return page


def _linked(site: Path, url: str, html: str, name: str) -> Path:
    """The file a link of the page at ``url`` to ``name`` points at, in ``site``."""
    [href] = {h for h in re.findall(r'href="([^"]+)"', html) if unquote(h).endswith("/" + name)}
    return site / posixpath.normpath(posixpath.join(url, unquote(href)))


def test_an_entry_made_in_the_form_is_checked_numbered_reviewed_and_published(
    editor: dict[str, Any], browser: Any, tmp_path: Path
) -> None:
    root: Path = editor["root"]
    attachment = tmp_path / "招生工作安排.pdf"
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00xxgk editor test\n"  # binary, as real PDFs are
    attachment.write_bytes(pdf)
    page = _open(browser, editor["base"], "#/collections/catalog/new")
    _fill(page, attachment)
    # What the schema and the rules forbid cannot be saved: no title, keywords with 、
    _field(page, "关键词").fill("义务教育、招生")
    page.get_by_role("button", name="保存").click()
    page.get_by_text(patterns.KEYWORDS[1]).wait_for()
    assert _branches(root) == []
    _field(page, "信息名称").fill(TITLE)
    _retype(page, "关键词", "义务教育 招生")
    page.get_by_role("button", name="保存").click()
    page.wait_for_function("location.hash.includes('/entries/')", timeout=60000)
    deadline = time.monotonic() + 30
    while not _branches(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    [branch] = _branches(root)
    assert branch.startswith("cms/catalog/2026/new-")
    assert _git(root, "branch", "--show-current").strip() == "main"
    saved_at = page.url.split("#", 1)[1]
    page.close()

    # The pull-request job on a clone of the branch; its commit is pushed back to the branch
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(root), str(clone))
    _git(clone, "checkout", "-q", branch)
    changed = _git(clone, "diff", "--name-only", "main..." + branch).split()
    [rel] = [p for p in changed if p.endswith(".md")]
    assert any(p.endswith("/attachments/招生工作安排.pdf") for p in changed)
    _job(clone)
    stem = Path(rel).stem
    own = f"{stem}.files/招生工作安排.pdf"
    assert (clone / rel).parent.joinpath(own).read_bytes() == pdf
    assert not (clone / rel).parent.joinpath("attachments").exists()
    number = str(read(clone / rel, rel).get("索引号"))
    assert number.startswith("000014349/2026-")
    _git(clone, "commit", "-qam", "规范元数据并分配索引号")
    _git(clone, "add", "--", "content/catalog")
    _git(clone, "commit", "-qm", "附件移入条目自己的文件夹")
    _git(clone, "push", "-q", "origin", f"HEAD:{branch}")

    # Staff edit the entry again in the editor: it is found on its branch under its own name,
    # with its number and its attachment in its own folder (docs/editor.md: not renamed)
    head = _git(root, "rev-parse", branch)
    page = _open(browser, editor["base"], "#" + saved_at)
    _field(page, "内容描述").wait_for()
    assert page.get_by_text(own).count() > 0
    _retype(page, "内容描述", "公布2026年秋季学期义务教育阶段招生的范围、时间、材料和办理方式。")
    page.get_by_role("button", name="保存").click()
    deadline = time.monotonic() + 30
    while _git(root, "rev-parse", branch) == head and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _git(root, "rev-parse", branch) != head, "编辑器没有保存第二次修改"
    page.close()
    _git(clone, "pull", "-q", "origin", branch)
    changed = _git(clone, "diff", "--name-only", "main..." + branch).split()
    assert sorted(changed) == sorted([rel, (Path(rel).parent / own).as_posix()])
    _job(clone)
    doc = read(clone / rel, rel)
    assert doc.get("索引号") == number and "材料" in str(doc.get("内容描述"))
    assert doc.get("责任部门") == SECTION and doc.get("发布机构") == UNIT
    assert doc.get("关键词") == "义务教育 招生" and doc.get("产生时间") == "2026-11-16"
    assert [a["文件"] for a in doc.get("附件")] == [own]

    # Not on the site before review; on it once a rostered reviewer signed, its attachment
    # linked from the entry's page
    assert mkdocs_build(clone).returncode == 0
    url = entry_url(number)
    before = clone / "site" / url / "index.html"
    assert not before.exists() or TITLE not in before.read_text("utf-8")
    sign_entry(clone, clone / rel)
    built = mkdocs_build(clone)
    assert built.returncode == 0, built.stderr
    html = (clone / "site" / url / "index.html").read_text("utf-8")
    assert TITLE in html and "附件1 招生工作安排" in html and SECTION in html
    assert _linked(clone / "site", url, html, "招生工作安排.pdf").read_bytes() == pdf
