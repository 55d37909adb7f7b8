"""SSH signatures (the ``ssh-keygen -Y sign`` format, "SSHSIG"): checked in-process.

Checking 20,000 review records must not start 20,000 processes, so signatures are checked
with the ``sshsig`` package (Ed25519 and RSA keys). Signing is what a person does once per
review: it runs ``ssh-keygen -Y sign`` with their own key (or their ssh-agent). ``sign_ed25519``
signs in-process with a private key object, for generated benchmark data only.
"""

from __future__ import annotations

import base64
import hashlib
import io
import subprocess
import tempfile
from pathlib import Path

import sshsig
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sshsig.binary_io import SshWriter
from sshsig.sshsig import SshsigSignature, SshsigWrapper, ssh_enarmor_sshsig

# Namespaces: a key may sign only what the allowed-signers file lets it sign (namespaces=…).
REVIEW = "xxgk-review"  # secrecy reviews, reviews of releases on request
TRAINING = "xxgk-training"  # training records (the office that organises training)
CONSULT = "xxgk-consult"  # written opinions of other departments, leading-group decisions
APPROVAL = "xxgk-approval"  # approvals of 分管负责同志 and 信息公开工作负责人 (approvals/)
TRUST = "xxgk-trust"  # the leading group's signature over the signers file and roster
MAX_SIGNATURE = 16 * 1024  # an armored RSA-4096 signature is under 2 KiB


class SignatureError(Exception):
    """Why a signature does not verify or cannot be made (Chinese message)."""


def signer_key(message: bytes, armored: bytes, namespace: str) -> str:
    """The public key (``type base64``) whose signature over ``message`` this is.

    Raises SignatureError when the signature is malformed, of another namespace, or false.
    Whether that key may sign is the caller's question (see ``trust.signers``)."""
    if len(armored) > MAX_SIGNATURE:
        raise SignatureError("签名文件过大，不是 SSH 签名")
    try:
        key = sshsig.check_signature(message, armored, namespace=namespace)
    except sshsig.InvalidSignature as exc:
        raise SignatureError(_why(exc, armored, namespace)) from exc
    except (ValueError, NotImplementedError, IndexError, UnicodeError) as exc:
        raise SignatureError(f"签名无法解析（{exc}）：不是 ssh-keygen -Y sign 生成的签名") from exc
    return key_id(key.openssh_str())


def _why(exc: Exception, armored: bytes, namespace: str) -> str:
    try:
        found = SshsigSignature.from_armored(armored).namespace.decode("utf-8", "replace")
    except (ValueError, NotImplementedError, IndexError):
        return "签名无法解析：不是 ssh-keygen -Y sign 生成的签名"
    if found != namespace:
        return f"签名的用途（命名空间）是“{found}”，这里需要“{namespace}”"
    return "签名与文件内容不符：文件在签名后被改动，或签名属于另一个文件"


def key_id(openssh: str) -> str:
    """``type base64`` of a public key line (comment dropped): how keys are compared."""
    parts = openssh.split()
    return " ".join(parts[:2])


def fingerprint(key: str) -> str:
    """SHA256:… as ssh-keygen -l prints it."""
    try:
        blob = base64.b64decode(key.split()[1])
    except (IndexError, ValueError):
        return "（无法识别的密钥）"
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def sign_file(path: Path, key: str, namespace: str) -> bytes:
    """Sign ``path`` with ``ssh-keygen -Y sign`` (the key file, or a public key held by the
    ssh-agent); returns the armored signature (ssh-keygen also writes ``path.sig``, which is
    removed: callers place the signature themselves)."""
    sig = Path(str(path) + ".sig")
    if sig.exists():
        raise SignatureError(f"{sig} 已存在：签名不能覆盖")
    try:
        done = subprocess.run(
            ["ssh-keygen", "-q", "-Y", "sign", "-f", key, "-n", namespace, str(path)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
            timeout=120,
        )
    except FileNotFoundError as exc:
        raise SignatureError("找不到 ssh-keygen 命令：请安装 OpenSSH 客户端") from exc
    except subprocess.TimeoutExpired as exc:
        raise SignatureError("ssh-keygen 签名超时（是否在等待密钥口令？）") from exc
    if done.returncode != 0 or not sig.is_file():
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SignatureError(
            f"ssh-keygen 签名失败（密钥 {key}）：{err[-1] if err else done.returncode}"
        )
    data = sig.read_bytes()
    sig.unlink()
    return data


def sign_bytes(message: bytes, key: str, namespace: str) -> bytes:
    """``sign_file`` for bytes held in memory (a temporary file is signed)."""
    with tempfile.TemporaryDirectory(prefix="xxgk-sign-") as tmp:
        path = Path(tmp) / "message"
        path.write_bytes(message)
        return sign_file(path, key, namespace)


def sign_ed25519(message: bytes, private: Ed25519PrivateKey, namespace: str) -> bytes:
    """An SSHSIG signature made in-process (benchmark data; people sign with ssh-keygen)."""
    raw_pub = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    wrapped = SshsigWrapper(
        namespace=namespace.encode(), hash_algo=b"sha512", hash=hashlib.sha512(message).digest()
    ).to_bytes()
    sig = SshsigSignature.__new__(SshsigSignature)
    sig.public_key = _string_pair(b"ssh-ed25519", raw_pub)
    sig.namespace, sig.hash_algo = namespace.encode(), b"sha512"
    sig.signature = _string_pair(b"ssh-ed25519", private.sign(wrapped))
    return ssh_enarmor_sshsig(bytes(sig)).encode()


def public_line(private: Ed25519PrivateKey) -> str:
    raw = private.public_key().public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    return raw.decode()


def _string_pair(kind: bytes, data: bytes) -> bytes:
    out = SshWriter(io.BytesIO())
    out.write_string(kind)
    out.write_string(data)
    return out.output_fh.getvalue()
