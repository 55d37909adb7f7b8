"""What ``xxgk request list | show | due`` print: plain dicts (for JSON) and their text form.

Summaries carry no personal data (the daily due report lands in CI logs); only ``show``
adds the applicant, for staff at their own terminal — sealed fields as 已加密 unless the
caller unsealed them first (``Workspace.item(record, identities)``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xxgk.model.workdays import WorkCalendar
from xxgk.requests import model as m
from xxgk.requests.letters import release_missing
from xxgk.requests.outcomes import GIVES_INFORMATION
from xxgk.requests.policy import Policy
from xxgk.requests.sealed import unseal_person
from xxgk.requests.state import State, derive


@dataclass
class Item:
    rel: str
    request: m.Request
    state: State


def build(rel: str, req: m.Request, cal: WorkCalendar, policy: Policy, today: dt.date) -> Item:
    return Item(rel, req, derive(req, cal, policy, today))


def days_left(item: Item, cal: WorkCalendar, today: dt.date) -> int | None:
    """Working days from today to the running deadline; negative when overdue."""
    due = item.state.open_due
    if due is None:
        return None
    if today <= due.date:
        return cal.count(today, due.date, skip=item.state.paused)
    return -cal.count(due.date, today)


def summary(item: Item, cal: WorkCalendar, today: dt.date) -> dict[str, Any]:
    st, req = item.state, item.request
    due = st.open_due
    return {
        "编号": req.number,
        "文件": item.rel,
        "受理单位": req.unit,
        "收到日期": _iso(req.received),
        "申请人类型": req.applicant_type,
        "状态": st.status,
        "答复期限": _iso(st.reply_due.date if st.reply_due else None),
        "提供期限": _iso(st.provide_due.date if st.provide_due else None),
        "当前期限": _iso(due.date if due else None),
        "剩余工作日": days_left(item, cal, today),
        "逾期": st.overdue(today),
        "暂定": st.provisional,
        "延期天数": st.extension_days,
        "答复日期": _iso(st.replied_on),
        "办结日期": _iso(st.closed_on),
        "结果": st.outcome,
        "情形": st.reason,
        "迟办": list(st.late),
        "补正期限届满": _iso(st.amend_expires),
    }


def detail(item: Item, cal: WorkCalendar, today: dt.date) -> dict[str, Any]:
    out = summary(item, cal, today)
    data = item.request.data
    person = data.get("申请人")
    out.update(
        {
            "渠道": item.request.channel,
            "受理编号": data.get("受理编号"),
            "申请人": mask_sealed(person) if isinstance(person, dict) else person,
            "所需信息": data.get("所需信息"),
            "获取方式": data.get("获取方式"),
            "政策版本": item.request.policy_version,
            "补正告知期限": _iso(
                item.state.amend_notice_due.date if item.state.amend_notice_due else None
            ),
            "事件": [e.data for e in item.request.events],
        }
    )
    return out


def with_release(shown: dict[str, Any], root: Path) -> dict[str, Any]:
    """``shown`` plus 提供信息审查: what a 予以公开/部分公开 reply still lacks (附件4 第七条（三）、
    第十四条), or that its review and sign-off are in place."""
    if shown.get("结果") not in GIVES_INFORMATION:
        return shown
    missing = release_missing(root, str(shown["编号"]), str(shown["受理单位"]))
    return {**shown, "提供信息审查": missing or ["已审查并经负责人签发"]}


def mask_sealed(person: dict[str, Any]) -> dict[str, Any]:
    return unseal_person(person, None)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def due_groups(
    items: list[Item], cal: WorkCalendar, today: dt.date, within: int
) -> dict[str, list[dict[str, Any]]]:
    """Per 受理单位: overdue requests and those due within ``within`` working days."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        left = days_left(item, cal, today)
        lapsed = item.state.amend_expires is not None and item.state.amend_expires < today
        if (left is None or left > within) and not lapsed:
            continue
        groups.setdefault(item.request.unit, []).append(summary(item, cal, today))
    for rows in groups.values():
        rows.sort(key=lambda r: (r["剩余工作日"] if r["剩余工作日"] is not None else 0, r["编号"]))
    return dict(sorted(groups.items()))


def due_text(
    groups: dict[str, list[dict[str, Any]]], today: dt.date, within: int, waiting: int
) -> str:
    lines = [f"依申请公开到期提醒（{today.isoformat()}，{within} 个工作日内到期及已逾期）", ""]
    overdue = sum(r["逾期"] for rows in groups.values() for r in rows)
    lapsed = sum(r["剩余工作日"] is None for rows in groups.values() for r in rows)
    for unit, rows in groups.items():
        lines.append(f"{unit}：")
        for r in rows:
            if r["剩余工作日"] is None:  # waiting for a correction whose period has run out
                lines.append(
                    f"  {r['编号']}  {r['状态']}  补正期限 {r['补正期限届满']} 已过："
                    "申请人无正当理由逾期不补正的，可按“其他处理”答复"
                )
                continue
            left = r["剩余工作日"]
            when = (
                f"已逾期 {-left} 个工作日"
                if r["逾期"]
                else ("今天到期" if left == 0 else f"还剩 {left} 个工作日")
            )
            lines.append(f"  {r['编号']}  {r['状态']}  期限 {marked(r)}  {when}")
        lines.append("")
    due_soon = sum(len(rows) for rows in groups.values()) - overdue - lapsed
    lines.append(
        f"合计：逾期 {overdue} 件，{within} 个工作日内到期 {due_soon} 件；"
        f"等待申请人补正或缴费（暂停计时）{waiting} 件，其中补正期限已过 {lapsed} 件。"
    )
    return "\n".join(lines) + "\n"


def marked(row: dict[str, Any]) -> str:
    """The running deadline as every command shows it (``Result.marked``): date（暂定：…）."""
    return str(row["当前期限"]) + (f"（{row['暂定']}）" if row["暂定"] else "")


def list_text(rows: list[dict[str, Any]]) -> str:
    lines = [
        f"{r['编号']}  {r['收到日期']}  {r['受理单位']}  {r['申请人类型']}  {r['状态']}"
        + (f"  期限 {marked(r)}" if r["当前期限"] else "")
        + (f"  {r['结果']}" if r["结果"] else "")
        + ("  逾期" if r["逾期"] else "")
        for r in rows
    ]
    return "\n".join(lines + [f"共 {len(rows)} 件。"]) + "\n"


def show_text(d: dict[str, Any]) -> str:
    lines = [
        f"{d['编号']}（{d['文件']}）",
        f"  状态：{d['状态']}" + ("（已逾期）" if d["逾期"] else ""),
    ]
    for key in (
        "受理编号",
        "受理单位",
        "收到日期",
        "渠道",
        "申请人类型",
        "所需信息",
        "获取方式",
        "政策版本",
        "补正告知期限",
        "答复期限",
        "延期天数",
        "提供期限",
        "答复日期",
        "结果",
        "情形",
        "办结日期",
    ):
        if d.get(key) not in (None, "", 0):
            lines.append(f"  {key}：{d[key]}")
    if d.get("当前期限"):
        lines.append(f"  当前期限：{marked(d)}")
    person = d.get("申请人") or {}
    lines.append(
        "  申请人（个人信息，勿外传）：" + "，".join(f"{k} {v}" for k, v in person.items())
    )
    for late in d["迟办"]:
        lines.append(f"  注意：{late}")
    for item in d.get("提供信息审查") or []:
        lines.append(f"  提供信息审查：{item}")
    lines.append("  事件：")
    for i, ev in enumerate(d["事件"], 1):
        rest = "，".join(f"{k}：{v}" for k, v in ev.items() if k not in ("类型", "日期"))
        lines.append(
            f"    {i}. {ev.get('日期')} {ev.get('类型')}" + (f"（{rest}）" if rest else "")
        )
    return "\n".join(lines) + "\n"
