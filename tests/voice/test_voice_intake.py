"""An online answer (the questionnaire's e-mail, or the issue form's body) becomes a record."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from xxgk.io.registry import load_registry
from xxgk.voice.evaluation import aggregate
from xxgk.voice.store import load_evaluations

MAIL = """被评议单位：鄂托克前旗财政局

一、政府信息公开事项是否及时、准确、全面、真实：满意
二、政府信息公开是否方便群众、服务群众：不满意
三、政府信息公开是否提高了本级工作效率及透明度：基本满意
四、政府信息公开是否提高了依法行政、廉洁行政、科学行政水平：（未填）

意见和建议：
预算表格请提供可检索的版本：扫描件看不清
谢谢
"""

ISSUE = """### 被评议单位

鄂托克前旗教育体育局

### 一、政府信息公开事项是否及时、准确、全面、真实

不了解

### 二、政府信息公开是否方便群众、服务群众

_No response_

### 意见和建议

_No response_
"""


def add(root: Path, text: str, *extra: str) -> subprocess.CompletedProcess[str]:
    source = root / "answer.txt"
    source.write_text(text, encoding="utf-8")
    env = {**os.environ, "XXGK_TODAY": "2026-11-27"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "xxgk",
            "--root",
            str(root),
            "evaluation",
            "add",
            "--from",
            str(source),
            *extra,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_the_questionnaire_e_mail_becomes_a_valid_record_with_its_comment(repo: Path) -> None:
    done = add(repo, MAIL, "--note", "电子邮件，2026-11-27 收到", "--kind", "批评")
    assert done.returncode == 0, done.stderr
    assert "evaluations/2026/PY-2026-001.yml" in done.stdout
    items, problems = load_evaluations(repo, load_registry(repo))
    assert problems == []
    (ev,) = items
    assert (ev.channel, ev.unit, ev.count, str(ev.date)) == (
        "网络调查",
        "鄂托克前旗财政局",
        1,
        "2026-11-27",
    )
    assert ev.answers == {"q1": {"满意": 1}, "q2": {"不满意": 1}, "q3": {"基本满意": 1}}
    (c,) = ev.comments
    assert (c.kind, c.department, c.handling) == ("批评", "鄂托克前旗财政局", None)
    text = (repo / "evaluations/2026/PY-2026-001.yml").read_text(encoding="utf-8")
    assert "预算表格请提供可检索的版本：扫描件看不清\\n谢谢" in text


def test_an_issue_form_body_becomes_the_next_record_and_counts_in_the_year(repo: Path) -> None:
    assert add(repo, MAIL).returncode == 0
    done = add(repo, ISSUE, "--date", "2026-11-28")
    assert done.returncode == 0, done.stderr
    items, problems = load_evaluations(repo, load_registry(repo))
    assert problems == [] and len(items) == 2
    second = next(e for e in items if e.number == "PY-2026-002")
    assert second.answers == {"q1": {"不了解": 1}} and second.comments == ()
    assert aggregate(items, 2026).per_question["q1"].total() == 2


def test_an_answer_outside_the_options_or_an_unknown_unit_writes_nothing(repo: Path) -> None:
    done = add(repo, MAIL.replace("：满意", "：很好").replace("鄂托克前旗财政局", "财政局"))
    assert done.returncode == 1
    assert "“很好”不是问卷选项" in done.stderr and "被评议单位“财政局”不在" in done.stderr
    assert not (repo / "evaluations").exists()
