"""Time the annual report, the training report and the audit on a generated county-size repository.

Entries come from ``xxgk.bench.generate`` (every tenth made a 行政规范性文件, some repealed);
request records and training records are generated here with the fields the reports read.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xxgk.io.registry import find_root, load_registry
from xxgk.reports import annual, page
from xxgk.reports.audit import run_audit
from xxgk.reports.audit_sources import SOURCES
from xxgk.reports.inputs import Scope
from xxgk.reports.tables import APPLICANT_TYPES, OUTCOMES
from xxgk.reports.training_source import training_report

YEAR = 2025


def _mark_regulations(root: Path, rng: random.Random) -> int:
    """Every tenth entry becomes a 行政规范性文件; one in ten of those issued earlier is repealed."""
    marked = 0
    for i, path in enumerate(sorted((root / "content" / "catalog").rglob("*.md"))):
        if i % 10:
            continue
        text = path.read_text(encoding="utf-8")
        issued = text.split("产生时间: ", 1)[1][:10]
        extra = "文种: 行政规范性文件\n"
        if issued < "2025-06-30" and rng.random() < 0.1:
            extra += "废止日期: 2025-06-30\n"
        head, sep, rest = text[4:].partition("\n---\n")
        path.write_text("---\n" + head + "\n" + extra.rstrip("\n") + sep + rest, encoding="utf-8")
        marked += 1
    return marked


def _requests(root: Path, count: int, rng: random.Random, unit: str) -> None:
    leaves = [(name, reason) for _, name, reasons in OUTCOMES for reason in (reasons or ("",))]
    for n in range(1, count + 1):
        received = dt.date(YEAR, 1, 2) + dt.timedelta(days=rng.randint(0, 360))
        result, reason = rng.choice(leaves)
        lines = [
            f"编号: YSQ-{YEAR}-{n:04d}",
            "政策版本: 鄂前政办发〔2018〕96号",
            f"收到日期: {received}",
            "渠道: 网络",
            f"受理单位: {unit}",
            "申请人:",
            f"  类型: {rng.choice(APPLICANT_TYPES)}",
            "  名称: 申请单位",
            "所需信息: 有关文件",
            "事件:",
            "  - 类型: 登记",
            f"    日期: {received}",
        ]
        if received.month < 12:
            lines += [
                "  - 类型: 答复",
                f"    日期: {received + dt.timedelta(days=9)}",
                f"    结果: {result}",
            ]
            lines += [f'    情形: "{reason}"'] if reason else ["    当场提供: 是"]
        path = root / "requests" / str(YEAR) / f"YSQ-{YEAR}-{n:04d}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def prepare(dest: Path, entries: int, requests: int, seed: int = 1) -> Path:
    from xxgk.bench.generate import make_repo

    src = find_root(Path(__file__).resolve().parent)
    root = make_repo(dest, entries, seed, source=src)
    for name in ("annual", "calendar", "training"):
        if (src / name).is_dir():
            shutil.copytree(src / name, root / name)
    rng = random.Random(seed)
    _mark_regulations(root, rng)
    _requests(root, requests, rng, load_registry(root).units[1].name)
    return root


def main(entries: int = 2000, requests: int = 500, keep: Path | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-reports-") as tmp:
        root = prepare(keep or Path(tmp) / "repo", entries, requests)
        registry = load_registry(root)
        t_annual, (report, problems) = _timed(lambda: annual.build(root, registry, Scope(YEAR)))
        t_render, _ = _timed(lambda: page.outputs(report) if report else {})
        t_training, _ = _timed(lambda: training_report(root, registry, YEAR))
        t_audit, audit = _timed(
            lambda: run_audit(root, registry, YEAR, dt.date(2026, 3, 1), SOURCES)
        )
    print(f"条目 {entries} 条、申请 {requests} 件（{YEAR} 年度）：")
    print(f"年度报告统计 {t_annual:.2f} 秒，生成页面和 CSV {t_render:.2f} 秒")
    print(
        f"培训台账统计 {t_training:.2f} 秒；责任追究检查 {t_audit:.2f} 秒（{len(audit.findings)} 项发现）"
    )
    if report is None:
        print("年度报告未能生成：" + "；".join(p.message for p in problems[:3]))
        return 1
    docs = report.two.documents
    print(
        f"表二 行政规范性文件：本年制发 {docs[('行政规范性文件', '本年制发件数')]}，本年废止 "
        f"{docs[('行政规范性文件', '本年废止件数')]}，现行有效 {docs[('行政规范性文件', '现行有效件数')]}；"
        f"表三：新收 {report.three.get('一', '总计')}，办结 {report.three.get('三（七）', '总计')}，"
        f"结转 {report.three.get('四', '总计')}"
    )
    return 0


if __name__ == "__main__":  # python -m xxgk.bench.reports_bench [entries] [requests]
    import sys

    given = [int(a) for a in sys.argv[1:3]]
    sizes = given + [2000, 500][len(given) :]
    raise SystemExit(main(sizes[0], sizes[1]))
