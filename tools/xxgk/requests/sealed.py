"""Personal fields of a request sealed with age to the disclosure office's public key.

A request record keeps the applicant's 姓名, 证件号码, 联系电话 … (``model.PERSONAL_FIELDS``)
as ASCII-armored age ciphertext, so a clone of the repository, a backup or a CI log never
carries them in plain text. Anyone can seal (the public keys, 收件公钥, are in xxgk.yml);
only the holder of the office's identity file can read them again (``xxgk request show
--identity``). Values are padded to a multiple of 32 bytes before sealing so that the
ciphertext does not tell a two-character name from a four-character one.

``applicant_tag`` gives a keyed fingerprint of who applied (ID number, credit code, else type
and name): the fee count per applicant and month needs "same applicant?" without the plain
text, and a plain hash of an ID number could be reversed by trying every birthday and serial.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyrage
from pyrage import x25519

from xxgk.requests.fees import applicant_key
from xxgk.requests.model import PERSONAL_FIELDS, is_sealed

SEALED_TEXT = "已加密"
_PAD = 32
_TAG_CONTEXT = b"xxgk applicant tag v1\0"


class SealError(Exception):
    """A key or a sealed value cannot be used; the message says why, in Chinese."""


def recipients_of(keys: Iterable[str]) -> list[x25519.Recipient]:
    found = []
    for key in keys:
        try:
            found.append(x25519.Recipient.from_str(key.strip()))
        except (ValueError, pyrage.RecipientError) as exc:
            raise SealError(f"“{key.strip()[:20]}…”不是 age 公钥（应以 age1 开头）") from exc
    if not found:
        raise SealError(
            "没有收件公钥：请在 xxgk.yml 的 公开工作机构.收件公钥 填写政务公开办公室的 age 公钥"
        )
    return found


def registry_keys(office: dict[str, Any]) -> list[str]:
    """公开工作机构.收件公钥: one key or a list (the office's and an offline backup)."""
    value = office.get("收件公钥") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def key_lines(text: str) -> list[str]:
    """Keys of an age key file: one a line, ``#`` comments and blank lines ignored."""
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def read_identities(path: Path) -> list[x25519.Identity]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SealError(f"无法读取钥匙文件 {path}（{exc}）") from exc
    found = []
    for line in key_lines(text):
        try:
            found.append(x25519.Identity.from_str(line))
        except (ValueError, pyrage.IdentityError) as exc:
            raise SealError(f"{path} 不是 age 钥匙文件（应有一行 AGE-SECRET-KEY-1…）") from exc
    if not found:
        raise SealError(f"{path} 里没有 age 钥匙（AGE-SECRET-KEY-1…）")
    return found


def read_recipients(path: Path) -> list[x25519.Recipient]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SealError(f"无法读取公钥文件 {path}（{exc}）") from exc
    if "AGE-SECRET-KEY-" in text:
        raise SealError(
            f"{path} 含有 age 私钥：服务器上只放公钥（age1…），私钥由政务公开办公室离线保管"
        )
    return recipients_of(key_lines(text))


def seal(text: str, recipients: list[x25519.Recipient]) -> str:
    data = text.encode("utf-8")
    data += b"\0" * (-len(data) % _PAD)
    return bytes(pyrage.encrypt(data, recipients, armored=True)).decode("ascii")


def unseal(text: str, identities: list[x25519.Identity]) -> str:
    try:
        data = pyrage.decrypt(text.strip().encode("ascii") + b"\n", identities)
    except (pyrage.DecryptError, UnicodeEncodeError) as exc:
        raise SealError("无法解密：这把钥匙不是加密时所用公钥对应的钥匙，或密文已损坏") from exc
    return bytes(data).rstrip(b"\0").decode("utf-8")


def seal_person(person: dict[str, Any], recipients: list[x25519.Recipient]) -> dict[str, Any]:
    """The applicant with every personal field sealed (those already sealed stay as they are)."""
    return {
        k: seal(str(v), recipients) if k in PERSONAL_FIELDS and v and not is_sealed(v) else v
        for k, v in person.items()
    }


def unseal_person(
    person: dict[str, Any], identities: list[x25519.Identity] | None
) -> dict[str, Any]:
    """Personal fields in plain text, or 已加密 for each sealed one when no identity is given."""
    out = {}
    for key, value in person.items():
        if not is_sealed(value):
            out[key] = value
        elif identities is None:
            out[key] = SEALED_TEXT
        else:
            out[key] = unseal(value, identities)
    return out


def has_sealed(person: dict[str, Any]) -> bool:
    return any(is_sealed(v) for v in person.values())


def applicant_tag(person: dict[str, Any], identity: x25519.Identity) -> str | None:
    """``hmac:…`` over who asked (``fees.applicant_key`` of the plain applicant), keyed by the
    office identity; None when the applicant is already sealed."""
    who = applicant_key({k: v for k, v in person.items() if k != "标识"})
    if who is None:
        return None
    secret = hashlib.sha256(_TAG_CONTEXT + str(identity).encode("ascii")).digest()
    return "hmac:" + hmac.new(secret, who.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
