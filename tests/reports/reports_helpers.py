"""Real record files for the report tests: request records, catalog entries, annual inputs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OFFICE = "鄂托克前旗人民政府办公室"


def write_request(
    root: Path,
    number: str,
    received: str,
    applicant: str = "自然人",
    reply: str | None = None,
    result: str = "予以公开",
    reason: str | None = None,
    unit: str = OFFICE,
    extra_events: str = "",
) -> Path:
    year = number.split("-")[1]
    path = root / "requests" / year / f"{number}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    who = "姓名: 测试申请人" if applicant == "自然人" else "名称: 测试单位"
    lines = [
        f"编号: {number}",
        "政策版本: 鄂前政办发〔2018〕96号",
        f"收到日期: {received}",
        "渠道: 网络",
        f"受理单位: {unit}",
        "申请人:",
        f"  类型: {applicant}",
        f"  {who}",
        "所需信息: 2024年度部门预算",
        "事件:",
        "  - 类型: 登记",
        f"    日期: {received}",
    ]
    text = "\n".join(lines) + "\n" + extra_events
    if reply:
        text += f"  - 类型: 答复\n    日期: {reply}\n    结果: {result}\n"
        if reason:
            text += f'    情形: "{reason}"\n'
        if result in ("予以公开", "部分公开"):  # handed over with the reply: the request is closed
            text += "    当场提供: 是\n"
    path.write_text(text, encoding="utf-8")
    return path


def write_entry(
    root: Path,
    name: str,
    kind: str,
    issued: str,
    repealed: str | None = None,
    publisher: str = OFFICE,
    department: str = "办公室",
) -> Path:
    path = root / "content" / "catalog" / issued[:4] / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = [
        f"信息名称: 关于{name}的通知",
        f"产生时间: {issued}",
        "分类: 政策文件",
        f"发布机构: {publisher}",
        f"责任部门: {department}",
        "公开形式: 主动公开",
        "公开时限: 长期公开",
        "审核程序: 单位内审核后公开",
        "关键词: 通知",
        f"内容描述: {name}。",
        f"文种: {kind}",
    ]
    if repealed:
        meta.append(f"废止日期: {repealed}")
    path.write_text("---\n" + "\n".join(meta) + "\n---\n\n正文。\n", encoding="utf-8")
    return path


def copy_inputs(root: Path, year: int = 2025) -> Path:
    """The shipped sample inputs, relabelled for ``year``."""
    target = root / "annual" / str(year)
    target.mkdir(parents=True, exist_ok=True)
    for src in (REPO / "annual" / "2025").iterdir():
        text = src.read_text(encoding="utf-8").replace('年度: "2025"', f'年度: "{year}"')
        text = text.replace("发布日期: 2026-", f"发布日期: {year + 1}-")
        (target / src.name).write_text(text, encoding="utf-8")
    return target


def copy_calendar(root: Path) -> None:
    """Files the request reader may need beside the schemas (working-day data)."""
    for name in ("calendar",):
        if (REPO / name).is_dir() and not (root / name).exists():
            shutil.copytree(REPO / name, root / name)


def xxgk(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xxgk", "--root", str(root), *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=root,
    )


def set_reviewers(root: Path, people: list[tuple[str, str]]) -> None:
    """Replace the registry's 审查人员 roster so that a test does not depend on the shipped one."""
    path = root / "xxgk.yml"
    text = path.read_text(encoding="utf-8")
    block = "审查人员:\n" + "".join(f"  - 姓名: {n}\n    单位: {u}\n" for n, u in people)
    new, count = re.subn(r"^审查人员:\n(?:(?:[ #].*)?\n)*", block, text, flags=re.MULTILINE)
    assert count == 1, "xxgk.yml has no 审查人员 block"
    # and no shipped 工作人员名册 either: the test's own people are the whole staff
    new = re.sub(r"^工作人员名册:\n(?:(?:[ #].*)?\n)*", "", new, flags=re.MULTILINE)
    path.write_text(new, encoding="utf-8")
