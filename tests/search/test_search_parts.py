"""The parts of the full-text index, each on real data: counting, levels, text, runs, merge."""

from __future__ import annotations

import json
from array import array
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.search.counting import BLOCK, OVERLAP, blocks_of, count_long, count_short
from xxgk.search.doc import K1, LEVELS, TITLE, B, IndexDoc, _level, codes, levels
from xxgk.search.merge import BIG, MergeJob, encode, merge_range
from xxgk.search.runs import CODE_BITS, SliceIndex, read_sections
from xxgk.search.text import html_text
from xxgk.search.tokenize import exact_key, normalize, shard_of, tokens

REPO = Path(__file__).resolve().parents[2]
# Characters of every kind the tokenizer treats differently: ideographs (BMP, extension A,
# extension B, compatibility), 〇, digits and letters full-width and not, punctuation, space.
ALPHABET = "政府信息公开保密审查〇㐀𠀀𠮷豈２Ａa9Z，。、 \n-〔〕㈠①Ｋ"


def body_tokens(text: str) -> Counter[str]:
    """What the index counts of a body: the tokenizer's tokens without single characters."""
    return Counter(t for t in tokens(text) if len(t) > 1 or t.isascii())


@given(st.text(alphabet=ALPHABET, max_size=300), st.integers(min_value=2, max_value=40))
@settings(max_examples=300, deadline=None)
def test_counting_a_long_text_gives_the_tokenizers_tokens(text: str, block: int) -> None:
    counts, _ = count_long(text, block)
    assert Counter(counts) == body_tokens(text)


def test_counting_the_seed_notice_gives_the_tokenizers_tokens() -> None:
    text = (REPO / "content/catalog/2018/000014349-2018-01705.md").read_text("utf-8")
    counts, first = count_long(text)
    assert Counter(counts) == body_tokens(text)
    assert first["缺位"] == text.index("不缺位") // BLOCK > 0  # the phrase is near the end


def test_a_token_s_block_is_the_first_block_it_occurs_in() -> None:
    text = "甲" * 10 + "保密审查" + "乙" * 10 + "保密审查"
    _, first = count_long(text, block=8)
    assert first["保密"] == 1 and first["甲甲"] == 0 and first["乙乙"] == 1


def test_text_blocks_overlap_so_a_phrase_on_a_seam_is_in_one_block() -> None:
    text = "一" * (BLOCK - 3) + "不缺位、不失语" + "二" * 100
    parts = blocks_of(text)
    assert len(parts) == 2 and "不缺位、不失语" in parts[0]
    assert "".join(p[:BLOCK] for p in parts) == text and len(parts[0]) == BLOCK + OVERLAP


def test_levels_are_bm25_saturation_in_steps() -> None:
    for norm in (0.25, 0.4, 1.0, 1.7, 4.3, 13.3):
        assert levels(norm, 500) == [0] + [_level(n / norm) for n in range(1, 501)]
    assert _level(0.01) == 1 and _level(1000) == LEVELS
    assert _level(K1) == round(LEVELS / 2 + 0.5)  # tf = k1: half of the maximum impact
    assert 0 < B < 1


def test_a_longer_body_lowers_the_level_of_the_same_count() -> None:
    short = codes(IndexDoc({}, "保密审查。" * 3, length=1000), pivot=4000)
    long = codes(IndexDoc({}, "保密审查。" * 3, length=40000), pivot=4000)
    assert short["保密"] & 15 > long["保密"] & 15


def test_a_document_has_title_exact_and_facet_tokens() -> None:
    doc = IndexDoc(
        {"信息名称": "关于保密审查的通知", "文件编号": "鄂前政办发〔2018〕96号"},
        exact=["鄂前政办发〔2018〕96号", "000014349/2018-01705"],
        facets={"c": "政策文件"},
    )
    found = codes(doc, pivot=1000)
    assert found[TITLE + "保密"] == 1 and TITLE + "96" not in found
    assert found["#n:鄂前政办发201896号"] == 1 and found["#n:000014349201801705"] == 1
    assert found["#c:政策文件"] == 1 and found["96"] & 15 > found["通知"] & 15 > 0


def test_normalisation_is_per_code_point_nfkc_in_lower_case() -> None:
    assert normalize("ＰＭ２.５，〔２０１８〕Ａ") == "pm2.5,〔2018〕a"
    assert normalize("豈㈠①K") == "豈(一)1k"  # compatibility ideograph, enclosed, Kelvin
    assert tokens("𠮷野家") == ["𠮷", "野", "家", "𠮷野", "野家"]  # extension B: one code point
    assert (
        exact_key("鄂前政办发[2018]96号")
        == exact_key("鄂前政办发〔２０１８〕96号")
        == "鄂前政办发201896号"
    )


def test_the_text_of_html_is_what_a_reader_sees() -> None:
    html = (
        "<h2>一、总则</h2><p><strong>第七条</strong>　各镇应当<em>不少于</em>2学时。</p>"
        "<table><tr><td>甲</td><td>乙</td></tr></table><script>x()</script><p>a &amp; b</p>"
    )
    assert html_text(html) == "一、总则\n第七条　各镇应当不少于2学时。\n甲 乙\na & b"


def test_runs_spilled_to_disk_merge_into_the_lists_of_one_index(tmp_path: Path) -> None:
    documents, shards = 6, 4
    runs = []
    for first in (0, 3):  # two slices, as two workers would write them
        part = SliceIndex()
        for doc in range(first, first + 3):
            part.add(
                doc,
                {"公开": 3, "保密": 2 | 1 << 4, TITLE + "公开": 1} if doc % 3 == 0 else {"公开": 5},
            )
        runs.append(tmp_path / f"run-{first}.bin")
        part.spill(runs[-1], shards, {})
    sections = list(read_sections(runs[0], 0, shards))
    assert sum(len(s) for s in sections) == 3
    merge_range(MergeJob(runs, tmp_path / "idx", shards, documents), 0, shards)
    shard = json.loads((tmp_path / "idx/t" / f"{shard_of('公开', shards)}.json").read_text("utf-8"))
    assert shard["公开"] == {"x": [], "w": 5, "h": [0, 3]}  # everywhere: the complement (none)
    shard = json.loads((tmp_path / "idx/t" / f"{shard_of('保密', shards)}.json").read_text("utf-8"))
    assert shard["保密"] == {"p": [0, 3], "w": 2 | 1 << 4}


def test_a_long_list_gets_a_file_of_its_own(tmp_path: Path) -> None:
    run, documents = tmp_path / "run.bin", 3000
    part = SliceIndex()
    for doc in range(0, documents, 3):
        part.add(doc, {"嘎查": 1 + doc % 15})
    part.spill(run, 1, {})
    merge_range(MergeJob([run], tmp_path / "idx", 1, documents), 0, 1)
    assert json.loads((tmp_path / "idx/t/0.json").read_text("utf-8")) == {"嘎查": 1}
    big = (tmp_path / "idx/t/0.1.json").read_bytes()
    assert len(big) > BIG and json.loads(big)["p"][:3] == [0, 3, 3]


def test_encoding_keeps_every_posting_or_names_the_documents_without_the_token() -> None:
    packed = array("Q", [(i << CODE_BITS) | level for i, level in ((2, 3), (5, 6), (9, 6))])
    assert encode(packed, None, 10) == {"p": [2, 3, 4], "w": [3, 6, 6]}
    dense = array("Q", [(i << CODE_BITS) | level for i, level in ((1, 3), (2, 6), (4, 6))])
    assert encode(dense, dense, 5) == {"x": [0, 3], "w": 6, "hx": [0, 3]}  # not in 0 and 3


@given(st.text(alphabet=ALPHABET, max_size=80))
@settings(max_examples=300, deadline=None)
def test_counting_a_short_field_gives_every_token_of_the_tokenizer(text: str) -> None:
    assert count_short(text) == Counter(tokens(text))
