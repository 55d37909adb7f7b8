"""Time the voice records at county scale and beyond: load, deadlines, audit, site pages.

``python -m xxgk.bench.voice_bench N`` writes N opinion records and N evaluation records (a
county sees a few hundred a year) into a temporary copy of the registry and schemas,
then times each step once.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from xxgk.io.registry import find_root, load_registry
from xxgk.voice.findings import audit_findings
from xxgk.voice.opinion import due_rows
from xxgk.voice.pages import site_pages
from xxgk.voice.store import load_evaluations, load_opinions

SOURCES = ("门户网站", "论坛", "微博", "微信", "网络问政", "热线电话", "新闻跟帖", "传统媒体")


def generate(root: Path, n: int, units: list[str], seed: int = 7) -> None:
    rnd = random.Random(seed)
    start = dt.datetime(2026, 1, 1, 0, 0)
    for i in range(1, n + 1):
        seen = start + dt.timedelta(minutes=rnd.randrange(0, 330 * 24 * 60))
        answered = seen + dt.timedelta(hours=rnd.randrange(1, 60))
        unit = rnd.choice(units)
        path = root / "opinions" / "2026" / f"YQ-2026-{i:05d}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"编号: YQ-2026-{i:05d}\n来源: {rnd.choice(SOURCES)}\n发现时间: {seen:%Y-%m-%d %H:%M}\n"
            f"概要: 生成的舆情概要{i}\n涉及单位: {unit}\n风险等级: 其他政务舆情\n"
            f"回应:\n  - 时间: {answered:%Y-%m-%d %H:%M}\n    方式: 网上发布信息\n"
            f"公开回应:\n  公开: 是\n  标题: 关于第{i}号舆情的回应\n  发布时间: {answered:%Y-%m-%d}\n"
            f"  发布单位: {unit}\n  内容: 回应内容{i}。\n",
            encoding="utf-8",
        )
        ev = root / "evaluations" / "2026" / f"PY-2026-{i:05d}.yml"
        ev.parent.mkdir(parents=True, exist_ok=True)
        a, b = rnd.randrange(0, 20), rnd.randrange(0, 10)
        ev.write_text(
            f"编号: PY-2026-{i:05d}\n渠道: 问卷调查\n日期: {seen:%Y-%m-%d}\n被评议单位: {unit}\n份数: {a + b + 1}\n"
            f"结果:\n  q1: {{满意: {a}, 基本满意: {b}, 不满意: 1}}\n"
            f"意见:\n  - 内容: 意见{i}\n    类型: 建议\n    责任单位: {unit}\n",
            encoding="utf-8",
        )
    (root / "evaluations" / "2026" / "年度结果.yml").write_text(
        '年度: "2026"\n公开: 是\n发布时间: 2026-12-31\n', encoding="utf-8"
    )


def timed(label: str, step: Callable[[], object]) -> float:
    began = time.perf_counter()
    step()
    took = time.perf_counter() - began
    print(f"  {label}: {took:.2f} 秒")
    return took


def main(n: int) -> int:
    source = find_root()
    with tempfile.TemporaryDirectory(prefix="xxgk-voice-bench-") as tmp:
        root = Path(tmp)
        shutil.copy(source / "xxgk.yml", root / "xxgk.yml")
        shutil.copytree(source / "schemas", root / "schemas")
        registry = load_registry(root)
        generate(root, n, [u.name for u in registry.units])
        print(f"社会评议与舆情回应：各 {n} 条记录")
        at = dt.datetime(2026, 11, 27, 12, 0)
        timed("读取并检查舆情记录", lambda: load_opinions(root, registry))
        timed("读取并检查评议记录", lambda: load_evaluations(root, registry))
        timed("待回应清单", lambda: due_rows(load_opinions(root, registry)[0], at))
        timed("检查发现项（一年）", lambda: audit_findings(root, 2026, at))
        pages: list[tuple[str, str]] = []
        timed("生成网站页面", lambda: pages.extend(site_pages(root, registry, {})))
        size = sum(len(text.encode("utf-8")) for _, text in pages)
        print(
            f"  页面 {len(pages)} 个，共 {size / 1024:.0f} KB（当年的全部公开回应在一个年份页上）"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
