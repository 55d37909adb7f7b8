"""The intake service without its web framework: check a submission, seal it, give a receipt.

``Intake.accept`` is called once per post (in a worker thread: it fsyncs). Its answer is an
``Outcome``; ``app`` turns it into JSON or an HTML page. The service holds the office's
*public* keys only: it can seal a submission but never read one back.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pyrage import x25519

from xxgk.intake import application, evaluation
from xxgk.intake.envelope import EVALUATION, PREFIX, REQUEST, Envelope
from xxgk.intake.fields import FieldError, clean
from xxgk.intake.limits import RateLimit
from xxgk.intake.spool import Spool
from xxgk.intake.tokens import Tokens, load_key
from xxgk.requests.received import beijing_now
from xxgk.requests.service import Workspace

HONEYPOT = "website"  # hidden from people and screen readers; bots fill it
TOKEN = "token"
NONCE = "nonce"
BOT = (
    "这份表单没有提交成功：表单里一个供识别自动程序的隐藏栏目被填写了。如果您用了自动填表工具，"
    "请关闭它后手工填写再提交；也可以致电政务公开办公室{phone}。"
)
NO_TOKEN = "缺少表单令牌：请先打开在线申请页面（或 GET /api/token）再提交。"


@dataclass
class Settings:
    root: Path
    spool: Path
    recipients: list[x25519.Recipient]
    site: Path | None = None
    max_body: int = 64 * 1024
    per_hour: int = 30
    min_seconds: float = 5.0


@dataclass
class Outcome:
    status: int  # 201 stored, 200 stored before (same nonce), 400/422 refused, 428 needs a token
    receipt: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    wait: float = 0.0  # seconds before the token is old enough
    data: dict[str, str] = field(
        default_factory=dict
    )  # the checked fields (for a confirmation page)
    token: str = ""  # a token to confirm with: the post's own while it is too young, else a new one
    nonce: str = ""

    def as_json(self) -> dict[str, Any]:
        if self.receipt:
            return self.receipt
        out: dict[str, Any] = {
            "说明": "；".join(e.message for e in self.errors if not e.field)
            or "请按提示修改后再提交。",
            "问题": [e.as_json() for e in self.errors],
        }
        if self.wait:
            out["等待秒数"] = round(self.wait, 1)
        return out


class Intake:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ws = Workspace.open(settings.root)
        self.schema = application.form_schema(self.ws)
        self.spool = Spool(settings.spool)
        self.tokens = Tokens(load_key(settings.spool / "form-key"), settings.min_seconds)
        self.limit = RateLimit(settings.per_hour)

    @property
    def phone(self) -> str:
        phone = self.ws.registry.office.get("电话")
        return f"（{phone}）" if phone else ""

    def check(
        self, kind: str, data: dict[str, str], moment: dt.datetime
    ) -> tuple[Envelope | None, list[FieldError]]:
        """The envelope a valid submission becomes (without its 受理编号), or the errors."""
        stamp = moment.strftime("%Y-%m-%d %H:%M:%S")
        if kind == REQUEST:
            seen = application.preview(self.ws, self.schema, data, moment)
            if seen.errors or seen.received is None or seen.deadline is None:
                return None, seen.errors
            notes = {r.note() for r in (seen.received, seen.deadline) if r.provisional}
            return Envelope(
                "",
                kind,
                stamp,
                seen.received.date.isoformat(),
                seen.deadline.date.isoformat(),
                "；".join(sorted(notes)),
                seen.fields["受理单位"],
                data=application.normalise(data, self.ws.registry),
            ), []
        day = moment.date()
        answered = evaluation.preview(self.ws.root, self.ws.registry, data, day)
        if answered.errors:
            return None, answered.errors
        return Envelope(
            "", EVALUATION, stamp, day.isoformat(), unit=answered.answer.unit, data=data
        ), []

    def accept(self, kind: str, raw: dict[str, Any]) -> Outcome:
        data, errors = clean(raw)
        if data.pop(HONEYPOT, ""):
            return Outcome(400, errors=[FieldError("", BOT.format(phone=self.phone))])
        token, nonce = data.pop(TOKEN, ""), data.pop(NONCE, "")[:200]
        if nonce and (before := self.spool.recall(nonce)):
            return Outcome(200, receipt=json.loads(before))
        if errors:
            return Outcome(422, errors=errors)
        envelope, errors = self.check(kind, data, beijing_now())
        if envelope is None:
            return Outcome(422, errors=errors, data=data)
        if not token:
            return Outcome(
                428, errors=[FieldError("", NO_TOKEN)], data=data, token=self.tokens.issue()
            )
        late = self.tokens.problem(token)
        if late is not None:
            again = token if late[1] else self.tokens.issue()
            return Outcome(
                422,
                errors=[FieldError("", late[0])],
                wait=late[1],
                data=data,
                token=again,
                nonce=nonce,
            )
        return self.store(replace(envelope, nonce=nonce))

    def store(self, envelope: Envelope) -> Outcome:
        done: dict[str, Any] = {}

        def seal(receipt: str) -> tuple[bytes, str]:
            sealed = replace(envelope, receipt=receipt)
            done.update(sealed.receipt_json())
            done["说明"] = (
                application.notes(self.ws.registry)
                if envelope.kind == REQUEST
                else evaluation.NOTES
            )
            return sealed.seal(self.settings.recipients), json.dumps(done, ensure_ascii=False)

        self.spool.store(PREFIX[envelope.kind], envelope.submitted[:4], seal, envelope.nonce)
        return Outcome(201, receipt=done)
