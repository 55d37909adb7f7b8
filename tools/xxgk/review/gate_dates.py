"""GATE-RECORD-DATE: a signed record added by the change is dated within the last
``RECORD_DAYS`` days of the gate's today, and not in the future.

The signers file checks a key's validity (``valid-before``) against the date written in the
record, and that date is written by the signer. Without this check whoever holds a revoked
(or stolen) key could sign today a record dated before the revocation. The gate knows what a
change adds, so it holds the date to the time the record was really added: a key revoked
more than ``RECORD_DAYS`` days ago cannot be used any more, even with a backdated record.

Seven days leave a pull request time for its review, opinions and approvals to be gathered;
a record that waited longer is signed again (a new record, same content, today's date).
Training records are not held to it: a training is often recorded after the event (its
date is the training's), and only the office's key signs them (``docs/review.md``).
"""

from __future__ import annotations

import datetime as dt

from xxgk.io.yamlsafe import load_yaml
from xxgk.model.dates import parse_date
from xxgk.review.history import History
from xxgk.trust.model import consultation_date_field

RULE = "GATE-RECORD-DATE"
RECORD_DAYS = 7
# folder -> the date field its signer writes (a consultation: by its kind, as trust reads it)
DATE_FIELDS = {"reviews": "审查日期", "releases": "审查日期", "approvals": "日期"}
CONSULTATIONS = "consultations"
Failure = tuple[str, str, str]


def date_field(folder: str, data: dict[object, object]) -> str:
    if folder == CONSULTATIONS:
        return consultation_date_field(str(data.get("记录类型") or ""))
    return DATE_FIELDS[folder]


def added_records(changes: list[tuple[str, str]]) -> list[str]:
    """Signed records the change adds: a record file added, or the signature (``.sig``) added
    to a record committed earlier unsigned (it becomes a signed record now)."""
    found: dict[str, None] = {}
    for status, path in changes:
        rel = path.removesuffix(".sig")
        folder = rel.split("/")[0]
        if (
            status == "A"
            and folder in (*DATE_FIELDS, CONSULTATIONS)
            and rel.endswith((".yml", ".yaml"))
        ):
            found[rel] = None
    return list(found)


def record_dates(hist: History, changes: list[tuple[str, str]], today: dt.date) -> list[Failure]:
    found: list[Failure] = []
    for path in added_records(changes):
        folder = path.split("/")[0]
        raw = hist.show_head(path)
        loaded = load_yaml(raw.decode("utf-8-sig", "replace"), path) if raw is not None else None
        data = (
            loaded.data
            if loaded is not None and loaded.ok and isinstance(loaded.data, dict)
            else {}
        )
        value = data.get(date_field(folder, data))
        text = str(value) if value else ""
        why = date_problem(parse_date(text), text, today)
        if why:
            found.append((path, RULE, why))
    return found


def date_problem(day: dt.date | None, text: str, today: dt.date) -> str:
    """Why a record added today cannot carry ``day``; "" when it may."""
    earliest = today - dt.timedelta(days=RECORD_DAYS)
    if day is None:
        return f"新增记录的日期“{text}”无法读取：合并检查须核对记录的日期（{RULE}）"
    if day > today:
        return f"新增记录的日期 {day} 晚于今天 {today}：不得预签将来的日期"
    if day < earliest:
        return (
            f"新增记录的日期 {day} 早于 {earliest}（今天之前 {RECORD_DAYS} 天）：记录日期由签名人自己填写，"
            "密钥的有效期按它核对，所以新增的记录只能写最近的日期，防止用已停用的密钥倒签；"
            "请以今天的日期重新签署一份"
        )
    return ""
