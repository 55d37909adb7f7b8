"""Link targets the site builds from names people write (attachment files).

Markup in bodies is the sanitizer's business (``xxgk.model.sanitize``); what remains here is
the other way text becomes a link: an attachment's 文件 is both a path beside the entry and
the ``href`` of its download link. Only a plain relative path inside the entry's folder may
be either: a name with a scheme (``javascript:alert(1)`` is a valid file name on Linux), an
absolute path, ``..``, a backslash (browsers read ``\\\\host`` as ``//host``) or a control
character is refused, and the ``href`` is percent-encoded besides.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def path_problem(name: str) -> str | None:
    """Why ``name`` cannot be an attachment's path and link; None when it can."""
    if not name.strip():
        return "附件的文件路径为空"
    if _CONTROL.search(name):
        return f"附件“{name!r}”的路径含有控制字符"
    if "\\" in name:
        return f"附件“{name}”的路径用了反斜杠“\\”：请改用“/”"
    if ":" in name:
        return f"附件“{name}”不能带协议或盘符（“:”）：请写相对于条目文件的路径，例如 attachments/文件名.docx"
    if name.startswith("/") or ".." in name.split("/"):
        return f"附件“{name}”不在条目所在的文件夹里"
    return None


def href(name: str) -> str:
    """The link to a checked attachment path, percent-encoded (``/`` kept)."""
    return quote(name, safe="/")
