"""SSH signatures made by ssh-keygen are checked in-process; the signers file says who may
sign what and when (namespaces, valid-after, valid-before)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from xxgk.trust.signers import parse_signers
from xxgk.trust.sshsig import (
    REVIEW,
    SignatureError,
    key_id,
    public_line,
    sign_bytes,
    sign_ed25519,
    signer_key,
)


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("k") / "reviewer"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "审查人", "-f", str(path)], check=True
    )
    return path


def test_a_signature_made_by_ssh_keygen_names_its_key(key: Path) -> None:
    sig = sign_bytes("审查记录\n".encode(), str(key), REVIEW)
    assert signer_key("审查记录\n".encode(), sig, REVIEW) == key_id(
        (key.parent / "reviewer.pub").read_text()
    )


@pytest.mark.parametrize(
    "message, namespace, why",
    [
        ("审查记录！\n", REVIEW, "签名与文件内容不符"),
        ("审查记录\n", "git", "签名的用途（命名空间）是“xxgk-review”"),
    ],
)
def test_a_changed_byte_or_another_namespace_fails(
    key: Path, message: str, namespace: str, why: str
) -> None:
    sig = sign_bytes("审查记录\n".encode(), str(key), REVIEW)
    with pytest.raises(SignatureError, match=why):
        signer_key(message.encode(), sig, namespace)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n",
        b"\x00" * 100,
        b"A" * 20000,
    ],
)
def test_garbage_is_a_message_not_a_crash(garbage: bytes) -> None:
    with pytest.raises(SignatureError):
        signer_key(b"x", garbage, REVIEW)


def test_in_process_signatures_verify_with_ssh_keygen(tmp_path: Path) -> None:
    private = Ed25519PrivateKey.generate()
    (tmp_path / "m").write_bytes(b"record\n")
    (tmp_path / "m.sig").write_bytes(sign_ed25519(b"record\n", private, REVIEW))
    (tmp_path / "allowed").write_text(f'a@b namespaces="{REVIEW}" {public_line(private)}\n')
    done = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(tmp_path / "allowed"),
            "-I",
            "a@b",
            "-n",
            REVIEW,
            "-s",
            str(tmp_path / "m.sig"),
        ],
        input=b"record\n",
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_signers_file_grants_namespaces_and_dates(key: Path) -> None:
    pub = (key.parent / "reviewer.pub").read_text().strip()
    signers = parse_signers(
        f'a@x namespaces="xxgk-review",valid-after="20260101",valid-before="20270301" {pub}\n'
        f"b@x {pub}\n"
    )
    k = key_id(pub)
    assert signers.principals_of(k, REVIEW, dt.date(2026, 6, 1)) == (frozenset({"a@x"}), "")
    assert "已于 2027-03-01 停用" in signers.principals_of(k, REVIEW, dt.date(2027, 3, 1))[1]
    assert "起才有效" in signers.principals_of(k, REVIEW, dt.date(2025, 12, 31))[1]
    assert (
        "没有“xxgk-training”用途"
        in signers.principals_of(k, "xxgk-training", dt.date(2026, 6, 1))[1]
    )


@pytest.mark.parametrize(
    "line, why",
    [
        ('* namespaces="xxgk-review" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB', "通配符"),
        ("a@x cert-authority ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB", "cert-authority"),
        (
            'a@x namespaces="xxgk-review",valid-before="2027-03-01" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB',
            "YYYYMMDD",
        ),
        ('a@x namespaces="xxgk-review ssh-ed25519 AAAA', "无法解析"),
    ],
)
def test_bad_signer_lines_are_refused_with_their_line(line: str, why: str) -> None:
    signers = parse_signers("# 注释\n" + line + "\n")
    assert signers.problems and signers.problems[0].line == 2 and why in signers.problems[0].message
