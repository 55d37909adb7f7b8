"""The search tokenizer: CJK bigrams (+ unigrams when indexing), whole digit/Latin runs,
text normalised code point by code point."""

from __future__ import annotations

import json
from pathlib import Path

from xxgk_site_kit import add_entry, mkdocs_build

from xxgk.search.tokenize import ALGORITHM, exact_key, query_tokens, shard_of, tokens


def test_chinese_runs_become_bigrams_and_single_characters() -> None:
    assert tokens("保密审查") == ["保", "密", "审", "查", "保密", "密审", "审查"]
    assert query_tokens("保密审查") == ["保密", "密审", "审查"]


def test_a_single_character_query_keeps_its_character() -> None:
    assert query_tokens("号") == ["号"]


def test_document_numbers_are_found_whole_or_in_part() -> None:
    doc = set(tokens("鄂前政办发〔2018〕96号"))
    for query in ("鄂前政办发〔2018〕96号", "96号", "〔2018〕96", "政办发", "2018"):
        assert set(query_tokens(query)) <= doc, query
    assert not set(query_tokens("97号")) <= doc


def test_index_numbers_are_split_at_their_separators() -> None:
    assert query_tokens("000014349/2018-01705") == ["000014349", "2018", "01705"]
    assert set(query_tokens("2018-01705")) <= set(tokens("000014349/2018-01705"))


def test_full_width_digits_and_letters_match_their_ascii_forms() -> None:
    assert query_tokens("〔２０１８〕９６号") == query_tokens("〔2018〕96号")
    assert query_tokens("ＰＭ２.５") == ["pm2", "5"]


def test_chinese_numerals_with_the_ring_are_chinese_characters() -> None:
    assert "二〇" in tokens("二〇一八年") and "二○" in tokens("二○一八年")


def test_shards_are_stable_and_in_range() -> None:
    assert shard_of("保密", 64) == shard_of("保密", 64)
    assert {shard_of(t, 8) for t in tokens("政府信息公开保密审查制度")} <= set(range(8))


def test_the_built_index_holds_the_query_tokens_of_an_entry(site_repo: Path) -> None:
    add_entry(site_repo, 96, 文件编号="鄂前政办发〔2024〕96号")
    done = mkdocs_build(site_repo)
    assert done.returncode == 0, done.stderr
    idx = site_repo / "site/search/idx"
    manifest = json.loads((idx / "manifest.json").read_text("utf-8"))
    assert manifest["entries"] == 1 and "政策文件" in manifest["facets"]["c"]
    assert (
        manifest["tokenizer"]["algorithm"] == ALGORITHM and manifest["tokenizer"]["max_alnum"] == 32
    )
    for token in query_tokens("〔2024〕96号 保密审查") + [
        "#c:政策文件",
        "#y:2024",
        "#n:" + exact_key("鄂前政办发〔2024〕96号"),
    ]:
        shard = json.loads(
            (idx / "t" / f"{shard_of(token, manifest['shards'])}.json").read_text("utf-8")
        )
        entry = shard[token]  # the entry is document 0: first in a list, or not in a complement
        assert entry["p"][0] == 0 if "p" in entry else entry["x"][:1] != [0], token
    row, text = json.loads((idx / "x/0/0.0.json").read_text("utf-8"))  # document 0, block 0
    assert row[0] == "catalog/000014349-2024-00096/" and row[3] == "鄂前政办发〔2024〕96号"
    assert text.startswith("各镇人民政府，旗直各有关部门：") and row[10] == 1
