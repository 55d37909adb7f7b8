"""The reviewer's aid (附件4 第六条): secrecy markings and personal data in entries.

One module per rule, each with ``RULE`` (id), ``NAME``, ``DOC`` and ``find(folded, spans)``
yielding ``(start, end, value, shown)``. Findings are identified by rule, file and a hash
of the matched value, so a reviewer's acknowledgement (in the review record's
已确认发现) survives edits elsewhere in the file but not a change of the matched text.
"""

from __future__ import annotations

from types import ModuleType

from xxgk.scan import bank_card, credit_code, email, id_card, landline, mobile, secret_mark

RULES: tuple[ModuleType, ...] = (
    secret_mark,
    id_card,
    credit_code,
    bank_card,
    mobile,
    landline,
    email,
)
