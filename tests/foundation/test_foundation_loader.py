"""The YAML reader keeps every value as written and never raises on what staff can type."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from xxgk.io.frontmatter import parse
from xxgk.io.yamlsafe import load_yaml


def test_values_that_yaml_would_change_stay_text() -> None:
    loaded = load_yaml("a: 010\nb: NO\nc: 2018-11-05\nd: 1:20\ne: 0x1F\nf: 15\n", "x.yml")
    assert loaded.data == {
        "a": "010",
        "b": "NO",
        "c": "2018-11-05",
        "d": "1:20",
        "e": "0x1F",
        "f": "15",
    }
    warned = {(p.rule, p.line) for p in loaded.problems}
    assert warned == {
        ("FM-IMPLICIT", 1),
        ("FM-IMPLICIT", 2),
        ("FM-IMPLICIT", 4),
        ("FM-IMPLICIT", 5),
    }


def test_positions_count_from_the_file_not_the_block() -> None:
    doc = parse("---\n索引号: x\n信息名称: 标题\n---\n正文\n".encode(), "a.md")
    assert doc.pos("信息名称") == (3, 7)
    assert doc.body_line == 5 and doc.body == "正文\n"


def test_bom_and_crlf_are_accepted() -> None:
    doc = parse(b"\xef\xbb\xbf---\r\n\xe5\x90\x8d: a\r\n---\r\nbody\r\n", "a.md")
    assert doc.parsed and doc.meta == {"名": "a"} and doc.problems == []


def test_gbk_file_says_save_as_utf8_and_where() -> None:
    doc = parse("---\n名称: 鄂托克前旗\n---\n".encode("gbk"), "a.md")
    assert [(p.rule, p.line) for p in doc.problems] == [("FM-ENCODING", 2)]
    assert "另存为 UTF-8" in doc.problems[0].message


_KEYS = st.sampled_from(["索引号", "信息名称", "关键词", "a", "产生时间", "涉及部门"])
_CHARS = st.sampled_from(
    list("政府公开: \"'-#&*!|>%@`{}[],\t\n010NOyes.~?") + list(string.ascii_letters[:6])
)
_VALUES = st.text(_CHARS, max_size=30)
_LINES = st.lists(st.tuples(_KEYS, _VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"), max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
@example(["索引号: \n---"])  # a second document: both walks refuse it, with no data
def test_node_walk_and_event_walk_agree(lines: list[str]) -> None:
    """The fast path (nodes composed in C) gives exactly what the event walk gives."""
    text = "\n".join(lines)
    if any(c in text for c in "!&*"):
        return  # the fast path is never taken for such text
    fast, slow = load_yaml(text, "f.yml", 3), load_yaml(text, "f.yml", 3, force_events=True)
    assert (fast.ok, fast.data) == (slow.ok, slow.data)
    if fast.ok:
        assert fast.value_pos == slow.value_pos and fast.key_pos == slow.key_pos
        assert fast.problems == slow.problems
    else:
        # the event walk may have found problems before the syntax error; the error is the same
        assert fast.problems == slow.problems[-1:] and fast.problems[0].rule == "FM-SYNTAX"


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300) | _LINES.map(lambda ls: ("---\n" + "\n".join(ls) + "\n---\n").encode())
)
def test_no_input_raises(raw: bytes) -> None:
    doc = parse(raw, "fuzz.md")
    for problem in doc.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
