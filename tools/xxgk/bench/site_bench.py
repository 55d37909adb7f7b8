"""``xxgk bench site``: build generated county-size catalogs and search them in Chromium.

Measured (issue 3): build time and peak memory of ``mkdocs build`` with the xxgk plugin;
beside it, the same entries as plain Material pages in the nav (the usual way, with
Material's search); ``site/`` size per entry; in headless Chromium, the search data the
first query fetches (gzip-compressed size, as a web server sends it) and the time from the
page being ready to results shown.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from xxgk.bench.generate import make_repo
from xxgk.bench.signing import BenchSigner
from xxgk.io.frontmatter import read

MKDOCS = Path(sys.executable).parent / "mkdocs"
QUERIES = ("保密审查", "政府信息公开", "96号", "营商环境 实施方案", "人居环境整治")
RESULTS = Path(".bench")


def review_everything(root: Path) -> int:
    """Sign every generated entry as a rostered, trained reviewer would (setup, not measured)."""
    signer = BenchSigner(root, dt.date.today())
    count = 0
    for path in sorted((root / "content" / "catalog").rglob("*.md")):
        signer.sign(read(path, path.relative_to(root).as_posix()))
        count += 1
    return count


def timed_build(root: Path, config: str = "mkdocs.yml") -> dict[str, Any]:
    """Wall time and peak resident memory of one ``mkdocs build`` (a child process)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    with open(root / "build.log", "wb") as log:
        proc = subprocess.Popen([str(MKDOCS), "build", "-f", config], cwd=root, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        tail = (root / "build.log").read_text("utf-8", "replace")[-2000:]
        raise RuntimeError(f"mkdocs build 失败：\n{tail}")
    phases = [line.split("xxgk: ", 1)[1] for line in
              (root / "build.log").read_text("utf-8", "replace").splitlines()
              if "xxgk: 目录条目" in line or "xxgk: 公开专栏" in line]
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "cpu_seconds":
            usage.ru_utime + usage.ru_stime, "phases": phases}


def plain_material(root: Path) -> Path:
    """The same entries as ordinary pages, every one in the nav, Material's search on."""
    docs = root / "plain-docs"
    shutil.copytree(root / "content" / "catalog", docs / "catalog")
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    (docs / "index.md").write_text("# 首页\n", "utf-8")
    cfg = {"site_name": "对照", "docs_dir": "plain-docs", "site_dir": "plain-site",
           "theme": {"name": "material", "language": "zh", "font": False},
           "plugins": ["search"], "nav": ["index.md", *pages]}
    (root / "plain.yml").write_text(json.dumps(cfg, ensure_ascii=False), "utf-8")
    return root / "plain.yml"


def site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def run(entries: int, baseline: bool, browser: bool, keep: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="xxgk-site-bench-") as tmp:
        root = make_repo(keep or Path(tmp) / "repo", entries)
        signed = review_everything(root)
        result: dict[str, Any] = {"entries": entries, "reviewed": signed,
                                  "date": dt.date.today().isoformat(), "cpus": os.cpu_count()}
        result["xxgk"] = timed_build(root)
        result["published"] = sum(1 for p in (root / "site" / "catalog").glob("*/index.html")
                                  if p.parent.name != "list")
        size = site_size(root / "site")
        result["site_mb"] = size / 1e6
        result["site_kb_per_entry"] = size / 1e3 / max(entries, 1)
        if browser:
            from xxgk.bench.search_probe import probe

            result["search"] = probe(root / "site", QUERIES)
        if baseline:
            result["material"] = timed_build(root, plain_material(root).name)
            result["speedup"] = result["material"]["seconds"] / result["xxgk"]["seconds"]
            index = root / "plain-site" / "search" / "search_index.json"
            result["material_index_mb"] = index.stat().st_size / 1e6 if index.exists() else None
    return result


def report(r: dict[str, Any]) -> None:
    print(f"条目数 {r['entries']}（已审查 {r['reviewed']}，公开 {r['published']}），{r['date']}，{r['cpus']} 核")
    print(f"xxgk 生成：{r['xxgk']['seconds']:.1f} 秒（CPU {r['xxgk']['cpu_seconds']:.1f} 秒），"
          f"峰值内存 {r['xxgk']['peak_mb']:.0f} MB；"
          f"site/ {r['site_mb']:.1f} MB，每条 {r['site_kb_per_entry']:.1f} KB")
    for line in r["xxgk"]["phases"]:
        print("  " + line)
    if "material" in r:
        print(f"对照（Material 普通页面全部进导航，自带检索）：{r['material']['seconds']:.1f} 秒，"
              f"峰值 {r['material']['peak_mb']:.0f} MB；xxgk 快 {r['speedup']:.1f} 倍；"
              f"Material 检索索引 {r['material_index_mb'] or 0:.1f} MB")
    for q in r.get("search", []):
        print(f"检索“{q['query']}”：首次检索下载 {q['gzip_kb']:.0f} KB（gzip），"
              f"{q['files']} 个文件，结果 {q['total']} 条，页面就绪后 {q['ms']:.0f} 毫秒显示"
              f"（再次输入检索 {q['typed_ms']:.0f} 毫秒）")


def main(entries: int, baseline: bool = False, browser: bool = True) -> int:
    measure(entries, baseline, browser)
    return 0


def measure(entries: int, baseline: bool, browser: bool) -> dict[str, Any]:
    result = run(entries, baseline, browser)
    report(result)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"site-{entries}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    print(f"结果已写入 {out}")
    return result


def run_all() -> int:
    """The issue's targets: 2,000 entries at least 20 times faster than plain Material;
    20,000 at most 11 times the time of 2,000; 100,000 under 2 GB; first search of the
    20,000-entry site at most 500 KB (gzip) and 500 ms."""
    small = measure(2000, baseline=True, browser=True)
    mid = measure(20000, baseline=False, browser=True)
    big = measure(100000, baseline=False, browser=False)
    worst_kb = max(q["gzip_kb"] for q in mid["search"])
    worst_ms = max(q["ms"] for q in mid["search"])
    checks = [
        (f"2,000 条比普通 Material 快 {small['speedup']:.1f} 倍", small["speedup"] >= 20),
        (f"20,000 条用时是 2,000 条的 {mid['xxgk']['seconds'] / small['xxgk']['seconds']:.1f} 倍",
         mid["xxgk"]["seconds"] <= 11 * small["xxgk"]["seconds"]),
        (f"100,000 条峰值内存 {big['xxgk']['peak_mb']:.0f} MB", big["xxgk"]["peak_mb"] < 2048),
        (f"20,000 条首次检索最多下载 {worst_kb:.0f} KB（gzip）", worst_kb <= 500),
        (f"20,000 条页面就绪后最慢 {worst_ms:.0f} 毫秒出结果", worst_ms <= 500),
    ]
    for text, ok in checks:
        print(f"{'达到' if ok else '未达到'}：{text}")
    return 0 if all(ok for _, ok in checks) else 1
