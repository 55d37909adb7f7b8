"""The deadlines a request is handled under, read from the registry (政策.依申请公开).

Each record names the 政策版本 that applied when it arrived; an older version stays
available under 历史版本 so that old requests keep their own deadlines after a policy change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Policy:
    version: str
    reply_days: int  # 答复期限, 附件2 第二条
    extension_max: int  # 延期上限, 附件2 第四条
    provide_days: int  # 提供期限, 附件2 第二条
    amend_notice_days: int  # 补正告知期限, 条例第三十条
    consult_days: int  # 征求意见期限, 条例第三十二条
    fee_enabled: bool  # 收取信息处理费, 条例第四十二条、国办函〔2020〕109号


def _int(values: dict[str, Any], key: str, default: int) -> int:
    value = values.get(key, default)
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.strip().isdigit() else default


def policy_of(values: dict[str, Any], inherit: Policy | None = None) -> Policy:
    base = inherit or Policy("", 15, 15, 10, 7, 15, False)
    fee = values.get("收取信息处理费", base.fee_enabled)
    return Policy(
        version=str(values.get("版本") or base.version),
        reply_days=_int(values, "答复期限", base.reply_days),
        extension_max=_int(values, "延期上限", base.extension_max),
        provide_days=_int(values, "提供期限", base.provide_days),
        amend_notice_days=_int(values, "补正告知期限", base.amend_notice_days),
        consult_days=_int(values, "征求意见期限", base.consult_days),
        fee_enabled=fee is True or fee in ("true", "True", "是"),
    )


def policies(registry_policy: dict[str, Any]) -> dict[str, Policy]:
    """Every known version: the current one and those kept under 历史版本."""
    section = registry_policy.get("依申请公开") or {}
    current = policy_of(section)
    found = {current.version: current}
    for old in section.get("历史版本") or []:
        if isinstance(old, dict):
            item = policy_of(old, current)
            found.setdefault(item.version, item)
    return found


def current_version(registry_policy: dict[str, Any]) -> str:
    return str((registry_policy.get("依申请公开") or {}).get("版本") or "")
