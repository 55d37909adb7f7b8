"""Going live (``xxgk check --production``): no sample value of the repository reaches the
published site.

The repository ships with sample contact details, filing numbers and keys so that a fresh
clone builds a complete preview. Published, they would put a false ICP number in the footer
and a stranger's telephone in the guide, and the sample keys — whose private halves are in the
repository for everyone — would sign reviews. The rule, in one place:

* **Registry fields** (``FIELDS``: 网站 的网站标识码、ICP备案号、公安机关备案号，公开工作机构 的
  电话、传真、电子邮箱) must be filled, and a value is refused when it
  - is one of the values shipped with the repository (``SAMPLES``), or
  - has a group of digits that is one digit repeated (``00000000``, ``1111``) or that ends in
    six zeros (``15062302000000``: a serial number is never 000000), or
  - says it is a placeholder (样例、示例、待填、占位, ``XXXX``) or uses an example domain
    (``example.com`` …).
* **The allowed-signers file** must have no line whose comment starts with ``样例密钥``, and the
  sample private keys (``.xxgk/sample-keys/``) must be gone.

Example: ``ICP备案号: 蒙ICP备00000000号`` → ``xxgk.yml:134:12: 错误 [PROD-PLACEHOLDER] …``;
``ICP备案号: 蒙ICP备2024001234号-1`` passes.

The checks over text are pure functions; :func:`production_problems` reads the two files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from xxgk.io.frontmatter import decode
from xxgk.io.safefs import RECORD_LIMIT, UnsafeFile, read_bytes
from xxgk.io.yamlsafe import Loaded, load_yaml
from xxgk.model.problem import Problem, Severity

REGISTRY = "xxgk.yml"
SIGNERS = ".xxgk/allowed_signers"
SAMPLE_KEYS = ".xxgk/sample-keys"
RULE_MISSING = "PROD-MISSING"
RULE_PLACEHOLDER = "PROD-PLACEHOLDER"
RULE_SAMPLE_KEY = "PROD-SAMPLE-KEY"
SAMPLE_KEY_MARK = "样例密钥"

# The registry fields a visitor sees (footer, guide) that the repository ships as samples.
FIELDS: tuple[tuple[str, str], ...] = (
    ("网站", "网站标识码"),
    ("网站", "ICP备案号"),
    ("网站", "公安机关备案号"),
    ("公开工作机构", "电话"),
    ("公开工作机构", "传真"),
    ("公开工作机构", "电子邮箱"),
)
# The values shipped in xxgk.yml. Whoever changes a sample there adds it here.
SAMPLES: dict[tuple[str, str], frozenset[str]] = {
    ("网站", "网站标识码"): frozenset({"1506230001"}),
    ("网站", "ICP备案号"): frozenset({"蒙ICP备00000000号"}),
    ("网站", "公安机关备案号"): frozenset(
        {"蒙公网安备 15062302000000号", "蒙公网安备15062302000000号"}
    ),
    ("公开工作机构", "电话"): frozenset({"0477-7621234"}),
    ("公开工作机构", "传真"): frozenset({"0477-7621235"}),
    ("公开工作机构", "电子邮箱"): frozenset({"zwgk@etkqq.gov.cn"}),
}
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"样例|示例|待填|占位|[xX]{3,}|[*＊]{3,}")
_EXAMPLE_DOMAIN = re.compile(r"\bexample\.(?:com|org|net|cn)\b|\blocalhost\b", re.IGNORECASE)
_KEY_TYPE = re.compile(r"(?:^|\s)(?:ssh-\S+|ecdsa-\S+|sk-\S+)\s+\S+(?:\s+(.*))?$")


def placeholder_reason(field: tuple[str, str], value: str) -> str | None:
    """Why ``value`` of ``field`` is not a real one, or None when nothing marks it."""
    text = value.strip()
    if text in SAMPLES.get(field, frozenset()) or " ".join(text.split()) in SAMPLES.get(
        field, frozenset()
    ):
        return "是仓库随附的样例值"
    for group in _DIGITS.findall(text):
        if len(group) >= 4 and len(set(group)) == 1:
            return f"含全为同一数字的号码 {group}"
        if len(group) >= 8 and group.endswith("000000"):
            return f"号码 {group} 以六个 0 结尾，是占位号码"
    word = _WORDS.search(text)
    if word:
        return f"含占位文字“{word.group()}”"
    if _EXAMPLE_DOMAIN.search(text):
        return "用的是示例域名"
    return None


def registry_problems(text: str, rel: str = REGISTRY) -> list[Problem]:
    """Every sample, placeholder or missing value of ``FIELDS`` in the registry's text.
    A registry that does not parse gives nothing here (``xxgk check`` reports it)."""
    loaded = load_yaml(text, rel)
    if not loaded.ok or not isinstance(loaded.data, dict):
        return []
    out: list[Problem] = []
    for section, key in FIELDS:
        block = loaded.data.get(section)
        value = block.get(key) if isinstance(block, dict) else None
        name = f"{section}.{key}"
        if value is None or (isinstance(value, str) and not value.strip()):
            where = (section, key) if (section, key) in loaded.key_pos else (section,)
            line, col = loaded.key_pos.get(where, (1, 1))
            out.append(
                Problem(
                    rel,
                    line,
                    col,
                    RULE_MISSING,
                    Severity.ERROR,
                    f"{name} 没有填写：正式发布的网站须写明{key}",
                )
            )
            continue
        why = placeholder_reason((section, key), str(value))
        if why:
            line, col = loaded.pos(section, key)
            out.append(
                Problem(
                    rel,
                    line,
                    col,
                    RULE_PLACEHOLDER,
                    Severity.ERROR,
                    f"{name}“{value}”{why}：正式发布前须换成本单位真实的{key}",
                )
            )
    return out + _sample_recipients(loaded, rel)


# The age public key of the shipped sample office key (.xxgk/sample-keys/office-age-key.txt):
# whoever has the repository can read what is encrypted to it.
SAMPLE_AGE_KEYS = frozenset({"age1sg2xqxvfa50nvurd4fcdcx8g7tn6z2ljzn6ecqd95ul0xd3xea9s2ey57a"})


def _sample_recipients(loaded: Loaded, rel: str) -> list[Problem]:
    block = loaded.data.get("公开工作机构") if isinstance(loaded.data, dict) else None
    keys = block.get("收件公钥") if isinstance(block, dict) else None
    out = []
    for i, key in enumerate(keys if isinstance(keys, list) else []):
        if isinstance(key, str) and key.strip() in SAMPLE_AGE_KEYS:
            line, col = loaded.pos("公开工作机构", "收件公钥", i)
            out.append(
                Problem(
                    rel,
                    line,
                    col,
                    RULE_PLACEHOLDER,
                    Severity.ERROR,
                    "公开工作机构.收件公钥 是随附的样例公钥（对应的钥匙人人可见）：正式上线前换成"
                    "政务公开办公室自己的 age 公钥（docs/requests.md“钥匙的保管”）",
                )
            )
    return out


def signer_problems(text: str, rel: str = SIGNERS) -> list[Problem]:
    """Lines of the allowed-signers file that hold a sample key (comment 样例密钥…)."""
    out: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        found = _KEY_TYPE.search(stripped)
        comment = (found.group(1) or "") if found else ""
        if comment.strip().startswith(SAMPLE_KEY_MARK):
            who = stripped.split()[0]
            out.append(
                Problem(
                    rel,
                    number,
                    1,
                    RULE_SAMPLE_KEY,
                    Severity.ERROR,
                    f"{who} 的公钥是随附的样例密钥（私钥人人可见）：正式发布前删除这一行，"
                    "换成审查人员本人的公钥，再由领导小组签署（xxgk trust sign）",
                )
            )
    return out


def production_problems(root: Path) -> list[Problem]:
    """The problems above for the repository at ``root``, and the sample private keys."""
    out: list[Problem] = []
    for rel, check in ((REGISTRY, registry_problems), (SIGNERS, signer_problems)):
        text = _read(root, rel, out)
        if text is not None:
            out.extend(check(text, rel))
    if os.path.lexists(root / SAMPLE_KEYS):
        out.append(
            Problem(
                SAMPLE_KEYS,
                1,
                1,
                RULE_SAMPLE_KEY,
                Severity.ERROR,
                f"{SAMPLE_KEYS}/ 里是样例私钥，人人可见：正式发布前从仓库中删除",
            )
        )
    return sorted(out)


def _read(root: Path, rel: str, out: list[Problem]) -> str | None:
    try:
        raw = read_bytes(root, rel, RECORD_LIMIT)
    except FileNotFoundError:
        return None  # a missing registry or signers file is reported by xxgk check itself
    except (UnsafeFile, OSError) as exc:
        out.append(Problem(rel, 1, 1, RULE_PLACEHOLDER, Severity.ERROR, f"无法读取：{exc}"))
        return None
    text, bad = decode(raw, rel)
    if bad is not None:
        out.append(bad)
    return text
