"""The rules an event log must keep; ``xxgk request log`` refuses an event that breaks one.

Each finding names the event (by its place in 事件) so that the checker can give a line.
Rules: REQ-ORDER (dates), REQ-REGISTER (nothing before 登记), REQ-AMEND (one correction
notice, 条例第三十条), REQ-CONSULT, REQ-EXTENSION (附件2 第四条), REQ-FEE (条例第四十二条),
REQ-REPLY / REQ-REASONS (附件2 第二条) / REQ-PARTIAL (附件2 第六条) / REQ-BASIS, REQ-PROVIDE,
REQ-CORRECTION (附件2 第七条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from xxgk.model.problem import Severity
from xxgk.model.workdays import WorkCalendar
from xxgk.requests import fees
from xxgk.requests import model as m
from xxgk.requests.outcomes import GIVES_INFORMATION, NEEDS_REASONS, OTHER, PARTIAL, outcome
from xxgk.requests.policy import Policy
from xxgk.requests.state import derive

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    where: Where
    rule: str
    message: str
    severity: Severity = Severity.ERROR


@dataclass
class _Ctx:
    req: m.Request
    cal: WorkCalendar
    policy: Policy
    today: dt.date
    out: list[Finding]

    def add(
        self, ev: m.Event, key: str | None, rule: str, msg: str, severity: Severity = Severity.ERROR
    ) -> None:
        where: Where = ("事件", ev.index) + ((key,) if key else ())
        self.out.append(
            Finding(where, rule, f"第 {ev.index + 1} 个事件（{ev.kind}）：{msg}", severity)
        )

    def before(self, ev: m.Event, kind: str) -> list[m.Event]:
        return [e for e in self.req.events[: ev.index] if e.kind == kind]


def validate(req: m.Request, cal: WorkCalendar, policy: Policy, today: dt.date) -> list[Finding]:
    ctx = _Ctx(req, cal, policy, today, [])
    previous: dt.date | None = None
    for ev in req.events:
        if ev.date is None:
            ctx.add(ev, "日期", "REQ-ORDER", f"日期“{ev.get('日期')}”不是真实的日期（yyyy-mm-dd）")
            continue
        _dates(ctx, ev, previous)
        previous = max(previous, ev.date) if previous else ev.date
        if ev.kind != m.REGISTER and not ctx.before(ev, m.REGISTER):
            ctx.add(
                ev,
                "类型",
                "REQ-REGISTER",
                "申请尚未登记：请先记“登记”事件（附件2 第二条：收到申请后应当登记）",
            )
        check = _CHECKS.get(ev.kind)
        if check is not None:
            check(ctx, ev)
    return ctx.out


def _dates(ctx: _Ctx, ev: m.Event, previous: dt.date | None) -> None:
    assert ev.date is not None
    if ctx.req.received and ev.date < ctx.req.received:
        ctx.add(ev, "日期", "REQ-ORDER", f"日期 {ev.date} 早于收到申请的日期 {ctx.req.received}")
    if previous and ev.date < previous:
        ctx.add(
            ev,
            "日期",
            "REQ-ORDER",
            f"日期 {ev.date} 早于前一个事件（{previous}）：事件按发生先后追加",
        )
    if ev.date > ctx.today:
        ctx.add(
            ev, "日期", "REQ-ORDER", f"日期 {ev.date} 在今天（{ctx.today}）之后：只记录已经发生的事"
        )


def _register(ctx: _Ctx, ev: m.Event) -> None:
    if ctx.before(ev, m.REGISTER):
        ctx.add(ev, "类型", "REQ-REGISTER", "同一申请只登记一次")


def _after_reply(ctx: _Ctx, ev: m.Event, what: str) -> bool:
    if ctx.before(ev, m.REPLY):
        ctx.add(ev, "类型", "REQ-REPLY", f"已经答复，不能再{what}")
        return True
    return False


def _amend_notice(ctx: _Ctx, ev: m.Event) -> None:
    if _after_reply(ctx, ev, "补正"):
        return
    if ctx.before(ev, m.AMEND_NOTICE):
        ctx.add(
            ev, "类型", "REQ-AMEND", "补正只能告知一次（条例第三十条：一次性告知需要补正的事项）"
        )
        return
    assert ev.date is not None and ctx.req.received is not None
    due = ctx.cal.add(ctx.req.received, ctx.policy.amend_notice_days, provisional=True).date
    if ev.date > due:
        ctx.add(
            ev,
            "日期",
            "REQ-AMEND",
            f"补正告知晚于收到申请后 {ctx.policy.amend_notice_days} 个工作日"
            f"（{due}）（条例第三十条）",
            Severity.WARNING,
        )


def _amend_received(ctx: _Ctx, ev: m.Event) -> None:
    if not ctx.before(ev, m.AMEND_NOTICE):
        ctx.add(ev, "类型", "REQ-AMEND", "没有补正告知，不能记“补正收到”")
    elif ctx.before(ev, m.AMEND_RECEIVED):
        ctx.add(ev, "类型", "REQ-AMEND", "补正材料已经收到过一次")


def _consult_reply(ctx: _Ctx, ev: m.Event) -> None:
    asked = [e.get("对象") for e in ctx.before(ev, m.CONSULT)]
    answered = [e.get("对象") for e in ctx.before(ev, m.CONSULT_REPLY)]
    if asked.count(ev.get("对象")) <= answered.count(ev.get("对象")):
        ctx.add(ev, "对象", "REQ-CONSULT", f"没有向“{ev.get('对象')}”征求意见，或已记录其答复")


def _extend(ctx: _Ctx, ev: m.Event) -> None:
    if _after_reply(ctx, ev, "延期"):
        return
    days = ev.int("天数") or 0
    total = sum(e.int("天数") or 0 for e in ctx.before(ev, m.EXTEND)) + days
    if total > ctx.policy.extension_max:
        ctx.add(
            ev,
            "天数",
            "REQ-EXTENSION",
            f"延期合计 {total} 个工作日，超过上限 "
            f"{ctx.policy.extension_max} 个工作日（附件2 第四条）",
        )
    prior = replace(ctx.req, events=ctx.req.events[: ev.index])
    due = derive(prior, ctx.cal, ctx.policy, ev.date or ctx.today).reply_due
    if due is not None and ev.date is not None and ev.date > due.date:
        ctx.add(
            ev,
            "日期",
            "REQ-EXTENSION",
            f"答复期限 {due.date} 已过，不能再延期：延期须在期限届满前批准并告知申请人",
        )


def _fee_notice(ctx: _Ctx, ev: m.Event) -> None:
    if not ctx.policy.fee_enabled:
        ctx.add(
            ev,
            "类型",
            "REQ-FEE",
            "机构登记未启用信息处理费（政策.依申请公开.收取信息处理费），不得收费"
            "（条例第四十二条；附件3 第五条(三)）",
        )
        return
    if _after_reply(ctx, ev, "发收费通知"):
        return
    method, quantity, amount = ev.get("计费方式"), ev.int("数量"), ev.int("金额")
    expected = fees.fee(str(method), quantity) if quantity is not None else None
    if expected is None:
        ctx.add(ev, "计费方式", "REQ-FEE", f"计费方式应为{'或'.join(fees.METHODS)}，并写明“数量”")
    elif expected == 0:
        ctx.add(
            ev,
            "数量",
            "REQ-FEE",
            f"{method} {quantity} 在免费范围内，不收费（国办函〔2020〕109号）",
        )
    elif amount != expected:
        ctx.add(
            ev,
            "金额",
            "REQ-FEE",
            f"金额应为 {expected} 元（{method}，数量 {quantity}；国办函〔2020〕109号）",
        )


def _fee_paid(ctx: _Ctx, ev: m.Event) -> None:
    if not ctx.before(ev, m.FEE_NOTICE):
        ctx.add(ev, "类型", "REQ-FEE", "没有收费通知，不能记“缴费”")


def _reply(ctx: _Ctx, ev: m.Event) -> None:
    if _after_reply(ctx, ev, "答复"):
        return
    found = outcome(ev.get("结果"))
    if found is None:
        return  # the schema names the allowed results
    reason = ev.get("情形")
    if found.reasons and reason not in [r for r, _ in found.reasons]:
        options = "；".join(r for r, _ in found.reasons)
        ctx.add(ev, "情形", "REQ-REPLY", f"“{found.name}”须写明“情形”，为以下之一：{options}")
    elif found.name != OTHER and found.reasons and not found.article(reason) and not ev.get("依据"):
        ctx.add(ev, "依据", "REQ-BASIS", f"“{reason}”没有默认的法律依据，请在“依据”中写明")
    if found.name in NEEDS_REASONS and not ev.get("理由"):
        ctx.add(
            ev, "理由", "REQ-REASONS", f"“{found.name}”须书面说明理由（附件2 第二条），请填写“理由”"
        )
    if found.name == PARTIAL:
        for key, what in (("不予公开内容", "写明不予公开的部分"), ("理由", "说明不予公开的理由")):
            if not ev.get(key):
                ctx.add(ev, key, "REQ-PARTIAL", f"部分公开须{what}（附件2 第六条），请填写“{key}”")
    if found.name == OTHER:
        _other_reason(ctx, ev, str(reason or ""))


def _other_reason(ctx: _Ctx, ev: m.Event, reason: str) -> None:
    needs = {
        "逾期不补正": (m.AMEND_NOTICE, m.AMEND_RECEIVED, "补正告知"),
        "逾期未按收费通知": (m.FEE_NOTICE, m.FEE_PAID, "收费通知"),
    }
    for needle, (asked, answered, name) in needs.items():
        if needle in reason and (not ctx.before(ev, asked) or ctx.before(ev, answered)):
            ctx.add(ev, "情形", "REQ-REPLY", f"这一情形要求此前有{name}且申请人未回应")


def _provide(ctx: _Ctx, ev: m.Event) -> None:
    replies = ctx.before(ev, m.REPLY)
    if not replies or replies[0].get("结果") not in GIVES_INFORMATION:
        ctx.add(ev, "类型", "REQ-PROVIDE", "只有答复“予以公开”或“部分公开”之后才能提供信息")


def _correction(ctx: _Ctx, ev: m.Event) -> None:
    if ev.get("处理结果") == "转送有权机关" and not ev.get("转送机关"):
        ctx.add(
            ev,
            "转送机关",
            "REQ-CORRECTION",
            "无权更正的，应写明转送的有权机关（附件2 第七条），请填写“转送机关”",
        )


_CHECKS = {
    m.REGISTER: _register,
    m.AMEND_NOTICE: _amend_notice,
    m.AMEND_RECEIVED: _amend_received,
    m.CONSULT_REPLY: _consult_reply,
    m.EXTEND: _extend,
    m.FEE_NOTICE: _fee_notice,
    m.FEE_PAID: _fee_paid,
    m.REPLY: _reply,
    m.PROVIDE: _provide,
    m.CORRECTION: _correction,
}
