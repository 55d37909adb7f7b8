"""Trust tests reuse the site kit (a real small site and ``mkdocs build``) and the gate kit
(a real git repository with real SSH keys)."""

from __future__ import annotations

import sys
from pathlib import Path

for kit in ("site", "gate"):
    path = str(Path(__file__).resolve().parents[1] / kit)
    if path not in sys.path:
        sys.path.insert(0, path)
