"""Time the request tools on a generated county-size set of records (``main(count)``).

Measures reading and checking every record (``check_requests``), the daily ``due`` report,
and one ``log`` append, in a throw-away copy of the repository's registry and schemas.
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
from xxgk.model.workdays import WorkCalendar
from xxgk.requests.actions import log_event
from xxgk.requests.check import check_requests
from xxgk.requests.model import APPLICANT_TYPES, CHANNELS
from xxgk.requests.policy import current_version
from xxgk.requests.service import Workspace
from xxgk.requests.store import record_text
from xxgk.requests.views import due_groups

TODAY = dt.date(2026, 11, 27)


def _events(rng: random.Random, received: dt.date, cal: WorkCalendar) -> list[dict[str, str]]:
    events = [{"类型": "登记", "日期": received.isoformat()}]
    if rng.random() < 0.2 and cal.add(received, 10).date <= TODAY:
        events.append(
            {
                "类型": "延期",
                "日期": cal.add(received, 10).date.isoformat(),
                "批准人": "负责人",
                "理由": "需调取档案",
                "天数": "10",
            }
        )
    reply = cal.add(received, rng.randint(1, 14)).date
    if reply < TODAY and rng.random() < 0.9:
        events.append(
            {
                "类型": "答复",
                "日期": max(reply, dt.date.fromisoformat(events[-1]["日期"])).isoformat(),
                "结果": "不予处理",
                "情形": "重复申请",
                "理由": "已就相同申请作出答复",
            }
        )
    return events


def generate(root: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    registry = load_registry(root)
    units = [u.name for u in registry.units]
    cal = WorkCalendar()
    per_year: dict[int, int] = {}
    for _ in range(count):
        received = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randint(0, 1060))
        year = received.year
        per_year[year] = per_year.get(year, 0) + 1
        number = f"YSQ-{year}-{per_year[year]:04d}"
        data = {
            "编号": number,
            "政策版本": current_version(registry),
            "收到日期": received.isoformat(),
            "渠道": rng.choice([c for c in CHANNELS if c != "口头"]),
            "受理单位": rng.choice(units),
            "申请人": {
                "类型": (kind := rng.choice(APPLICANT_TYPES)),
                ("姓名" if kind == "自然人" else "名称"): f"样例{rng.randint(1, 999)}（虚构）",
            },
            "所需信息": "有关文件",
        }
        path = root / "requests" / str(year) / f"{number}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_text(data, _events(rng, received, cal)), encoding="utf-8")


def _timed(what: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = what()
    return time.perf_counter() - start, result


def main(count: int = 5000) -> int:
    source = find_root()
    with tempfile.TemporaryDirectory(prefix="xxgk-requests-bench-") as tmp:
        root = Path(tmp)
        shutil.copy(source / "xxgk.yml", root / "xxgk.yml")
        shutil.copytree(source / "schemas", root / "schemas")
        took_gen, _ = _timed(lambda: generate(root, count))
        took_check, problems = _timed(lambda: check_requests(root))
        ws = Workspace.open(root)
        ws.today = TODAY
        took_items, (items, _) = _timed(ws.items)
        took_due, groups = _timed(lambda: due_groups(items, ws.calendar, TODAY, 3))
        open_one = next(i for i in items if i.state.status == "办理中")
        took_log, _ = _timed(
            lambda: log_event(
                ws,
                open_one.request.number,
                {
                    "类型": "征求意见",
                    "日期": TODAY.isoformat(),
                    "对象类型": "第三方",
                    "对象": "某公司",
                },
            )
        )
    rows = [
        ("生成记录", took_gen),
        ("xxgk check（全部记录）", took_check),
        ("读取并推算状态", took_items),
        ("到期清单", took_due),
        ("追加一个事件（含读回核对）", took_log),
    ]
    print(
        f"依申请公开记录 {count} 件（错误 {len(problems)} 个；到期清单 {sum(map(len, groups.values()))} 件）"
    )
    for name, seconds in rows:
        print(f"  {name}：{seconds:.2f} 秒")
    return 1 if problems else 0
