"""Sign generated entries as a real reviewer would, for benchmarks (setup, not measured).

One reviewer of the generated registry may review for every unit; their key is made
in-process (Ed25519) and entered in ``.xxgk/allowed_signers``; a signed training record
qualifies them. Records are signed in-process with the same SSHSIG format ``ssh-keygen``
writes, so that 20,000 reviews do not take 20,000 processes to set up.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from xxgk.io.frontmatter import Document
from xxgk.io.registry import load_registry
from xxgk.review.sign import HEADER, SignRequest, build, record_path
from xxgk.review.yamlout import dump
from xxgk.trust.attest import signature_path
from xxgk.trust.roster import roster
from xxgk.trust.signers import SIGNERS_FILE
from xxgk.trust.sshsig import REVIEW, TRAINING, public_line, sign_ed25519

AUTHOR = "staff@bench.invalid"
TRAINING_RECORD = """类型: 集中培训
日期: "{date}"
主题: 保密审查人员专题培训
学时: "2"
组织单位: 政务公开办公室
参加人员:
  - 姓名: {name}
    单位: {unit}
"""


def let_first_reviewer_review_all(root: Path) -> None:
    """Generated entries come from every unit: the bench roster lets one reviewer review them all."""
    units = ", ".join(u.name for u in load_registry(root).units)
    text = (root / "xxgk.yml").read_text("utf-8")
    text = re.sub(r"^    审查单位: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(
        r"(审查人员:\n  - 姓名: [^\n]+\n)", rf"\1    审查单位: [{units}]\n", text, count=1
    )
    (root / "xxgk.yml").write_text(text, "utf-8")


class BenchSigner:
    def __init__(self, root: Path, day: dt.date) -> None:
        let_first_reviewer_review_all(root)
        self.root, self.day = root, day
        self.registry = load_registry(root)
        self.people = roster(self.registry)
        self.name = next(iter(self.people))
        person = self.people[self.name]
        self.key = Ed25519PrivateKey.generate()
        (root / SIGNERS_FILE).parent.mkdir(exist_ok=True)
        (root / SIGNERS_FILE).write_text(
            f'{person.principal} namespaces="{REVIEW},{TRAINING},git" '
            f"{public_line(self.key)} 基准测试密钥\n",
            "utf-8",
        )
        rel = f"training/{day.year}/bench-training.yml"
        text = TRAINING_RECORD.format(
            date=(day - dt.timedelta(days=30)).isoformat(), name=self.name, unit=person.unit
        )
        self._write(rel, text.encode(), TRAINING)

    def _write(self, rel: str, data: bytes, namespace: str) -> None:
        """Plain writes: generated data needs no fsync, and 40,000 of them would dominate."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        (self.root / signature_path(rel)).write_bytes(sign_ed25519(data, self.key, namespace))

    def sign(self, doc: Document) -> str:
        req = SignRequest(self.name, None, "同意公开", None, "", "", self.day, {}, AUTHOR)
        rel = record_path(self.registry, doc, str(doc.get("发布机构")), self.day)
        self._write(rel, dump(build(self.root, doc, req, self.people), HEADER).encode(), REVIEW)
        return rel
