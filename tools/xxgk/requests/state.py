"""Status and deadlines of a request, derived from its event log — never typed in.

* The reply period runs from the day after receipt (条例第三十一条), or, after a correction
  notice, from the day after the corrected application arrived (条例第三十条).
* While a correction notice or a fee notice waits for the applicant the clock stands still.
* Days waiting for a consultation (征求意见) are not counted (条例第三十三条), up to the
  consultation period; a reply that never comes stops the pause when that period ends.
* Approved extensions (延期) add working days to the period (附件2 第四条).
* After a reply that discloses, the information is due within the provision period unless
  it was given on the spot (附件2 第二条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from xxgk.model.workdays import Result, WorkCalendar
from xxgk.requests import model as m
from xxgk.requests.outcomes import GIVES_INFORMATION
from xxgk.requests.policy import Policy

UNREGISTERED = "待登记"
IN_PROGRESS = "办理中"
WAIT_AMEND = "待补正"
CONSULTING = "征求意见中"
WAIT_FEE = "待缴费"
WAIT_PROVIDE = "已答复待提供"
CLOSED = "已办结"


@dataclass
class State:
    status: str
    start: dt.date | None = None  # the day the reply period counts from
    reply_due: Result | None = None
    provide_due: Result | None = None
    amend_notice_due: Result | None = None
    amend_expires: dt.date | None = None  # end of the applicant's correction period, while waiting
    extension_days: int = 0
    paused: set[dt.date] = field(default_factory=set)
    replied_on: dt.date | None = None
    closed_on: dt.date | None = None
    outcome: str = ""
    reason: str = ""
    late: list[str] = field(default_factory=list)  # what was done after its deadline

    @property
    def open_due(self) -> Result | None:
        """The deadline that is running now, if any."""
        if self.status in (IN_PROGRESS, CONSULTING):
            return self.reply_due
        if self.status == WAIT_PROVIDE:
            return self.provide_due
        return None

    def overdue(self, today: dt.date) -> bool:
        due = self.open_due
        return due is not None and today > due.date

    @property
    def provisional(self) -> str:
        due = self.open_due
        return due.note() if due else ""


def _days_between(start: dt.date, end: dt.date) -> set[dt.date]:
    """Calendar days in (start, end]."""
    return {start + dt.timedelta(days=k) for k in range(1, (end - start).days + 1)}


def _consult_pauses(
    req: m.Request, cal: WorkCalendar, policy: Policy, today: dt.date
) -> tuple[set[dt.date], bool]:
    """Days not counted for consultations, and whether one is still open today."""
    paused: set[dt.date] = set()
    still_open = False
    for ev in req.all(m.CONSULT):
        if ev.date is None:
            continue
        cap = cal.add(ev.date, policy.consult_days, provisional=True).date
        reply = next(
            (
                r
                for r in req.events[ev.index + 1 :]
                if r.kind == m.CONSULT_REPLY and r.get("对象") == ev.get("对象")
            ),
            None,
        )
        if reply is not None and reply.date is not None:
            end = min(reply.date, cap)
        else:
            end = min(today, cap)
            still_open = still_open or today < cap
        paused |= _days_between(ev.date, end)
    return paused, still_open


def _fee_pause(req: m.Request, today: dt.date) -> tuple[set[dt.date], bool]:
    notice = req.first(m.FEE_NOTICE)
    if notice is None or notice.date is None:
        return set(), False
    paid = req.first(m.FEE_PAID)
    end = paid.date if paid is not None and paid.date is not None else today
    return _days_between(notice.date, end), paid is None


def _start(req: m.Request) -> tuple[dt.date | None, bool]:
    """Where the period counts from, and whether a correction is still awaited."""
    notice = req.first(m.AMEND_NOTICE)
    if notice is None:
        return req.received, False
    received = req.first(m.AMEND_RECEIVED)
    if received is None or received.date is None:
        return None, True
    return received.date, False


def derive(req: m.Request, cal: WorkCalendar, policy: Policy, today: dt.date) -> State:
    if req.received is None:
        return State(UNREGISTERED)
    state = State(IN_PROGRESS)
    state.amend_notice_due = cal.add(req.received, policy.amend_notice_days, provisional=True)
    start, waiting_amend = _start(req)
    state.start = start
    consult_days, consulting = _consult_pauses(req, cal, policy, today)
    fee_days, fee_open = _fee_pause(req, today)
    state.paused = consult_days | fee_days
    state.extension_days = sum(e.int("天数") or 0 for e in req.all(m.EXTEND))
    if start is not None:
        state.reply_due = cal.add(
            start, policy.reply_days + state.extension_days, skip=state.paused, provisional=True
        )
    reply = req.first(m.REPLY)
    if reply is not None and reply.date is not None:
        _replied(state, req, reply, cal, policy)
    elif req.first(m.REGISTER) is None:
        state.status = UNREGISTERED
    elif waiting_amend:
        state.status = WAIT_AMEND
        state.amend_expires = _amend_expires(req, cal)
    elif fee_open:
        state.status = WAIT_FEE
    elif consulting:
        state.status = CONSULTING
    return state


def _amend_expires(req: m.Request, cal: WorkCalendar) -> dt.date | None:
    """The period the notice gave the applicant (补正期限, working days), if it gave one."""
    notice = req.first(m.AMEND_NOTICE)
    days = notice.int("补正期限") if notice is not None else None
    if notice is None or notice.date is None or days is None:
        return None
    return cal.add(notice.date, days, provisional=True).date


def _replied(
    state: State, req: m.Request, reply: m.Event, cal: WorkCalendar, policy: Policy
) -> None:
    assert reply.date is not None
    state.replied_on = reply.date
    state.outcome = str(reply.get("结果") or "")
    state.reason = str(reply.get("情形") or "")
    if state.reply_due is not None and reply.date > state.reply_due.date:
        state.late.append(f"答复晚于期限 {state.reply_due.date.isoformat()}")
    on_the_spot = reply.get("当场提供") in m.YES
    if state.outcome not in GIVES_INFORMATION or on_the_spot:
        state.status, state.closed_on = CLOSED, reply.date
        return
    state.provide_due = cal.add(reply.date, policy.provide_days, provisional=True)
    given = req.first(m.PROVIDE)
    if given is None or given.date is None:
        state.status = WAIT_PROVIDE
        return
    state.status, state.closed_on = CLOSED, given.date
    if given.date > state.provide_due.date:
        state.late.append(f"提供晚于期限 {state.provide_due.date.isoformat()}")
