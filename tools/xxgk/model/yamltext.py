"""YAML scalars as text: the one writer of every file we write, and the lists the reader
(``xxgk.io.yamlsafe``) uses to warn about values other YAML tools would change.

Every value in our files is text. A plain scalar that a YAML 1.1 reader (PyYAML, most CI
tools) would type — ``010`` (octal 8), ``0x1F``, ``1_000``, ``-5``, ``1:20`` (80), ``1.5``,
``.inf``, ``NO``/``y`` (false/true), ``~`` (null) — is written quoted; so is anything that
is not a safe plain scalar (a leading ``-``/``#``/quote, ``: ``, a trailing space, a line
break). Dates ``yyyy-mm-dd`` stay plain: staff read and write them that way, and our reader
takes them as text.
"""

from __future__ import annotations

import json
import re

# What the reader warns about (FM-IMPLICIT): plain values other tools read as something else.
BOOL_WORDS = frozenset(
    [
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
    ]
)
NULL_WORDS = frozenset(["", "~", "null", "Null", "NULL"])
# numbers whose value differs from the digits as read: octal, hex, binary, base 60
CHANGED_NUMBER = re.compile(r"^[-+]?(?:0[0-9_]+|0[bx][0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)$")

# YAML 1.1's implicit types (the resolvers of PyYAML), beside the words above.
_TYPED = re.compile(
    r"""^(?:
      true|True|TRUE|false|False|FALSE
    | [-+]?0b[0-1_]+ | [-+]?0x[0-9a-fA-F_]+ | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*
    | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+).*
    | <<|=
    )$""",
    re.VERBOSE,
)
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^#\n\r\t]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def typed(value: str) -> bool:
    """True when a YAML 1.1 reader would not read the plain ``value`` as this text."""
    return value in BOOL_WORDS or value in NULL_WORDS or bool(_TYPED.match(value))


def scalar(value: str) -> str:
    """``value`` as a YAML scalar that every YAML reader reads back as the same text."""
    if _DATE.match(value):
        return value
    if (
        _PLAIN_SAFE.match(value)
        and ": " not in value
        and not value.endswith((":", " "))
        and not typed(value)
        and value.isprintable()
    ):
        return value
    return _quoted(value)


def _quoted(value: str) -> str:
    """A double-quoted scalar: JSON's escapes (valid in YAML), and every character YAML
    would not keep as it is (line and paragraph separators, NEL, other non-printables)."""
    text = json.dumps(value, ensure_ascii=False)
    return _ESCAPE.sub(_escape, text)


_ESCAPE = re.compile(
    r"[^\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd"
    r"\U00010000-\U0010ffff]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
