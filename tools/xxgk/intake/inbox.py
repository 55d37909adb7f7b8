"""``xxgk request inbox``: the office opens the spool with its key and writes the records.

Each entry becomes a request record (with its 登记 event on the received day, the applicant's
personal fields sealed again to the office's public keys, and 受理编号) or an evaluation
record (with 受理编号), checked by the same rules as any other record; only then is the entry
removed from the spool. Idempotent: an entry whose 受理编号 is already in a record is only
removed, so a run that stopped half-way is simply run again. An entry received on a later
day (submitted on a weekend, say) waits in the spool until that day: a record never holds an
event dated in the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from pyrage import x25519

from xxgk.intake import application, evaluation
from xxgk.intake.envelope import REQUEST, Envelope, open_entry
from xxgk.intake.spool import entries, remove
from xxgk.io.atomic import write_atomic
from xxgk.model.dates import parse_date
from xxgk.requests.actions import Refused, register_request
from xxgk.requests.sealed import SealError, applicant_tag
from xxgk.requests.service import Workspace
from xxgk.requests.store import RecordError, receipts
from xxgk.voice.records import record_paths
from xxgk.voice.store import EVALUATIONS, next_number

IMPORTED = "已导入"
SEEN = "已导入过"
WAITING = "暂缓"
FAILED = "未导入"


@dataclass
class Taken:
    receipt: str
    status: str
    record: str = ""  # repository-relative path of the record
    message: str = ""


def evaluation_receipts(root: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in record_paths(root, EVALUATIONS):
        for line in path.read_text("utf-8", "replace").splitlines():
            if line.startswith(f"{evaluation.RECEIPT_KEY}:"):
                found[line.partition(":")[2].strip().strip('"')] = path
    return found


def run(root: Path, spool: Path, identities: list[x25519.Identity], today: dt.date) -> list[Taken]:
    ws = replace(Workspace.open(root), today=today)
    seen = {**receipts(root), **evaluation_receipts(root)}
    return [take(ws, entry, identities, seen) for entry in entries(spool)]


def take(
    ws: Workspace, entry: Path, identities: list[x25519.Identity], seen: dict[str, Path]
) -> Taken:
    try:
        env = open_entry(entry.read_bytes(), identities)
    except SealError as exc:
        return Taken(entry.stem, FAILED, message=str(exc))
    if env.receipt != entry.stem:
        return Taken(
            entry.stem, FAILED, message=f"文件名与其中的受理编号 {env.receipt} 不一致，未处理"
        )
    if env.receipt in seen:
        remove(entry)
        return Taken(env.receipt, SEEN, _rel(ws.root, seen[env.receipt]))
    day = parse_date(env.received)
    if day is None or day > ws.today:
        return Taken(env.receipt, WAITING, message=f"收到日期为 {env.received}，到那天再导入")
    done = _request(ws, env, identities[0]) if env.kind == REQUEST else _evaluation(ws, env, day)
    if done.status == IMPORTED:
        remove(entry)
        seen[env.receipt] = ws.root / done.record
    return done


def _request(ws: Workspace, env: Envelope, identity: x25519.Identity) -> Taken:
    fields = application.record_fields(env.data, ws.registry)
    tag = applicant_tag(fields["申请人"], identity)
    if tag:
        fields["申请人"]["标识"] = tag
    try:
        record = register_request(ws, env.received, env.received, fields, None, receipt=env.receipt)
    except Refused as exc:
        return Taken(env.receipt, FAILED, message="；".join(p.message for p in exc.problems))
    except RecordError as exc:
        return Taken(env.receipt, FAILED, message=str(exc))
    due = ws.item(record).state.reply_due
    note = f"答复期限 {due.date}" if due else ""
    if due and env.deadline and due.date.isoformat() != env.deadline:
        note += f"（回执上为 {env.deadline}：节假日数据或政策在此期间有变化，请核对并告知申请人）"
    return Taken(env.receipt, IMPORTED, record.rel, note)


def _evaluation(ws: Workspace, env: Envelope, day: dt.date) -> Taken:
    answered = evaluation.answer_of(env.data, ws.registry)
    if answered.errors:
        return Taken(env.receipt, FAILED, message="；".join(e.message for e in answered.errors))
    number = next_number(ws.root, EVALUATIONS, "PY", day.year)
    path = ws.root / EVALUATIONS / str(day.year) / f"{number}.yml"
    rel = _rel(ws.root, path)
    text = evaluation.evaluation_text(number, env.receipt, day, answered.answer)
    problems = evaluation.record_errors(ws.root, text, ws.registry, rel)
    if problems:
        return Taken(env.receipt, FAILED, message="；".join(problems))
    try:
        write_atomic(path, text, exclusive=True)
    except FileExistsError:
        return Taken(env.receipt, FAILED, message=f"{rel} 已存在，没有覆盖；请重新运行")
    has_comment = "，含意见建议（请确定整改或解释）" if answered.answer.comments else ""
    return Taken(env.receipt, IMPORTED, rel, f"{answered.answer.unit}{has_comment}")


def report_text(done: list[Taken], spool: Path) -> str:
    """One line a submission and a count, for staff at the terminal."""
    lines = []
    for t in done:
        where = (
            f" → {Path(t.record).stem}（{t.record}）"
            if t.status == IMPORTED
            else (f"（{t.record}）" if t.record else "")
        )
        lines.append(f"{t.receipt} {t.status}{where}" + (f"：{t.message}" if t.message else ""))
    counts = "，".join(
        f"{s} {sum(t.status == s for t in done)} 份" for s in (IMPORTED, SEEN, WAITING, FAILED)
    )
    lines.append(
        f"暂存文件夹 {spool}：{counts}。" if done else f"暂存文件夹 {spool} 里没有待导入的提交。"
    )
    return "\n".join(lines) + "\n"


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
