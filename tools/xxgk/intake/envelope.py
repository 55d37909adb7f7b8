"""What one spool entry holds (sealed with age to the office) and the receipt shown for it.

The envelope is JSON: format version, 受理编号, kind, submission time, received day and
deadline as promised on the receipt, the form's nonce and the form's fields as submitted
(after trimming). The receipt repeats only what is not personal: numbers, dates, the unit.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import pyrage
from pyrage import x25519

from xxgk.requests.sealed import SealError

VERSION = 1
REQUEST = "申请"
EVALUATION = "评议"
PREFIX = {REQUEST: "ZXSQ", EVALUATION: "ZXPY"}
MAX_ENTRY = 1024 * 1024  # bytes: a sealed entry is a few KB; anything larger is not ours


@dataclass
class Envelope:
    receipt: str
    kind: str  # REQUEST or EVALUATION
    submitted: str  # yyyy-mm-dd HH:MM:SS, Beijing time
    received: str  # yyyy-mm-dd
    deadline: str = ""  # yyyy-mm-dd (requests)
    provisional: str = ""  # why the dates are provisional, if they are
    unit: str = ""
    nonce: str = ""
    data: dict[str, str] = field(default_factory=dict)
    version: int = VERSION

    def seal(self, recipients: list[x25519.Recipient]) -> bytes:
        raw = json.dumps(asdict(self), ensure_ascii=False, sort_keys=True).encode("utf-8")
        return bytes(pyrage.encrypt(raw, recipients))

    def receipt_json(self) -> dict[str, Any]:
        what = "政府信息公开申请" if self.kind == REQUEST else "政府信息公开社会评议"
        out: dict[str, Any] = {
            "受理编号": self.receipt,
            "种类": what,
            "提交时间": self.submitted[:16],
            "收到日期": self.received,
        }
        if self.kind == REQUEST:
            out |= {"受理机关": self.unit, "答复期限": self.deadline}
        else:
            out["被评议单位"] = self.unit
        if self.provisional:
            out["暂定"] = self.provisional
        return out


def open_entry(raw: bytes, identities: list[x25519.Identity]) -> Envelope:
    """The envelope of a spool entry; SealError when it cannot be read with these keys."""
    if len(raw) > MAX_ENTRY:
        raise SealError(f"文件超过 {MAX_ENTRY // 1024} KB，不是在线申请服务写入的")
    try:
        data = json.loads(bytes(pyrage.decrypt(raw, identities)).decode("utf-8"))
    except pyrage.DecryptError as exc:
        raise SealError("无法解密：这把钥匙不是加密时所用公钥对应的钥匙，或文件已损坏") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SealError("解密后的内容不是在线申请服务写入的格式") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise SealError(f"格式版本不是 {VERSION}：请用同一版本的 xxgk 导入")
    try:
        return Envelope(**{k: data[k] for k in Envelope.__dataclass_fields__ if k in data})
    except TypeError as exc:
        raise SealError("解密后的内容缺少必要的字段") from exc
