"""The one YAML reader of the project: every scalar stays text, every value keeps its line.

PyYAML's ``safe_load`` turns ``010`` into 8, ``NO`` into False and ``2018-11-05`` into a
``date``, keeps the last of two equal keys, and accepts ``!!binary`` and anchors. Staff
write these files by hand, so we read the event stream ourselves:

* scalars are kept exactly as written (``None`` for an empty plain value);
* a plain scalar that YAML 1.1 would read as a number or a boolean yields a warning;
* duplicate keys, explicit tags, anchors and aliases yield errors with their line;
* a syntax error yields one error with YAML's own line and column;
* nesting deeper than MAX_DEPTH yields an error (the walks below recurse once per level).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
from yaml.composer import ComposerError

try:  # the C parser is some ten times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from xxgk.model.problem import Problem, Severity
from xxgk.model.yamltext import BOOL_WORDS, CHANGED_NUMBER, NULL_WORDS

Path_ = tuple[str | int, ...]

# Plain scalars that YAML 1.1 (PyYAML) silently turns into something else than what
# people meant: yes/no words become booleans, leading zeros make octal numbers,
# colons make base-60 numbers. (Plain ``15`` or ``true`` mean what they say.)
MAX_DEPTH = 32  # real files nest 3 levels; libyaml allows 1,000, Python's stack does not
_TOO_DEEP = f"嵌套超过 {MAX_DEPTH} 层，不予读取：元数据和记录只需“字段名: 值”和简单的列表"
_DUP = "#dup"  # path part under which a repeated key's value is read (and dropped)


@dataclass
class Loaded:
    """Values with the (line, column) of each value and key, both 1-based."""

    data: Any = None
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    ok: bool = True

    def pos(self, *path: str | int) -> tuple[int, int]:
        """Where the value at ``path`` starts; the key, or line 1, when it has none."""
        return self.value_pos.get(path) or self.key_pos.get(path) or (1, 1)


class _Builder:
    def __init__(self, rel: str, line_offset: int, out: Loaded) -> None:
        self.rel = rel
        self.offset = line_offset
        self.out = out

    def _where(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def problem(self, mark: Any, rule: str, msg: str, sev: Severity = Severity.ERROR) -> None:
        line, col = self._where(mark)
        self.out.problems.append(Problem(self.rel, line, col, rule, sev, msg))

    def node(self, ev: Any, events: Iterator[Any], path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            self.problem(ev.start_mark, "FM-SYNTAX", _TOO_DEEP)
            _skip(ev, events)
            return None
        if isinstance(ev, yaml.AliasEvent):
            self.problem(
                ev.start_mark, "FM-ANCHOR", f"不能使用 YAML 引用“*{ev.anchor}”，请把内容直接写出"
            )
            return None
        if getattr(ev, "anchor", None):
            self.problem(ev.start_mark, "FM-ANCHOR", f"不能使用 YAML 锚点“&{ev.anchor}”，请去掉")
        tag = getattr(ev, "tag", None)
        if tag not in (None, "!"):
            shown = str(tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(
                ev.start_mark, "FM-TAG", f"不能使用 YAML 类型标记“{shown}”，请去掉，直接写文字"
            )
        self.out.value_pos[path] = self._where(ev.start_mark)
        if isinstance(ev, yaml.ScalarEvent):
            return self.scalar(ev)
        if isinstance(ev, yaml.SequenceStartEvent):
            items = []
            for i, sub in enumerate(_until(events, yaml.SequenceEndEvent)):
                items.append(self.node(sub, events, path + (i,)))
            return items
        if isinstance(ev, yaml.MappingStartEvent):
            return self.mapping(events, path)
        raise yaml.YAMLError(f"unexpected event {ev!r}")  # pragma: no cover

    def scalar(self, ev: Any) -> str | None:
        value: str = ev.value
        if ev.style:  # quoted or block scalar: text as written (plain is None or "")
            return value
        if value in NULL_WORDS:
            return None
        if value in BOOL_WORDS or CHANGED_NUMBER.match(value):
            self.problem(
                ev.start_mark,
                "FM-IMPLICIT",
                f"“{value}”会被一般 YAML 工具读成数字或真假值；本工具按文字读取，"
                f'请加引号写成 "{value}"，以免其他工具读错',
                Severity.WARNING,
            )
        return value

    def mapping(self, events: Iterator[Any], path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        pending = _until(events, yaml.MappingEndEvent)
        for key_ev in pending:
            if not isinstance(key_ev, yaml.ScalarEvent):
                self.problem(key_ev.start_mark, "FM-SYNTAX", "字段名必须是简单文字")
                self.node(key_ev, events, path + ("?",))
                self.node(next(events), events, path + ("?",))
                continue
            key = key_ev.value
            value_ev = next(events)
            where = self.key_path(result, key, key_ev.start_mark, path)
            value = self.node(value_ev, events, where)
            if len(where) == len(path) + 1:  # not a repeated key
                result[key] = value
        return result

    def key_path(self, result: dict[str, Any], key: str, mark: Any, path: Path_) -> Path_:
        """Where a key's value goes: its own path, or aside (reported) when it is a repeat."""
        if key in result:
            first = self.out.key_pos[path + (key,)][0]
            self.problem(
                mark,
                "FM-DUPLICATE-KEY",
                f"字段“{key}”重复出现（第 {first} 行已有），请删去一处；一般 YAML 工具会只保留后一个",
            )
            return path + (key, _DUP)
        self.out.key_pos[path + (key,)] = self._where(mark)
        return path + (key,)


class _NodeBuilder(_Builder):
    """The same values and problems from libyaml's composed nodes (built in C).

    Used when the text has no ``!``, ``&`` or ``*``, so it cannot hold a tag, an anchor or
    an alias (which composing would resolve silently); walking nodes costs a fraction of
    walking one Python event object per token.
    """

    def walk(self, node: Any, path: Path_) -> Any:
        if len(path) > MAX_DEPTH:
            self.problem(node.start_mark, "FM-SYNTAX", _TOO_DEEP)
            return None
        self.out.value_pos[path] = self._where(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(sub, path + (i,)) for i, sub in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, "FM-SYNTAX", "字段名必须是简单文字")
                continue
            key = key_node.value
            where = self.key_path(result, key, key_node.start_mark, path)
            value = self.walk(value_node, where)
            if len(where) == len(path) + 1:  # not a repeated key
                result[key] = value
        return result


_NEEDS_EVENTS = re.compile(r"[!&*]")


class _RawComposer(_Loader):
    """Composes nodes without resolving their tags: the walker reads every scalar as text,
    and resolving (a Python call per scalar, from C) was a quarter of the loading time."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""


def _skip(ev: Any, events: Iterator[Any]) -> None:
    """Consume the events of the collection ``ev`` starts (without recursing)."""
    depth = 1 if isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)) else 0
    while depth:
        nxt = next(events)
        if isinstance(nxt, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(nxt, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _until(events: Iterator[Any], end: type) -> Iterator[Any]:
    for ev in events:
        if isinstance(ev, end):
            return
        yield ev


def load_yaml(text: str, rel: str, line_offset: int = 0, force_events: bool = False) -> Loaded:
    """Read one YAML document. ``line_offset`` is added to every line (front matter).

    ``force_events=True`` forces the event walk (tests compare it with the node walk)."""
    out = Loaded()
    if not force_events and not _NEEDS_EVENTS.search(text):
        return _load_nodes(text, rel, line_offset, out)
    builder = _Builder(rel, line_offset, out)
    try:
        events = iter(yaml.parse(text, Loader=_Loader))
        first: Any = None  # libyaml's mark (yaml._yaml.Mark)
        for ev in events:
            if isinstance(ev, yaml.DocumentStartEvent):
                if first is not None:  # a "---" line inside: as composing says, one document only
                    raise ComposerError(
                        "expected a single document in the stream",
                        first,
                        "but found another document",
                        cast(Any, ev.start_mark),
                    )
                first = ev.start_mark
                nxt = next(events)
                if isinstance(nxt, yaml.DocumentEndEvent):
                    continue
                out.data = builder.node(nxt, events, ())
                if not isinstance(next(events), yaml.DocumentEndEvent):  # pragma: no cover
                    raise yaml.YAMLError("more than one node")
    except yaml.YAMLError as exc:
        out.data = None  # what was read before the error is not the document
        _syntax(out, exc, rel, line_offset)
    return out


def _load_nodes(text: str, rel: str, line_offset: int, out: Loaded) -> Loaded:
    try:
        node = yaml.compose(text, Loader=_RawComposer)
    except yaml.YAMLError as exc:
        _syntax(out, exc, rel, line_offset)
        return out
    if node is not None:
        out.data = _NodeBuilder(rel, line_offset, out).walk(node, ())
    return out


def _syntax(out: Loaded, exc: yaml.YAMLError, rel: str, line_offset: int) -> None:
    out.ok = False
    if isinstance(exc, yaml.MarkedYAMLError):
        # An unclosed quote or a key without its colon is noticed lines later, at the end
        # of the stream or on the next line: point at where the quote or the key began.
        starts = exc.context in _POINT_AT_START and exc.context_mark is not None
        mark = exc.context_mark if starts else (exc.problem_mark or exc.context_mark)
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        out.problems.append(Problem(rel, line, col, "FM-SYNTAX", Severity.ERROR, _explain(exc)))
        return
    msg = f"YAML 格式错误：{exc}"
    out.problems.append(Problem(rel, 1 + line_offset, 1, "FM-SYNTAX", Severity.ERROR, msg))


_POINT_AT_START = frozenset(("while scanning a quoted scalar", "while scanning a simple key"))

_HINTS = (
    ("mapping values are not allowed", "冒号后面的内容里又出现了“: ”，请给整个值加引号"),
    ("could not find expected ':'", "这一行缺少“字段名: 值”中的冒号，或上一行的引号没有闭合"),
    ("found character '\\t'", "YAML 不允许用制表符（Tab）缩进，请改为空格"),
    ("found unexpected end of stream", "引号没有闭合"),
    ("found undefined alias", "不能使用 YAML 引用（*名称）"),
    ("did not find expected key", "缩进不一致，或某行缺少“字段名: 值”"),
    ("expected <block end>", "缩进不一致，或某行缺少“字段名: 值”"),
    ("while scanning a quoted scalar", "引号没有闭合"),
)


def _explain(exc: yaml.MarkedYAMLError) -> str:
    raw = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in _HINTS:
        if needle in raw:
            return f"YAML 格式错误：{hint}"
    return "YAML 格式错误：请检查这一行的冒号、引号和缩进"
